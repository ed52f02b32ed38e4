//! tenderlint benchmark: `cargo bench --bench tenderbench [-- OPTIONS]`.
//!
//! The parent generates inputs under `target/bench-data/`, then runs every case in
//! a child process (this same executable with `--case …`) so that each case's peak
//! memory is its own. Children print one JSON line; the parent writes the table.
//!
//! Options (after `--`):
//!   --quick                 skip the 1,000-page and 1,000-file cases
//!   --write-results PATH    write the Markdown table (default benches/RESULTS.md when not quick)
//!   --save-baseline PATH    store instruction counts (callgrind) and medians as JSON
//!   --compare PATH          run again and flag regressions against a stored baseline
//!   --generate-only         write the inputs under target/bench-data/ and stop

#[path = "support/tgen.rs"]
mod tgen;

use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use tenderlint::document::{self, Format};
use tenderlint::engine::{self, EngineOptions};
use tenderlint::report::{self, RenderOptions};
use tenderlint::rules::{RuleSet, RuleSetSource};

const PANDOC_BIG: &str = "../shared/corpora/docx-generated/pandoc_big.docx";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(i) = args.iter().position(|a| a == "--case") {
        child(&args[i + 1..]);
        return;
    }
    parent(&args);
}

// ---------------------------------------------------------------- child side

fn child(args: &[String]) {
    let kind = args[0].as_str();
    let out = match kind {
        "stages" => stages(Path::new(&args[1]), Path::new(&args[2]), reps(&args[3])),
        "floor" => floor(Path::new(&args[1]), reps(&args[2])),
        "dir" => dir(Path::new(&args[1]), Path::new(&args[2]), reps(&args[3])),
        "idle" => {
            let sets = load_rules(Path::new(&args[1]));
            json!({"rules": sets.iter().map(|s| s.rules.len()).sum::<usize>()})
        }
        "once" => once(Path::new(&args[1]), Path::new(&args[2])),
        other => panic!("unknown case kind {other}"),
    };
    let mut out = out;
    let (user, sys, maxrss_kib) = rusage();
    out["cpu_s"] = json!(user + sys);
    out["maxrss_kib"] = json!(maxrss_kib);
    out["vmhwm_kib"] = json!(vmhwm_kib());
    println!("{out}");
}

fn reps(s: &str) -> usize {
    s.parse().expect("reps")
}

/// The rules argument of a case that checks with the default sets as `tenderlint
/// check` loads them: compiled when the binary was, no YAML read.
const EMBEDDED: &str = "embedded";

