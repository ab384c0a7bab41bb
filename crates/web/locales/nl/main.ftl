# wijkbeeld — Nederlands (de standaardtaal). Elke tekst van de interface staat hier; de Engelse
# vertaling in ../en/main.ftl heeft precies dezelfde berichten (een test bewaakt dat).

## Het kader van elke pagina

site-name = wijkbeeld
site-tagline = Politieke Markt en wijkgericht werken
page-title = { $title } · wijkbeeld
skip-link = Naar de inhoud
nav-label = Hoofdmenu
nav-home = Home
nav-audit = Auditlog
nav-users = Gebruikers
nav-tokens = API-tokens
nav-account = Mijn account
sign-in-link = Inloggen
sign-out = Uitloggen
signed-in-as = { $name } ({ $role })
language-other = English
language-other-label = Read this site in English
breadcrumb-label = Kruimelpad
footer-text = wijkbeeld is open-source software voor wijkgericht werken en de Politieke Markt.
demo-notice-label = Let op:
demo-notice = Dit zijn demodata. De personen zijn fictief, behalve de openbare ambtsdragers uit het behandelvoorstel Wijkgericht werken; alle indicatorcijfers zijn synthetisch.
back-to-home = Naar de startpagina

## Rollen

role-griffie = Griffie
role-college = College en ambtenaren
role-raadslid = Raadslid
role-partner = Partner
role-admin = Functioneel beheer

## Datums en aantallen

date-long = { $day } { $month } { $year }
month-1 = januari
month-2 = februari
month-3 = maart
month-4 = april
month-5 = mei
month-6 = juni
month-7 = juli
month-8 = augustus
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december
weekday-1 = maandag
weekday-2 = dinsdag
weekday-3 = woensdag
weekday-4 = donderdag
weekday-5 = vrijdag
weekday-6 = zaterdag
weekday-7 = zondag
time-range = { $start }–{ $end } uur
count-sessions =
    { $count ->
        [one] { $count } sessie
       *[other] { $count } sessies
    }
count-rounds =
    { $count ->
        [one] { $count } ronde
       *[other] { $count } rondes
    }
evening-extent = { $sessions } in { $rounds }

## Startpagina

home-no-body = Nog geen gemeente ingericht
home-upcoming = Komende Politieke Markten
home-upcoming-none = Er zijn nog geen Politieke Markten gepland.
home-past = Eerdere Politieke Markten
home-past-none = Er zijn nog geen eerdere Politieke Markten.
home-wijken = Wijken
home-wijken-none = Er zijn nog geen wijken ingelezen.
home-wijken-caption = De wijken van { $body } met hun CBS-code
column-wijk = Wijk
column-cbs-code = CBS-code
column-buurten = Buurten
column-inhabitants = Inwoners
value-unknown = onbekend

## Formulieren

form-errors-title = Er ging iets mis. Controleer het formulier.
field-email = E-mailadres
field-password = Wachtwoord
field-name = Naam
field-role = Rol
field-role-choose = Kies een rol
field-partner = Partnerorganisatie
field-partner-hint = Alleen voor de rol Partner.
field-partner-none = Geen partner
field-date-hint = Bijvoorbeeld 26-09-2023.
error-email-invalid = Vul een geldig e-mailadres in, zoals naam@hengelo.nl.
error-email-taken = Er bestaat al een account met dit e-mailadres.
error-name-empty = Vul een naam in.
error-role-missing = Kies een rol.
error-partner-required = Kies de partnerorganisatie van dit account.
error-partner-not-allowed = Alleen de rol Partner hoort bij een partnerorganisatie.
error-partner-unknown = Kies een bestaande partnerorganisatie.
error-password-too-short = Het wachtwoord moet minstens { $count } tekens lang zijn.
error-password-too-long = Het wachtwoord mag hoogstens { $count } tekens lang zijn.
error-password-same-as-email = Het wachtwoord mag niet gelijk zijn aan het e-mailadres.
error-password-guessable = Dit wachtwoord is te makkelijk te raden: kies geen bekend woord met cijfers, geen reeks als 1234 of qwerty en geen herhaling. Een zin van een paar woorden werkt goed.
error-password-same-as-current = Het nieuwe wachtwoord is het huidige; kies een ander.
error-date-invalid = Vul een datum in als dag-maand-jaar, bijvoorbeeld 26-09-2023. Dit filter is nu niet gebruikt.

## Inloggen

sign-in-title = Inloggen
sign-in-intro = Inloggen is voor de griffie, het college en de ambtenaren, raadsleden, partners en beheerders. Inwoners hebben geen account nodig om de Politieke Markt te volgen.
sign-in-signed-in = U bent ingelogd als { $name }.
sign-in-failed = Het e-mailadres of het wachtwoord is onjuist.
sign-in-submit = Inloggen

## Mijn account

account-title = Mijn account
account-name = Naam
account-email = E-mailadres
account-role = Rol
password-change-title = Wachtwoord wijzigen
field-current-password = Huidig wachtwoord
field-new-password = Nieuw wachtwoord
field-new-password-hint = Minstens { $count } tekens. Een zin van een paar woorden is sterk en goed te onthouden.
field-repeat-password = Nieuw wachtwoord nogmaals
password-change-submit = Wachtwoord wijzigen
error-current-password-wrong = Het huidige wachtwoord is onjuist.
error-passwords-differ = De twee nieuwe wachtwoorden zijn niet gelijk.

## Auditlog

audit-title = Auditlog
audit-intro = Wie wat heeft gewijzigd, en wanneer.
audit-found =
    { $count ->
        [one] { $count } wijziging gevonden.
       *[other] { $count } wijzigingen gevonden.
    }
audit-filter-title = Filteren
audit-filter-entity = Soort gegeven
audit-filter-all = Alle
audit-filter-actor = Door (naam of e-mailadres bevat)
audit-filter-from = Vanaf datum
audit-filter-until = Tot en met datum
audit-filter-submit = Filteren
audit-download = Download als CSV
audit-none = Geen wijzigingen gevonden.
audit-caption = Wijzigingen, nieuwste eerst (pagina { $page } van { $pages })
audit-column-moment = Moment
audit-column-actor = Door
audit-column-action = Actie
audit-column-entity = Gegeven
audit-column-change = Van → naar
audit-column-details = Details
audit-raw = Technische gegevens
audit-raw-action = Code van de actie:
audit-value-yes = ja
audit-value-no = nee
audit-action-proposal-create = Voorstel aangemaakt
audit-action-proposal-import = Voorstel ingelezen uit een bestand
audit-action-proposal-import-update = Voorstel bijgewerkt uit een bestand
audit-action-proposal-edit = Voorstel bewerkt
audit-action-proposal-state = Status van het voorstel gewijzigd
audit-action-proposal-attachment-add = Bijlage toegevoegd
audit-action-proposal-attachment-remove = Bijlage verwijderd
audit-action-market-create = Marktavond aangemaakt
audit-action-market-plan = Indeling van de marktavond opgeslagen
audit-action-market-staff = Voorzitters en griffiemedewerkers vastgelegd
audit-action-market-absence = Afwezigheden vastgelegd
audit-action-market-edit = Marktavond gewijzigd
audit-action-market-publish = Marktavond gepubliceerd
audit-action-market-unpublish = Publicatie van de marktavond ingetrokken
audit-action-session-move = Sessie verplaatst
audit-action-planner-weights = Gewichten van de planner gewijzigd
audit-action-indicator-create = Indicator aangemaakt
audit-action-indicator-update = Indicator gewijzigd
audit-action-target-create = Streefwaarde toegevoegd
audit-action-target-update = Streefwaarde gewijzigd
audit-action-target-delete = Streefwaarde verwijderd
audit-action-cbs-mapping-set = CBS-kolom gekoppeld
audit-action-cbs-mapping-delete = Koppeling van een CBS-kolom verwijderd
audit-action-measurements-import = Metingen ingelezen
audit-action-areas-import = Wijken en buurten ingelezen
audit-action-areas-boundaries = Gebiedsgrenzen ingelezen
audit-action-user-create = Gebruiker aangemaakt
audit-action-user-role = Rol van de gebruiker gewijzigd
audit-action-user-password = Wachtwoord gewijzigd
audit-action-api-token-create = API-token aangemaakt
audit-action-api-token-revoke = API-token ingetrokken
audit-action-demo-load = Demodata geladen
audit-entity-proposal = Voorstel
audit-entity-market-evening = Marktavond
audit-entity-indicator = Indicator
audit-entity-target = Streefwaarde
audit-entity-cbs-mapping = CBS-koppeling
audit-entity-measurements = Metingen
audit-entity-area = Gebied
audit-entity-user = Gebruiker
audit-entity-api-token = API-token
audit-entity-setting = Instelling
audit-entity-demo = Demodata
audit-field-absences = Afwezigheden
audit-field-absent-in-rounds = Afwezig in rondes
audit-field-added = Toegevoegd
audit-field-after = Na
audit-field-anchor = Peildatum
audit-field-area = Gebied
audit-field-areas = Gebieden
audit-field-baseline-period = Basisperiode
audit-field-before = Voor
audit-field-boundaries = Grenzen
audit-field-bytes = Grootte (bytes)
audit-field-case-number = Zaaknummer
audit-field-chairs = Voorzitters
audit-field-clerks = Griffiemedewerkers
audit-field-code = Code
audit-field-column = Kolom
audit-field-created = Aangemaakt
audit-field-date = Datum
audit-field-decimals = Decimalen
audit-field-definition = Definitie
audit-field-direction = Richting
audit-field-email = E-mailadres
audit-field-evening = Marktavond
audit-field-file = Bestand
audit-field-format = Formaat
audit-field-history-documents = Documenten in de historie
audit-field-indicator = Indicator
audit-field-is-key = Kernindicator
audit-field-is-published = Gepubliceerd
audit-field-kind = Soort
audit-field-linked = Gekoppeld
audit-field-missing = Ontbrekend
audit-field-name = Naam
audit-field-note = Toelichting
audit-field-other-sessions-ended = Andere sessies beëindigd
audit-field-owner-partner-id = Eigenaar (partner)
audit-field-partner-id = Partner
audit-field-periods = Perioden
audit-field-person = Persoon
audit-field-pinned = Vastgezet
audit-field-placed = Ingedeeld
audit-field-populations = Inwonertallen
audit-field-previous = Vorige
audit-field-programme-ids = Programma's
audit-field-programme-items = Programmaonderdelen
audit-field-replaced = Vervangen
audit-field-room = Zaal
audit-field-rooms = Zalen
audit-field-rows-per-table = Aangemaakte rijen per tabel
audit-field-round = Ronde
audit-field-rounds = Rondes
audit-field-session = Sessie
audit-field-sessions = Sessies
audit-field-sessions-removed = Sessies verwijderd
audit-field-source = Bron
audit-field-status = Status
audit-field-subject = Onderwerp
audit-field-target-period = Streefjaar
audit-field-theme = Thema
audit-field-title = Titel
audit-field-typed = Ingevoerd
audit-field-unit = Eenheid
audit-field-unplaced = Niet ingedeeld
audit-field-updated = Bijgewerkt
audit-field-value = Waarde
audit-field-warnings = Waarschuwingen
audit-field-written = Opgeslagen
pagination-label = Pagina's
pagination-previous = Vorige pagina
pagination-next = Volgende pagina

