//! Issue 22, sixth reading pass, the hygiene set: causes found on `fixtures/fresh-5`,
//! `fresh-4` and `fresh-3`, each proven with a tender of its own, worded unlike those
//! corpora. Every test goes through `check_paths`, as a user's check does.

use crate::support::tender::reads;
use tenderlint::findings::Status;

// ---------------------------------------------------------------------------
// HYG-016: what makes a second demand in one requirement
// ---------------------------------------------------------------------------

fn one_row(text: &str) -> String {
    format!("# Krav\n\n| Krav-ID | Krav | Type |\n|---|---|---|\n| R-3 | {text} | M |\n")
}

#[test]
fn a_second_verb_after_a_comma_with_an_object_of_its_own_is_a_second_demand() {
    for text in [
        "Leverandøren skal halde eit årleg brukarmøte, og oppbevare referata i ti år.",
        "Systemet skal importere timebøker fra dagens løsning, og varsle pasientene om endrede avtaler.",
        "The contractor shall host a yearly user conference, and publish release notes for every version.",
        "Løsningen skal beregne ernæringsscore, lage innkjøpslister for kjøkkenet, og sende fakturagrunnlag til økonomisystemet.",
    ] {
        reads(&one_row(text), "HYG-016", Status::Violation);
    }
}

#[test]
fn verbs_sharing_one_object_or_pointing_back_stay_one_demand() {
    for text in [
        // One object for every verb.
        "Løsningen skal kunne importere, kontrollere og lagre måledata fra pasientens apparater.",
        "Systemet skal regne ut og vise risikoskår for fall.",
        // The second verb's object is the first's again.
        "Leverandøren skal ha et testmiljø for kommunen, og holde det oppdatert gjennom hele avtalen.",
        "Løsningen skal sende timeavtaler til Helsenorge, og motta avbestillinger av timeavtaler derfra.",
        // «og» alone joins the verbs of one function as often as two functions.
        "Løsningen skal sende timeavtaler til Helsenorge og motta avbestillinger.",
        // A verb inside a clause of its own is not the modal's.
        "Løsningen skal ha en side der pårørende kan logge inn og lese vaktlister.",
    ] {
        reads(&one_row(text), "HYG-016", Status::Passed);
    }
}

#[test]
fn a_second_verb_of_conformance_or_about_a_thing_not_a_party_stays_one_demand() {
    for text in [
        // Conformance says what standard the demand meets.
        "Leverandøren skal levere eit system for timebestilling, og følgje Normen.",
        "The supplier shall run a help desk for the care staff, and comply with the national guide.",
        // Verbs about a subject that binds no party describe that subject.
        "Kommunens sikkerhetskopier skal tas hver natt, oppbevares i tretti dager, og testes hvert kvartal.",
        "Leverandørens fjerntilgang skal skje fra godkjente maskiner, være tidsbegrenset, og logges.",
    ] {
        reads(&one_row(text), "HYG-016", Status::Passed);
    }
}

#[test]
fn a_sentence_of_its_own_with_its_own_subject_is_a_second_demand() {
    // The user's «skal kunne» in a sentence of its own demands, though it shares a
    // verb stem with the sentence before it.
    reads(
        &one_row("Alle utskrifter skal logges. Pleierne skal kunne logge seg på med ansattkort."),
        "HYG-016",
        Status::Violation,
    );
    // Joined to the demand by «og», the user's «skal» says how that demand works.
    reads(
        &one_row(
            "Menyene skal finnes på bokmål og nynorsk, og den enkelte ansatte skal kunne bytte språk selv.",
        ),
        "HYG-016",
        Status::Passed,
    );
}

#[test]
fn a_numbered_or_typed_paragraph_is_a_requirement_row() {
    for paragraph in [
        "5.2.1 Løsningen skal beregne ernæringsscore, og leverandøren skal gi kjøkkenet opplæring i menyplanlegging.",
        "B-4 Systemet skal importere timebøker fra dagens løsning, og varsle pasientene om endrede avtaler.",
        "Løsningen skal beregne ernæringsscore, og leverandøren skal gi kjøkkenet opplæring i menyplanlegging (minstekrav).",
        "2.3 (Skal) Løsningen skal beregne ernæringsscore, og leverandøren skal gi kjøkkenet opplæring i menyplanlegging.",
    ] {
        reads(
            &format!("# Krav til løsningen\n\n{paragraph}\n"),
            "HYG-016",
            Status::Violation,
        );
    }
    // Running text is not a requirement row: its sentences need not be one demand each.
    reads(
        "# Krav til løsningen\n\nLøsningen skal beregne ernæringsscore, og leverandøren skal gi kjøkkenet opplæring i menyplanlegging.\n",
        "HYG-016",
        Status::Passed,
    );
    // A numbered paragraph that elaborates one thing is one requirement.
    reads(
        "# Krav til løsningen\n\n5.2.2 Løsningen skal ha integrasjon mot kjernejournal, og integrasjonen skal bruke HelseID.\n",
        "HYG-016",
        Status::Passed,
    );
}