/// A case's rules: the embedded defaults ([`EMBEDDED`]), or every `*.yaml` in `dir`
/// loaded as one rule set each, as a user's own sets are.
fn load_rules(dir: &Path) -> Vec<RuleSet> {
    if dir == Path::new(EMBEDDED) {
        tenderlint::rules::embedded::use_compiled(tenderlint::COMPILED_RULE_SETS);
        return tenderlint::rules::embedded::load_defaults().unwrap_or_else(|e| panic!("{e}"));
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("rules dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("rules file");
            RuleSet::load(&RuleSetSource {
                name: p.display().to_string(),
                text: text.into(),
            })
            .unwrap_or_else(|e| panic!("{e}"))
        })
        .collect()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// One check of one file, as `tenderlint check FILE --format json` does it, for
/// its peak memory: the timing child keeps extra copies and repeats.
fn once(file: &Path, rules: &Path) -> Value {
    let sets = load_rules(rules);
    let doc = document::read_file(file).expect("read");
    let report = tenderlint::check_documents(
        std::slice::from_ref(&doc),
        &sets,
        &tenderlint::CheckOptions::default(),
    );
    let json = report::render(&report, report::Format::Json, &RenderOptions::default());
    std::hint::black_box(json);
    json!({"blocks": doc.blocks.len()})
}

/// Read, parse, prepare, match and report one file, `reps` times; medians in ms.
fn stages(file: &Path, rules: &Path, reps: usize) -> Value {
    let t = Instant::now();
    let sets = load_rules(rules);
    let load_ms = ms(t.elapsed());
    let format = Format::from_path(file).expect("format");
    let options = tenderlint::CheckOptions::default();
    let (mut read, mut parse, mut prepare, mut matching, mut render, mut total) =
        (vec![], vec![], vec![], vec![], vec![], vec![]);
    let mut blocks = 0;
    let mut results = 0;
    let mut bytes = 0;
    for _ in 0..reps {
        let t0 = Instant::now();
        let data = std::fs::read(file).expect("read");
        let t1 = Instant::now();
        let doc = document::read_bytes(file.to_path_buf(), format, &data).expect("parse");
        let t2 = Instant::now();
        // Preparing the whole document is timed alone for scale; the engine
        // prepares each stretch itself, so `match` includes preparing.
        let prepared = engine::prepare(&doc);
        let t3 = Instant::now();
        drop(prepared);
        let t3_match = Instant::now();
        let evaluated =
            engine::evaluate(std::slice::from_ref(&doc), &sets, &EngineOptions::default());
        results = evaluated.iter().map(|(r, _)| r.len()).sum();
        let t4 = Instant::now();
        drop(evaluated);
        // The report needs a CheckReport, which check_documents builds (again
        // preparing and matching): time it whole as the end-to-end figure.
        let t5 = Instant::now();
        let report = tenderlint::check_documents(std::slice::from_ref(&doc), &sets, &options);
        let t6 = Instant::now();
        let json = report::render(&report, report::Format::Json, &RenderOptions::default());
        let t7 = Instant::now();
        bytes = data.len();
        blocks = doc.blocks.len();
        read.push(ms(t1 - t0));
        parse.push(ms(t2 - t1));
        prepare.push(ms(t3 - t2));
        matching.push(ms(t4 - t3_match));
        render.push(ms(t7 - t6));
        total.push(ms((t2 - t0) + (t6 - t5) + (t7 - t6)));
        std::hint::black_box(json);
    }
    json!({
        "file_bytes": bytes,
        "blocks": blocks,
        "results": results,
        "rules": sets.iter().map(|s| s.rules.len()).sum::<usize>(),
        "load_rules_ms": load_ms,
        "read_ms": median(read),
        "parse_ms": median(parse),
        "prepare_ms": median(prepare),
        "match_ms": median(matching),
        "report_ms": median(render),
        "total_ms": median(total),
        "inflated_bytes": inflated_size(file),
    })
}

/// The least any DOCX checker must do: read the file, inflate `word/document.xml`
/// and walk its XML events, decoding text.
fn floor(file: &Path, reps: usize) -> Value {
    let mut times = vec![];
    let mut events = 0usize;
    for _ in 0..reps {
        let t0 = Instant::now();
        let data = std::fs::read(file).expect("read");
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&data[..])).expect("zip");
        let mut xml = String::new();
        {
            use std::io::Read;
            zip.by_name("word/document.xml")
                .expect("document.xml")
                .read_to_string(&mut xml)
                .expect("inflate");
        }
        let mut reader = quick_xml::Reader::from_str(&xml);
        let mut text = 0usize;
        events = 0;
        loop {
            match reader.read_event().expect("xml") {
                quick_xml::events::Event::Eof => break,
                quick_xml::events::Event::Text(t) => text += t.xml10_content().len(),
                _ => {}
            }
            events += 1;
        }
        std::hint::black_box(text);
        times.push(ms(t0.elapsed()));
    }
    json!({"total_ms": median(times), "events": events, "inflated_bytes": inflated_size(file),
           "file_bytes": std::fs::metadata(file).map(|m| m.len()).unwrap_or(0)})
}

/// `check_paths` over a directory (rayon decides the threads; the parent sets
/// `RAYON_NUM_THREADS`). CPU time over wall time shows how many cores worked.
fn dir(path: &Path, rules: &Path, reps: usize) -> Value {
    let sets = load_rules(rules);
    let options = tenderlint::CheckOptions::default();
    let mut wall = vec![];
    let mut cpu = vec![];
    let mut files = 0;
    for _ in 0..reps {
        let (u0, s0, _) = rusage();
        let t0 = Instant::now();
        let report = tenderlint::check_paths(&[path.to_path_buf()], &sets, &options);
        let json = report::render(&report, report::Format::Json, &RenderOptions::default());
        wall.push(ms(t0.elapsed()));
        let (u1, s1, _) = rusage();
        cpu.push((u1 + s1 - u0 - s0) * 1000.0);
        files = report.files.len();
        assert_eq!(report.summary.unreadable_files, 0);
        std::hint::black_box(json);
    }
    json!({"files": files, "total_ms": median(wall), "cpu_ms": median(cpu)})
}

