//! The seed document (`data/seed/behandelvoorstel-wijkgericht-werken.txt`) as a
//! `ProposalDocument`, typed out by hand from its text.

use time::macros::date;
use wijkbeeld_domain::behandelvoorstel::{History, ProgrammeEntry, ProposalDocument, PublicSpeaking};
use wijkbeeld_domain::proposal::{Domain, Purpose};

/// The history's paragraphs, as the seed writes them.
pub(crate) const HISTORY: [&str; 3] = [
    "In het collegeprogramma 2022-2026 heeft het college de wijkgerichte aanpak opnieuw geïntroduceerd. Op \
     grond hiervan heeft het college op 11 oktober 2022 een Bestuurlijke Opdracht Wijkgericht Werken \
     vastgesteld (3487985). Hierover is de gemeenteraad per brief geïnformeerd (3496929).",
    "Op 27 juni 2023 heeft het college per brief (3604012 / 3614175) verzocht voor het organiseren van een \
     politieke markt over Wijkgericht Werken.",
    "Wijkgericht werken is een middel dat bijdraagt aan verschillende ontwikkelopgaven en het uitgangspunt de \
     inwoner centraal te zetten. Wijkgericht werken is geen doel op zich en ook geen op zichzelf staande \
     ontwikkeling. Dit thema wordt daarom in samenhang ontwikkeld met onder andere de omgevingsvisie, het \
     transformatieplan sociaal domein, de Klimaat-, Energie- en Circulariteit opgave, het integraal \
     veiligheidsplan en zo nog vele andere ontwikkelingen.",
];

fn entry(number: u16, text: &str, questions: &[&str]) -> ProgrammeEntry {
    ProgrammeEntry {
        number,
        text: text.to_owned(),
        questions: questions.iter().map(|question| (*question).to_owned()).collect(),
    }
}

/// The seed's behandelvoorstel: "Wijkgericht werken", Politieke Markt of 26 September 2023.
pub(crate) fn document() -> ProposalDocument {
    ProposalDocument {
        subject: Some("Wijkgericht werken".to_owned()),
        case_number: Some("3641304".to_owned()),
        portfolio_holder: Some("Marie-José Luttikholt".to_owned()),
        history: History {
            text: HISTORY.join("\n\n"),
            documents: ["3487985", "3496929", "3604012", "3614175"].map(str::to_owned).to_vec(),
        },
        market_date: Some(date!(2023 - 09 - 26)),
        chair: Some("Vincent ten Voorde".to_owned()),
        clerk: Some("Coen Hartendorp".to_owned()),
        room: Some("Raadzaal".to_owned()),
        domains: vec![Domain::Physical, Domain::Governance, Domain::Social],
        duration_minutes: Some(90),
        purpose: Some(Purpose::Informing),
        programme: vec![
            entry(1, "Opening voorzitter", &[]),
            entry(
                2,
                "Introductie wijkgericht werken door de portefeuillehouder en projectleider (presentatie hiervoor \
                 is bijgevoegd)",
                &[],
            ),
            entry(
                3,
                "Wijkgericht werken in de praktijk in samenwerking met onze partner Welbions en de projectleider \
                 gezonde wijkaanpak.",
                &[],
            ),
            entry(
                4,
                "In gesprek met elkaar aan de hand van de volgende vragen:",
                &[
                    "Wanneer is wijkgericht werken volgens u geslaagd? Kunt u bijvoorbeeld succesindicatoren \
                     noemen? U kunt bijvoorbeeld denken aan het aantal inwoners dat actief is in de wijk. Of de \
                     veiligheidsbeleving in de wijk.",
                    "Bent u het eens met de voorgestelde werkwijze en hoe wilt u hier een bijdrage aan leveren of \
                     betrokken worden?",
                    "Wat wilt u het college nog meegeven?",
                ],
            ),
            entry(5, "Afsluiting en vervolg", &[]),
        ],
        public_speaking: PublicSpeaking {
            allowed: Some(true),
            minutes_per_speaker: None,
            note: Some(
                "Geïnteresseerden kunnen meespreken. De voorzitter bewaakt de orde van de vergadering.".to_owned(),
            ),
        },
        warnings: Vec::new(),
    }
}
