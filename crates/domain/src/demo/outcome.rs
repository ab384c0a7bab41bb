//! The recorded outcome of the seed's session: fictional contributions of the demo's fictional
//! parties to the seed's questions, one commitment of the seed's portfolio holder (a public
//! official named in the behandelvoorstel), and the two indicators the seed names as examples —
//! active residents and perceived safety — as proposed there.

use super::council::{SEED_CASE_NUMBER, SEED_PORTFOLIO_HOLDER};
use super::{ContributionSeed, OutcomeSeed, ProposedIndicatorSeed};

/// The seed session's outcome.
pub(super) fn seed_outcome() -> OutcomeSeed {
    // The seed's fourth programme item holds its three questions.
    let contribution = |question: u16, party: &str, text: &str| ContributionSeed {
        item: 4,
        question,
        party: party.into(),
        text: text.into(),
    };
    OutcomeSeed {
        proposal: SEED_CASE_NUMBER.into(),
        minutes: "De voorzitter opent de sessie en heet de aanwezigen welkom. De portefeuillehouder en de \
                  projectleider lichten de aanpak van wijkgericht werken toe; Welbions vertelt over de \
                  samenwerking in de wijken.\n\nIn het gesprek noemen de fracties succesindicatoren, \
                  waarvan twee worden overgenomen als kandidaat voor de wijkmonitor: het aantal actieve \
                  inwoners en de veiligheidsbeleving. De portefeuillehouder zegt toe de raad te \
                  informeren over de uitwerking.\n\n(Fictief demoverslag.)"
            .into(),
        contributions: vec![
            contribution(
                1,
                "SBH",
                "Geslaagd als meer inwoners actief meedoen in hun wijk; meet het aantal actieve inwoners per buurt.",
            ),
            contribution(1, "G&S", "Kijk ook naar de veiligheidsbeleving, en naar verschillen tussen buurten."),
            contribution(2, "VH", "Eens met de werkwijze, mits de raad twee keer per jaar hoort hoe het gaat."),
            contribution(2, "LT", "Betrek ondernemers in de wijk vanaf het begin."),
            contribution(3, "BP", "Houd de wijkagenda's kort en begrijpelijk voor bewoners."),
        ],
        commitment_holder: SEED_PORTFOLIO_HOLDER.into(),
        commitment: "De raad ontvangt een raadsinformatiebrief met de uitgewerkte succesindicatoren en de \
                     eerste nulmeting per wijk. (Fictieve demotoezegging.)"
            .into(),
        commitment_programme: "transformatieplan-sociaal-domein".into(),
        indicators: vec![
            ProposedIndicatorSeed { code: "ACTIEVE_INWONERS".into(), party: "SBH".into() },
            ProposedIndicatorSeed { code: "VEILIGHEIDSBELEVING".into(), party: "G&S".into() },
        ],
    }
}