fn inflated_size(file: &Path) -> u64 {
    if Format::from_path(file) != Some(Format::Docx) {
        return std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    }
    let data = std::fs::read(file).expect("read");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&data[..])).expect("zip");
    (0..zip.len())
        .filter_map(|i| zip.by_index(i).ok().map(|f| f.size()))
        .max()
        .unwrap_or(0)
}

fn rusage() -> (f64, f64, i64) {
    // SAFETY: getrusage only writes the struct we hand it.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &raw mut u) };
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    (secs(u.ru_utime), secs(u.ru_stime), u.ru_maxrss)
}

fn vmhwm_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

// --------------------------------------------------------------- parent side

struct Case {
    name: String,
    args: Vec<String>,
    env: Vec<(&'static str, String)>,
}

fn case(name: &str, args: &[&str]) -> Case {
    Case {
        name: name.into(),
        args: args.iter().map(|s| s.to_string()).collect(),
        env: vec![],
    }
}

fn parent(args: &[String]) {
    let quick = args.iter().any(|a| a == "--quick");
    let value_of = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let data = root.join("target/bench-data");
    generate(&data, quick);
    if args.iter().any(|a| a == "--generate-only") {
        // benches/serve-load.py needs only the inputs (the 100-page DOCX).
        eprintln!("generated {}", data.display());
        return;
    }
    let pandoc = root.join(PANDOC_BIG);

    if let Some(baseline) = value_of("--compare") {
        std::process::exit(compare(&data, Path::new(&baseline)));
    }
    if let Some(baseline) = value_of("--save-baseline") {
        save_baseline(&data, Path::new(&baseline));
        return;
    }

    let cases = cases(&data, &pandoc, quick);

    let mut results: Vec<(String, Value)> = Vec::new();
    for c in &cases {
        let v = run_child(c);
        eprintln!("{:<22} {v}", c.name);
        results.push((c.name.clone(), v));
    }
    let table = results_markdown(&results, quick);
    println!("{table}");
    let out = value_of("--write-results")
        .or_else(|| (!quick).then(|| root.join("benches/RESULTS.md").display().to_string()));
    if let Some(out) = out {
        std::fs::write(&out, with_kept_notes(Path::new(&out), &table)).expect("write results");
        eprintln!("wrote {out}");
    }
}

/// Every case of a run: 10, 100 (and 1,000) pages of Markdown and DOCX, 10× the rules, the
/// 802-page DOCX when the corpus has it, single checks for peak memory, the 1,000-file directory.
fn cases(data: &Path, pandoc: &Path, quick: bool) -> Vec<Case> {
    let d = |p: &str| data.join(p).display().to_string();
    let mut cases = page_cases(data, quick);
    if pandoc.is_file() {
        let p = pandoc.display().to_string();
        cases.push(case("pandoc_big-1x", &["stages", &p, EMBEDDED, "11"]));
        cases.push(case("pandoc_big-ks", &["stages", &p, &d("rules-ks"), "11"]));
        cases.push(case(
            "pandoc_big-10x",
            &["stages", &p, &d("rules-10x"), "11"],
        ));
        cases.push(case("floor-pandoc_big", &["floor", &p, "11"]));
    } else {
        eprintln!("note: {} absent; its cases are skipped", pandoc.display());
    }
    cases.extend(memory_and_directory_cases(data, pandoc, quick));
    cases
}

/// The generated tenders: the idle process, each size in Markdown and DOCX with its parse
/// floor, and the largest with 10× the rules.
fn page_cases(data: &Path, quick: bool) -> Vec<Case> {
    let d = |p: &str| data.join(p).display().to_string();
    let sizes: &[usize] = if quick { &[10, 100] } else { &[10, 100, 1000] };
    let mut cases = vec![case("idle-1x", &["idle", EMBEDDED])];
    for &n in sizes {
        let reps = if n >= 1000 { "5" } else { "11" };
        cases.push(case(
            &format!("md-{n}p-1x"),
            &["stages", &d(&format!("tender-{n}.md")), EMBEDDED, reps],
        ));
        cases.push(case(
            &format!("docx-{n}p-1x"),
            &["stages", &d(&format!("tender-{n}.docx")), EMBEDDED, reps],
        ));
        cases.push(case(
            &format!("floor-docx-{n}p"),
            &["floor", &d(&format!("tender-{n}.docx")), reps],
        ));
    }
    let big = sizes.last().copied().unwrap_or(100);
    cases.push(case(
        &format!("md-{big}p-10x"),
        &[
            "stages",
            &d(&format!("tender-{big}.md")),
            &d("rules-10x"),
            "5",
        ],
    ));
    cases.push(case(
        &format!("docx-{big}p-10x"),
        &[
            "stages",
            &d(&format!("tender-{big}.docx")),
            &d("rules-10x"),
            "5",
        ],
    ));
    cases
}

/// Peak memory of a single check, and the 1,000-file directory on one and two threads.
fn memory_and_directory_cases(data: &Path, pandoc: &Path, quick: bool) -> Vec<Case> {
    let d = |p: &str| data.join(p).display().to_string();
    let mut cases = Vec::new();
    let mut once_cases = vec![("docx-100p-1x", d("tender-100.docx"))];
    if !quick {
        once_cases.push(("docx-1000p-1x", d("tender-1000.docx")));
        once_cases.push(("md-1000p-1x", d("tender-1000.md")));
    }
    if pandoc.is_file() {
        once_cases.push(("pandoc_big-1x", pandoc.display().to_string()));
    }
    for (name, file) in once_cases {
        cases.push(case(&format!("once-{name}"), &["once", &file, EMBEDDED]));
    }
    if !quick {
        for threads in ["1", "2"] {
            let mut c = case(
                &format!("dir-1000-files-{threads}t"),
                &["dir", &d("dir-1000"), EMBEDDED, "3"],
            );
            c.env.push(("RAYON_NUM_THREADS", threads.into()));
            cases.push(c);
        }
    }

    cases
}

/// The line of `benches/RESULTS.md` above which the text is written by hand (what the numbers
/// mean, earlier rounds): a run keeps it and rewrites only what follows.
const GENERATED_BELOW: &str =
    "<!-- Generated by benches/run.sh below this line; the text above is kept. -->";

/// `table` after the hand-written part of the file at `path`, if it has one.
fn with_kept_notes(path: &Path, table: &str) -> String {
    let old = std::fs::read_to_string(path).unwrap_or_default();
    match old.find(GENERATED_BELOW) {
        Some(at) => format!("{}{GENERATED_BELOW}\n\n{table}", &old[..at]),
        None => table.to_string(),
    }
}

fn run_child(c: &Case) -> Value {
    let exe = std::env::current_exe().expect("exe");
    let mut cmd = Command::new(exe);
    cmd.arg("--case").args(&c.args);
    for (k, v) in &c.env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("spawn child");
    assert!(
        out.status.success(),
        "case {} failed: {}\n{}",
        c.name,
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let line = String::from_utf8_lossy(&out.stdout);
    serde_json::from_str(line.trim()).expect("child json")
}

fn generate(data: &Path, quick: bool) {
    std::fs::create_dir_all(data).expect("bench-data");
    for n in [10usize, 100, 1000] {
        if quick && n == 1000 {
            continue;
        }
        let md = data.join(format!("tender-{n}.md"));
        let docx = data.join(format!("tender-{n}.docx"));
        if !md.exists() || !docx.exists() {
            let els = tgen::tender(n, 0x5EED + n as u64);
            std::fs::write(&md, tgen::markdown(&els)).expect("write md");
            std::fs::write(&docx, tgen::docx(&els)).expect("write docx");
        }
    }
    for (name, times) in [("rules-1x", 1usize), ("rules-10x", 10)] {
        let dir = data.join(name);
        std::fs::create_dir_all(&dir).expect("rules dir");
        for (id, version) in tenderlint::rules::embedded::available() {
            if tenderlint::rules::embedded::newest(id).as_ref() != Some(&version) {
                continue;
            }
            let source = tenderlint::rules::embedded::source(id, Some(&version)).expect("embedded");
            let text = tgen::multiply_ruleset(&source.text, times);
            let path = dir.join(format!("{id}.yaml"));
            RuleSet::load(&RuleSetSource {
                name: path.display().to_string(),
                text: text.clone().into(),
            })
            .unwrap_or_else(|e| panic!("generated {name} does not load: {e}"));
            std::fs::write(path, text).expect("write rules");
        }
    }
    // The floor goal names the KS rule set alone.
    let ks = data.join("rules-ks");
    std::fs::create_dir_all(&ks).expect("rules dir");
    let id = "ks-felles-journalloft";
    let version = tenderlint::rules::embedded::newest(id).expect("KS set embedded");
    let source = tenderlint::rules::embedded::source(id, Some(&version)).expect("embedded");
    std::fs::write(ks.join(format!("{id}.yaml")), source.text.as_bytes()).expect("write rules");
    let dir = data.join("dir-1000");
    if !quick && !dir.join("done").exists() {
        std::fs::create_dir_all(&dir).expect("dir-1000");
        for i in 0..1000u64 {
            let els = tgen::tender(2, 0xD1 + i);
            if i % 5 == 4 {
                std::fs::write(dir.join(format!("bilag-{i:04}.docx")), tgen::docx(&els))
                    .expect("w");
            } else {
                std::fs::write(dir.join(format!("del-{i:04}.md")), tgen::markdown(&els))
                    .expect("w");
            }
        }
        std::fs::write(dir.join("done"), "").expect("w");
    }
}

fn mbps(bytes: f64, ms: f64) -> String {
    if ms <= 0.0 {
        return "–".into();
    }
    format!("{:.1}", bytes / 1e6 / (ms / 1000.0))
}

fn results_markdown(results: &[(String, Value)], quick: bool) -> String {
    let idle = lookup(results, "idle-1x").map_or(0.0, |v| field(&v, "vmhwm_kib"));
    let mut s = header_markdown(quick);
    s.push_str(&stages_markdown(results));
    s.push_str(&format!(
        "\nA process that only loads the 1× rules peaks at {:.1} MiB.\n\n## Targets\n\n| target | measured | met? |\n|---|---|---|\n",
        idle / 1024.0
    ));
    s.push_str(&speed_targets_markdown(results, quick));
    s.push_str(&core_and_memory_targets_markdown(results, idle));
    s.push_str(&floors_and_directory_markdown(results));
    s
}

/// The result of case `name`, if it ran.
fn lookup(results: &[(String, Value)], name: &str) -> Option<Value> {
    results
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.clone())
}

/// A number a child reported (0 when it did not).
fn field(v: &Value, k: &str) -> f64 {
    v[k].as_f64().unwrap_or(0.0)
}

fn verdict(ok: bool) -> &'static str {
    if ok { "yes" } else { "**no**" }
}