## Gebruikers

users-title = Gebruikers
users-caption = Alle accounts
column-name = Naam
column-email = E-mailadres
column-role = Rol
column-partner = Partner
column-change-role = Rol wijzigen
users-new-role-for = Nieuwe rol voor { $name }
users-partner-of = Partner van { $name }
users-change-submit = Wijzigen
users-change-submit-for = Rol van { $name } wijzigen
users-add-title = Account toevoegen
field-new-account-password-hint = Laat leeg om een wachtwoord te laten maken; het wordt één keer getoond. Anders minstens { $count } tekens.
users-add-submit = Account toevoegen
user-created-title = Account toegevoegd
user-created = Het account { $email } is aangemaakt.
user-created-password = Het wachtwoord is:
user-created-password-notice = Geef dit wachtwoord veilig door. Het wordt niet opnieuw getoond; de gebruiker kan het wijzigen onder Mijn account.
back-to-users = Terug naar de gebruikers

## API-tokens

tokens-title = API-tokens
tokens-intro = Een API-token geeft een koppeling toegang tot de JSON-API met de rechten van één rol. De koppeling stuurt het mee als Authorization: Bearer.
tokens-none = Er zijn nog geen API-tokens.
tokens-caption = Alle API-tokens, nieuwste eerst
column-created = Gemaakt
column-last-used = Laatst gebruikt
column-status = Status
token-never-used = nooit
token-revoked = Ingetrokken
token-revoke = Intrekken
token-revoke-for = { $name } intrekken
tokens-add-title = Token maken
field-token-name-hint = Waarvoor het token is, bijvoorbeeld „Koppeling open data”.
tokens-add-submit = Token maken
token-created-title = API-token gemaakt
token-created = Het token { $name } is gemaakt:
token-created-notice = Kopieer het token nu. Het wordt niet opnieuw getoond: wijkbeeld bewaart alleen een controlegetal.
secret-gone-title = Niet meer te zien
secret-gone = Dit wachtwoord of token is al getoond, of tien minuten na het aanmaken niet opgehaald. wijkbeeld bewaart het niet en laat het daarom niet nog eens zien. Is het niet overgenomen? Zet dan een nieuw wachtwoord of maak een nieuw token en trek het oude in.
back-to-tokens = Terug naar de API-tokens

## Bevestigingen na een wijziging (zie crates/web/src/notice.rs)

notice-proposal-created = Het voorstel is aangemaakt.
notice-proposal-saved = De wijzigingen in het voorstel zijn opgeslagen.
notice-proposal-state-changed = De status van het voorstel is gewijzigd.
notice-proposal-imported = Het voorstel is ingelezen.
notice-proposal-updated = Het voorstel is bijgewerkt met de gegevens uit het bestand.
notice-attachment-added = De bijlage is toegevoegd.
notice-attachment-removed = De bijlage is verwijderd.
notice-plan-accepted = { $count ->
    [one] De indeling is opgeslagen: 1 sessie ingedeeld.
   *[other] De indeling is opgeslagen: { $count } sessies ingedeeld.
}
notice-session-moved = De sessie is verplaatst.
notice-attendance-saved = De bezetting en afwezigheden zijn opgeslagen.
notice-evening-created = De marktavond is aangemaakt.
notice-evening-saved = De wijzigingen in de marktavond zijn opgeslagen.
notice-evening-published = De marktavond is gepubliceerd. Iedereen ziet nu de sessies en hun voorstellen.
notice-evening-unpublished = De publicatie van de marktavond is ingetrokken. Alleen ingelogde medewerkers zien de avond nog.
notice-indicator-created = De indicator is aangemaakt.
notice-indicator-saved = De wijzigingen in de indicator zijn opgeslagen.
notice-measurements-imported = { $count ->
    [one] 1 meting is opgeslagen.
   *[other] { $count } metingen zijn opgeslagen.
}
notice-password-changed = Uw wachtwoord is gewijzigd. Uw andere sessies zijn beëindigd.
notice-role-changed = De rol is gewijzigd.
notice-token-revoked = Het API-token is ingetrokken.

## Foutmeldingen

error-not-found-title = Pagina niet gevonden
error-not-found = Deze pagina bestaat niet (meer). Controleer het adres, of ga naar de startpagina.
error-forbidden-title = Geen toegang
error-forbidden = Met uw rol kunt u deze pagina niet gebruiken. Denkt u dat dit niet klopt, neem dan contact op met de functioneel beheerder.
error-form-expired-title = Formulier verlopen
error-form-expired = Het formulier is verlopen of kwam niet van deze website, dus er is niets gewijzigd. Ga terug, laad de pagina opnieuw en probeer het nog eens.
error-too-many-title = Te veel pogingen
error-too-many =
    Vanaf uw adres zijn te veel pogingen gedaan. Probeer het over { $minutes ->
        [one] 1 minuut
       *[other] { $minutes } minuten
    } opnieuw.
error-bad-request-title = Ongeldig verzoek
error-bad-request = Dit verzoek kon niet worden gelezen, bijvoorbeeld door een fout in het adres. Controleer het adres, of ga naar de startpagina.
error-internal-title = Er ging iets mis
error-internal = Door een storing kan deze pagina nu niet worden getoond. Probeer het later opnieuw.

## Behandelvoorstellen

