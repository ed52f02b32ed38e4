//! `cargo test --test docx_dump -- --ignored --nocapture FILE` prints what the reader sees.
mod support;

#[test]
#[ignore = "a tool for people, not a check"]
fn dump_files_named_in_env() {
    let Ok(files) = std::env::var("DOCX_DUMP") else {
        return;
    };
    for f in files.split(',') {
        let bytes = std::fs::read(f).unwrap();
        match tenderlint::document::docx::read(f.into(), &bytes) {
            Ok(doc) => println!("== {f}\n{}", support::dump(&doc)),
            Err(e) => println!("== {f}: {e}"),
        }
    }
}