/// The title and what the columns mean.
fn header_markdown(quick: bool) -> String {
    let mut s = String::new();
    s.push_str("# tenderlint benchmark results\n\n");
    s.push_str(&format!(
        "Generated by `benches/run.sh` (`cargo bench --bench tenderbench`){}. Machine: {} cores, {}.\n\
         Times are medians of 5–11 runs in one child process per case; `peak MiB` is that child's peak\n\
         resident set (`VmHWM`), which the repeated runs and the separately timed stages inflate;\n\
         the memory targets use a child that checks the file once, as the CLI does. MB/s is over the file's bytes for Markdown and over the inflated\n\
         `word/document.xml` for DOCX. `match` is the engine (`engine::evaluate`), which prepares\n\
         each stretch of blocks itself and drops it once observed; `prepare` is normalising and cutting\n\
         the whole document alone (`engine::prepare`), shown for scale and not part of `total`;\n\
         `total` = read + parse + `check_documents` (match + summary) + JSON report.\n\n",
        if quick { " in quick mode" } else { "" },
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
        std::fs::read_to_string("/proc/cpuinfo")
            .ok()
            .and_then(|c| c.lines().find(|l| l.starts_with("model name")).map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string()))
            .unwrap_or_default()
    ));
    s
}

/// One row per case that measured the stages.
fn stages_markdown(results: &[(String, Value)]) -> String {
    let f = field;
    let mut s = String::new();
    s.push_str("## Per stage\n\n| case | rules | input MB | blocks | read ms | parse ms | prepare ms | match ms | report ms | total ms | total MB/s | parse MB/s | match MB/s | peak MiB |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (name, v) in results {
        if v.get("read_ms").is_none() {
            continue;
        }
        let bytes = f(v, "inflated_bytes");
        s.push_str(&format!(
            "| {name} | {} | {:.2} | {} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {} | {} | {} | {:.1} |\n",
            v["rules"], bytes / 1e6, v["blocks"],
            f(v, "read_ms"), f(v, "parse_ms"), f(v, "prepare_ms"), f(v, "match_ms"), f(v, "report_ms"), f(v, "total_ms"),
            mbps(bytes, f(v, "total_ms")), mbps(bytes, f(v, "parse_ms")), mbps(bytes, f(v, "match_ms")),
            f(v, "vmhwm_kib") / 1024.0
        ));
    }
    s
}

