<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="79"/>
        <source>Content release: %1</source>
        <translation>Publication : %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="48"/>
        <location filename="../../desktop/ui/dialogs/about.py" line="49"/>
        <source>About Calx</source>
        <translation>À propos de Calx</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="51"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="56"/>
        <source>Offline reference and dosing calculator for calcinosis in systemic sclerosis.</source>
        <translation>Référence hors ligne et calculateur de doses pour la calcinose de la sclérodermie systémique.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="66"/>
        <source>Clinical content: version %1, dated %2</source>
        <translation>Contenu clinique : version %1, du %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="74"/>
        <source>Content fingerprint: %1</source>
        <translation>Empreinte du contenu : %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about.py" line="86"/>
        <source>Source review: Valenzuela A, Chung L. Management of Calcinosis Associated with Systemic Sclerosis. Curr Treat Options Rheumatol 2016;2(1):85–96.</source>
        <translation>Revue source : Valenzuela A, Chung L. Management of Calcinosis Associated with Systemic Sclerosis. Curr Treat Options Rheumatol 2016;2(1):85–96.</translation>
    </message>
</context>
<context>
    <name>AlertsPanel</name>
    <message>
        <location filename="../../desktop/ui/widgets/alerts_panel.py" line="172"/>
        <source>Safety checks: no alert.</source>
        <translation>Vérifications de sécurité : aucune alerte.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/alerts_panel.py" line="176"/>
        <source>Safety checks: %1 alert(s), %2 contraindication(s) — click an alert to see why and its sources.</source>
        <translation>Vérifications de sécurité : %1 alerte(s), dont %2 contre-indication(s) — cliquez sur une alerte pour voir pourquoi et ses sources.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/alerts_panel.py" line="185"/>
        <source>Safety checks: %1 alert(s) — click an alert to see why and its sources.</source>
        <translation>Vérifications de sécurité : %1 alerte(s) — cliquez sur une alerte pour voir pourquoi et ses sources.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/alerts_panel.py" line="190"/>
        <source>Safety alerts</source>
        <translation>Alertes de sécurité</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/alerts_panel.py" line="197"/>
        <source>Safety checks</source>
        <translation>Vérifications de sécurité</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/alerts_panel.py" line="193"/>
        <source>Each alert: its severity and why; open it for the action, what triggered it and its sources</source>
        <translation>Chaque alerte : sa gravité et pourquoi ; ouvrez-la pour la conduite à tenir, ce qui l&apos;a déclenchée et ses sources</translation>
    </message>
</context>
<context>
    <name>BodyMetricsPanel</name>
    <message>
        <location filename="../../desktop/ui/widgets/body_metrics_panel.py" line="59"/>
        <source>Enter the patient&apos;s measurements</source>
        <translation>Saisissez les mesures du patient</translation>
    </message>
</context>
<context>
    <name>BsaPanel</name>
    <message>
        <location filename="../../desktop/ui/widgets/bsa_panel.py" line="88"/>
        <source>BSA &amp;formula for doses:</source>
        <translation>&amp;Formule de surface corporelle :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/bsa_panel.py" line="89"/>
        <source>BSA formula for doses</source>
        <translation>Formule de surface corporelle pour les doses</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/bsa_panel.py" line="91"/>
        <source>Formula used for doses per m²; the table compares all five</source>
        <translation>Formule utilisée pour les doses par m² ; le tableau compare les cinq</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/bsa_panel.py" line="93"/>
        <source>Body-surface area by five formulas</source>
        <translation>Surface corporelle selon cinq formules</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/bsa_panel.py" line="94"/>
        <source>Needs weight and height; the formula used is in bold</source>
        <translation>Nécessite le poids et la taille ; la formule utilisée est en gras</translation>
    </message>
</context>
<context>
    <name>BsaTableModel</name>
    <message>
        <location filename="../../desktop/ui/models/bsa_table.py" line="62"/>
        <source>Formula</source>
        <translation>Formule</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bsa_table.py" line="62"/>
        <source>BSA</source>
        <translation>SC</translation>
    </message>
</context>
<context>
    <name>ChoiceEditor</name>
    <message>
        <location filename="../../desktop/ui/widgets/choice_editor.py" line="134"/>
        <source>Left on its default, the value is marked as the source&apos;s default, not as your choice.</source>
        <translation>Laissée par défaut, la valeur est indiquée comme celle de la source, non comme votre choix.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/choice_editor.py" line="131"/>
        <source>The source gives only a maximum: a choice is required.</source>
        <translation>La source ne donne qu’un maximum : un choix est nécessaire.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/choice_editor.py" line="121"/>
        <source>%1 (default)</source>
        <translation>%1 (par défaut)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/choice_editor.py" line="118"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/choice_editor.py" line="104"/>
        <source>Dose:</source>
        <translation>Dose :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/choice_editor.py" line="105"/>
        <source>Interval:</source>
        <translation>Intervalle :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/choice_editor.py" line="106"/>
        <source>Treatment period:</source>
        <translation>Période de traitement :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/choice_editor.py" line="107"/>
        <source>Pause:</source>
        <translation>Pause :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/choice_editor.py" line="108"/>
        <source>Duration:</source>
        <translation>Durée :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/choice_editor.py" line="109"/>
        <source>Courses every:</source>
        <translation>Cures tous les :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/choice_editor.py" line="112"/>
        <source>Offset %1:</source>
        <translation>Décalage %1 :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/choice_editor.py" line="126"/>
        <source>Choose a value within the source&apos;s range: %1 %2</source>
        <translation>Choisissez une valeur dans l’intervalle de la source : %1 %2</translation>
    </message>
