//! Compiles the embedded rule sets when the binary is: the core's own loader reads
//! every `rules/<id>/<version>.yaml` that the core embeds, validates it in full
//! (regexes compiled, as `rules validate` does) and its compiled model is written
//! with postcard to `OUT_DIR/rulesets.postcard`, which `src/lib.rs` includes. A
//! check then reads that model instead of parsing YAML; an invalid set fails the
//! build here.

use tenderlint_core::rules::embedded;

fn main() {
    // The core embeds the YAML; a changed set rebuilds the core and so reruns this.
    println!("cargo:rerun-if-changed=rules");
    println!("cargo:rerun-if-changed=build.rs");
    let catalog = embedded::compile_catalog().unwrap_or_else(|e| fail(&e));
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    let path = std::path::Path::new(&out_dir).join("rulesets.postcard");
    if let Err(e) = std::fs::write(&path, catalog) {
        fail(&format!("cannot write {}: {e}", path.display()));
    }
}

fn fail(message: &str) -> ! {
    println!("cargo:warning=embedded rule sets: {message}");
    std::process::exit(1);
}
