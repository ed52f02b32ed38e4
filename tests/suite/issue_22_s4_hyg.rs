//! Issue 22, fourth reading pass, the hygiene set: causes found on `fixtures/fresh-2` and
//! `fixtures/fresh-3`, each proven with a tender of its own, worded unlike those corpora.
//! Every test goes through `check_paths`, as a user's check does.

use crate::support::tender::{check_md, excerpts, rule};
use tenderlint::findings::Status;

/// The one-file tender `markdown` gives rule `id` the status `status`.
fn reads(markdown: &str, id: &str, status: Status) {
    let results = check_md(markdown);
    let r = rule(&results, id);
    assert_eq!(r.status, status, "{id}: {:?}", excerpts(r));
}

// ---------------------------------------------------------------------------
// Modal readings around «kan», roadmaps, deferrals (engine: text/modality, modal_shapes)
// ---------------------------------------------------------------------------

#[test]
fn a_demanded_roadmap_binds_while_a_plan_on_the_roadmap_stays_weak() {
    reads(
        "# Kontrakt\n\nLeverandøren skal hvert halvår legge fram et oppdatert veikart for produktet.\n",
        "CON-007",
        Status::Met,
    );
    reads(
        "# Kontrakt\n\nThe supplier shall share its product roadmap with the customer every spring.\n",
        "CON-007",
        Status::Met,
    );
    reads(
        "# Kontrakt\n\nLeverandøren skal etter veikartet tilby et brukerforum fra 2028.\n",
        "CON-007",
        Status::Weak,
    );
}

#[test]
fn the_buyers_right_to_order_more_at_a_set_price_is_a_clear_option() {
    reads(
        "# Avtale\n\n## 5 Opsjoner\n\nKommunen kan i avtaleperioden kjøpe inntil 15 ekstra lisenser til \
         enhetsprisen i prisskjemaet.\n",
        "CON-003",
        Status::Met,
    );
    reads(
        "# Contract\n\n## Change clause\n\nThe customer may extend the contract with up to two further \
         service areas, at the unit prices of the price form.\n",
        "CON-003",
        Status::Met,
    );
}

#[test]
fn a_permission_limited_to_approved_subcontractors_binds() {
    reads(
        "# Kontrakt\n\nLeverandøren kan kun benytte underleverandører som kommunen har godkjent på forhånd.\n",
        "CON-009",
        Status::Met,
    );
    reads(
        "# Kontrakt\n\nLeverandøren kan ikke knytte til seg nye underleverandører uten kommunens skriftlige \
         samtykke.\n",
        "CON-009",
        Status::Met,
    );
}

#[test]
fn a_topic_called_not_relevant_covers_nothing() {
    reads(
        "# Tender\n\n## Scope\n\nClimate and environmental aspects are not relevant here, since only \
         licences are bought.\n",
        "HYG-011",
        Status::Missing,
    );
}

#[test]
fn service_levels_left_to_a_later_agreement_are_not_stated() {
    reads(
        "# Kontrakt\n\nTjenestenivåer og kompensasjoner avtales senere, før kontraktsignering.\n",
        "CON-004",
        Status::Missing,
    );
    reads(
        "# Contract\n\nThe service level agreement is to be agreed with the chosen supplier.\n",
        "CON-004",
        Status::Missing,
    );
}

#[test]
fn an_encouragement_to_attach_the_self_declaration_is_weak() {
    reads(
        "# Tilbud\n\nTilbydere oppfordres til å vedlegge KS' selvdeklarasjon for journalleverandører.\n",
        "HYG-014",
        Status::Weak,
    );
}
