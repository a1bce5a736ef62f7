<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>DoseResultPanel</name>
        <message numerus="yes">
            <location filename="../../desktop/ui/widgets/dose_result.py" line="102" />
            <source>%n administration(s)</source>
            <translation>
                <numerusform>%n administration</numerusform>
                <numerusform>%n administrations</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message numerus="yes">
            <location filename="../../desktop/ui/main_window.py" line="291" />
            <source>%n therapies loaded.</source>
            <translation>
                <numerusform>%n therapy loaded.</numerusform>
                <numerusform>%n therapies loaded.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/main_window.py" line="349" />
            <source>%n result(s)</source>
            <translation>
                <numerusform>%n result</numerusform>
                <numerusform>%n results</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PlanView</name>
        <message numerus="yes">
            <location filename="../../desktop/ui/views/plan_view.py" line="187" />
            <source>%n administration(s) in %1 months</source>
            <translation>
                <numerusform>%n administration in %1 months</numerusform>
                <numerusform>%n administrations in %1 months</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/views/plan_view.py" line="221" />
            <source>%n regimen(s) in this patient's plan.</source>
            <translation>
                <numerusform>%n regimen in this patient's plan.</numerusform>
                <numerusform>%n regimens in this patient's plan.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SchedulePanel</name>
        <message numerus="yes">
            <source>%n hospital dose(s) on a weekend or public holiday (marked ⚠).</source>
            <translation>
                <numerusform>%n hospital dose on a weekend or public holiday (marked ⚠).</numerusform>
                <numerusform>%n hospital doses on a weekend or public holiday (marked ⚠).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ComputeView</name>
        <message numerus="yes">
            <source>Moved by %n day(s); the later doses follow.</source>
            <translation>
                <numerusform>Moved by %n day; the later doses follow.</numerusform>
                <numerusform>Moved by %n days; the later doses follow.</numerusform>
            </translation>
        </message>
    </context>
</TS>
