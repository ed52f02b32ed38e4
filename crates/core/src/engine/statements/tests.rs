use super::*;
use crate::document::markdown;
use std::path::PathBuf;

fn statements(md: &str) -> Vec<(String, Modality, bool, Option<String>)> {
    let doc = markdown::read(PathBuf::from("t.md"), md);
    prepare(&doc)
        .into_iter()
        .flat_map(|b| {
            let text = b.norm.text.clone();
            b.statements.into_iter().map(move |s| {
                (
                    text[s.range.clone()].to_string(),
                    s.modality,
                    s.negated,
                    s.requirement_id,
                )
            })
        })
        .collect()
}

#[test]
fn list_items_inherit_the_lead_in_modality() {
    let s = statements(
        "Løsningen skal støtte følgende nasjonale tjenester:\n\n- Kjernejournal\n- E-resept\n\nKommunen har 20 000 innbyggere.\n",
    );
    assert_eq!(
        s[1],
        ("kjernejournal".into(), Modality::Binding, false, None)
    );
    assert_eq!(s[2].1, Modality::Binding);
    assert_eq!(s[3].1, Modality::None);
}

#[test]
fn requirement_rows_take_their_type_column() {
    let md = "| Krav-ID | Kravtekst | Type |\n|---|---|---|\n| K-1 | Integrasjon med kjernejournal. | M |\n| K-2 | Løsningen skal støtte VKP. | E |\n| K-3 | Opsjon: integrasjon med PMD. | M |\n";
    let s = statements(md);
    // The header's titles come first, read but stating nothing.
    assert!(s[..3].iter().all(|t| t.1 == Modality::None));
    let s = &s[3..];
    assert_eq!(
        s[0],
        (
            "integrasjon med kjernejournal.".into(),
            Modality::Binding,
            false,
            Some("K-1".into())
        )
    );
    assert_eq!(s[1].1, Modality::Should);
    assert_eq!(s[2].1, Modality::Option);
}

#[test]
fn untyped_requirement_rows_use_their_wording() {
    let md =
        "| Nr | Krav | Leverandørens svar |\n|---|---|---|\n| 1 | Løsningen bør støtte SSO. | |\n";
    let s = statements(md);
    let s = &s[3..];
    assert_eq!(s[0].1, Modality::Should);
    assert_eq!(s[0].3.as_deref(), Some("1"));
}

#[test]
fn glossary_rows_are_marked() {
    let doc = markdown::read(
        PathBuf::from("t.md"),
        "| Begrep | Forklaring |\n|---|---|\n| KJ | Kjernejournal skal brukes |\n",
    );
    let p = prepare(&doc);
    assert!(p[1].statements.iter().all(|s| s.glossary));
}

#[test]
fn header_columns() {
    let c = Columns::from_header(&[
        "Kategori".into(),
        "Krav".into(),
        "Beskrivelse".into(),
        "Krav (Må/Bør)".into(),
    ]);
    assert_eq!(c.kind, Some(3));
    assert!(c.requirement);
    assert_eq!(c.content, vec![0, 1, 2]);
    let c = Columns::from_header(&[
        "Kravnr".into(),
        "Kravtekst".into(),
        "Vekting".into(),
        "Leverandøren sitt svar".into(),
    ]);
    assert_eq!(c.id, Some(0));
    assert_eq!(c.other, vec![2, 3]);
    assert_eq!(c.content, vec![1]);
}

#[test]
fn rationale_and_source_columns_are_not_the_requirement() {
    let c = Columns::from_header(&[
        "Krav-ID".into(),
        "Kravtekst".into(),
        "Type".into(),
        "Kilde".into(),
        "Begrunnelse".into(),
    ]);
    assert_eq!(c.content, vec![1]);
    assert_eq!(c.other, vec![3, 4]);
    let c = Columns::from_header(&["Kildesystem".into(), "Krav".into()]);
    assert_eq!(c.content, vec![0, 1]);
}
