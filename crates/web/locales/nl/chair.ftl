# De lijst van aanmeldingen van de griffie, de sprekersvolgorde en de tijdwaarneming van de voorzitter.
# De Engelse vertaling staat in ../en/chair.ftl, met precies dezelfde berichten.

## De lijst van aanmeldingen (met contactgegevens: alleen voor de griffie)

chair-registrations-title = Aanmeldingen om in te spreken
chair-registrations-heading = Alle aanmeldingen
chair-registrations-intro = Deze lijst bevat contactgegevens: alleen voor de griffie. Druk hem af met de afdrukfunctie van uw browser; menu en knoppen worden dan weggelaten.
chair-registrations-caption = Aanmeldingen voor { $subject }
chair-registrations-none = Er zijn (nog) geen aanmeldingen.
chair-registrations-link = Aanmeldingen met contactgegevens
chair-evening-list-link = Aanmeldingen van de hele avond
chair-session-list-link = Alleen deze sessie
chair-column-name = Naam
chair-column-organisation = Organisatie
chair-column-topic = Onderwerp
chair-column-email = E-mailadres
chair-column-phone = Telefoon
chair-column-consent = Naam publiceren
chair-column-status = Status
chair-consent-yes = Ja
chair-consent-no = Nee
chair-contact-erased = Gewist
chair-status-bevestigd = Bevestigd
chair-status-geannuleerd = Geannuleerd
chair-status-wachtlijst = Wachtlijst
chair-status-waiting = { $count ->
    [one] Wachtlijst, plaats 1
   *[other] Wachtlijst, plaats { $count }
}
chair-status-walk-in = Bevestigd (ter plaatse)
chair-contribution-of = Schriftelijke bijdrage van { $name }
chair-contribution-file = Bijdrage als PDF downloaden ({ $file })

## De sprekersvolgorde

chair-order-title = Sprekersvolgorde
chair-order-link = Sprekersvolgorde
chair-order-none = Er zijn geen bevestigde insprekers.
chair-chaired-by = voorzitter { $name }
chair-minutes-each = { $count ->
    [one] Iedere inspreker heeft 1 minuut.
   *[other] Iedere inspreker heeft { $count } minuten.
}
chair-planned = Gepland: { $time }
chair-walk-in = ter plaatse aangemeld
chair-move-up = { $name } eerder
chair-move-down = { $name } later
chair-walk-in-heading = Inspreker ter plaatse toevoegen
chair-walk-in-intro = Wie zich op de avond zelf meldt, kan de griffie toevoegen, ook als de plaatsen vol zijn. De inspreker komt achteraan in de volgorde.
chair-field-party = Fractie
chair-field-party-hint = Alleen als de spreker namens een fractie spreekt.
chair-party-none = Geen fractie (inspreker)
chair-walk-in-submit = Toevoegen
chair-error-party = Kies een fractie uit de lijst.
chair-export-link = Spreektijd downloaden (CSV)

## De tijdwaarneming van de voorzitter

chair-timer-title = Tijdwaarneming
chair-timer-link = Tijdwaarneming voor de voorzitter
chair-timer-now = Tijd nu: { $time }.
chair-timer-refresh = Vernieuwen
chair-outcome-link = Na de sessie: de uitkomst vastleggen (verslag, toezeggingen, succesindicatoren)
chair-start = Start { $name }
chair-stop = Stop { $name }
chair-running = Spreekt nu: { $time }.
chair-remaining = Nog { $time } over.
chair-over = { $time } over de tijd.
chair-spoke = Sprak { $time }
chair-allotted = Spreektijd { $time }

## Achteraf

chair-afterwards-heading = Spreektijd
chair-afterwards-speakers-caption = Spreektijd per spreker (gepland en werkelijk, minuten:seconden)
chair-afterwards-parties-caption = Spreektijd per fractie
chair-residents = Insprekers
chair-not-started = Niet gesproken
chair-column-position = Volgorde
chair-column-party = Fractie
chair-column-planned-time = Gepland tijdstip
chair-column-allotted = Gepland
chair-column-spoken = Werkelijk
chair-column-speakers = Sprekers

## Bevestigingen en het auditlog

notice-speaker-moved = De volgorde is aangepast.
notice-walk-in-added = De inspreker is toegevoegd.
notice-turn-started = De tijd loopt.
notice-turn-stopped = De tijd is gestopt.
audit-action-speaker-move = Inspreker verplaatst in de volgorde
audit-action-speaker-walk-in = Inspreker ter plaatse toegevoegd
audit-action-speaker-start = Spreektijd gestart
audit-action-speaker-stop = Spreektijd gestopt