/// DOCX against its parse floor, and 10× the rules against 1×.
fn speed_targets_markdown(results: &[(String, Value)], quick: bool) -> String {
    let get = |name: &str| lookup(results, name);
    let f = field;
    let mut s = String::new();
    // DOCX vs floor.
    for (full, fl, label) in [
        (
            "pandoc_big-ks",
            "floor-pandoc_big",
            "KS rule set alone on pandoc_big.docx (802 pages)",
        ),
        (
            "pandoc_big-1x",
            "floor-pandoc_big",
            "both default rule sets on pandoc_big.docx",
        ),
        (
            "docx-1000p-1x",
            "floor-docx-1000p",
            "both default rule sets on the generated 1,000-page DOCX",
        ),
    ] {
        if let (Some(a), Some(b)) = (get(full), get(fl)) {
            let ratio = f(&a, "total_ms") / f(&b, "total_ms");
            s.push_str(&format!(
                "| {label} ≤ 1.5× floor (inflate + quick-xml) | {:.1} ms vs floor {:.1} ms = **{ratio:.2}×** | {} |\n",
                f(&a, "total_ms"), f(&b, "total_ms"), verdict(ratio <= 1.5)
            ));
        }
    }
    for (x1, x10) in [
        ("pandoc_big-1x", "pandoc_big-10x"),
        (
            if quick { "md-100p-1x" } else { "md-1000p-1x" },
            if quick { "md-100p-10x" } else { "md-1000p-10x" },
        ),
        (
            if quick {
                "docx-100p-1x"
            } else {
                "docx-1000p-1x"
            },
            if quick {
                "docx-100p-10x"
            } else {
                "docx-1000p-10x"
            },
        ),
    ] {
        if let (Some(a), Some(b)) = (get(x1), get(x10)) {
            let ratio = f(&b, "total_ms") / f(&a, "total_ms");
            s.push_str(&format!(
                "| 10× rules ({} → {} rules) ≤ 1.3× time, {x1} | {:.1} → {:.1} ms = **{ratio:.2}×** (match alone {:.1} → {:.1} ms) | {} |\n",
                a["rules"], b["rules"], f(&a, "total_ms"), f(&b, "total_ms"), f(&a, "match_ms"), f(&b, "match_ms"), verdict(ratio <= 1.3)
            ));
        }
    }
    s
}

