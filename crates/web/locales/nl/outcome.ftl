# De uitkomst van een sessie: verslag, bijdragen, toezeggingen en voorgestelde indicatoren.
# De Engelse vertaling staat in ../en/outcome.ftl, met precies dezelfde berichten.

nav-commitments = Toezeggingen

## Het formulier van de griffie

outcome-form-title = Uitkomst vastleggen
outcome-form-heading = Uitkomst vastleggen: { $subject }
outcome-form-intro = Leg na de sessie het verslag vast, de bijdragen van de fracties per vraag, de toezeggingen van de portefeuillehouders en de voorgestelde succesindicatoren. Na opslaan is het voorstel behandeld en staat de uitkomst openbaar bij de sessie (als de avond gepubliceerd is).
outcome-field-minutes = Verslag
outcome-field-minutes-hint = Laat een regel leeg tussen alinea's.
outcome-contributions-heading = Bijdragen van de fracties
outcome-rows-hint = Vul een lege rij in om er een toe te voegen; na opslaan komen er nieuwe lege rijen bij. Vink ‘Rij verwijderen’ aan om een rij weg te halen.
outcome-contribution-legend = Bijdrage { $number }
outcome-field-question = Vraag
outcome-question-general = Algemeen (geen vraag)
outcome-field-party = Fractie
outcome-field-contribution = Bijdrage
outcome-remove-row = Rij verwijderen
outcome-commitments-heading = Toezeggingen
outcome-commitments-hint = Zonder datum is een toezegging uiterlijk { $date } af (de eerstvolgende 1 juli of 1 december na de sessie).
outcome-commitment-legend = Toezegging { $number }
outcome-field-holder = Portefeuillehouder
outcome-field-commitment = Wat is toegezegd
outcome-field-programme = Ontwikkelopgave
outcome-programme-none = Geen
outcome-field-due = Uiterlijk af op
outcome-field-due-hint = Bijvoorbeeld 2026-12-01; leeg voor de standaarddatum.
outcome-field-status = Status
outcome-status-default = Open
outcome-field-document = Afgedaan met document
outcome-field-document-hint = Het nummer of de titel van het document waarmee de toezegging is nagekomen.
outcome-field-fulfilled-on = Afgedaan op
outcome-indicators-heading = Voorgestelde succesindicatoren
outcome-indicators-hint = Elke voorgestelde indicator komt als kandidaat-indicator in de monitor, met de sessie en de fractie die hem voorstelde. Het college of de griffie stelt hem vast.
outcome-indicator-legend = Indicator { $number }
outcome-field-indicator-name = Naam
outcome-field-indicator-description = Omschrijving
outcome-field-proposed-by = Voorgesteld door
outcome-save = Uitkomst opslaan
notice-outcome-recorded = De uitkomst van de sessie is vastgelegd.

## De openbare pagina

outcome-title = Uitkomst
outcome-of = Uitkomst: { $subject }
outcome-link = Uitkomst van de sessie
outcome-proposal-link = Het behandelvoorstel
outcome-evening-link = De Politieke Markt van deze avond
outcome-edit-link = Uitkomst bewerken
outcome-not-recorded = De uitkomst is nog niet vastgelegd.
outcome-minutes-heading = Verslag
outcome-none = Geen.
outcome-question-label = Vraag { $number }
outcome-proposed-by = voorgesteld door { $party }
outcome-evening-heading = Uitkomsten van de sessies
outcome-record-heading = Uitkomst vastleggen
outcome-record-for = Uitkomst vastleggen: { $subject }

## Toezeggingen

commitments-title = Toezeggingen
commitments-intro = De toezeggingen die portefeuillehouders in sessies van de Politieke Markt deden, op datum waarop ze af moeten zijn. Een open toezegging na die datum staat gemarkeerd als te laat.
commitments-filter-title = Toezeggingen filteren
commitments-all = Alle
commitments-due-from = Af op of na
commitments-due-until = Af op of voor
commitments-only-overdue = Alleen te late toezeggingen
commitments-filter = Filteren
commitments-holders-heading = Open toezeggingen per portefeuillehouder
commitments-holder-link = Open toezeggingen van { $name } (afdrukbaar)
commitments-holder-title = Open toezeggingen van { $name }
commitments-holder-crumb = Portefeuillehouder
commitments-holder-intro = De open toezeggingen, om af te drukken voor het volgende overleg.
commitments-csv = Download als CSV
commitments-none = Er zijn geen toezeggingen die hieraan voldoen.
commitments-caption = { $count ->
    [one] { $count } toezegging
   *[other] { $count } toezeggingen
}
commitments-column-due = Uiterlijk af
commitments-column-holder = Portefeuillehouder
commitments-column-text = Toezegging
commitments-column-session = Sessie
commitments-column-session-date = Datum sessie
commitments-column-programme = Ontwikkelopgave
commitments-column-status = Status
commitments-column-overdue = Te laat
commitments-column-fulfilled = Afgedaan met
commitments-overdue = (te laat)
commitments-yes = ja
commitments-no = nee
commitment-status-open = Open
commitment-status-afgedaan = Afgedaan
commitment-status-vervallen = Vervallen

## Een kandidaat-indicator vaststellen

settle-title = Vaststellen
settle-heading = { $name } vaststellen
settle-intro = Een vastgestelde indicator is een succesindicator waarmee de raad beoordeelt of wijkgericht werken slaagt. Geef de eenheid en welke kant op beter is.
settle-submit = Vaststellen
settle-link = Deze kandidaat-indicator vaststellen
notice-indicator-settled = De indicator is vastgesteld.
monitor-indicators-column-origin = Voorgesteld in
monitor-origin-party = voorgesteld door { $party }

## Fouten

error-outcome-too-long = Deze tekst is te lang.
error-outcome-date = Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2026-12-01.
error-outcome-party = Kies de fractie van deze bijdrage.
error-outcome-contribution = Vul de bijdrage in, of vink ‘Rij verwijderen’ aan.
error-outcome-holder = Kies de portefeuillehouder die de toezegging deed.
error-outcome-commitment = Vul in wat er is toegezegd, of vink ‘Rij verwijderen’ aan.
error-outcome-due-before = De datum ligt vóór de sessie; een toezegging kan pas daarna af zijn.
error-outcome-document = Noem het document waarmee de toezegging is afgedaan.
error-outcome-indicator-name = Vul de naam van de indicator in, of vink ‘Rij verwijderen’ aan.
error-outcome-indicator-description = Beschrijf wat de indicator meet.

## Auditlog

audit-action-outcome-record = Uitkomst van een sessie vastgelegd
audit-action-indicator-settle = Indicator vastgesteld
audit-entity-session = Sessie
audit-field-proposal = Voorstel
audit-field-minutes-chars = Tekens in het verslag
audit-field-contributions = Bijdragen
audit-field-commitments = Toezeggingen
audit-field-indicators-created = Nieuwe kandidaat-indicatoren
audit-field-indicators-removed = Verwijderde kandidaat-indicatoren