# Import notes, updating from a file, the proposal page
proposal-import-check-title = Behandelvoorstel nakijken
proposal-import-check-intro = Dit staat in de tekst. Er is nog niets opgeslagen: kijk het na en sla het op als concept.
proposal-import-save = Als concept opslaan
proposal-import-again = Een andere tekst inlezen
proposal-import-exists = Er bestaat al een voorstel met zaaknummer { $number }:
proposal-import-not-updatable = Dit voorstel is { $state }; u kunt het nu niet bijwerken.
proposal-import-no-changes = Het bestand verandert niets aan dit voorstel.
proposal-import-changes-caption = Wat het bestand aan het voorstel verandert
proposal-import-column-field = Gegeven
proposal-import-column-old = Nu
proposal-import-column-new = Uit het bestand
proposal-import-update = Voorstel bijwerken
proposal-import-will-link = Wordt gekoppeld aan wat al bestaat
proposal-import-will-create = Wordt nieuw aangemaakt
proposal-value-absent = Niet genoemd
proposal-value-on-evening = { $value } (ingedeeld op de Politieke Markt)
attachment-remove-title = Bijlage verwijderen
attachment-remove-question = Wilt u de bijlage { $name } verwijderen?
attachment-remove-of = Bij het voorstel { $subject }. Verwijderen kan niet ongedaan worden gemaakt.
attachment-remove-cancel = Annuleren
error-import-case-number-differs = Het bestand heeft zaaknummer { $file }, het voorstel { $proposal }.
import-place-history = de historie
import-place-text = de tekst
import-field-subject = Onderwerp
import-field-case-number = Zaaknummer
import-field-portfolio-holder = Portefeuillehouder
import-field-history = Historie
import-field-market-date = Datum Politieke Markt
import-field-chair = Voorzitter
import-field-clerk = Griffiemedewerker
import-field-room = Zaal
import-field-domains = Domeinen
import-field-duration-minutes = Duur
import-field-purpose = Doel van de sessie
import-field-programme = Programma
import-field-public-speaking = Spreekrecht publiek
import-link-portfolio-holder = Portefeuillehouder { $name }
import-link-chair = Voorzitter { $name }
import-link-clerk = Griffiemedewerker { $name }
import-link-room = Zaal { $name }
import-link-document = Document { $name }
import-note-missing = { $field }: het kopje “{ $label }” ontbreekt.
import-note-empty = { $field }: onder het kopje “{ $label }” staat niets.
import-note-no-session-header = { $field }: de regel “Voorzitter Griffiemedewerker Zaal Domein Duur” ontbreekt.
import-note-no-case-number = Zaaknummer: na “Zaaknummer” staat geen nummer (“{ $text }”).
import-note-no-market-date = Datum Politieke Markt: na “Politieke Markt” staat geen datum (“{ $text }”).
import-note-year-as-given = Datum Politieke Markt: “{ $date }” heeft geen jaartal; { $year } genomen, zoals opgegeven.
import-note-year-of-latest-date = Datum Politieke Markt: “{ $date }” heeft geen jaartal; { $year } genomen, het jaar van de laatste datum in { $place } ({ $latest }).
import-note-year-after-latest-date = Datum Politieke Markt: “{ $date }” heeft geen jaartal; { $year } genomen, het eerste jaar waarin die datum na de laatste datum in { $place } ({ $latest }) valt.
import-note-year-this-year = Datum Politieke Markt: “{ $date }” heeft geen jaartal en de tekst noemt geen andere datums; { $year } genomen, dit jaar.
import-note-no-such-date = Datum Politieke Markt: “{ $text }” is geen bestaande datum.
import-note-unknown-purpose = Doel van de sessie: “{ $text }” is geen Beeldvorming, Oordeelsvorming of Besluitvorming.
import-note-several-purposes = Doel van de sessie: “{ $text }” noemt meer dan één doel; het eerste genomen.
import-note-no-programme-items = Programma: onder “Behandeladvies” staan geen genummerde onderdelen (“1. …”).
import-note-first-item-number = Programma, regel { $line }: het eerste onderdeel heeft nummer { $number }.
import-note-item-out-of-order = Programma, regel { $line }: onderdeel { $number } volgt op onderdeel { $previous }.
import-note-bullet-before-first-item = Programma, regel { $line }: een opsommingsteken vóór het eerste genummerde onderdeel is overgeslagen: “{ $text }”.
import-note-item-without-text = Programma: onderdeel { $number } heeft geen tekst.
import-note-ignored-after-duration = Duur: “{ $text }” na de duur is genegeerd.
import-note-no-duration = Duur: de sessieregel “{ $row }” eindigt niet op een duur (“90 min”).
import-note-no-domain = Domeinen: de sessieregel “{ $row }” noemt geen domein (Fysiek, Bestuur, Sociaal).
import-note-ignored-after-room = Zaal: “{ $text }” na de zaal “{ $room }” is genegeerd.
import-note-room-read-by-name = Zaal: “{ $room }” is geen bekende zaal; als naam van een zaal gelezen.
import-note-not-yet-known = { $field }: volgens de sessieregel nog niet bekend.
import-note-no-room = Zaal: de sessieregel “{ $row }” noemt geen zaal (Raadzaal, Commissiekamer 2, …).
import-note-ambiguous-names = Voorzitter: “{ $names }” is op meer dan één manier in twee namen te splitsen; “{ $chair }” en “{ $clerk }” genomen.
import-note-person-not-known = { $field }: “{ $name }” is geen bekende persoon.
import-note-one-person-only = Voorzitter: de sessieregel noemt maar één persoon; “{ $name }” als voorzitter genomen.
import-note-no-names = { $field }: de sessieregel noemt geen namen.
import-note-unreadable-names = { $field }: “{ $names }” is niet te lezen als de namen van voorzitter en griffiemedewerker.
import-note-speaking-contradicts = Spreekrecht publiek: de vakjes zeggen { $form }, de tekst erna { $says }; de tekst genomen.
import-note-speaking-unknown = Spreekrecht publiek: de vakjes zijn bij het omzetten verloren gegaan en de tekst na “duur:” zegt niet of het publiek mag spreken.
import-note-minutes-per-speaker-guessed = Spreekrecht publiek: de { $minutes } minuten na “duur:” zijn opgevat als de spreektijd per inspreker.
import-note-room-not-stored = Zaal: “{ $room }” staat niet in wijkbeeld; het voorstel noemt daarom geen zaal.

nav-proposals = Voorstellen
proposals-title = Behandelvoorstellen
proposals-intro = De voorstellen van het college over hoe de raad een onderwerp behandelt, van concept tot afgerond.
proposals-filter = Voorstellen filteren
proposals-filter-state = Status
proposals-filter-domain = Domein
proposals-filter-holder = Portefeuillehouder
proposals-filter-text = Zoeken in onderwerp of zaaknummer
proposals-none = Geen voorstellen gevonden.
proposals-caption =
    { $count ->
        [one] { $count } voorstel
       *[other] { $count } voorstellen
    }