/// Both cores on the 1,000-file directory; peak memory against the inflated document.
fn core_and_memory_targets_markdown(results: &[(String, Value)], idle: f64) -> String {
    let get = |name: &str| lookup(results, name);
    let f = field;
    let mut s = String::new();
    if let (Some(one), Some(two)) = (get("dir-1000-files-1t"), get("dir-1000-files-2t")) {
        let speedup = f(&one, "total_ms") / f(&two, "total_ms");
        let util = f(&two, "cpu_ms") / f(&two, "total_ms");
        s.push_str(&format!(
            "| 1,000-file directory uses both cores | 1 thread {:.0} ms, 2 threads {:.0} ms: speed-up **{speedup:.2}×**, CPU/wall {util:.2} | {} |\n",
            f(&one, "total_ms"), f(&two, "total_ms"), verdict(speedup >= 1.5)
        ));
    }
    for name in [
        "pandoc_big-1x",
        "docx-1000p-1x",
        "md-1000p-1x",
        "docx-100p-1x",
    ] {
        if let (Some(v), Some(once)) = (get(name), get(&format!("once-{name}"))) {
            let inflated = f(&v, "inflated_bytes");
            let peak = f(&once, "vmhwm_kib") * 1024.0;
            let net = peak - idle * 1024.0;
            s.push_str(&format!(
                "| peak memory < 3× largest inflated document, {name} | peak {:.1} MiB ({:.1} MiB above the idle process) vs 3 × {:.1} MiB = {:.1} MiB | {} (net {}) |\n",
                peak / 1048576.0, net / 1048576.0, inflated / 1048576.0, 3.0 * inflated / 1048576.0,
                verdict(peak < 3.0 * inflated), verdict(net < 3.0 * inflated)
            ));
        }
    }
    s
}