</context>
<context>
    <name>ComputeView</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/compute_view.py" line="338"/>
        <source>Moved by %n day(s); the later doses follow.</source>
        <translation>
            <numerusform>Reportée de %n jour ; les doses suivantes suivent.</numerusform>
            <numerusform>Reportée de %n jours ; les doses suivantes suivent.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/compute_view.py" line="549"/>
        <source>Body metrics</source>
        <translation>Mesures corporelles</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/compute_view.py" line="527"/>
        <source>Dose and working copied as text.</source>
        <translation>Dose et calcul copiés en texte.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/compute_view.py" line="571"/>
        <source>Print this calculation and its dates, without building a plan</source>
        <translation>Imprimer ce calcul et ses dates, sans construire de plan</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/compute_view.py" line="569"/>
        <source>Print this calculation</source>
        <translation>Imprimer ce calcul</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/compute_view.py" line="568"/>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/compute_view.py" line="566"/>
        <source>Copy the dose, its working and the patient&apos;s values as plain text</source>
        <translation>Copier la dose, son calcul et les valeurs du patient en texte brut</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/compute_view.py" line="564"/>
        <source>Copy the dose and its working</source>
        <translation>Copier la dose et son calcul</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/compute_view.py" line="563"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/compute_view.py" line="423"/>
        <source>Enter the patient&apos;s weight (and height for doses per m²) to compute the dose.</source>
        <translation>Saisissez le poids du patient (et la taille pour les doses par m²) pour calculer la dose.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/compute_view.py" line="461"/>
        <source>Choose a therapy, then a regimen.</source>
        <translation>Choisissez un traitement, puis un schéma.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/compute_view.py" line="482"/>
        <source>Added to the plan: %1</source>
        <translation>Ajouté au plan : %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/compute_view.py" line="547"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/compute_view.py" line="548"/>
        <source>Body-surface area</source>
        <translation>Surface corporelle</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/compute_view.py" line="550"/>
        <location filename="../../desktop/ui/views/compute_view.py" line="554"/>
        <source>Regimen</source>
        <translation>Schéma</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/compute_view.py" line="551"/>
        <source>Dose</source>
        <translation>Dose</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/compute_view.py" line="552"/>
        <source>Calendar</source>
        <translation>Calendrier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/compute_view.py" line="553"/>
        <source>&amp;Regimen:</source>
        <translation>&amp;Schéma :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/compute_view.py" line="555"/>
        <source>Regimens the review reports for this therapy</source>
        <translation>Schémas rapportés par la revue pour ce traitement</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/compute_view.py" line="556"/>
        <source>Therapy</source>
        <translation>Traitement</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/compute_view.py" line="557"/>
        <source>Regimen details</source>
        <translation>Détails du schéma</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/compute_view.py" line="558"/>
        <source>&amp;Add to plan</source>
        <translation>&amp;Ajouter au plan</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/compute_view.py" line="559"/>
        <source>Add to plan</source>
        <translation>Ajouter au plan</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/compute_view.py" line="561"/>
        <source>Add this regimen, with the values chosen, to the patient&apos;s plan</source>
        <translation>Ajouter ce schéma, avec les valeurs choisies, au plan du patient</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/compute_view.py" line="574"/>
        <source>No therapy chosen yet.</source>
        <translation>Aucun traitement choisi pour l’instant.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/compute_view.py" line="546"/>
        <source>Safety checks</source>
        <translation>Vérifications de sécurité</translation>
    </message>
</context>
<context>
    <name>DoseResultPanel</name>
    <message>
        <location filename="../../desktop/ui/widgets/dose_result.py" line="133"/>
        <source>Strength of the preparation the source names</source>
        <translation>Concentration de la préparation nommée par la source</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/dose_result.py" line="125"/>
        <source>The amount the source gives, or the value you chose in its range</source>
        <translation>La quantité donnée par la source, ou la valeur choisie dans sa fourchette</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/dose_result.py" line="127"/>
        <source>The exact result of the formula, never rounded</source>
        <translation>Le résultat exact de la formule, jamais arrondi</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/dose_result.py" line="128"/>
        <source>Rounded by the product&apos;s rule; the deviation is shown</source>
        <translation>Arrondie selon la règle du produit ; l’écart est indiqué</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/dose_result.py" line="129"/>
        <source>Dose per day</source>
        <translation>Dose par jour</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/dose_result.py" line="130"/>
        <source>Total of one course</source>
        <translation>Total d’une cure</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/dose_result.py" line="131"/>
        <source>Volume of concentrate for the dose to give</source>
        <translation>Volume de solution concentrée pour la dose à administrer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/dose_result.py" line="132"/>
        <source>Vials that waste least, then fewest vials</source>
        <translation>Flacons qui gaspillent le moins, puis le moins de flacons</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/dose_result.py" line="145"/>
        <source>Dose status</source>
        <translation>État de la dose</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/dose_result.py" line="146"/>
        <source>Dose warnings</source>
        <translation>Avertissements sur la dose</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/dose_result.py" line="147"/>
        <source>Working:</source>
        <translation>Calcul détaillé :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/dose_result.py" line="148"/>
        <source>Working of the calculation</source>
        <translation>Détail du calcul</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/dose_result.py" line="149"/>
        <source>Each step of the calculation, with the values used</source>
        <translation>Chaque étape du calcul, avec les valeurs utilisées</translation>
    </message>