column-subject = Onderwerp
column-case-number = Zaaknummer
column-state = Status
column-domains = Domeinen
column-portfolio-holder = Portefeuillehouder
column-evening = Politieke Markt
proposal-page = Behandelvoorstel
proposal-new-title = Nieuw behandelvoorstel
proposal-edit = Bewerken
proposal-edit-title = { $subject } bewerken
proposal-import-title = Behandelvoorstel inlezen
proposal-import-intro = Lees de tekst van een behandelvoorstel in, zoals die uit de PDF komt. wijkbeeld maakt er een concept van en koppelt de personen, de zaal en de documenten die het kent.
proposal-import-submit = Inlezen
field-import-file = Tekstbestand
field-import-file-hint = Een .txt-bestand met de tekst van het behandelvoorstel.
field-import-text = Of plak de tekst
field-import-text-hint = Alleen nodig als u geen bestand kiest.
field-import-year = Jaar van de Politieke Markt
field-import-year-hint = Alleen als de tekst het jaar niet noemt en het niet uit de overige datums blijkt.
proposal-imported-warnings = Controleer deze punten
proposal-session = Sessie
proposal-session-caption = De sessie zoals het voorstel die vraagt
proposal-download-pdf = Download als PDF
proposal-download-html = Download als HTML
proposal-attachments = Bijlagen
attachments-none = Er zijn geen bijlagen.
attachment-add = Bijlage toevoegen
attachment-remove = Verwijderen
attachment-remove-for = { $name } verwijderen
proposal-moves = Status wijzigen
history-none = Geen.
programme-none = Er is nog geen programma.
field-state = Status
field-subject = Onderwerp
field-case-number = Zaaknummer
field-case-number-hint = Het zaaknummer uit het zaaksysteem, bijvoorbeeld 3641304.
field-portfolio-holder = Portefeuillehouder
field-choose-person = Kies een persoon
field-choose-room = Kies een zaal
field-choose-purpose = Kies het doel
field-history = Historie
field-history-hint = Laat een lege regel tussen alinea's.
field-history-documents = Documenten in de historie
field-document-number = Documentnummer { $count }
field-document-title = Titel van document { $count }
field-placement = Politieke Markt
field-market-date = Datum Politieke Markt
field-chair = Voorzitter
field-clerk = Griffiemedewerker
field-room = Zaal
field-domains = Domeinen
field-duration = Duur
field-duration-minutes = Duur in minuten
field-purpose = Doel van de sessie
field-attendance = Verwacht aantal aanwezigen
field-attendance-hint = Voor de keuze van de zaal.
field-livestream = Livestream nodig
field-livestream-needed = De sessie moet worden uitgezonden (livestream)
field-programme = Behandeladvies
field-programme-hint = Het voorgestelde programma, in volgorde. Een lege regel wordt weggelaten.
field-item = Programmapunt { $count }
field-item-text = Tekst
field-question = Vraag { $count }
field-speaking = Spreekrecht publiek
field-speaking-allowed = Mag het publiek spreken?
field-speaking-minutes = Minuten per inspreker
field-speaking-max = Hoogstens zoveel insprekers
field-speaking-deadline = Aanmelden om in te spreken kan tot
field-speaking-deadline-hint = Datum en tijd als dd-mm-jjjj uu:mm, bijvoorbeeld 26-09-2023 12:00.
field-speaking-note = Toelichting
field-attachment = Bestand
field-attachment-hint = PDF, ODF, Office, PNG, JPEG, tekst of CSV; hoogstens 20 MB.
field-evening = Politieke Markt
field-evening-hint = De avond waarop het voorstel wordt behandeld.
field-evening-choose = Kies een avond
form-more-rows = Meer regels
form-save = Opslaan
speaking-yes = Ja
speaking-no = Nee
speaking-unknown = Nog niet bekend
speaking-minutes = { $count } minuten per inspreker
speaking-max = hoogstens { $count } insprekers
speaking-deadline = aanmelden kan tot { $moment }
duration-minutes = { $count } min
file-size-kb = { $count } kB
value-yes = ja
value-no = nee
state-concept = Concept
state-ingediend = Ingediend
state-geagendeerd = Geagendeerd
state-behandeld = Behandeld
state-afgerond = Afgerond
state-doorgeleid = Doorgeleid naar de raadsvergadering
domain-fysiek = Fysiek
domain-bestuur = Bestuur
domain-sociaal = Sociaal
purpose-beeldvorming = Beeldvorming
purpose-oordeelsvorming = Oordeelsvorming
purpose-besluitvorming = Besluitvorming
move-to-concept = Terugnemen als concept
move-to-ingediend = Indienen bij de griffie
move-to-geagendeerd = Agenderen op een Politieke Markt
move-to-behandeld = Markeren als behandeld
move-to-afgerond = Afronden
move-to-doorgeleid = Doorgeleiden naar de raadsvergadering
error-subject-empty = Vul het onderwerp in.
error-too-long = Dit mag hoogstens { $count } tekens lang zijn.
error-case-number = Een zaaknummer bestaat uit cijfers en letters, zonder spaties.
error-case-number-taken = Een ander voorstel heeft dit zaaknummer al.
error-choose-from-list = Kies een van de mogelijkheden uit de lijst.
error-document-number = Vul het documentnummer in, of maak ook de titel leeg.
error-number-range = Vul een getal van { $low } tot en met { $high } in.
error-date-format = Vul de datum in als dag-maand-jaar, bijvoorbeeld 26-09-2023.
error-moment-format = Vul datum en tijd in als dd-mm-jjjj uu:mm, bijvoorbeeld 26-09-2023 12:00.
error-control-characters = Hier staan tekens in die niet getypt worden (zoals een nul-teken of een escape). Haal ze weg; in een regel kan ook geen tab of regeleinde.
error-item-text = Vul de tekst van dit programmapunt in, of maak ook de vragen leeg.
error-move-role = Alleen de rol { $role } mag deze stap zetten.
error-move-not-allowed = Een voorstel met status { $from } kan niet { $to } worden.
error-move-not-held-yet = Een voorstel is pas behandeld als zijn sessie is gehouden: op de dag van de Politieke Markt of later.
error-evening-required = Kies de Politieke Markt waarop het voorstel komt.
error-concurrent = Iemand anders heeft het voorstel intussen gewijzigd. Laad de pagina opnieuw.
error-file-missing = Kies een bestand.
error-file-type = Dit soort bestand wordt niet aangenomen. Kies een PDF-, ODF-, Office-, PNG-, JPEG-, tekst- of CSV-bestand.
error-file-too-large = Het bestand is groter dan 20 MB.
error-file-empty = Het bestand is leeg.
error-file-name-too-long = De naam van het bestand is langer dan { $count } tekens; geef het een kortere naam.
error-year = Vul een jaartal in, zoals 2024.
error-no-municipality = Er is nog geen gemeente ingericht; lees eerst de gebieden of de demodata in.
error-import-empty = Het bestand of de tekst is leeg.
error-import-binary = Dit is geen tekstbestand. Kies het .txt-bestand met de tekst van het voorstel.
error-import-not-a-proposal = Deze tekst is geen behandelvoorstel: de vaste kopjes (Onderwerp, Zaaknummer, Politieke Markt …) ontbreken.
error-import-no-subject = Deze tekst noemt geen onderwerp: zet het achter het kopje “Onderwerp” en lees de tekst opnieuw in. Een voorstel wordt niet opgeslagen onder een verzonnen onderwerp.
error-import-case-number = Er bestaat al een voorstel met zaaknummer { $number }.
error-wrong-state-title = Niet in deze fase
error-wrong-state = Dit voorstel kan in zijn huidige fase niet door uw rol worden gewijzigd.
error-too-large-title = Te groot
error-too-large = Het bestand of formulier is te groot; er is niets opgeslagen. Een bijlage mag hoogstens 20 MB zijn.

## Market evenings and the session planner
nav-market = Politieke Markt
market-title = Politieke Markt
market-intro = De marktavonden met hun sessies: welk voorstel in welke zaal en ronde wordt behandeld, met voorzitter en griffiemedewerker.
market-none = Er zijn nog geen marktavonden.
market-unpublished = Nog niet gepubliceerd
market-grid-caption = Indeling van de avond: zalen en rondes
market-column-room = Zaal
market-cell-free = vrij
market-pinned = vastgezet
market-move-link = Verplaatsen
market-move-link-for = { $subject } verplaatsen
market-place-link = Indelen
market-place-link-for = { $subject } indelen
market-unplaced = Nog niet ingedeeld
market-room-seats = { $count } plaatsen
market-room-livestream = livestream
market-room-accessible = rolstoeltoegankelijk
market-round-heading = Ronde { $number } ({ $start }–{ $end })
market-planner-title = Automatisch indelen
market-planner-intro = De planner deelt alle sessies in over zalen en rondes, met voorzitters en griffiemedewerkers, volgens de harde regels. U ziet eerst het voorstel; er verandert pas iets als u het accepteert. Vastgezette sessies blijven staan.
market-planner-run = Planner uitvoeren
market-move-title = Sessie verplaatsen
market-move-intro = Kies een sessie en de nieuwe zaal, ronde, voorzitter en griffiemedewerker. De wijziging wordt getoetst aan dezelfde regels als de planner gebruikt.
market-field-session = Sessie
field-choose = Maak een keuze
market-field-round = Eerste ronde
market-field-round-hint = Een sessie die langer duurt dan een ronde loopt door in de volgende ronde(s).
# Creating, editing and publishing an evening
market-new-link = Nieuwe markt
market-new-title = Nieuwe Politieke Markt
market-new-intro = Leg de datum, de rondes en de zalen van een nieuwe marktavond vast. De avond is eerst niet gepubliceerd: alleen griffie, college en raadsleden zien hem, tot u hem publiceert.
market-new-submit = Marktavond aanmaken
market-edit-title = Marktavond bewerken
market-edit-link = Datum, rondes en zalen bewerken
market-edit-intro = Een ronde of zaal waarin een sessie is ingedeeld kan niet weg; verplaats die sessie eerst.
market-edit-submit = Wijzigingen opslaan
market-field-date = Datum
market-field-date-hint = Als dag-maand-jaar, bijvoorbeeld 26-09-2027.
market-field-title = Titel
market-field-title-hint = Staat boven de datum, bijvoorbeeld „Politieke Markt”.
market-default-title = Politieke Markt
market-rounds-legend = Rondes
market-rounds-hint = Begin- en eindtijd van elke ronde als uu:mm, in volgorde. Een lege rij wordt overgeslagen; wilt u meer rondes, sla dan op en bewerk de avond.
market-round-legend = Ronde { $number }
market-field-round-start = Begin
market-field-round-end = Einde
market-rooms-legend = Zalen in gebruik
market-rooms-hint = De planner deelt alleen sessies in in de aangevinkte zalen.
market-date-taken-link = Naar de marktavond van { $date }
market-published-on = Gepubliceerd op { $moment }. Iedereen ziet deze avond, zijn sessies en hun voorstellen.
market-not-published = Niet gepubliceerd — het publiek ziet deze avond niet; alleen griffie, college en raadsleden zien hem.
market-publication-title = Publicatie
market-publish-intro = Na publiceren ziet iedereen de avond met zijn sessies en hun voorstellen.
market-publish = Publiceren
market-unpublish-intro = Na intrekken ziet het publiek deze avond niet meer, en ook de voorstellen niet die alleen via deze avond openbaar zijn.
market-unpublish = Publicatie intrekken
market-round-list-caption = Indeling van de avond per ronde
error-evening-date-required = Vul de datum van de marktavond in.
error-evening-date-taken = Op { $date } is al een marktavond; kies een andere datum of bewerk die avond.
error-evening-title-empty = Vul een titel in.
error-evening-no-round = Vul ten minste één ronde in, met begin- en eindtijd.
error-round-time = Vul de tijd in als uu:mm, bijvoorbeeld 19:30.
error-round-incomplete = Vul van ronde { $number } zowel de begin- als de eindtijd in, of maak beide leeg.
error-round-ends-before-start = Ronde { $number } moet later eindigen dan hij begint.
error-round-overlaps = Ronde { $number } begint voordat de ronde ervoor eindigt; zet de rondes op volgorde, zonder overlap.
error-round-in-use = Ronde { $number } kan niet weg: de sessie „{ $subject }” is erin ingedeeld. Verplaats die sessie eerst.
error-evening-no-room = Kies ten minste één zaal.
error-room-in-use = De zaal { $room } kan niet weg: de sessie „{ $subject }” is erin ingedeeld. Verplaats die sessie eerst.
market-field-pin = Vastzetten op deze zaal en ronde
market-field-pin-hint = De planner verplaatst een vastgezette sessie niet.
market-move-submit = Verplaatsen
market-proposal-title = Voorstel van de planner
market-proposal-why = Waarom niet alles past
market-proposal-accept = Deze indeling accepteren
market-proposal-back = Terug naar de avond zonder te wijzigen
market-planner-optimal = De beste indeling die er is: { $placed ->
    [0] geen sessie past
    [one] één sessie ingedeeld
   *[other] { $placed } sessies ingedeeld
  }{ $unplaced ->
    [0] .
    [one] ; één sessie past niet.
   *[other] ; { $unplaced } sessies passen niet.
  }