/// The parse floors and the 1,000-file directory.
fn floors_and_directory_markdown(results: &[(String, Value)]) -> String {
    let get = |name: &str| lookup(results, name);
    let f = field;
    let mut s = String::new();
    s.push_str(
        "\n## Floors\n\n| case | MB inflated | floor ms | floor MB/s |\n|---|---:|---:|---:|\n",
    );
    for (name, v) in results.iter().filter(|(n, _)| n.starts_with("floor")) {
        let b = f(v, "inflated_bytes");
        s.push_str(&format!(
            "| {name} | {:.2} | {:.2} | {} |\n",
            b / 1e6,
            f(v, "total_ms"),
            mbps(b, f(v, "total_ms"))
        ));
    }
    if let (Some(one), Some(two)) = (get("dir-1000-files-1t"), get("dir-1000-files-2t")) {
        s.push_str(&format!(
            "\n## 1,000-file tender directory\n\n800 Markdown + 200 DOCX files of two pages each, `check_paths` + JSON report.\n\n| threads | wall ms | CPU ms | CPU/wall | peak MiB |\n|---:|---:|---:|---:|---:|\n| 1 | {:.0} | {:.0} | {:.2} | {:.1} |\n| 2 | {:.0} | {:.0} | {:.2} | {:.1} |\n",
            f(&one, "total_ms"), f(&one, "cpu_ms"), f(&one, "cpu_ms") / f(&one, "total_ms"), f(&one, "vmhwm_kib") / 1024.0,
            f(&two, "total_ms"), f(&two, "cpu_ms"), f(&two, "cpu_ms") / f(&two, "total_ms"), f(&two, "vmhwm_kib") / 1024.0,
        ));
    }
    s
}

// ------------------------------------------------------- baseline and compare

/// Cases small enough to run under callgrind in seconds; instruction counts are
/// stable to well under 1% on a shared VM, unlike wall time. Each checks its file
/// once, as the CLI does (the `stages` child also times stages apart, which does
/// some of the work twice and would hide how the work is split).
fn icount_cases(data: &Path) -> Vec<Case> {
    let d = |p: &str| data.join(p).display().to_string();
    vec![
        case("md-100p-1x", &["once", &d("tender-100.md"), EMBEDDED]),
        case("docx-100p-1x", &["once", &d("tender-100.docx"), EMBEDDED]),
        case(
            "md-100p-10x",
            &["once", &d("tender-100.md"), &d("rules-10x")],
        ),
        case("floor-docx-100p", &["floor", &d("tender-100.docx"), "1"]),
    ]
}

