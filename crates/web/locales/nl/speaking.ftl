# Spreekrecht: the session page, registering to speak, the private link and the griffie's rules.

speaking-session-title = Sessie
speaking-facts = Gegevens van de sessie
speaking-fact-date = Datum
speaking-fact-time = Tijd
speaking-fact-room = Zaal
speaking-proposal-link = Het behandelvoorstel
speaking-evening-link = De hele marktavond
speaking-rules-heading = Spreekrecht
speaking-rules-edit-link = Spreekrecht van deze sessie aanpassen
speaking-speakers-heading = Insprekers
speaking-counts-confirmed = { $count ->
    [0] Nog niemand heeft zich aangemeld om in te spreken.
    [one] 1 inspreker is aangemeld.
   *[other] { $count } insprekers zijn aangemeld.
}
speaking-counts-waiting = { $count ->
    [one] 1 staat op de wachtlijst.
   *[other] { $count } staan op de wachtlijst.
}
speaking-register-heading = Aanmelden om in te spreken
speaking-register-intro = U hebt geen account nodig. Vul uw naam in, een e-mailadres of telefoonnummer, en waarover u wilt spreken.
speaking-field-name = Naam
speaking-field-email = E-mailadres
speaking-field-phone = Telefoonnummer
speaking-field-contact-hint = Vul een e-mailadres of een telefoonnummer in (of allebei). Wij publiceren dit nooit.
speaking-field-organisation = Organisatie
speaking-field-optional = Niet verplicht: als u namens een organisatie spreekt.
speaking-field-topic = Onderwerp
speaking-field-topic-hint = Waarover wilt u spreken? Hoogstens 1.000 tekens.
speaking-field-contribution = Schriftelijke bijdrage
speaking-field-contribution-hint = Niet verplicht: een tekst die bij de stukken van de sessie komt.
speaking-field-file = Bijdrage als PDF
speaking-field-file-hint = Niet verplicht: een PDF-bestand van hoogstens 10 MB.
speaking-field-publish-name = Mijn naam mag op de lijst van insprekers worden gepubliceerd
speaking-privacy = Uw e-mailadres en telefoonnummer gebruikt de griffie alleen om u over deze sessie te bereiken. Zij worden niet gepubliceerd en enige tijd na de sessie gewist.
speaking-register-submit = Aanmelden
speaking-rule-not-allowed = Bij deze sessie is er geen spreekrecht voor publiek.
speaking-rule-may-join = Inwoners kunnen inspreken en meepraten in het gesprek.
speaking-rule-speak-only = Inwoners kunnen inspreken; het gesprek is aan de raad.
speaking-rule-minutes = { $count ->
    [one] Iedere inspreker heeft 1 minuut.
   *[other] Iedere inspreker heeft { $count } minuten.
}
speaking-rule-total = In totaal is er { $count } minuten spreektijd, verdeeld over de insprekers.
speaking-rule-places = { $count ->
    [one] Er is 1 plaats; wie zich daarna aanmeldt, komt op de wachtlijst.
   *[other] Er zijn { $count } plaatsen; wie zich daarna aanmeldt, komt op de wachtlijst.
}
speaking-rule-no-limit = Er is geen maximum aantal insprekers.
speaking-rule-deadline = Aanmelden kan tot { $moment }.
speaking-closed-not-published = Aanmelden kan nog niet: de marktavond is niet gepubliceerd.
speaking-closed-session-passed = Aanmelden kan niet meer: de sessie is begonnen of voorbij.
speaking-closed-not-allowed = Aanmelden kan niet: bij deze sessie is er geen spreekrecht voor publiek.
speaking-closed-deadline-passed = Aanmelden kan niet meer: de termijn om u aan te melden is verstreken.
error-speaker-name-missing = Vul uw naam in.
error-speaker-email-invalid = Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.
error-speaker-phone-invalid = Vul een geldig telefoonnummer in, zoals 074 123 45 67.
error-speaker-no-contact = Vul een e-mailadres of een telefoonnummer in, zodat de griffie u kan bereiken.
error-speaker-topic-missing = Vul in waarover u wilt spreken.
error-speaker-file-not-pdf = Dit bestand is geen PDF. Kies een PDF-bestand.
error-speaker-file-too-large = Dit bestand is groter dan 10 MB. Kies een kleiner bestand.
error-idempotency-key = De sleutel van de aanvraag is ongeldig: hoogstens 200 tekens, zonder stuurtekens.
error-too-many-registrations = U hebt zich te vaak achter elkaar aangemeld. Probeer het over enkele minuten opnieuw.
notice-registration-repeated = Uw aanmelding was al ontvangen; u bent niet nog eens aangemeld.
notice-registration-confirmed = U bent aangemeld om in te spreken. Bewaar het adres van deze pagina: daarmee wijzigt of annuleert u uw aanmelding.
notice-registration-waitlisted = { $count ->
    [one] De plaatsen zijn vol: u staat als eerste op de wachtlijst. Bewaar het adres van deze pagina: daarmee wijzigt of annuleert u uw aanmelding.
   *[other] De plaatsen zijn vol: u staat op plaats { $count } van de wachtlijst. Bewaar het adres van deze pagina: daarmee wijzigt of annuleert u uw aanmelding.
}
notice-registration-changed = Uw aanmelding is gewijzigd.
notice-registration-cancelled = Uw aanmelding is geannuleerd.
notice-speaking-rules-saved = Het spreekrecht van de sessie is opgeslagen.
registration-title = Uw aanmelding om in te spreken
registration-status-confirmed = U bent aangemeld om in te spreken.
registration-status-waitlisted = { $count ->
    [one] U staat als eerste op de wachtlijst.
   *[other] U staat op plaats { $count } van de wachtlijst.
}
registration-keep-link = Deze pagina is alleen voor u: wie het adres kent, kan uw aanmelding wijzigen of annuleren.
registration-session-link = Naar de sessie
registration-change-heading = Aanmelding wijzigen
registration-file-kept = U hebt het bestand { $file } toegevoegd.
registration-file-remove = Dit bestand verwijderen
registration-change-submit = Wijzigingen opslaan
registration-cancel-heading = Aanmelding annuleren
registration-cancel-intro = Kunt u niet komen? Annuleer dan uw aanmelding, zodat iemand van de wachtlijst uw plaats krijgt.
registration-cancel-submit = Aanmelding annuleren
registration-link-unknown-title = Deze link kennen wij niet
registration-link-unknown = Er hoort geen aanmelding bij deze link. Controleer of u het hele adres hebt overgenomen.
registration-link-used-title = Deze aanmelding is geannuleerd
registration-link-used = Deze link is gebruikt om de aanmelding te annuleren en werkt niet meer. U kunt zich opnieuw aanmelden op de pagina van de sessie, zolang dat kan.
speaking-rules-title = Spreekrecht van de sessie
speaking-field-allowed = Publiek mag inspreken
speaking-field-minutes = Minuten per inspreker
speaking-field-minutes-hint = Een heel getal van 1 tot en met 60; leeg voor geen limiet per inspreker.
speaking-field-places = Aantal plaatsen
speaking-field-places-hint = Hoeveel insprekers er een plaats krijgen; wie zich daarna aanmeldt, komt op de wachtlijst. Leeg voor geen maximum.
speaking-field-total = Totale spreektijd in minuten
speaking-field-total-hint = Niet verplicht: deze tijd wordt verdeeld over de insprekers.
speaking-field-deadline-date = Aanmelden kan tot (datum)
speaking-field-deadline-time = Aanmelden kan tot (tijd)
speaking-field-may-join = Inwoners mogen ook meepraten in het gesprek (beeldvorming)
speaking-field-note = Toelichting
speaking-rules-submit = Opslaan
speaking-back-to-session = Terug naar de sessie
error-speaking-number = Vul een heel getal in, of laat het veld leeg.
error-speaking-minutes = Het aantal minuten per inspreker ligt tussen 1 en 60.
error-speaking-places = Hoogstens 100 plaatsen.
error-speaking-total = De totale spreektijd ligt tussen 1 en 600 minuten.
error-speaking-note = De toelichting is hoogstens 1.000 tekens, zonder stuurtekens.
audit-action-session-speaking = Spreekrecht van een sessie ingesteld
audit-action-speaker-register = Aangemeld om in te spreken
audit-action-speaker-change = Aanmelding om in te spreken gewijzigd
audit-action-speaker-cancel = Aanmelding om in te spreken geannuleerd
market-session-link = Sessie en spreekrecht
market-session-link-for = Sessie en spreekrecht: { $subject }
proposal-session-page-link = Naar de sessie: spreekrecht en aanmelden