</context>
<context>
    <name>IntendedUseDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/intended_use.py" line="25"/>
        <source>Intended use</source>
        <translation>Usage prévu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/intended_use.py" line="28"/>
        <source>&lt;p&gt;&lt;b&gt;Calx is a reference for clinicians, not a prescriber.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;It gathers what a published review reports about treating calcinosis in systemic sclerosis, with the source and how far each statement was checked, and it helps with dose arithmetic. Most treatments rest on case reports or small series and are used off-label.&lt;/p&gt;&lt;p&gt;Every dose, schedule and decision remains the prescribing clinician&apos;s responsibility: check each result against the product information and the patient.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Calx est une référence pour les cliniciens, pas un prescripteur.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Il rassemble ce qu’une revue publiée rapporte sur le traitement de la calcinose de la sclérodermie systémique, avec la source et le degré de vérification de chaque affirmation, et il aide aux calculs de doses. La plupart des traitements reposent sur des cas isolés ou de petites séries et sont utilisés hors AMM.&lt;/p&gt;&lt;p&gt;Chaque dose, chaque calendrier et chaque décision restent sous la responsabilité du médecin prescripteur : vérifiez chaque résultat au regard de l’information du produit et du patient.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/intended_use.py" line="38"/>
        <source>Intended use notice</source>
        <translation>Avis d’usage prévu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/intended_use.py" line="39"/>
        <location filename="../../desktop/ui/dialogs/intended_use.py" line="41"/>
        <source>I understand</source>
        <translation>J’ai compris</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="318"/>
        <source>&amp;Update content…</source>
        <translation>&amp;Mettre à jour le contenu…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="319"/>
        <source>Install a signed content release from a file (USB stick, hospital share)</source>
        <translation>Installer une version signée du contenu depuis un fichier (clé USB, partage de l&apos;hôpital)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="322"/>
        <source>&amp;Roll back content…</source>
        <translation>&amp;Revenir au contenu précédent…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="323"/>
        <source>Return to the content release kept before the last update</source>
        <translation>Revenir à la version du contenu conservée avant la dernière mise à jour</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="498"/>
        <source>Choose a content pack</source>
        <translation>Choisir un paquet de contenu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="500"/>
        <source>Calx content packs (*.calxpack);;All files (*)</source>
        <translation>Paquets de contenu Calx (*.calxpack);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="509"/>
        <source>Content %1 installed; the previous content is kept for a rollback.</source>
        <translation>Contenu %1 installé ; le contenu précédent est conservé pour un retour en arrière.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="526"/>
        <location filename="../../desktop/ui/main_window.py" line="533"/>
        <location filename="../../desktop/ui/main_window.py" line="546"/>
        <source>Roll back content</source>
        <translation>Revenir au contenu précédent</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="530"/>
        <source>the content shipped with Calx</source>
        <translation>le contenu livré avec Calx</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="535"/>
        <source>Return from content %1 to %2? Plans already saved keep the content they were made with.</source>
        <translation>Revenir du contenu %1 à %2 ? Les plans déjà enregistrés gardent le contenu avec lequel ils ont été faits.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="548"/>
        <source>Content %1 in use again.</source>
        <translation>Contenu %1 à nouveau utilisé.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="567"/>
        <source>Renewing the plan of %1: enter today&apos;s measurements, then check each regimen in the Plan view.</source>
        <translation>Renouvellement du plan de %1 : saisissez les mesures du jour, puis vérifiez chaque schéma dans le plan.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="633"/>
        <source>The plan on screen is not saved.</source>
        <translation>Le plan affiché n’est pas enregistré.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="634"/>
        <source>Renewing replaces it. Save it in Calx first?</source>
        <translation>Le renouvellement le remplace. L’enregistrer d’abord dans Calx ?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="638"/>
        <source>The patient&apos;s values on screen will be cleared.</source>
        <translation>Les valeurs du patient affichées seront effacées.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="639"/>
        <source>Renewing needs today&apos;s measurements. Clear them anyway?</source>
        <translation>Le renouvellement demande les mesures du jour. Les effacer quand même ?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="624"/>
        <source>Close Calx anyway?</source>
        <translation>Fermer Calx quand même ?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="624"/>
        <source>The patient&apos;s values will be lost.</source>
        <translation>Les valeurs du patient seront perdues.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="621"/>
        <source>Save it in Calx before closing, to reopen and reprint it later?</source>
        <translation>L’enregistrer dans Calx avant de fermer, pour le rouvrir et le réimprimer plus tard ?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="620"/>
        <source>The patient&apos;s plan is not saved.</source>
        <translation>Le plan du patient n’est pas enregistré.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="649"/>
        <source>Unsaved work</source>
        <translation>Travail non enregistré</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="293"/>
        <source>Calx — calcinosis in systemic sclerosis</source>
        <translation>Calx — calcinose de la sclérodermie systémique</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="294"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="295"/>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="296"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="297"/>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="298"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="300"/>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="300"/>
        <source>Print the current view</source>
        <translation>Imprimer la vue affichée</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="302"/>
        <source>&amp;Open saved plans…</source>
        <translation>&amp;Ouvrir un plan enregistré…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="303"/>
        <source>Reopen a saved plan and reprint it exactly as it was</source>
        <translation>Rouvrir un plan enregistré et le réimprimer exactement tel qu’il était</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="306"/>
        <source>&amp;Save plan</source>
        <translation>Enregi&amp;strer le plan</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="307"/>
        <source>Keep the patient&apos;s plan in Calx to reopen and reprint it later</source>
        <translation>Garder le plan du patient dans Calx pour le rouvrir et le réimprimer plus tard</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="310"/>
        <source>Save plan as P&amp;DF…</source>
        <translation>Enregistrer le plan en P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="311"/>
        <source>Save the patient&apos;s plan and the clinician copy as PDF files</source>
        <translation>Enregistrer le plan du patient et la copie du clinicien en fichiers PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="314"/>
        <source>&amp;Export calendar…</source>
        <translation>E&amp;xporter le calendrier…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="315"/>
        <source>Save the plan&apos;s administrations as a calendar file (.ics)</source>
        <translation>Enregistrer les administrations du plan dans un fichier de calendrier (.ics)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="325"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="325"/>
        <source>Close Calx</source>
        <translation>Fermer Calx</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="326"/>
        <source>&amp;Find therapy</source>
        <translation>&amp;Rechercher un traitement</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="326"/>
        <source>Go to the search field</source>
        <translation>Aller au champ de recherche</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="328"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="329"/>
        <source>Language, default BSA formula and units</source>
        <translation>Langue, formule de surface corporelle et unités par défaut</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="332"/>
        <source>&amp;Intended use</source>
        <translation>&amp;Usage prévu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="333"/>
        <source>What Calx is for, and what it is not</source>
        <translation>À quoi sert Calx, et à quoi il ne sert pas</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="336"/>
        <source>&amp;About Calx</source>
        <translation>&amp;À propos de Calx</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="337"/>
        <source>Version of the program and of its clinical content</source>
        <translation>Version du programme et de son contenu clinique</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="339"/>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="339"/>
        <source>The Qt toolkit</source>
        <translation>La bibliothèque Qt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="342"/>
        <source>&amp;Therapy</source>
        <translation>&amp;Traitement</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="343"/>
        <source>&amp;Compute</source>
        <translation>&amp;Calcul</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="344"/>
        <source>P&amp;lan</source>
        <translation>P&amp;lan</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="345"/>
        <source>&amp;Overview</source>
        <translation>&amp;Vue d’ensemble</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="348"/>
        <source>What the review reports about the chosen therapy</source>
        <translation>Ce que la revue rapporte sur le traitement choisi</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="349"/>
        <source>Patient values, doses and the calendar of administrations</source>
        <translation>Valeurs du patient, doses et calendrier des administrations</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="350"/>
        <source>The regimens chosen for this patient</source>
        <translation>Les schémas choisis pour ce patient</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="351"/>
        <source>All therapies in one table (the review&apos;s Table 1)</source>
        <translation>Tous les traitements dans un tableau (le Tableau 1 de la revue)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="364"/>
        <source>Views</source>
        <translation>Vues</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="365"/>
        <source>Database problem</source>
        <translation>Problème de base de données</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="366"/>
        <source>Content version</source>
        <translation>Version du contenu</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="388"/>
        <source>%n therapies loaded.</source>
        <translation>
            <numerusform>%n traitement chargé.</numerusform>
            <numerusform>%n traitements chargés.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="393"/>
        <source>The reference database cannot be used: %1</source>
        <translation>La base de référence est inutilisable : %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="397"/>
        <source>No reference database.</source>
        <translation>Pas de base de référence.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="463"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MedicationList</name>
    <message>
        <location filename="../../desktop/ui/widgets/medication_list.py" line="114"/>
        <source>Calx does not know this medication: its interactions are not checked.</source>
        <translation>Calx ne connaît pas ce médicament : ses interactions ne sont pas vérifiées.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/medication_list.py" line="120"/>
        <source>a medication the patient takes</source>
        <translation>un médicament que prend le patient</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/medication_list.py" line="121"/>
        <source>Current medication</source>
        <translation>Traitement en cours</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/medication_list.py" line="122"/>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/medication_list.py" line="123"/>
        <source>Add the current medication</source>
        <translation>Ajouter le traitement en cours</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/medication_list.py" line="124"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/medication_list.py" line="125"/>
        <source>Remove the chosen current medication</source>
        <translation>Retirer le traitement en cours choisi</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/medication_list.py" line="126"/>
        <source>Current medications</source>
        <translation>Traitements en cours</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/medication_list.py" line="129"/>
        <source>Type a medication the patient already takes (name or brand, French or English), then Add</source>
        <translation>Saisissez un médicament que le patient prend déjà (nom ou marque, en français ou en anglais), puis Ajouter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/medication_list.py" line="133"/>
        <source>Add it to the patient&apos;s current medications</source>
        <translation>L&apos;ajouter aux traitements en cours du patient</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/medication_list.py" line="134"/>
        <source>Remove the chosen medication from the list</source>
        <translation>Retirer de la liste le médicament choisi</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/medication_list.py" line="137"/>
        <source>Medications the patient already takes, checked against the plan; “not checked” when Calx does not know them</source>
        <translation>Médicaments que le patient prend déjà, vérifiés avec le plan ; « non vérifié » quand Calx ne les connaît pas</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <location filename="../../desktop/ui/navigator.py" line="268"/>
        <source>Clear the search</source>
        <translation>Effacer la recherche</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/navigator.py" line="148"/>
        <source>No therapy matches “%1”.</source>
        <translation>Aucun traitement ne correspond à « %1 ».</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/navigator.py" line="259"/>
        <source>Search therapies (Ctrl+F)</source>
        <translation>Chercher (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/navigator.py" line="262"/>
        <source>Type a drug, brand, abbreviation or any word; ↑ ↓ choose a result, Enter opens it</source>
        <translation>Tapez un médicament, un nom commercial, une abréviation ou un mot ; ↑ ↓ choisissent un résultat, Entrée l’ouvre</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/navigator.py" line="265"/>
        <source>Search therapies</source>
        <translation>Rechercher un traitement</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/navigator.py" line="269"/>
        <source>Therapies by category</source>
        <translation>Traitements par catégorie</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/navigator.py" line="270"/>
        <source>Therapies grouped as in the review; Enter opens one</source>
        <translation>Traitements regroupés comme dans la revue ; Entrée en ouvre un</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/navigator.py" line="271"/>
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/navigator.py" line="272"/>
        <source>Matching therapies, best first; Enter opens one</source>
        <translation>Traitements correspondants, les meilleurs d’abord ; Entrée en ouvre un</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/navigator.py" line="273"/>
        <source>No search results</source>
        <translation>Aucun résultat</translation>
    </message>
</context>
<context>
    <name>OverviewTableModel</name>
    <message>
        <location filename="../../desktop/ui/models/overview_table.py" line="45"/>
        <source>Therapy</source>
        <translation>Traitement</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/overview_table.py" line="46"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/overview_table.py" line="47"/>
        <source>Regimens</source>
        <translation>Schémas</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/overview_table.py" line="48"/>
        <source>Strongest evidence</source>
        <translation>Meilleur niveau de preuve</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/overview_table.py" line="49"/>
        <source>Flags</source>
        <translation>Signalements</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/overview_table.py" line="50"/>
        <source>Main adverse effects</source>
        <translation>Principaux effets indésirables</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/overview_table.py" line="56"/>
        <source>Advised against (%1)</source>
        <translation>Déconseillé (%1)</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <location filename="../../desktop/ui/views/overview_view.py" line="136"/>
        <source>Overview of all therapies</source>
        <translation>Vue d’ensemble de tous les traitements</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/overview_view.py" line="137"/>
        <source>Click a column title to sort; Enter opens a therapy</source>
        <translation>Cliquez sur un titre de colonne pour trier ; Entrée ouvre un traitement</translation>
    </message>
</context>
<context>
    <name>PatientPanel</name>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="314"/>
        <source>&amp;Weight:</source>
        <translation>&amp;Poids :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="315"/>
        <source>Weight</source>
        <translation>Poids</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="317"/>
        <source>Body weight; a number alone takes the unit on the right (you may also type “154 lb”)</source>
        <translation>Poids corporel ; un nombre seul prend l’unité de droite (vous pouvez aussi taper « 154 lb »)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="320"/>
        <source>e.g. 70</source>
        <translation>ex. 70</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="323"/>
        <source>&amp;Height:</source>
        <translation>&amp;Taille :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="324"/>
        <source>Height</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="325"/>
        <source>Height; needed for doses per m² (you may also type “5 ft 7 in”)</source>
        <translation>Taille ; nécessaire pour les doses par m² (vous pouvez aussi taper « 5 ft 7 in »)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="326"/>
        <source>e.g. 170</source>
        <translation>ex. 170</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="329"/>
        <source>&amp;Age (years):</source>
        <translation>Â&amp;ge (ans) :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="330"/>
        <source>Age</source>
        <translation>Âge</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="331"/>
        <source>Age in years (optional; needed for kidney function)</source>
        <translation>Âge en années (facultatif ; nécessaire pour la fonction rénale)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="332"/>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="338"/>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="353"/>
        <source>optional</source>
        <translation>facultatif</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="335"/>
        <source>&amp;Creatinine:</source>
        <translation>&amp;Créatinine :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="336"/>
        <source>Serum creatinine</source>
        <translation>Créatinine sérique</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="337"/>
        <source>Serum creatinine (optional), for kidney function</source>
        <translation>Créatinine sérique (facultatif), pour la fonction rénale</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="361"/>
        <source>Unit of %1</source>
        <translation>Unité : %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="363"/>
        <source>&amp;Sex:</source>
        <translation>&amp;Sexe :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="364"/>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="365"/>
        <source>Optional; needed for ideal body weight and kidney function</source>
        <translation>Facultatif ; nécessaire pour le poids idéal et la fonction rénale</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="366"/>
        <source>Not given</source>
        <translation>Non précisé</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="366"/>
        <source>Female</source>
        <translation>Femme</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="366"/>
        <source>Male</source>
        <translation>Homme</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="379"/>
        <source>Unit conversions</source>
        <translation>Conversions d’unités</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="368"/>
        <source>&amp;Pregnant:</source>
        <translation>&amp;Enceinte :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="369"/>
        <source>&amp;Breastfeeding:</source>
        <translation>A&amp;llaitement :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="370"/>
        <source>Current &amp;medications:</source>
        <translation>&amp;Traitements en cours :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="372"/>
        <source>Pregnant</source>
        <translation>Enceinte</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="373"/>
        <source>Breastfeeding</source>
        <translation>Allaitement</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="376"/>
        <source>For the plan&apos;s safety checks</source>
        <translation>Pour les vérifications de sécurité du plan</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="377"/>
        <source>Not known</source>
        <translation>Non renseigné</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="377"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="377"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="342"/>
        <source>Date of &amp;birth:</source>
        <translation>Date de &amp;naissance :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="343"/>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="344"/>
        <source>Optional, as YYYY-MM-DD: printed beside the name on every page of a plan</source>
        <translation>Facultatif, au format AAAA-MM-JJ : imprimée à côté du nom sur chaque page d’un plan</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="345"/>
        <source>e.g. 1961-04-23</source>
        <translation>ex. 1961-04-23</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="348"/>
        <source>Reco&amp;rd number:</source>
        <translation>Numéro de &amp;dossier :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="349"/>
        <source>Record number</source>
        <translation>Numéro de dossier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/patient_panel.py" line="351"/>
        <source>Optional hospital record number: printed beside the name on every page of a plan</source>
        <translation>Numéro de dossier hospitalier (facultatif) : imprimé à côté du nom sur chaque page d’un plan</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../desktop/ui/widgets/pdf_preview.py" line="111"/>
        <source>This PDF cannot be shown.</source>
        <translation>Ce PDF ne peut pas être affiché.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/pdf_preview.py" line="115"/>
        <source>Pages: %1</source>
        <translation>Pages : %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/pdf_preview.py" line="119"/>
        <source>Preparing the preview…</source>
        <translation>Préparation de l’aperçu…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/pdf_preview.py" line="129"/>
        <source>Previe&amp;w:</source>
        <translation>Aperç&amp;u :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/pdf_preview.py" line="130"/>
        <source>Patient plan</source>
        <translation>Plan du patient</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/pdf_preview.py" line="131"/>
        <source>Clinician copy</source>
        <translation>Copie du clinicien</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/pdf_preview.py" line="132"/>
        <source>Copy to preview</source>
        <translation>Copie à afficher</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/pdf_preview.py" line="133"/>
        <source>Which copy of the plan the preview shows and Print prints</source>
        <translation>La copie du plan que l’aperçu affiche et qu’Imprimer imprime</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/pdf_preview.py" line="135"/>
        <location filename="../../desktop/ui/widgets/pdf_preview.py" line="137"/>
        <source>Plan preview</source>
        <translation>Aperçu du plan</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/pdf_preview.py" line="136"/>
        <source>The plan as it will print</source>
        <translation>Le plan tel qu’il sera imprimé</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/pdf_preview.py" line="138"/>
        <source>Preview state</source>
        <translation>État de l’aperçu</translation>
    </message>
</context>
<context>
    <name>PlanOutputPanel</name>
    <message>
        <location filename="../../desktop/ui/widgets/plan_output_panel.py" line="146"/>
        <source>Save the plan as PDF</source>
        <translation>Enregistrer le plan en PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/plan_output_panel.py" line="146"/>
        <source>PDF files</source>
        <translation>Fichiers PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/plan_output_panel.py" line="156"/>
        <source>Export the calendar</source>
        <translation>Exporter le calendrier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/plan_output_panel.py" line="156"/>
        <source>Calendar files</source>
        <translation>Fichiers de calendrier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/plan_output_panel.py" line="163"/>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/plan_output_panel.py" line="163"/>
        <source>Print the copy shown in the preview</source>
        <translation>Imprimer la copie affichée dans l’aperçu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/plan_output_panel.py" line="166"/>
        <source>S&amp;ave as PDF…</source>
        <translation>Enregis&amp;trer en PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/plan_output_panel.py" line="167"/>
        <source>Save the patient&apos;s plan and the clinician copy as PDF files</source>
        <translation>Enregistrer le plan du patient et la copie du clinicien en fichiers PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/plan_output_panel.py" line="171"/>
        <source>Export &amp;calendar…</source>
        <translation>Exporter le &amp;calendrier…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/plan_output_panel.py" line="172"/>
        <source>Save the administrations as a calendar file (.ics)</source>
        <translation>Enregistrer les administrations dans un fichier de calendrier (.ics)</translation>
    </message>
</context>
<context>
    <name>PlanOutputs</name>
    <message>
        <location filename="../../desktop/ui/plan_outputs.py" line="206"/>
        <source>Plan sent to the printer</source>
        <translation>Plan envoyé à l’imprimante</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_outputs.py" line="215"/>
        <source>Saved %1</source>
        <translation>Enregistré : %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_outputs.py" line="143"/>
        <source>Replace existing files?</source>
        <translation>Remplacer des fichiers existants ?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/plan_outputs.py" line="145"/>
        <source>These files already exist and would be replaced:
%1

Replace them?</source>
        <translation>Ces fichiers existent déjà et seraient remplacés :
%1

Les remplacer ?</translation>
    </message>
</context>
<context>
    <name>PlanView</name>
    <message>
        <location filename="../../desktop/ui/views/plan_view.py" line="250"/>
        <source>dose needs the patient&apos;s measurements</source>
        <translation>la dose nécessite les mesures du patient</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/plan_view.py" line="253"/>
        <source>from %1</source>
        <translation>à partir du %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/plan_view.py" line="255"/>
        <source>%n administration(s) in %1 months</source>
        <translation>
            <numerusform>%n administration en %1 mois</numerusform>
            <numerusform>%n administrations en %1 mois</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/plan_view.py" line="337"/>
        <source>No regimen in the plan yet: choose one in the Compute view and press “Add to plan”.</source>
        <translation>Aucun schéma dans le plan pour l’instant : choisissez-en un dans la vue Calcul et appuyez sur « Ajouter au plan ».</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/plan_view.py" line="341"/>
        <source>%n regimen(s) in this patient&apos;s plan.</source>
        <translation>
            <numerusform>%n schéma dans le plan de ce patient.</numerusform>
            <numerusform>%n schémas dans le plan de ce patient.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/plan_view.py" line="351"/>
        <location filename="../../desktop/ui/views/plan_view.py" line="362"/>
        <source>Add a regimen to the plan first</source>
        <translation>Ajoutez d’abord un schéma au plan</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/plan_view.py" line="364"/>
        <source>Enter the patient&apos;s measurements in the Compute view first.</source>
        <translation>Saisissez d’abord les mesures du patient dans la vue Calcul.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/plan_view.py" line="366"/>
        <source>Enter the patient&apos;s name: it is printed on every page.</source>
        <translation>Saisissez le nom du patient : il est imprimé sur chaque page.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/plan_view.py" line="329"/>
        <source>Keep this plan in Calx to reopen and reprint it later (File › Open saved plans)</source>
        <translation>Garder ce plan dans Calx pour le rouvrir et le réimprimer plus tard (Fichier › Ouvrir un plan enregistré)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/plan_view.py" line="263"/>
        <source>⚠ %n date(s) on a closed day</source>
        <translation>
            <numerusform>⚠ %n date un jour de fermeture</numerusform>
            <numerusform>⚠ %n dates un jour de fermeture</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/plan_view.py" line="528"/>
        <source>Plan saved for %1</source>
        <translation>Plan enregistré pour %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/plan_view.py" line="558"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/plan_view.py" line="559"/>
        <source>The regimens of this plan, in the order they will print</source>
        <translation>Les schémas de ce plan, dans l’ordre d’impression</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/plan_view.py" line="560"/>
        <source>Plan summary</source>
        <translation>Résumé du plan</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/plan_view.py" line="561"/>
        <source>Plan problem</source>
        <translation>Problème du plan</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/plan_view.py" line="566"/>
        <source>Patient &amp;name:</source>
        <translation>&amp;Nom du patient :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/plan_view.py" line="567"/>
        <source>Printed on every page of the plan</source>
        <translation>Imprimé sur chaque page du plan</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/plan_view.py" line="572"/>
        <source>Prepared &amp;by:</source>
        <translation>Préparé &amp;par :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/plan_view.py" line="573"/>
        <source>The clinician who prepares the plan (optional)</source>
        <translation>Le clinicien qui prépare le plan (facultatif)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/plan_view.py" line="578"/>
        <source>Plan lan&amp;guage:</source>
        <translation>Lan&amp;gue du plan :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/plan_view.py" line="579"/>
        <source>Language of the printed plan, whatever the window&apos;s language</source>
        <translation>Langue du plan imprimé, quelle que soit la langue de la fenêtre</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/plan_view.py" line="586"/>
        <source>Move &amp;up</source>
        <translation>&amp;Monter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/plan_view.py" line="586"/>
        <source>Move the chosen regimen up</source>
        <translation>Monter le schéma choisi</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/plan_view.py" line="587"/>
        <source>Move &amp;down</source>
        <translation>&amp;Descendre</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/plan_view.py" line="587"/>
        <source>Move the chosen regimen down</source>
        <translation>Descendre le schéma choisi</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/plan_view.py" line="590"/>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/plan_view.py" line="591"/>
        <source>Remove the chosen regimen from the plan</source>
        <translation>Retirer le schéma choisi du plan</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/plan_view.py" line="593"/>
        <source>&amp;Save plan</source>
        <translation>Enregi&amp;strer le plan</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/plan_view.py" line="403"/>
        <source>Contraindication (%1): the plan cannot be printed, saved or exported until you give a reason (“Give a reason…”).</source>
        <translation>Contre-indication (%1) : le plan ne peut être ni imprimé, ni enregistré, ni exporté tant que vous n&apos;avez pas donné de raison (« Donner une raison… »).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/plan_view.py" line="481"/>
        <source>Reason for overriding a contraindication</source>
        <translation>Raison de passer outre une contre-indication</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/plan_view.py" line="483"/>
        <source>%1

This plan has a contraindication (%2). Your reason is printed on the clinician copy, saved with the plan and logged:</source>
        <translation>%1

Ce plan comporte une contre-indication (%2). Votre raison est imprimée sur la copie clinicien, enregistrée avec le plan et journalisée :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/plan_view.py" line="596"/>
        <source>Give a &amp;reason…</source>
        <translation>Donner une &amp;raison…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/plan_view.py" line="597"/>
        <source>Give your reason for printing despite the contraindication</source>
        <translation>Donner votre raison d&apos;imprimer malgré la contre-indication</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/plan_view.py" line="601"/>
        <source>&amp;Large print (patient copy)</source>
        <translation>Gr&amp;os caractères (copie patient)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/plan_view.py" line="603"/>
        <source>Body text of 14 pt or more, for poor sight or stiff hands: same content, more pages</source>
        <translation>Texte de 14 pt ou plus, pour une vue faible ou des mains raides : même contenu, plus de pages</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/plan_view.py" line="609"/>
        <source>Weekly &amp;tick sheet</source>
        <translation>&amp;Fiche à cocher de la semaine</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/plan_view.py" line="611"/>
        <source>End the patient copy with a page to tick each dose of the home medicines, for a week</source>
        <translation>Termine la copie patient par une page où cocher chaque prise des médicaments à la maison, pendant une semaine</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/preferences.py" line="126"/>
        <source>None (weekends only)</source>
        <translation>Aucun (week-ends seulement)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/preferences.py" line="111"/>
        <source>Infusions and procedures on a weekend or on a public holiday of this country are flagged in the calendar</source>
        <translation>Les perfusions et les gestes un week-end ou un jour férié de ce pays sont signalés dans le calendrier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/preferences.py" line="109"/>
        <source>Public &amp;holidays of:</source>
        <translation>&amp;Jours fériés de :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/preferences.py" line="95"/>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/preferences.py" line="97"/>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/preferences.py" line="97"/>
        <source>Language of the window and of the clinical text</source>
        <translation>Langue de la fenêtre et du texte clinique</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/preferences.py" line="99"/>
        <source>Default &amp;BSA formula:</source>
        <translation>&amp;Formule de surface corporelle par défaut :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/preferences.py" line="100"/>
        <source>Body-surface-area formula used for doses per m² unless you pick another</source>
        <translation>Formule de surface corporelle utilisée pour les doses par m², sauf si vous en choisissez une autre</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/preferences.py" line="102"/>
        <source>Default &amp;weight unit:</source>
        <translation>Unité de &amp;poids par défaut :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/preferences.py" line="102"/>
        <source>Unit offered first for the weight</source>
        <translation>Unité proposée d’abord pour le poids</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/preferences.py" line="103"/>
        <source>Default &amp;height unit:</source>
        <translation>Unité de &amp;taille par défaut :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/preferences.py" line="103"/>
        <source>Unit offered first for the height</source>
        <translation>Unité proposée d’abord pour la taille</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/preferences.py" line="105"/>
        <source>Default &amp;creatinine unit:</source>
        <translation>Unité de &amp;créatinine par défaut :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/preferences.py" line="106"/>
        <source>Unit offered first for serum creatinine</source>
        <translation>Unité proposée d’abord pour la créatinine sérique</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/preferences.py" line="122"/>
        <source>These are defaults for a new patient: the patient, the regimen&apos;s values and the plan on screen stay as they are.</source>
        <translation>Ce sont les valeurs par défaut pour un nouveau patient : le patient, les valeurs du schéma et le plan affichés restent tels quels.</translation>
    </message>
</context>
<context>
    <name>SavedPlansDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/saved_plans.py" line="308"/>
        <source>Delete this saved plan (asks first; the log records it)</source>
        <translation>Supprimer ce plan enregistré (avec confirmation ; le journal l’enregistre)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/saved_plans.py" line="307"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/saved_plans.py" line="301"/>
        <source>Start the next visit&apos;s plan from this one: the same regimens and values, from today, with today&apos;s measurements</source>
        <translation>Préparer le plan de la prochaine visite à partir de celui-ci : mêmes schémas et valeurs, à partir d’aujourd’hui, avec les mesures du jour</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/saved_plans.py" line="299"/>
        <source>&amp;Renew in Plan view</source>
        <translation>&amp;Renouveler dans le plan</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/saved_plans.py" line="262"/>
        <source>Plan of %1 deleted; the log records it.</source>
        <translation>Plan de %1 supprimé ; le journal l’enregistre.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/saved_plans.py" line="237"/>
        <source>Delete the plan of %1 prepared on %2? The log keeps a record that it was deleted.</source>
        <translation>Supprimer le plan de %1 préparé le %2 ? Le journal garde la trace de sa suppression.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/saved_plans.py" line="235"/>
        <source>Delete the saved plan</source>
        <translation>Supprimer le plan enregistré</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/saved_plans.py" line="281"/>
        <source>Clear the filter</source>
        <translation>Effacer le filtre</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/saved_plans.py" line="132"/>
        <source>No saved plan yet: in the Plan view, press “Save plan”.</source>
        <translation>Aucun plan enregistré pour l’instant : dans la vue Plan, appuyez sur « Enregistrer le plan ».</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/saved_plans.py" line="183"/>
        <source>Made with content %1 (%2); it reprints exactly as it was saved.</source>
        <translation>Établi avec le contenu %1 (%2) ; il se réimprime exactement tel qu’il a été enregistré.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/saved_plans.py" line="191"/>
        <source>This is also the content installed now.</source>
        <translation>C’est aussi le contenu installé actuellement.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/saved_plans.py" line="199"/>
        <source>The content installed now is %1 (%2): check this plan against it before renewing a treatment.</source>
        <translation>Le contenu installé actuellement est %1 (%2) : vérifiez ce plan au regard de celui-ci avant de renouveler un traitement.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/saved_plans.py" line="160"/>
        <source>Choose a saved plan to see it here.</source>
        <translation>Choisissez un plan enregistré pour l’afficher ici.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/saved_plans.py" line="277"/>
        <location filename="../../desktop/ui/dialogs/saved_plans.py" line="288"/>
        <source>Saved plans</source>
        <translation>Plans enregistrés</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/saved_plans.py" line="278"/>
        <source>&amp;Find patient:</source>
        <translation>&amp;Rechercher un patient :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/saved_plans.py" line="285"/>
        <source>Find patient</source>
        <translation>Rechercher un patient</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/saved_plans.py" line="286"/>
        <source>Show only the plans of patients whose name contains this text</source>
        <translation>N’afficher que les plans des patients dont le nom contient ce texte</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/saved_plans.py" line="288"/>
        <source>Plans kept in Calx, newest first</source>
        <translation>Plans gardés dans Calx, les plus récents en premier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/saved_plans.py" line="293"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/saved_plans.py" line="294"/>
        <source>Close the list of saved plans</source>
        <translation>Fermer la liste des plans enregistrés</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/saved_plans.py" line="295"/>
        <source>Content version of the plan</source>
        <translation>Version du contenu du plan</translation>
    </message>
</context>
<context>
    <name>SavedPlansModel</name>
    <message>
        <location filename="../../desktop/ui/models/saved_plans.py" line="64"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/saved_plans.py" line="65"/>
        <source>Plan date</source>
        <translation>Date du plan</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/saved_plans.py" line="90"/>
        <source>Saved %1 at %2</source>
        <translation>Enregistré le %1 à %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/saved_plans.py" line="66"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/saved_plans.py" line="67"/>
        <source>Content version</source>
        <translation>Version du contenu</translation>
    </message>
</context>
<context>
    <name>ScheduleListModel</name>
    <message>
        <location filename="../../desktop/ui/models/schedule_list.py" line="77"/>
        <source>closed day: %1</source>
        <translation>jour de fermeture : %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/schedule_list.py" line="43"/>
        <source>Dose %1</source>
        <translation>Dose %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/schedule_list.py" line="44"/>
        <source>Session %1</source>
        <translation>Séance %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/schedule_list.py" line="45"/>
        <source>Dressing change %1</source>
        <translation>Changement de pansement %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/schedule_list.py" line="46"/>
        <source>Daily treatment</source>
        <translation>Traitement quotidien</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/schedule_list.py" line="47"/>
        <source>Treatment period %1</source>
        <translation>Période de traitement %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/schedule_list.py" line="48"/>
        <source>Pause %1</source>
        <translation>Pause %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/schedule_list.py" line="58"/>
        <source>%1 to %2 (days %3–%4)</source>
        <translation>du %1 au %2 (jours %3 à %4)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/schedule_list.py" line="65"/>
        <source>(continues)</source>
        <translation>(se poursuit)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/schedule_list.py" line="70"/>
        <source>course %1</source>
        <translation>cure %1</translation>
    </message>
</context>
<context>
    <name>SchedulePanel</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/widgets/schedule_panel.py" line="117"/>
        <source>%n hospital dose(s) on a weekend or public holiday (marked ⚠).</source>
        <translation>
            <numerusform>%n dose à l’hôpital un week-end ou un jour férié (marquée ⚠).</numerusform>
            <numerusform>%n doses à l’hôpital un week-end ou un jour férié (marquées ⚠).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/schedule_panel.py" line="168"/>
        <source>Move the chosen dose (or the first one marked ⚠) to the next working day; the later doses follow it</source>
        <translation>Reporter la dose choisie (ou la première marquée ⚠) au prochain jour ouvré ; les doses suivantes la suivent</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/schedule_panel.py" line="165"/>
        <source>Move to the next working day</source>
        <translation>Reporter au prochain jour ouvré</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/schedule_panel.py" line="164"/>
        <source>&amp;Move to the next working day</source>
        <translation>&amp;Reporter au prochain jour ouvré</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/schedule_panel.py" line="163"/>
        <source>Closed days</source>
        <translation>Jours de fermeture</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/schedule_panel.py" line="180"/>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/schedule_panel.py" line="179"/>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/schedule_panel.py" line="178"/>
        <source>Next month</source>
        <translation>Mois suivant</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/schedule_panel.py" line="177"/>
        <source>Previous month</source>
        <translation>Mois précédent</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/schedule_panel.py" line="176"/>
        <source>Days of the month</source>
        <translation>Jours du mois</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/schedule_panel.py" line="151"/>
        <source>&amp;Start date:</source>
        <translation>&amp;Date de début :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/schedule_panel.py" line="152"/>
        <source>Start date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/schedule_panel.py" line="153"/>
        <source>Date of the first administration</source>
        <translation>Date de la première administration</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/schedule_panel.py" line="154"/>
        <source>&amp;Horizon:</source>
        <translation>&amp;Horizon :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/schedule_panel.py" line="155"/>
        <source>months</source>
        <translation>mois</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/schedule_panel.py" line="156"/>
        <source>Horizon in months</source>
        <translation>Horizon en mois</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/schedule_panel.py" line="157"/>
        <source>How far ahead the calendar goes</source>
        <translation>Jusqu’où va le calendrier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/schedule_panel.py" line="158"/>
        <source>Administrations</source>
        <translation>Administrations</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/schedule_panel.py" line="159"/>
        <source>Every administration up to the horizon</source>
        <translation>Toutes les administrations jusqu’à l’horizon</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/schedule_panel.py" line="160"/>
        <source>Calendar of administrations</source>
        <translation>Calendrier des administrations</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/schedule_panel.py" line="161"/>
        <source>Days with an administration are highlighted</source>
        <translation>Les jours d’administration sont surlignés</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/schedule_panel.py" line="162"/>
        <source>Calendar notes</source>
        <translation>Remarques sur le calendrier</translation>
    </message>
</context>
<context>
    <name>TherapyView</name>
    <message>
        <location filename="../../desktop/ui/views/therapy_view.py" line="39"/>
        <source>Choose a therapy on the left, or search for one (Ctrl+F).</source>
        <translation>Choisissez un traitement à gauche, ou recherchez-en un (Ctrl+F).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/therapy_view.py" line="59"/>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/therapy_view.py" line="60"/>
        <source>Mechanism</source>
        <translation>Mécanisme</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/therapy_view.py" line="61"/>
        <source>Regimens</source>
        <translation>Schémas</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/therapy_view.py" line="62"/>
        <source>Evidence</source>
        <translation>Données cliniques</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/therapy_view.py" line="63"/>
        <source>Adverse effects</source>
        <translation>Effets indésirables</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/therapy_view.py" line="64"/>
        <source>Cautions</source>
        <translation>Précautions</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/therapy_view.py" line="65"/>
        <source>Monitoring</source>
        <translation>Surveillance</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/therapy_view.py" line="66"/>
        <source>Advice for the patient</source>
        <translation>Conseils au patient</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/therapy_view.py" line="67"/>
        <source>Instructions</source>
        <translation>Instructions</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/therapy_view.py" line="68"/>
        <source>References</source>
        <translation>Références</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/therapy_view.py" line="72"/>
        <source>Study</source>
        <translation>Étude</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/therapy_view.py" line="73"/>
        <source>Design</source>
        <translation>Type d’étude</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/therapy_view.py" line="74"/>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/therapy_view.py" line="75"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/therapy_view.py" line="76"/>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/therapy_view.py" line="81"/>
        <source>Compute this dose…</source>
        <translation>Calculer cette dose…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/therapy_view.py" line="82"/>
        <source>The review gives no dose: no calculation.</source>
        <translation>La revue ne donne pas de dose : pas de calcul.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/therapy_view.py" line="83"/>
        <source>Timing:</source>
        <translation>Calendrier :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/therapy_view.py" line="84"/>
        <source>Strongest evidence</source>
        <translation>Meilleur niveau de preuve</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/therapy_view.py" line="105"/>
        <source>Therapy details</source>
        <translation>Détails du traitement</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/therapy_view.py" line="71"/>
        <source>Advised against</source>
        <translation>Déconseillé</translation>
    </message>
</context>
<context>
    <name>UpdateContentDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/update_content.py" line="107"/>
        <source>Update content</source>
        <translation>Mettre à jour le contenu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/update_content.py" line="108"/>
        <source>&amp;Install</source>
        <translation>&amp;Installer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/update_content.py" line="110"/>
        <source>Install this content release; the current one is kept for a rollback</source>
        <translation>Installer cette version du contenu ; la version actuelle est conservée pour un retour en arrière</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/update_content.py" line="112"/>
        <source>Changes in this content release</source>
        <translation>Changements de cette version du contenu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/update_content.py" line="115"/>
        <source>This content pack is refused:</source>
        <translation>Ce paquet de contenu est refusé :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/update_content.py" line="125"/>
        <source>Content %1, signed by %2. Read the changes (doses and safety rules first) before installing.</source>
        <translation>Contenu %1, signé par %2. Lisez les changements (doses et règles de sécurité d&apos;abord) avant d&apos;installer.</translation>
    </message>
</context>
</TS>
