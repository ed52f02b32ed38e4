//! Inline waivers with an expiry in the Word-comment form (issue 17): the
//! comment `tenderlint-disable INT-014 until DATE: reason` holds through DATE
//! and is reported as expired after it.

use docx_rs::{Comment, Docx, Paragraph, Run};
use tenderlint::findings::CheckReport;
use tenderlint::policy::waivers::EXPIRED;

fn tender_with_comment(comment: &str) -> tempfile::TempDir {
    let p = |t: &str| Paragraph::new().add_run(Run::new().add_text(t));
    let doc = Docx::new()
        .add_paragraph(p("Kravspesifikasjon").style("Heading1"))
        .add_paragraph(
            p("Leverandøren skal levere løsningen.")
                .add_comment_start(Comment::new(1).author("Kari").add_paragraph(p(comment)))
                .add_comment_end(1),
        );
    let dir = tempfile::tempdir().expect("temp dir");
    let file = std::fs::File::create(dir.path().join("bilag-1.docx")).expect("create");
    doc.build().pack(file).expect("pack");
    dir
}

fn check(dir: &tempfile::TempDir, today: &str) -> CheckReport {
    let sets = tenderlint::rules::embedded::load_defaults().expect("sets");
    tenderlint::check_paths(
        &[dir.path().to_path_buf()],
        &sets,
        &tenderlint::CheckOptions {
            today: tenderlint::date::parse(today),
            ..Default::default()
        },
    )
}

#[test]
fn a_word_comment_waiver_holds_until_its_date_and_then_expires() {
    let dir = tender_with_comment("tenderlint-disable INT-014 until 2027-01-31: avklart med KS");
    let before = check(&dir, "2027-01-31");
    let r = before
        .results
        .iter()
        .find(|r| r.rule == "INT-014")
        .expect("INT-014");
    let w = r.waiver.as_ref().expect("waived through the day");
    assert_eq!(w.reason, "avklart med KS");
    assert_eq!(w.expires.as_deref(), Some("2027-01-31"));

    let after = check(&dir, "2027-02-01");
    let r = after
        .results
        .iter()
        .find(|r| r.rule == "INT-014")
        .expect("INT-014");
    assert!(
        r.waiver.is_none() && r.fails(),
        "judged as usual after the date"
    );
    let expired = after
        .results
        .iter()
        .find(|r| r.rule == EXPIRED)
        .expect("reported");
    assert!(expired.evidence[0].file.ends_with("bilag-1.docx"));
}
