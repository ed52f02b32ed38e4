//! `DOCX_DUMP=a.docx,b.docx cargo test --test suite docx_dump -- --ignored --nocapture` prints what
//! the reader sees (`DOCX_DUMP_QUIET=1`: only block counts and timings).
use crate::support::docx as support;

#[test]
#[ignore = "a tool for people, not a check"]
fn dump_files_named_in_env() {
    let Ok(files) = std::env::var("DOCX_DUMP") else {
        return;
    };
    for f in files.split(',') {
        let bytes = std::fs::read(f).unwrap();
        let started = std::time::Instant::now();
        let result = tenderlint::document::docx::read(f.into(), &bytes);
        let elapsed = started.elapsed();
        match result {
            Ok(doc) if std::env::var_os("DOCX_DUMP_QUIET").is_some() => {
                println!("== {f}: {} blocks in {elapsed:?}", doc.blocks.len())
            }
            Ok(doc) => println!("== {f} ({elapsed:?})\n{}", support::dump(&doc)),
            Err(e) => println!("== {f}: {e}"),
        }
    }
}