/// Instructions executed by a case under callgrind, or `None` without valgrind.
fn instructions(c: &Case) -> Option<u64> {
    let exe = std::env::current_exe().ok()?;
    let out_file =
        std::env::temp_dir().join(format!("tenderbench-{}.callgrind", std::process::id()));
    let out = Command::new("valgrind")
        .arg("--tool=callgrind")
        .arg(format!("--callgrind-out-file={}", out_file.display()))
        .arg(exe)
        .arg("--case")
        .args(&c.args)
        .env("RAYON_NUM_THREADS", "1")
        .output()
        .ok()?;
    let _ = std::fs::remove_file(&out_file);
    if !out.status.success() {
        eprintln!(
            "callgrind failed on {}: {}",
            c.name,
            String::from_utf8_lossy(&out.stderr)
        );
        return None;
    }
    String::from_utf8_lossy(&out.stderr).lines().find_map(|l| {
        l.split("Collected :")
            .nth(1)
            .and_then(|n| n.trim().parse().ok())
    })
}

fn measure_baseline(data: &Path) -> Value {
    let mut cases = serde_json::Map::new();
    for c in icount_cases(data) {
        let ir = instructions(&c);
        // Timings are kept as a second, looser signal: the `stages` child times a
        // file's check, the `floor` child its bare parse, 11 times each.
        let mut timed = c;
        if timed.args.first().is_some_and(|a| a == "once") {
            timed.args[0] = "stages".into();
            timed.args.push("11".into());
        } else if let Some(last) = timed.args.last_mut() {
            *last = "11".into();
        }
        let v = run_child(&timed);
        eprintln!(
            "{:<16} instructions {:?} total {:.2} ms",
            timed.name,
            ir,
            v["total_ms"].as_f64().unwrap_or(0.0)
        );
        cases.insert(
            timed.name.clone(),
            json!({"instructions": ir, "total_ms": v["total_ms"], "vmhwm_kib": v["vmhwm_kib"]}),
        );
    }
    json!({"tool": "tenderbench", "instruction_tolerance": 0.05, "time_tolerance": 0.5, "memory_tolerance": 0.25, "cases": cases})
}

fn save_baseline(data: &Path, path: &Path) {
    let v = measure_baseline(data);
    std::fs::write(path, serde_json::to_string_pretty(&v).expect("json") + "\n")
        .expect("write baseline");
    eprintln!("wrote {}", path.display());
}

/// 0 when nothing regressed, 1 otherwise. Instruction counts (callgrind) decide;
/// timings only warn, because a shared VM varies by ±30%.
fn compare(data: &Path, path: &Path) -> i32 {
    let base: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("read baseline"))
        .expect("baseline json");
    let now = measure_baseline(data);
    let tol_i = base["instruction_tolerance"].as_f64().unwrap_or(0.05);
    let tol_t = base["time_tolerance"].as_f64().unwrap_or(0.5);
    let tol_m = base["memory_tolerance"].as_f64().unwrap_or(0.25);
    let mut failed = false;
    println!(
        "| case | instructions base → now | time ms base → now | peak KiB base → now | verdict |\n|---|---|---|---|---|"
    );
    for (name, b) in base["cases"].as_object().expect("cases") {
        let n = &now["cases"][name];
        let mut verdict = vec![];
        let change = |k: &str| -> Option<(f64, f64, f64)> {
            let (x, y) = (b[k].as_f64()?, n[k].as_f64()?);
            Some((x, y, y / x - 1.0))
        };
        if let Some((_, _, c)) = change("instructions")
            && c > tol_i
        {
            verdict.push(format!("REGRESSION instructions +{:.1}%", c * 100.0));
            failed = true;
        }
        if let Some((_, _, c)) = change("vmhwm_kib")
            && c > tol_m
        {
            verdict.push(format!("REGRESSION memory +{:.1}%", c * 100.0));
            failed = true;
        }
        if let Some((_, _, c)) = change("total_ms")
            && c > tol_t
        {
            verdict.push(format!(
                "warning: time +{:.0}% (timing only warns)",
                c * 100.0
            ));
        }
        println!(
            "| {name} | {} → {} | {:.2} → {:.2} | {} → {} | {} |",
            b["instructions"],
            n["instructions"],
            b["total_ms"].as_f64().unwrap_or(0.0),
            n["total_ms"].as_f64().unwrap_or(0.0),
            b["vmhwm_kib"],
            n["vmhwm_kib"],
            if verdict.is_empty() {
                "ok".to_string()
            } else {
                verdict.join("; ")
            }
        );
    }
    i32::from(failed)
}