// ---------------------------------------------------------------------------
// CON-006: «without extra cost» includes the integrations; «priced as a change» prices them apart
// ---------------------------------------------------------------------------

#[test]
fn national_integrations_without_extra_cost_are_not_priced_separately() {
    for text in [
        "Leverandøren skal oppdatere grensesnittene mot Helsenorge og kjernejournal uten tilleggskostnad for kommunen.",
        "Nye versjonar av dei nasjonale API-a skal takast i bruk utan tilleggskostnad.",
        "Integrations with the national e-health services are upgraded at no additional cost.",
    ] {
        reads(&format!("# Pris\n\n{text}\n"), "CON-006", Status::Passed);
    }
}

#[test]
fn national_integrations_priced_as_changes_or_at_additional_cost_are_priced_separately() {
    for text in [
        "Integrasjon mot nye nasjonale e-helseløsninger prises som endringsarbeid etter timepris.",
        "Access to the national integration APIs is provided at additional cost per call.",
    ] {
        reads(&format!("# Pris\n\n{text}\n"), "CON-006", Status::Violation);
    }
}

// ---------------------------------------------------------------------------
// HYG-011: requirements «not set», and the reason given for it, are no climate consideration
// ---------------------------------------------------------------------------

#[test]
fn climate_requirements_not_set_with_a_reason_cover_nothing() {
    for text in [
        "Det er ikke stilt særskilte klimakrav til denne leveransen. Kommunen vurderer at klimakrav har liten effekt for en skytjeneste.",
        "Det blir ikkje stilt eigne miljøkrav i konkurransen, sidan miljøbelastninga av ei programvareteneste er lita.",
    ] {
        reads(
            &format!("# Klima og miljø\n\n{text}\n"),
            "HYG-011",
            Status::Missing,
        );
    }
    // A requirement that names the topic brings it back.
    reads(
        "# Klima og miljø\n\nDet er ikke stilt særskilte klimakrav til programvaren. Leverandøren skal likevel følge klimakravene i kommunens innkjøpsstrategi for datasentre.\n",
        "HYG-011",
        Status::Met,
    );
}

// ---------------------------------------------------------------------------
// HYG-005: a paragraph typed by a bracketed marker and worded the other way
// ---------------------------------------------------------------------------

#[test]
fn a_paragraph_marked_one_type_and_worded_the_other_is_a_mismatch() {
    for paragraph in [
        "Leverandøren bør levere støtte hele døgnet (minstekrav).",
        "6.4 (Ønske) Løsningen skal vise vaktplanen på nettbrett.",
        "R-12 (Should) The supplier shall provide a Sami user interface.",
    ] {
        reads(
            &format!("# Krav\n\n{paragraph}\n"),
            "HYG-005",
            Status::Violation,
        );
    }
    for paragraph in [
        "Leverandøren skal levere støtte hele døgnet (minstekrav).",
        "6.4 (Ønske) Løsningen bør vise vaktplanen på nettbrett.",
    ] {
        reads(
            &format!("# Krav\n\n{paragraph}\n"),
            "HYG-005",
            Status::Passed,
        );
    }
}

// ---------------------------------------------------------------------------
// HYG-003: «SFM or the supplier's own …» offers the alternative, whatever words stand between
// ---------------------------------------------------------------------------

#[test]
fn sfm_or_the_suppliers_own_prescribing_solution_offers_the_alternative() {
    for text in [
        "Forskrivning skal skje i SFM eller egen sertifisert legemiddelløsning hos leverandøren.",
        "Løysinga skal nytte SFM, eller eiga forskrivingsløysing som er godkjend av Direktoratet for medisinske produkt.",
        "Prescribing shall use SFM or its own certified medication module.",
    ] {
        reads(
            &format!("# Legemidler\n\n{text}\n"),
            "HYG-003",
            Status::Passed,
        );
    }
    reads(
        "# Legemidler\n\nForskrivning skal skje i SFM for alle tjenester.\n",
        "HYG-003",
        Status::Violation,
    );
}

// ---------------------------------------------------------------------------
// MoSCoW: «Could» types a row as a wish
// ---------------------------------------------------------------------------

#[test]
fn a_could_priority_types_its_row_as_a_wish() {
    let table = |text: &str| {
        format!(
            "# Requirements\n\n| Ref | Requirement | Priority |\n|---|---|---|\n\
             | P-1 | The solution must log every access to the record. | Must |\n\
             | P-2 | {text} | Could |\n"
        )
    };
    reads(
        &table("The solution could offer dictation in Northern Sami."),
        "HYG-004",
        Status::Passed,
    );
    reads(
        &table("The solution shall offer dictation in Northern Sami."),
        "HYG-005",
        Status::Violation,
    );
}

// ---------------------------------------------------------------------------
// CON-005: the annex named at the end of a long sentence about the agreement
// ---------------------------------------------------------------------------

#[test]
fn a_data_processing_agreement_attached_at_the_end_of_a_long_sentence_is_referred_to() {
    reads(
        "# Contract\n\nA data processing agreement under GDPR Article 28 shall be signed with the contract as Appendix 9.\n",
        "CON-005",
        Status::Met,
    );
}
