//! The word table's words for `tenderlint compare` (issue 28): the matrix of
//! tenders side by side in the terminal, Markdown, JSON and XLSX.

use super::Entry;

pub(super) const COMPARE: &[Entry] = &[
    (
        "compare-title",
        "{n} konkurransegrunnlag side om side",
        "{n} konkurransegrunnlag side om side",
        "{n} tenders side by side",
    ),
    (
        "compare-tender",
        "Konkurransegrunnlag",
        "Konkurransegrunnlag",
        "Tender",
    ),
    ("compare-binding", "Bindende", "Bindande", "Binding"),
    ("compare-disagree", "Uenige", "Usamde", "Disagree"),
    ("compare-yes", "ja", "ja", "yes"),
    (
        "compare-legend-disagree",
        "≠ medlemmene er uenige: noen stiller kravet bindende, andre ikke",
        "≠ medlemane er usamde: nokre stiller kravet bindande, andre ikkje",
        "≠ the members disagree: some put the requirement bindingly, others do not",
    ),
    (
        "compare-legend-binding",
        "bindende: hvor mange av dem regelen gjelder for som krever den bindende",
        "bindande: kor mange av dei regelen gjeld for som krev han bindande",
        "binding: how many of those the rule applies to require it bindingly",
    ),
    (
        "compare-legend-absent",
        "— regelen er ikke i regelsettene dette konkurransegrunnlaget sjekkes mot",
        "— regelen er ikkje i regelsetta dette konkurransegrunnlaget blir sjekka mot",
        "— the rule is not in the rule sets this tender is checked against",
    ),
    ("compare-cell-not-applicable", "i.r.", "i.r.", "n/a"),
    (
        "compare-distance",
        "Avstand fra flertallet",
        "Avstand frå fleirtalet",
        "Distance from the majority",
    ),
    (
        "compare-distance-profile",
        "Avstand fra regionens profil",
        "Avstand frå profilen til regionen",
        "Distance from the region's profile",
    ),
    (
        "compare-legend-distance",
        "avstand fra flertallet: regler der konkurransegrunnlaget står på den andre siden enn flertallet",
        "avstand frå fleirtalet: reglar der konkurransegrunnlaget står på den andre sida enn fleirtalet",
        "distance from the majority: rules on which the tender takes the other side from the majority",
    ),
    ("compare-waivers", "Unntak", "Unntak", "Waivers"),
    (
        "compare-too-wide",
        "{n} konkurransegrunnlag får ikke plass i {width} kolonner: bruk --format xlsx eller html for hele matrisen.",
        "{n} konkurransegrunnlag får ikkje plass i {width} kolonnar: bruk --format xlsx eller html for heile matrisa.",
        "{n} tenders do not fit in {width} columns: use --format xlsx or html for the whole matrix.",
    ),
    (
        "compare-explain-hint",
        "Belegget for én regel i hvert konkurransegrunnlag: tenderlint compare … --explain REGEL",
        "Belegget for éin regel i kvart konkurransegrunnlag: tenderlint compare … --explain REGEL",
        "The evidence for one rule in each tender: tenderlint compare … --explain RULE",
    ),
    ("compare-sheet-matrix", "Matrise", "Matrise", "Matrix"),
    ("compare-sheet-evidence", "Belegg", "Belegg", "Evidence"),
    ("compare-file", "Fil", "Fil", "File"),
    ("compare-place", "Sted", "Stad", "Place"),
    ("compare-excerpt", "Utdrag", "Utdrag", "Excerpt"),
    ("compare-reason", "Begrunnelse", "Grunngjeving", "Reason"),
    (
        "compare-not-checked",
        "ikke sjekket mot denne regelen",
        "ikkje sjekka mot denne regelen",
        "not checked against this rule",
    ),
    (
        "compare-no-evidence",
        "ingen belegg",
        "ingen belegg",
        "no evidence",
    ),
    (
        "compare-deviations",
        "Avvik fra regionens profil",
        "Avvik frå profilen til regionen",
        "Deviations from the region's profile",
    ),
    ("compare-deviation", "avvik", "avvik", "deviation"),
    (
        "deviation-waived",
        "unntatt av medlemmet",
        "unnateke av medlemen",
        "waived by the member",
    ),
    (
        "deviation-off",
        "slått av av medlemmet",
        "slått av av medlemen",
        "switched off by the member",
    ),
    (
        "deviation-lowered",
        "senket fra {from} til {to} av medlemmet",
        "senka frå {from} til {to} av medlemen",
        "lowered from {from} to {to} by the member",
    ),
    (
        "compare-file-stem",
        "tenderlint-sammenligning",
        "tenderlint-samanlikning",
        "tenderlint-comparison",
    ),
];
