//! Compiles the embedded rule sets when the WebAssembly is built, as the root's
//! build script does for the binary: the page then decodes their validated model
//! instead of parsing and compiling YAML in the browser on its first check.

fn main() {
    // The core embeds the YAML; a changed set rebuilds the core and so reruns this.
    println!("cargo:rerun-if-changed=build.rs");
    let catalog = tenderlint_core::rules::embedded::compile_catalog().unwrap_or_else(|e| {
        println!("cargo:warning=embedded rule sets: {e}");
        std::process::exit(1);
    });
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    let path = std::path::Path::new(&out_dir).join("rulesets.postcard");
    if let Err(e) = std::fs::write(&path, catalog) {
        println!("cargo:warning=cannot write {}: {e}", path.display());
        std::process::exit(1);
    }
}
