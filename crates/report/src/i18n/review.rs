//! The word table's words for `tenderlint review` (issue 27): the comments and
//! tracked changes in the reviewed copy, its summary comment, and the page's button
//! that downloads it.

use super::Entry;

pub(super) const REVIEW: &[Entry] = &[
    (
        "review-weak",
        "Svakt formulert («bør», evalueringsspørsmål eller opsjon): det binder ikke leverandøren. Skriv det med «skal» (minstekrav) om kommunen trenger det.",
        "Svakt formulert («bør», evalueringsspørsmål eller opsjon): det bind ikkje leverandøren. Skriv det med «skal» (minstekrav) om kommunen treng det.",
        "Weakly worded («should», an evaluation question or an option): it does not bind the vendor. Write it with «shall» (minimum requirement) if the municipality needs it.",
    ),
    (
        "review-conditional",
        "Gjelder bare under et vilkår: uten vilkåret binder det ingenting. Still kravet uten vilkår om det alltid skal gjelde.",
        "Gjeld berre under eit vilkår: utan vilkåret bind det ingenting. Still kravet utan vilkår om det alltid skal gjelde.",
        "Applies only under a condition: without it, it binds nothing. State the requirement without the condition if it must always apply.",
    ),
    (
        "review-evaluated",
        "Står i tildelingskriteriene: det evalueres, men kreves ikke. Still et krav med «skal» om det er et minstekrav.",
        "Står i tildelingskriteria: det blir evaluert, men ikkje kravd. Still eit krav med «skal» om det er eit minstekrav.",
        "In the award criteria: it is evaluated, not required. State a requirement with «shall» if it is a minimum requirement.",
    ),
    (
        "review-non-normative",
        "Nevnt i bakgrunnstekst, ordliste, topp- eller bunntekst: det binder ingenting. Still et krav i kravspesifikasjonen om det skal gjelde.",
        "Nemnt i bakgrunnstekst, ordliste, topp- eller botntekst: det bind ingenting. Still eit krav i kravspesifikasjonen om det skal gjelde.",
        "Mentioned in background text, a glossary, a header or footer: it binds nothing. State a requirement in the specification if it must apply.",
    ),
    (
        "review-descriptive",
        "En beskrivelse uten «skal» eller «bør»: den binder ingenting.",
        "Ei skildring utan «skal» eller «bør»: ho bind ingenting.",
        "A description without «shall» or «should»: it binds nothing.",
    ),
    (
        "review-negated",
        "Her holdes temaet utenfor anskaffelsen. Er det meningen, er alt i orden; ellers må setningen endres.",
        "Her blir temaet halde utanfor anskaffinga. Er det meininga, er alt i orden; elles må setninga endrast.",
        "Here the topic is put out of scope. If that is intended, all is well; otherwise change the sentence.",
    ),
    (
        "review-excluded",
        "Treffet gjelder ikke temaet konkurransegrunnlaget selv holder utenfor, og dekker det derfor ikke.",
        "Treffet gjeld ikkje temaet konkurransegrunnlaget sjølv held utanfor, og dekkjer det difor ikkje.",
        "The match is not the topic the tender itself puts out of scope, so it does not cover it.",
    ),
    (
        "review-redefined",
        "Forkortelsen er definert som noe annet i konkurransegrunnlaget, så den dekker ikke temaet.",
        "Forkortinga er definert som noko anna i konkurransegrunnlaget, så ho dekkjer ikkje temaet.",
        "The tender defines the abbreviation as something else, so it does not cover the topic.",
    ),
    (
        "review-possibly",
        "Mulig dekket — sjekk om denne setningen stiller kravet; tenderlint teller den ikke.",
        "Mogleg dekt — sjekk om denne setninga stiller kravet; tenderlint tel henne ikkje.",
        "Possibly covered — check whether this sentence states the requirement; tenderlint does not count it.",
    ),
    (
        "review-violation",
        "Dette bør endres før konkurransegrunnlaget kunngjøres.",
        "Dette bør endrast før konkurransegrunnlaget blir kunngjort.",
        "This should be changed before the tender is published.",
    ),
    (
        "review-tracked",
        "Endringen er lagt inn som sporet endring: godta eller avvis den i Se gjennom-fanen.",
        "Endringa er lagd inn som spora endring: godta eller avvis henne i Se gjennom-fana.",
        "The change is in the document as a tracked change: accept or reject it on the Review tab.",
    ),
    ("review-fix", "Forslag", "Forslag", "Fix"),
    (
        "review-summary",
        "tenderlint: dette mangler i konkurransegrunnlaget, det alvorligste først",
        "tenderlint: dette manglar i konkurransegrunnlaget, det mest alvorlege først",
        "tenderlint: what the tender lacks, most severe first",
    ),
    (
        "review-summary-none",
        "tenderlint: konkurransegrunnlaget mangler ingen av anbefalingene.",
        "tenderlint: konkurransegrunnlaget manglar ingen av tilrådingane.",
        "tenderlint: the tender lacks none of the recommendations.",
    ),
    (
        "review-summary-added",
        "Der tenderlint har et forslag til kravtekst, er kravet lagt inn som sporet endring (ny rad i kravtabellen, eller et nytt avsnitt til slutt). Godta det som passer.",
        "Der tenderlint har eit forslag til kravtekst, er kravet lagt inn som spora endring (ny rad i kravtabellen, eller eit nytt avsnitt til slutt). Godta det som passar.",
        "Where tenderlint has a suggested requirement, it is inserted as a tracked change (a new row of the requirement table, or a new section at the end). Accept what fits.",
    ),
    (
        "review-summary-no-place",
        "Ingen av filene er oppdragsgiverens kravspesifikasjon (bare leverandørens egne dokumenter eller standardavtaler), så de manglende kravene er ikke lagt inn. Legg dem inn i kravspesifikasjonen.",
        "Ingen av filene er kravspesifikasjonen til oppdragsgivaren (berre dokumenta til leverandøren eller standardavtalar), så dei manglande krava er ikkje lagde inn. Legg dei inn i kravspesifikasjonen.",
        "None of these files is the buyer's requirements specification (only the supplier's own documents or standard agreements), so the missing requirements are not inserted. Add them to the requirements specification.",
    ),
    (
        "review-not-inserted",
        "{rule}: forslaget til kravtekst er ikke lagt inn, fordi {rules} innvender mot ordlyden; skriv kravet selv.",
        "{rule}: forslaget til kravtekst er ikkje lagt inn, fordi {rules} har innvendingar mot ordlyden; skriv kravet sjølv.",
        "{rule}: the suggested requirement is not inserted, because {rules} objects to its wording; write it yourself.",
    ),
    (
        "review-section",
        "Krav foreslått av tenderlint",
        "Krav føreslegne av tenderlint",
        "Requirements suggested by tenderlint",
    ),
    (
        "download-review",
        "Last ned dokumentene med kommentarer",
        "Last ned dokumenta med kommentarar",
        "Download the documents with comments",
    ),
];
