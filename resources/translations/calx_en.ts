<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ComputeView</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/compute_view.py" line="338"/>
        <source>Moved by %n day(s); the later doses follow.</source>
        <translation>
            <numerusform>Moved by %n day; the later doses follow.</numerusform>
            <numerusform>Moved by %n days; the later doses follow.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="388"/>
        <source>%n therapies loaded.</source>
        <translation>
            <numerusform>%n therapy loaded.</numerusform>
            <numerusform>%n therapies loaded.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="463"/>
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
        <location filename="../../desktop/ui/views/plan_view.py" line="255"/>
        <source>%n administration(s) in %1 months</source>
        <translation>
            <numerusform>%n administration in %1 months</numerusform>
            <numerusform>%n administrations in %1 months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/plan_view.py" line="263"/>
        <source>⚠ %n date(s) on a closed day</source>
        <translation>
            <numerusform>⚠ %n date on a closed day</numerusform>
            <numerusform>⚠ %n dates on a closed day</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/plan_view.py" line="341"/>
        <source>%n regimen(s) in this patient&apos;s plan.</source>
        <translation>
            <numerusform>%n regimen in this patient&apos;s plan.</numerusform>
            <numerusform>%n regimens in this patient&apos;s plan.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchedulePanel</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/widgets/schedule_panel.py" line="117"/>
        <source>%n hospital dose(s) on a weekend or public holiday (marked ⚠).</source>
        <translation>
            <numerusform>%n hospital dose on a weekend or public holiday (marked ⚠).</numerusform>
            <numerusform>%n hospital doses on a weekend or public holiday (marked ⚠).</numerusform>
        </translation>
    </message>
</context>
</TS>