market-planner-best-found = De beste indeling die de planner binnen de tijd vond (er kan een betere zijn): { $placed ->
    [0] geen sessie past
    [one] één sessie ingedeeld
   *[other] { $placed } sessies ingedeeld
  }{ $unplaced ->
    [0] .
    [one] ; één sessie past niet.
   *[other] ; { $unplaced } sessies passen niet.
  }
market-planner-pins-conflict = De vastgezette sessies passen niet samen op de avond. Pas eerst de vastzettingen aan.
market-plan-unreadable = Het voorstel van de planner is niet leesbaar meegekomen. Voer de planner opnieuw uit.
market-plan-stale = De avond is intussen gewijzigd. Voer de planner opnieuw uit.
market-proposal-staff = Voorzitters, griffiemedewerkers en afwezigheid instellen
error-attendance-unknown-person = Kies alleen mensen uit deze lijst.
error-attendance-no-chair = Kies minstens één voorzitter.
error-attendance-no-clerk = Kies minstens één griffiemedewerker.
error-attendance-unknown-absence = Kies afwezigheid alleen voor de mensen en rondes van deze avond.
market-plan-would-unplace = Dit plan haalt { $count ->
    [one] een ingedeelde sessie
   *[other] { $count } ingedeelde sessies
  } van de avond: { $subjects }. Er is niets veranderd. Voer de planner opnieuw uit en bevestig bij zijn voorstel dat dat de bedoeling is.
market-proposal-confirm-unplacing = Ik weet dat dit plan { $count ->
    [one] een ingedeelde sessie
   *[other] { $count } ingedeelde sessies
  } van de avond haalt:
market-attendance-title = Voorzitters, griffiemedewerkers en afwezigheid
market-attendance-intro = Wie deze avond kan voorzitten en notuleren, en wie in welke ronde niet aanwezig is. De planner houdt zich eraan.
market-attendance-chairs = Voorzitters (raadsleden)
market-attendance-clerks = Griffiemedewerkers
market-absent-in-round = Afwezig in ronde { $number } ({ $start }–{ $end })
market-attendance-save = Opslaan

# The proposal's own request in the plan
market-request-heading = Wat de voorstellen zelf vragen en niet krijgen
market-request-intro = Een voorstel kan een zaal, een voorzitter en een griffiemedewerker vragen. De planner geeft die als het kan; alleen om meer sessies in te delen wijkt hij ervan af. Hieronder staat waarom het niet lukte.
market-request-room-not-in-use = '{ $subject }' vraagt { $name } als zaal; die zaal wordt deze avond niet gebruikt.
market-request-room-too-small = '{ $subject }' vraagt { $name } als zaal; die heeft { $capacity } plaatsen en de sessie verwacht er { $seats }.
market-request-room-without-livestream = '{ $subject }' vraagt { $name } als zaal; die heeft geen livestream en de sessie moet worden uitgezonden.
market-request-room-taken = '{ $subject }' vraagt { $name } als zaal; die is in ronde { $round } bezet door '{ $other }'.
market-request-pinned = '{ $subject }' vraagt { $name } als zaal, maar de griffie heeft de sessie vastgezet in { $room }.
market-request-not-in-pool = '{ $subject }' vraagt { $name } als { $asked ->
    [chair] voorzitter; { $name } staat deze avond niet bij de voorzitters
   *[clerk] griffiemedewerker; { $name } staat deze avond niet bij de griffiemedewerkers
  }.
market-request-not-eligible = '{ $subject }' vraagt { $name } als { $asked ->
    [chair] voorzitter; { $name } is geen raadslid of voorzitter in functie
   *[clerk] griffiemedewerker; { $name } is geen griffiemedewerker in functie
  }.
market-request-absent = '{ $subject }' vraagt { $name } als { $asked ->
    [chair] voorzitter
   *[clerk] griffiemedewerker
  }; { $name } is in ronde { $round } afwezig.
market-request-own-portfolio-holder = '{ $subject }' vraagt { $name } als { $asked ->
    [chair] voorzitter
   *[clerk] griffiemedewerker
  }; { $name } is de portefeuillehouder van deze sessie.
market-request-busy = '{ $subject }' vraagt { $name } als { $asked ->
    [chair] voorzitter
   *[clerk] griffiemedewerker
  }; { $name } is in ronde { $round } { $capacity ->
    [chair] voorzitter
    [clerk] griffiemedewerker
   *[holder] portefeuillehouder
  } bij '{ $other }'.
market-request-busy-here = '{ $subject }' vraagt { $name } als { $asked ->
    [chair] voorzitter
   *[clerk] griffiemedewerker
  }; { $name } is bij deze sessie al { $capacity ->
    [chair] voorzitter
    [clerk] griffiemedewerker
   *[holder] portefeuillehouder
  }.
market-request-not-chosen = '{ $subject }' vraagt { $name } als { $asked ->
    [room] zaal
    [chair] voorzitter
   *[clerk] griffiemedewerker
  }; dat kon, maar deze indeling doet het anders.

## The neighbourhood monitor (wijkmonitor)
nav-monitor = Wijkmonitor
monitor-title = Wijkmonitor
monitor-intro = Hoe gaat het in de wijken en buurten? Per wijk de succesindicatoren van wijkgericht werken door de tijd, tegen de doelen en tegen de stad, samengevat in een wijkindex.
monitor-method-link = Zo rekenen we.
monitor-no-data = Er zijn nog geen meetgegevens. Zodra cijfers zijn ingelezen, verschijnen ze hier.
monitor-synthetic = Let op: de cijfers in deze demonstratie zijn verzonnen (synthetisch). Ze lijken op echte cijfers, maar zeggen niets over de werkelijke wijken.
monitor-base-period = Scores en de wijkindex vergelijken met het gemiddelde van de { $level ->
        [buurt] buurten
       *[wijk] wijken
    } in het basisjaar { $period } (= 100), niet met het cijfer van de stad: ✓ beter, ≈ gelijk of ✕ slechter zegt hoe een score daartegenover ligt.
