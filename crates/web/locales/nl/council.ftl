# De raad bij een sessie: fracties per sessie, aanmelden als raadslid of woordvoerder, de eigen pagina van een raadslid en het gewicht van de woordvoerdersregel in de planner.

nav-council-own = Mijn raad
audit-action-attendance-mark = Aanwezigheid bij een sessie gemeld
audit-action-attendance-unmark = Aanwezigheid bij een sessie afgemeld

council-evening-heading = Fracties per sessie
council-evening-intro = Welke fracties bij elke sessie zijn, en wie namens een fractie woordvoerder is.
council-evening-intro-mark = Meld bij elke sessie of u erbij bent voor uw fractie, of er haar woordvoerder bent. U kunt niet in twee sessies tegelijk zijn.
council-session-when = ronde { $round }, { $room }
council-parties = Fracties
council-no-parties = Nog geen fractie heeft zich gemeld.
council-party-with-spokesperson = { $party } (woordvoerder: { $name })
council-own-attends = U bent erbij.
council-own-spokesperson = U bent erbij als woordvoerder.
council-attend = Ik ben erbij
council-attend-for = Ik ben erbij: { $subject }
council-spokesperson = Woordvoerder
council-spokesperson-for = Woordvoerder bij { $subject }
council-unmark = Afmelden
council-unmark-for = Afmelden bij { $subject }

council-refused-title = Niet gemeld
council-refused-no-person = Uw account is niet aan een raadslid gekoppeld. Vraag de griffie uw account te koppelen.
council-refused-no-party = U zit vandaag voor geen fractie in de raad, dus u kunt zich niet namens een fractie melden.
council-refused-parallel = U bent dan al bij { $other }: die sessie is tegelijk. Meld u daar eerst af.
council-refused-spokesperson-taken = { $name } is al woordvoerder van uw fractie bij deze sessie.
council-refused-unknown-role = Kies Ik ben erbij, Woordvoerder of Afmelden.
council-back = Terug naar de marktavond

council-own-title = Mijn raad
council-own-sessions = Mijn sessies
council-own-no-sessions = U hebt zich nog bij geen sessie gemeld. Dat doet u op de pagina van een marktavond:
council-own-sessions-caption = { $count ->
    [one] 1 sessie waarbij u zich meldde
   *[other] { $count } sessies waarbij u zich meldde
}
council-column-date = Datum
council-column-subject = Onderwerp
council-column-round = Ronde
council-column-room = Zaal
council-column-role = Rol
council-round-at = ronde { $round } ({ $start })
council-not-planned = nog niet ingepland
council-role-attends = aanwezig voor { $party }
council-role-spokesperson = woordvoerder voor { $party }
council-own-commitments = Toezeggingen in mijn sessies
council-own-no-commitments = In uw sessies zijn (nog) geen toezeggingen gedaan.
council-own-open = Openstaande toezeggingen per portefeuillehouder
council-own-no-open = Er staan geen toezeggingen open.
council-own-open-of = Openstaande toezeggingen van { $holder }
council-no-holder = Zonder portefeuillehouder

council-clashes-heading = Woordvoerders in twee sessies tegelijk
council-clashes-intro = De planner kon deze niet voorkomen (of het gewicht van de regel liet ze toe):
council-clash = { $name } is woordvoerder in { $first } en { $second } in ronde { $round }

council-weight-title = Woordvoerders in de planner
council-weight-link = Hoe zwaar telt de planner een woordvoerder in twee sessies tegelijk?
council-weight-intro = De planner probeert twee sessies met dezelfde woordvoerder niet in één ronde te zetten. Hoe zwaar dat telt, bepaalt de griffie: 0 negeert de regel; 1000 weegt even zwaar als een sessie die niet geplaatst wordt, en maakt de regel bijna hard.
council-weight-field = Hoe zwaar telt een woordvoerder in twee sessies tegelijk
council-weight-hint = Een heel getal van 0 tot 10.000. Standaard 40: zwaarder dan twee sessies van één domein tegelijk.
council-weight-submit = Gewicht opslaan
council-weight-invalid = Vul een heel getal in van 0 tot { $max }.

notice-council-attends = U bent gemeld bij de sessie.
notice-council-spokesperson = U bent gemeld als woordvoerder bij de sessie.
notice-council-unmarked = U bent afgemeld bij de sessie.
notice-council-weight-saved = Het gewicht van de woordvoerders is opgeslagen.
