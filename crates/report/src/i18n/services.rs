//! The word table's names of the services the built-in rule sets know, for the
//! services line every format prints. The ids (`hjemmetjeneste`) are what a user
//! types after `--services` and stay in the data (JSON, SARIF); a reader of a
//! nynorsk or English report reads the service in its own language. A service
//! only a user's own rule set defines has no entry and is named by its id.

use super::Entry;
use crate::Lang;

pub(super) const SERVICES: &[Entry] = &[
    (
        "service:legevakt",
        "legevakt",
        "legevakt",
        "out-of-hours clinic",
    ),
    ("service:fastlege", "fastlege", "fastlege", "regular GP"),
    ("service:sykehjem", "sykehjem", "sjukeheim", "nursing home"),
    (
        "service:hjemmetjeneste",
        "hjemmetjeneste",
        "heimeteneste",
        "home care",
    ),
    (
        "service:helsestasjon",
        "helsestasjon og skolehelsetjeneste",
        "helsestasjon og skulehelseteneste",
        "child health centre and school health service",
    ),
    (
        "service:fysio-ergoterapi",
        "fysio- og ergoterapi",
        "fysio- og ergoterapi",
        "physiotherapy and occupational therapy",
    ),
    (
        "service:kad",
        "kommunal akutt døgnenhet (KAD)",
        "kommunal akutt døgneining (KAD)",
        "municipal acute inpatient unit (KAD)",
    ),
    (
        "service:rus-og-psykiatri",
        "psykisk helse og rus",
        "psykisk helse og rus",
        "mental health and substance use",
    ),
    (
        "service:ki-funksjoner",
        "KI-funksjoner",
        "KI-funksjonar",
        "AI functions",
    ),
];

/// The service `id` in `lang`; the id itself for a service the table does not name.
pub fn service_name(lang: Lang, id: &str) -> &str {
    let entry = SERVICES
        .iter()
        .find(|(key, ..)| key.strip_prefix("service:") == Some(id));
    match entry {
        Some((_, nb, nn, en)) => match lang {
            Lang::Nb => nb,
            Lang::Nn => nn,
            Lang::En => en,
        },
        None => id,
    }
}