monitor-overview-heading = Alle { $level }
monitor-overview-caption = Index en kernindicatoren per gebied; klik op een kolomkop om te sorteren.
monitor-legend-bands = ✓ beter (score 110 of meer) · ≈ gelijk (90 tot 110) · ✕ slechter (70 tot 90) · ✕✕ veel slechter (onder 70), telkens tegenover het gemiddelde in het basisjaar (= 100).
monitor-download = Download de tabel:
monitor-field-level = Niveau
monitor-field-period = Periode
monitor-show = Tonen
monitor-index = Wijkindex
monitor-no-value = geen gegevens
monitor-map-index-title = Wijkindex van de { $level } in { $period }
monitor-column-code = Code
monitor-column-area = Gebied
monitor-column-indicator = Indicator
monitor-column-theme = Thema
monitor-column-period = Periode
monitor-column-value = Waarde
monitor-column-score = Score
monitor-column-change = Verandering
monitor-column-trend = Trend
monitor-column-city = Stad
monitor-column-target-status = Doel
monitor-column-margin = Marge
monitor-column-target-period = Doeljaar
monitor-column-baseline = Nulmeting
monitor-column-note = Toelichting
monitor-profile-title = Gebied
monitor-theme-chart-title = Themascores van { $area }
monitor-city-average = gemiddelde = 100
monitor-change = { $difference } sinds { $from } ({ $movement })
monitor-no-change = geen eerdere meting
monitor-trend = { $slope } per jaar over { $periods } metingen
monitor-no-trend = te weinig metingen
monitor-target-own = { $value } in { $period } (nulmeting { $baseline })
monitor-target-city = stedelijk doel { $value } in { $period } (nulmeting { $baseline })
monitor-sparkline-title = Verloop van { $indicator }
monitor-unpublished = Vastgesteld, nog niet gepubliceerd
monitor-indicator-title = Indicator
monitor-map-indicator-title = { $indicator } in { $period }
monitor-bars-title = { $indicator } per gebied in { $period }, gesorteerd
monitor-lines-title = Verloop van { $indicator } per gebied, met de stad
monitor-within-margin = { $difference } (binnen de marge)
monitor-fact-unit = Eenheid
monitor-fact-direction = Richting
monitor-fact-theme = Thema
monitor-fact-kind = Soort
monitor-fact-source = Bron
monitor-fact-status = Status
monitor-method-title = Werkwijze van de wijkmonitor
monitor-report-title = Wijkrapportage { $area }
monitor-part-of = ligt in
monitor-report-link = Wijkrapportage (afdrukbaar)
monitor-index-heading = Wijkindex
monitor-index-explained = 100 is het gemiddelde van alle gebieden van dit niveau in het basisjaar { $period }, niet het cijfer van de stad; 10 punten is één standaardafwijking. Een score of index die op minder indicatoren rust dan zijn basis zegt dat erbij; onder de helft van de indicatoren geven we hem niet.
monitor-themes-caption = Score per thema
monitor-city = Stad
monitor-target = Doel
monitor-series-summary = Alle metingen
monitor-series-caption = Metingen van { $indicator }
monitor-children-caption = Gebieden binnen { $area } met hun index
monitor-synthetic-report = De cijfers in deze demonstratie zijn verzonnen (synthetisch). Ze lijken op echte cijfers, maar zeggen niets over de werkelijke wijken.
monitor-report-generated = Opgesteld op { $date }
monitor-origin-label = Voorgesteld in
monitor-origin = de Politieke Markt van { $date }, sessie “{ $subject }”
monitor-agenda-heading = Wijkagenda { $year }
monitor-agenda-heading-none = Wijkagenda
monitor-agenda-empty = Voor { $area } staan nog geen prioriteiten of acties op de wijkagenda.
monitor-agenda-intro = De prioriteiten van { $area } en de acties die gemeente, partners en bewoners daarvoor ondernemen.
monitor-agenda-other = Overige acties
monitor-agenda-no-actions = Nog geen acties bij deze prioriteit.
monitor-agenda-owner-municipality = Gemeente
monitor-agenda-moves = Moet bewegen
action-status-gepland = gepland
action-status-lopend = lopend
action-status-afgerond = afgerond
action-status-vervallen = vervallen
monitor-report-pdf = Wijkrapportage als PDF
monitor-map-heading = Kaart
monitor-bars-heading = Per gebied
monitor-indicator-caption = Waarde, score, verandering, trend en doel per gebied in { $period }
monitor-lines-heading = Door de tijd
monitor-lines-table-note = De waarden per jaar staan in de download (CSV of XLSX) en op de pagina van elk gebied.
monitor-targets-heading = Doelen
monitor-no-targets = Voor deze indicator zijn geen doelen gesteld.
monitor-targets-caption = De doelen van deze indicator
monitor-coverage-partial = op { $scored } van { $of } indicatoren
monitor-coverage-withheld = niet gegeven: { $scored } van { $of } indicatoren, minder dan de helft
monitor-coverage-withheld-short = te weinig gegevens
monitor-coverage-count = { $scored } van { $of }
monitor-column-index-indicators = Indicatoren in de index
monitor-score-reference = { $band ->
        [boven_gemiddeld] beter dan
        [onder_gemiddeld] slechter dan
        [ver_onder_gemiddeld] veel slechter dan
       *[gemiddeld] gelijk aan
    } het gemiddelde van de { $level ->
        [buurt] buurten
       *[wijk] wijken
    } in basisjaar { $period } (= 100)
method-score-reference = Een score vergelijkt dus niet met het cijfer van de stad dat ernaast staat, maar met het gemiddelde van de gebieden in het basisjaar. Daarom kan een wijk met 48,0 actieve inwoners „beter” scoren terwijl de stad nu 51,4 haalt: de wijk ligt boven het gemiddelde van de wijken in het basisjaar. Bij elke score staat waarmee hij vergelijkt.
method-default-period-heading = Welke periode u eerst ziet
method-default-period = Zonder gekozen periode tonen de pagina's de laatste periode waarin de meeste gebieden (meer dan de helft van de wijken, of van de buurten) de meeste indicatoren hebben (meer dan de helft van de indicatoren van de index). Een paar nieuwe cijfers voor één wijk maken een nieuw jaar dus nog niet de standaard. Een heel jaar gaat voor een kwartaal. Haalt geen periode die drempel, dan ziet u het laatste jaar met gegevens. Alle andere perioden blijven te kiezen.
level-gemeente = Gemeente
level-wijk = Wijk
level-buurt = Buurt
level-plural-gemeente = Gemeenten
level-plural-wijk = Wijken
level-plural-buurt = Buurten
theme-sociaal = Sociaal
theme-fysiek = Fysiek
theme-veiligheid = Veiligheid
theme-participatie = Participatie
band-boven-gemiddeld = beter
band-gemiddeld = gelijk
band-onder-gemiddeld = slechter
band-ver-onder-gemiddeld = veel slechter
movement-beter = beter
movement-slechter = slechter
movement-gelijk = gelijk, binnen de marge
movement-veranderd = veranderd
target-status-behaald = behaald
target-status-op-koers = op koers
target-status-achter = achter
target-status-onbekend = onbekend
unit-percentage = percentage
unit-aantal = aantal
unit-per-1000 = per 1.000 inwoners
unit-score-1-10 = rapportcijfer 1–10
unit-schaal-0-10 = schaalscore 0–10
kind-objectief = objectief
kind-subjectief = subjectief
direction-hoger-is-beter = hoger is beter
direction-lager-is-beter = lager is beter
direction-neutraal = neutraal (beschrijvend)
indicator-status-kandidaat = Kandidaat-indicator
indicator-status-vastgesteld = Vastgesteld
indicator-status-vervallen = Vervallen
exclusion-neutraal = Geen score: deze indicator beschrijft en is niet beter of slechter.
exclusion-geen-spreiding = Geen score: alle gebieden hadden in het basisjaar dezelfde waarde.
exclusion-geen-basiswaarden = Geen score: in het basisjaar is deze indicator niet gemeten.
method-intro = De wijkmonitor laat per wijk en buurt zien hoe de succesindicatoren van wijkgericht werken zich ontwikkelen. Alle berekeningen staan hieronder, zodat iedereen ze kan narekenen.
method-index-heading = De wijkindex
method-index-yardstick = Naar het voorbeeld van het Wijkprofiel van Rotterdam, maar met een openbare formule. Voor elke indicator nemen we in het basisjaar het gemiddelde μ en de standaardafwijking σ van de waarden van alle gebieden van hetzelfde niveau (wijken met wijken, buurten met buurten). De score van een gebied is dan:
method-index-terms = Daarin is x de waarde van het gebied en d is +1 als hoger beter is en −1 als lager beter is. In het basisjaar is de gemiddelde score dus precies 100; in latere jaren meet dezelfde maatstaf vooruitgang of achteruitgang.
method-index-left-out = Beschrijvende (neutrale) indicatoren en indicatoren waarvan alle gebieden in het basisjaar dezelfde waarde hadden (σ = 0), krijgen geen score; dat staat bij de indicator vermeld.
method-index-themes = Een themascore (sociaal, fysiek, veiligheid, participatie) is het gemiddelde van de scores van de indicatoren in dat thema, maar alleen als minstens de helft ervan een waarde heeft. De wijkindex is het gemiddelde van de themascores, maar alleen als minstens de helft van alle indicatoren van de index een waarde heeft. We tonen de index ook apart voor de objectieve indicatoren (registraties) en de subjectieve (enquêtes), met dezelfde regel. Rust een score op minder indicatoren dan zijn basis, dan staat dat erbij („op 3 van 8 indicatoren”); onder de helft staat er „–” met de reden.
method-index-counted = Alleen vastgestelde en gepubliceerde indicatoren tellen mee, zodat iedereen de index kan narekenen met wat op deze site staat. Het basisjaar is het eerste jaar met gegevens, tenzij de gemeente een ander jaar instelt.
method-bands-heading = Klassen
method-or-more = of meer
method-below = onder
method-change-heading = Verandering
method-change = We vergelijken de laatste waarde met de vorige meting en met de nulmeting. Bij enquêtecijfers met een foutmarge telt een verandering pas als echt wanneer ze groter is dan de gecombineerde marge van beide metingen:
method-trend-heading = Trend
method-trend = De trend is de helling van de rechte lijn die het best past (kleinste kwadraten) door de laatste vijf metingen (of minder, als er minder zijn), uitgedrukt per jaar; kwartalen tellen als een kwart jaar.
method-city-heading = Vergelijking met de stad
method-city = Naast elke waarde staat de waarde van de hele gemeente in dezelfde periode.
method-target-heading = Doelen
method-target = Een doel heeft een doelwaarde T in een doeljaar en een nulmeting b in een beginjaar t₀. Voor de laatste meting in periode t trekken we de rechte lijn van de nulmeting naar het doel:
method-target-achieved = de laatste waarde is gelijk aan of voorbij het doel, in de goede richting.
method-target-on-track = nog niet behaald, maar de waarde ligt op of voorbij de lijn van nulmeting naar doel.
method-target-behind = de waarde ligt achter die lijn.
method-target-unknown = er is geen recente meting of geen nulmeting.
method-target-city = Een stedelijk doel geldt voor elk gebied dat geen eigen doel heeft, gemeten vanaf de eigen nulmeting van dat gebied.
method-data-heading = Gegevens
method-data = Cijfers komen uit registraties (zoals CBS en politie) en uit enquêtes (zoals de Veiligheidsmonitor). Bij elke indicator staan de bron, de eenheid en de definitie. Alle tabellen zijn te downloaden als CSV en XLSX, de kaartgegevens als GeoJSON.
monitor-import-title = Meetgegevens inlezen
monitor-import-link = Meetgegevens inlezen
monitor-import-intro = Lees een CSV-bestand met meetwaarden in, in twee stappen. Eerst controleert wijkbeeld het bestand en laat zien wat er verandert: welke waarden nieuw zijn, welke een bestaande waarde vervangen en welke al zo bekend zijn. Pas als u daarna op Opslaan drukt, worden de waarden opgeslagen, helemaal of helemaal niet. Bij één fout in het bestand wordt niets opgeslagen en ziet u elke fout met regel en kolom.
monitor-import-long = Een lange tabel, één meting per regel:
monitor-import-template-link = Sjabloon downloaden (CSV)
monitor-import-template = Sjabloon meetwaarden
monitor-import-wide = Een tabel van het CBS (Kerncijfers wijken en buurten), één gebied per regel; vul dan de periode in. Kolommen die aan een indicator gekoppeld zijn worden ingelezen, het aantal inwoners altijd.
monitor-import-rules = Scheidingsteken komma of puntkomma, decimale punt of komma, UTF-8 met of zonder BOM. Ontbrekende waarden (leeg, punt, x, -99995, -99997) worden overgeslagen.
monitor-import-codes-title = Codes om te gebruiken
monitor-import-codes-intro = In de kolom indicator staat de code van een indicator, in de kolom area_code de CBS-code van de gemeente, een wijk of een buurt. Hoofdletters of kleine letters maakt niet uit.
monitor-import-codes-indicators =
    { $count ->
        [one] 1 indicator, met naam en eenheid
       *[other] { $count } indicatoren, met naam en eenheid
    }
