### E-mail: the texts of the messages (rendered when sent, in the message's language), the
### outbox page of the griffie, and the audit words of mail.

## The messages. Arguments: $name, $subject (the session), $date, $start, $room, $position
## (on the waiting list), $link (the private link to change or cancel).

mail-registration-confirmed-subject = Aanmelding inspreken bevestigd: { $subject }
mail-registration-confirmed-body =
    Beste { $name },

    U bent aangemeld om in te spreken bij de sessie "{ $subject }".

    Datum: { $date }
    Aanvang: { $start }
    Zaal: { $room }

    Wilt u uw aanmelding wijzigen of intrekken? Dat kan via deze persoonlijke link:
    { $link }

    Deel deze link niet met anderen: wie hem heeft, kan uw aanmelding wijzigen.

    Met vriendelijke groet,
    De griffie
mail-registration-waitlisted-subject = U staat op de wachtlijst: { $subject }
mail-registration-waitlisted-body =
    Beste { $name },

    De sessie "{ $subject }" heeft geen vrije plaatsen meer om in te spreken. U staat op de wachtlijst, op plaats { $position }. Komt er een plaats vrij, dan krijgt u bericht.

    Datum: { $date }
    Aanvang: { $start }
    Zaal: { $room }

    Wilt u uw aanmelding wijzigen of intrekken? Dat kan via deze persoonlijke link:
    { $link }

    Deel deze link niet met anderen: wie hem heeft, kan uw aanmelding wijzigen.

    Met vriendelijke groet,
    De griffie
mail-registration-promoted-subject = Er is een plaats vrij: u kunt inspreken bij { $subject }
mail-registration-promoted-body =
    Beste { $name },

    Er is een plaats vrijgekomen. U stond op de wachtlijst en bent nu aangemeld om in te spreken bij de sessie "{ $subject }".

    Datum: { $date }
    Aanvang: { $start }
    Zaal: { $room }

    Kunt u toch niet? Trek uw aanmelding dan in via deze persoonlijke link, zodat een ander uw plaats krijgt:
    { $link }

    Met vriendelijke groet,
    De griffie
mail-registration-cancelled-subject = Aanmelding ingetrokken: { $subject }
mail-registration-cancelled-body =
    Beste { $name },

    Uw aanmelding om in te spreken bij de sessie "{ $subject }" op { $date } om { $start } ({ $room }) is ingetrokken.

    Hebt u dit niet zelf gedaan, of wilt u zich opnieuw aanmelden? Dat kan op de pagina van de sessie, zolang de aanmelding open is.

    Met vriendelijke groet,
    De griffie
mail-test-subject = Proefbericht van wijkbeeld
mail-test-body =
    Dit is een proefbericht van wijkbeeld, verstuurd vanaf de pagina Uitgaande post:
    { $link }

    Komt het aan, dan werkt het versturen van e-mail.

## The outbox page.

outbox-title = Uitgaande post
outbox-intro = De e-mail die wijkbeeld verstuurt of nog moet versturen, de nieuwste eerst. De berichten bevatten persoonlijke links van insprekers: deel ze niet.
outbox-not-configured = Er is geen mailserver ingesteld: berichten blijven hier wachten tot die er is.
outbox-messages = Berichten
outbox-empty = Er is nog geen e-mail.
outbox-recipient = Aan
outbox-template = Soort bericht
outbox-created = Aangemaakt
outbox-state = Stand
outbox-subject = Onderwerp
outbox-body = Tekst
outbox-body-erased = De tekst is na het versturen gewist, omdat berichten persoonlijke links kunnen bevatten.
outbox-state-waiting = Wacht op versturen
outbox-state-sent = Verstuurd op { $moment }
outbox-state-failed =
    Mislukt na { $attempts ->
        [one] één poging
       *[other] { $attempts } pogingen
    }: { $error }
outbox-state-retry = Volgende poging: { $moment }
outbox-state-given-up = Er wordt niet opnieuw geprobeerd.
outbox-test-legend = Proefbericht
outbox-test-to = Naar e-mailadres
outbox-test-submit = Proefbericht versturen
outbox-test-invalid = Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.
notice-mail-test-queued = Het proefbericht staat klaar om te versturen.
nav-outbox = Uitgaande post

mail-template-registration-confirmed = Aanmelding bevestigd
mail-template-registration-waitlisted = Op de wachtlijst
mail-template-registration-promoted = Van de wachtlijst aangemeld
mail-template-registration-cancelled = Aanmelding ingetrokken
mail-template-test = Proefbericht

## Audit words.

audit-action-mail-test = Proefbericht e-mail klaargezet
audit-entity-mail = E-mail