monitor-import-codes-wijken =
    { $count ->
        [one] 1 wijk, met CBS-code
       *[other] { $count } wijken, met CBS-code
    }
monitor-import-codes-buurten =
    { $count ->
        [one] 1 buurt, met CBS-code
       *[other] { $count } buurten, met CBS-code
    }
monitor-import-step-check = Stap 1: het bestand controleren
monitor-import-file = Bestand (CSV)
monitor-import-file-hint = Hoogstens 20 MB.
monitor-import-period = Periode van een CBS-tabel
monitor-import-period-hint = Bijvoorbeeld 2024. Alleen nodig voor een CBS-tabel.
monitor-import-submit = Controleren
monitor-import-problems = Gevonden fouten
monitor-import-refused =
    { $count ->
        [one] Het bestand is niet ingelezen: er is 1 fout gevonden. Er is niets veranderd.
       *[other] Het bestand is niet ingelezen: er zijn { $count } fouten gevonden. Er is niets veranderd.
    }
monitor-import-more = … en nog { $count } fouten.
monitor-import-populations =
    { $count ->
        [one] Ook het aantal inwoners van 1 gebied wordt bijgewerkt.
       *[other] Ook het aantal inwoners van { $count } gebieden wordt bijgewerkt.
    }
monitor-import-missing =
    { $count ->
        [one] 1 waarde is als ontbrekend gemarkeerd en wordt overgeslagen.
       *[other] { $count } waarden zijn als ontbrekend gemarkeerd en worden overgeslagen.
    }
monitor-import-unmapped = Niet gekoppelde CBS-kolommen: { $columns }
monitor-import-preview-title = Stap 2: controleren wat er verandert
monitor-import-preview-intro = Dit verandert er als u { $file } opslaat. Er is nog niets opgeslagen.
monitor-import-preview-counts =
    { $total ->
        [one] 1 meetwaarde voor { $periods }: { $new } nieuw, { $changed } gewijzigd, { $unchanged } ongewijzigd.
       *[other] { $total } meetwaarden voor { $periods }: { $new } nieuw, { $changed } gewijzigd, { $unchanged } ongewijzigd.
    }
monitor-import-preview-nothing = Er verandert niets: alle waarden staan er al zo in.
monitor-import-preview-store-hint = Opslaan slaat precies deze waarden op, allemaal of geen. Deze controle blijft een uur geldig.
monitor-import-store = Opslaan
monitor-import-other-file = Een ander bestand kiezen
monitor-import-discard = Niet opslaan
monitor-import-preview-caption = De meetwaarden in het bestand, met wat er nu staat
monitor-import-column-area = Gebied
monitor-import-column-indicator = Indicator
monitor-import-column-period = Periode
monitor-import-column-change = Wijziging
monitor-import-row-new = nieuw
monitor-import-row-changed = gewijzigd
monitor-import-row-changed-margin = gewijzigd (steekproefomvang of foutmarge)
monitor-import-row-unchanged = ongewijzigd
monitor-import-preview-unlisted =
    { $count ->
        [one] … en nog 1 meetwaarde, die hierboven is meegeteld.
       *[other] … en nog { $count } meetwaarden, die hierboven zijn meegeteld.
    }
monitor-import-gone = Dit gecontroleerde bestand is er niet (meer): het is al opgeslagen, of u hebt het niet zelf gecontroleerd. Er is nu niets opgeslagen.
monitor-import-expired = De controle is verlopen: een gecontroleerd bestand wacht een uur op Opslaan. Er is niets opgeslagen; kies het bestand opnieuw.
monitor-import-no-longer-fits = Het gecontroleerde bestand past niet meer bij de monitor, want daarin is intussen iets veranderd. Er is niets opgeslagen.
notice-monitor-import-checked = Het bestand is gecontroleerd en nog niet opgeslagen. Bekijk wat er verandert en kies Opslaan.
notice-monitor-import-discarded = Het gecontroleerde bestand is niet opgeslagen en vergeten.
notice-monitor-imported =
    { $count ->
        [one] 1 meetwaarde is opgeslagen.
       *[other] { $count } meetwaarden zijn opgeslagen.
    }
import-problem-at = Regel { $line }, kolom { $column }: { $reason }
import-problem-line = Regel { $line }: { $reason }
import-problem-unreadable = de regel is geen leesbare CSV.
import-problem-unknown-header = de kopregel moet de kolommen area_code, indicator, period en value noemen (en mag sample_size, margin en source_note noemen), of een CBS-tabel zijn met een kolom WijkenEnBuurten; hij noemt: { $columns }.
import-problem-column-twice = de kolom staat twee keer in de kopregel.
import-problem-no-rows = het bestand heeft een kopregel maar geen regels met gegevens.
import-problem-field-count = de regel heeft { $found } velden en de kopregel { $expected }.
import-problem-key-twice = { $indicator } voor { $area } in { $period } staat er twee keer in (het eerst op regel { $first }).
import-problem-mapped-to-unknown = de kolom is gekoppeld aan de indicator { $indicator }, die niet bestaat.
import-problem-mapped-twice = de kolom is gekoppeld aan de indicator { $indicator }, net als de kolom { $column }.
import-problem-no-period = een CBS-tabel heeft geen kolom met de periode: vul het jaar in dat de tabel beschrijft.
import-problem-nothing-mapped = geen kolom van deze CBS-tabel is aan een indicator gekoppeld, en er is geen kolom AantalInwoners; de tabel heeft: { $columns }.
import-problem-area-twice = { $area } staat er twee keer in (het eerst op regel { $first }).
import-problem-not-inhabitants = { $text } is geen aantal inwoners (een geheel getal, 0 of meer).
import-problem-no-area-rows = het bestand heeft geen regels van een gemeente, wijk of buurt.
import-problem-unknown-area = { $area } is geen gebied van deze gemeente.
import-problem-not-area-code = “{ $text }” is geen CBS-gebiedscode (GM en 4 cijfers, WK en 6 cijfers of BU en 8 cijfers).
import-problem-empty-indicator = de indicator is leeg.
import-problem-unknown-indicator = “{ $text }” is geen bekende indicator.
import-problem-not-period = “{ $text }” is geen periode (een jaar zoals 2023 of een kwartaal zoals 2023-Q2).
import-problem-not-number = “{ $text }” is geen getal.
import-problem-out-of-bounds = { $text } ligt buiten { $low }–{ $high }, de grenzen van een { $unit }.
import-problem-negative = { $text } is negatief, en een { $unit } kan dat niet zijn.
import-problem-not-sample-size = “{ $text }” is geen steekproefomvang (een geheel getal, 0 of meer).
import-problem-negative-margin = { $text } is negatief; een foutmarge is 0 of meer.
error-monitor-period = Vul een jaar (2024) of kwartaal (2024-Q2) in, of laat het veld leeg.
error-monitor-no-file = Kies een bestand.
error-monitor-not-utf8 = Het bestand is geen tekst in UTF-8. Sla het op als "CSV UTF-8".

## Indicators kept in the web interface

monitor-indicators-link = Indicatoren beheren
monitor-indicators-title = Indicatoren
monitor-indicators-intro = Alle indicatoren van de wijkmonitor, ook kandidaat-indicatoren en indicatoren die niet openbaar zijn. Alleen vastgestelde, gepubliceerde indicatoren tellen mee in de wijkindex.
monitor-indicators-caption = Alle indicatoren
monitor-indicators-column-published = Openbaar
monitor-indicators-column-key = Kernindicator
monitor-indicators-column-actions = Wijzigen
monitor-indicators-yes = ja
monitor-indicators-no = nee
monitor-indicators-edit = Bewerken
monitor-indicator-new-link = Nieuwe indicator
monitor-indicator-new-title = Nieuwe indicator
monitor-indicator-edit-title = Indicator { $code } bewerken
monitor-indicator-field-code = Code
monitor-indicator-field-code-hint = 2 tot 40 tekens: hoofdletters, cijfers en liggende streepjes, bijvoorbeeld VEILIGHEIDSBELEVING. Deze code staat in de bestanden met meetwaarden.
monitor-indicator-field-name = Naam
monitor-indicator-field-definition = Definitie
monitor-indicator-field-definition-hint = Wat er precies gemeten wordt en hoe.
monitor-indicator-field-unit = Eenheid
monitor-indicator-field-direction = Richting
monitor-indicator-field-theme = Thema
monitor-indicator-field-kind = Soort
monitor-indicator-field-status = Status
monitor-indicator-field-status-hint = Alleen vastgestelde indicatoren tellen mee in de wijkindex, en alleen als ze openbaar zijn.
monitor-indicator-field-source = Bron
monitor-indicator-field-source-hint = Waar de cijfers vandaan komen, bijvoorbeeld Veiligheidsmonitor.
monitor-indicator-field-owner = Verantwoordelijke partner
monitor-indicator-owner-municipality = Geen partner (de gemeente)
monitor-indicator-field-programmes = Ontwikkelopgaven
monitor-indicator-field-key = Kernindicator in het stedelijk overzicht
monitor-indicator-field-published = Openbaar (zichtbaar voor iedereen)
monitor-indicator-field-decimals = Aantal decimalen
monitor-indicator-field-decimals-hint = Van 0 tot en met 6.
error-indicator-code = Vul een code in van 2 tot 40 tekens: letters A–Z, cijfers en liggende streepjes, zonder spaties.
error-indicator-code-taken = Er is al een indicator met deze code. Kies een andere code.
error-indicator-name = Vul de naam van de indicator in.
error-indicator-definition = Vul de definitie van de indicator in.
error-indicator-too-long = Deze tekst is te lang.
error-indicator-decimals = Vul een aantal decimalen in van 0 tot en met 6.
error-indicator-programme = Kies alleen ontwikkelopgaven uit de lijst.

## Targets (streefwaarden) and CBS column mappings kept in the web interface

monitor-targets-link = Streefwaarden
monitor-targets-edit-link = Streefwaarden van deze indicator
monitor-targets-title = Streefwaarden
monitor-targets-page-title = Streefwaarden voor { $indicator }
monitor-targets-intro = Een streefwaarde is de waarde die een indicator in een doelperiode moet halen, gerekend vanaf de waarde in de nulmeting. Een streefwaarde voor de hele gemeente geldt voor elk gebied zonder eigen streefwaarde. Op de pagina van de indicator en in het profiel van een wijk staat of een gebied op koers ligt.
monitor-targets-to-indicator = De indicator in de wijkmonitor
monitor-targets-to-edit = De indicator bewerken
monitor-targets-none = Deze indicator heeft nog geen streefwaarden.
monitor-targets-caption-of = Streefwaarden van { $indicator }
monitor-targets-column-area = Gebied
monitor-targets-column-value = Streefwaarde
monitor-targets-column-period = Doelperiode
monitor-targets-column-baseline = Nulmeting
monitor-targets-column-note = Toelichting
monitor-targets-column-actions = Wijzigen
monitor-targets-whole-city = Hele gemeente ({ $name })
monitor-targets-edit = Bewerken
monitor-targets-delete = Verwijderen
monitor-targets-row-label = streefwaarde { $area } { $period }
monitor-targets-add-heading = Streefwaarde toevoegen
monitor-targets-add-submit = Streefwaarde toevoegen
monitor-targets-added = De streefwaarde is toegevoegd.
monitor-targets-changed = De streefwaarde is gewijzigd.
monitor-targets-deleted = De streefwaarde is verwijderd.
monitor-target-edit-title = Streefwaarde voor { $indicator } bewerken
monitor-target-edit-crumb = Streefwaarde bewerken
monitor-target-edit-submit = Wijzigingen opslaan
monitor-target-back = Terug naar de streefwaarden
monitor-target-field-area = Gebied
monitor-target-field-area-hint = De hele gemeente, of één wijk of buurt.
monitor-target-field-value = Streefwaarde
monitor-target-field-value-hint = Eenheid: { $unit }. Decimalen met een komma of een punt, bijvoorbeeld 72,5.
monitor-target-periods = Periodes
monitor-target-field-period = Doelperiode
monitor-target-field-period-hint = Wanneer de streefwaarde gehaald moet zijn: een jaar (2030) of een kwartaal (2030-Q2).
monitor-target-field-baseline = Nulmeting
monitor-target-field-baseline-hint = De periode waarvan de waarde het beginpunt is, vóór de doelperiode; bijvoorbeeld 2022.
monitor-target-field-note = Toelichting
monitor-target-field-note-hint = Waarom deze streefwaarde, bijvoorbeeld het besluit waarin ze is vastgesteld. Niet verplicht.
error-target-area = Kies de hele gemeente, of een wijk of buurt uit de lijst.
error-target-value-empty = Vul een streefwaarde in.
error-target-value = Vul een getal in, zoals 72,5 of 72.5, zonder punten of komma's tussen de duizendtallen.
error-target-percentage = Een percentage ligt tussen 0 en 100.
error-target-score = Een rapportcijfer ligt tussen 1 en 10.
error-target-scale = Een schaalscore ligt tussen 0 en 10.
error-target-negative = Vul een waarde in van 0 of meer.
error-target-period = Vul een doelperiode in: een jaar (2030) of een kwartaal (2030-Q2).
error-target-baseline = Vul een nulmeting in: een jaar (2022) of een kwartaal (2022-Q4).
error-target-period-order = De doelperiode moet na de nulmeting liggen.
error-target-taken = Voor dit gebied is er al een streefwaarde in deze doelperiode. Bewerk die, of kies een andere doelperiode.
error-target-note-too-long = De toelichting is te lang: hoogstens 2.000 tekens.
monitor-cbs-link = CBS-koppelingen beheren
monitor-cbs-title = CBS-koppelingen
monitor-cbs-intro = Een tabel van het CBS (Kerncijfers wijken en buurten) heeft één kolom per cijfer. Hier legt u vast welke kolom bij welke indicator hoort. Bij het inlezen worden alleen gekoppelde kolommen ingelezen, en altijd het aantal inwoners (AantalInwoners).
monitor-cbs-suffix = Het CBS nummert zijn kolommen, zoals Koopwoningen_47, en dat nummer verschilt per jaar. Een koppeling gebruikt daarom de naam zonder nummer, zodat ze ook voor de tabellen van andere jaren geldt.
monitor-cbs-to-import = Meetgegevens inlezen
monitor-cbs-none = Er zijn nog geen kolommen gekoppeld.
monitor-cbs-caption = Gekoppelde CBS-kolommen
monitor-cbs-column-column = CBS-kolom
monitor-cbs-column-indicator = Indicator
monitor-cbs-column-actions = Wijzigen
monitor-cbs-delete = Verwijderen
monitor-cbs-row-label = koppeling van { $column }
monitor-cbs-add-heading = Kolom koppelen
monitor-cbs-add-intro = Is de kolom al gekoppeld, dan vervangt de nieuwe koppeling de oude.
monitor-cbs-legend = Koppeling
monitor-cbs-field-column = Naam van de CBS-kolom
monitor-cbs-field-column-hint = Zoals in de tabel van het CBS, bijvoorbeeld Koopwoningen. Hoofdletters maken niet uit.
monitor-cbs-field-indicator = Indicator
monitor-cbs-submit = Koppeling opslaan
monitor-cbs-saved = De kolom { $column } is gekoppeld.
monitor-cbs-saved-stripped = De kolom { $column } is gekoppeld. Het volgnummer { $suffix } is weggelaten, zodat de koppeling ook voor de tabellen van andere jaren geldt.
monitor-cbs-deleted = De koppeling van de kolom { $column } is verwijderd.
monitor-import-cbs-link = Welke kolom bij welke indicator hoort, legt u vast bij de CBS-koppelingen.
error-cbs-column-empty = Vul de naam van een CBS-kolom in.
error-cbs-column = Een kolomnaam bestaat uit letters, cijfers en liggende streepjes en begint met een letter, zoals Koopwoningen.
error-cbs-indicator = Kies een indicator uit de lijst.
