//! Issue 23: `tenderlint serve` serves only its user. Each test runs the real
//! binary on port 0 on loopback and plays the attacker of one numbered point:
//! a request that names a path, another web site, a slow client, a bomb. Every
//! socket has a read timeout and every loop a bound, so nothing here can hang.

use super::serve::{Server, client, form, post_check, read_tender};
use reqwest::blocking::multipart;
use serde_json::Value;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

pub(super) fn port(server: &Server) -> u16 {
    server
        .url
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .expect("port in the URL")
}

pub(super) fn connect(server: &Server) -> TcpStream {
    let stream = TcpStream::connect(("127.0.0.1", port(server))).expect("connect to the server");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    stream
}

/// A connection that has sent the head of a 100,000-byte upload and the first bytes
/// of its body, and then nothing.
fn half_sent_upload(server: &Server) -> TcpStream {
    let mut stream = connect(server);
    let port = port(server);
    stream
        .write_all(
            format!(
                "POST /api/check HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: \
                 multipart/form-data; boundary=b\r\nContent-Length: 100000\r\n\r\n--b\r\n"
            )
            .as_bytes(),
        )
        .unwrap();
    stream
}

/// Sends `request` as is and reads until the server closes or 30 s pass.
fn raw(server: &Server, request: &[u8]) -> String {
    let mut stream = connect(server);
    stream.write_all(request).expect("send");
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

fn status_of(answer: &str) -> u16 {
    answer
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {answer:?}"))
}

/// Whether the server closes `stream` (EOF or reset) within `within`.
fn closed_within(stream: &mut TcpStream, within: Duration) -> bool {
    let started = Instant::now();
    let mut buf = [0u8; 4096];
    while started.elapsed() < within {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return started.elapsed() < within,
            Ok(_) => {}
        }
    }
    false
}

fn post_with_ruleset(server: &Server, ruleset: &str) -> (u16, Value) {
    post_check(
        server,
        form(&read_tender()).text("ruleset", ruleset.to_string()),
    )
}

// 1. A request reads files.

#[test]
fn a_ruleset_field_names_only_sets_the_server_offers_and_never_opens_a_path() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    // What the issue found beside a server: a folder named like a set and
    // version, a file named like a set, and a secret to reach through them.
    std::fs::create_dir(root.join("anskaffelse-hygiene@1.1.0")).unwrap();
    std::fs::write(root.join("hemmelig.txt"), "root:*:TOPPHEMMELIG:\n").unwrap();
    std::fs::write(root.join("anskaffelse-hygiene"), "root:*:TOPPHEMMELIG:\n").unwrap();
    let server = Server::start(root, &["--isolated"]);

    let through = "anskaffelse-hygiene@1.1.0/../hemmelig.txt";
    let (status, body) = post_with_ruleset(&server, through);
    assert_eq!(status, 400, "{body}");
    assert!(!body.to_string().contains("TOPPHEMMELIG"), "{body}");
    // A path that does not exist is answered in the same words: no probing.
    let (status, missing) = post_with_ruleset(&server, "anskaffelse-hygiene@1.1.0/../finnes-ikke");
    assert_eq!(status, 400, "{missing}");
    assert_eq!(
        missing["error"]
            .as_str()
            .unwrap()
            .replace("finnes-ikke", "hemmelig.txt"),
        body["error"].as_str().unwrap()
    );
    for reference in [
        "/etc/passwd",
        "../anskaffelse-hygiene",
        "anskaffelse-hygiene@",
    ] {
        let (status, body) = post_with_ruleset(&server, reference);
        assert_eq!(status, 400, "{reference}: {body}");
    }

    // A file named like a set does not replace the built-in one.
    let (status, body) = post_with_ruleset(&server, "anskaffelse-hygiene");
    assert_eq!(status, 200, "{body}");
    let origin = body["ruleset"][0]["origin"].as_str().unwrap();
    assert!(
        origin.starts_with("embedded:anskaffelse-hygiene@"),
        "{origin}"
    );

    // An exact version of an embedded set is offered.
    let (status, body) = post_with_ruleset(&server, "ks-felles-journalloft@1.0.0");
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["ruleset"][0]["version"], "1.0.0");
}

#[test]
fn a_set_the_operator_gave_is_offered_by_id_and_api_rules_shows_no_local_path() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let own = root.join("vaare-regler.yaml");
    std::fs::copy("rules/anskaffelse-hygiene/1.1.0.yaml", &own).unwrap();
    std::fs::write(root.join("tenderlint.yaml"), "lang: en\n").unwrap();
    let server = Server::start(root, &["--ruleset", own.to_str().unwrap()]);

    let rules = client().get(server.at("/api/rules")).send().unwrap();
    assert_eq!(rules.status().as_u16(), 200);
    let text = rules.text().unwrap();
    let root_text = root.display().to_string();
    assert!(
        !text.contains(&root_text),
        "local path in /api/rules: {text}"
    );
    assert!(!text.contains("vaare-regler"), "{text}");
    assert!(!text.contains("tenderlint.yaml"), "{text}");
    let rules: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(rules["rulesets"][0]["embedded"], false, "{rules}");
    assert_eq!(rules["defaults"]["configured"], true, "{rules}");

    let (status, body) = post_with_ruleset(&server, "anskaffelse-hygiene@1.1.0");
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["ruleset"][0]["origin"], own.display().to_string());
}

// 2. Any web site can use it.

#[test]
fn a_request_for_another_host_gets_421_and_a_cross_site_post_gets_403() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path(), &["--isolated", "--allowed-host", "anbud.lan"]);
    let port = port(&server);
    let get = |host: &str| {
        status_of(&raw(
            &server,
            format!("GET /api/rules HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n")
                .as_bytes(),
        ))
    };
    // DNS rebinding: another site's name pointed at 127.0.0.1.
    assert_eq!(get(&format!("evil.example:{port}")), 421);
    assert_eq!(get(&format!("127.0.0.1:{}", port.wrapping_add(1))), 421);
    assert_eq!(get("127.0.0.1"), 421);
    for own in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("anbud.lan:{port}"),
    ] {
        assert_eq!(get(&own), 200, "{own}");
    }
    let no_host = raw(&server, b"GET /api/rules HTTP/1.0\r\n\r\n");
    assert_eq!(status_of(&no_host), 421, "{no_host}");
    // The refusal is data with a stable code, worded in the language the page asked for.
    let worded = |query: &str| {
        raw(
            &server,
            format!("GET /api/rules{query} HTTP/1.1\r\nHost: evil.example:{port}\r\nConnection: close\r\n\r\n")
                .as_bytes(),
        )
    };
    let nynorsk = worded("?lang=nn");
    assert!(nynorsk.contains("\"code\":\"foreign-host\""), "{nynorsk}");
    assert!(nynorsk.contains("svarar berre"), "{nynorsk}");
    let bokmal = worded("");
    assert!(
        bokmal.contains("svarer bare"),
        "the server's default is bokmål: {bokmal}"
    );

    // Refused from the head: the body is announced but never sent, so the answer
    // is not lost to a reset of a connection whose body the server left unread.
    let refused = |header: &str, value: &str| {
        status_of(&raw(
            &server,
            format!(
                "POST /api/check HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{header}: {value}\r\n\
                 Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 100\r\n\r\n"
            )
            .as_bytes(),
        ))
    };
    assert_eq!(refused("Origin", "https://evil.example"), 403);
    assert_eq!(refused("Origin", "null"), 403);
    let other_port = format!("http://localhost:{}", port.wrapping_add(1));
    assert_eq!(refused("Origin", &other_port), 403);
    assert_eq!(refused("Sec-Fetch-Site", "cross-site"), 403);
    assert_eq!(refused("Sec-Fetch-Site", "same-site"), 403);
    let english = raw(
        &server,
        format!(
            "POST /api/check?lang=en HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: null\r\n\
             Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 100\r\n\r\n"
        )
        .as_bytes(),
    );
    assert!(english.contains("\"code\":\"cross-site\""), "{english}");
    assert!(
        english.contains("not requests from another site"),
        "{english}"
    );
    // The page itself, and scripts that send neither header, go on working.
    let post = |headers: &[(&str, String)]| {
        let request = headers.iter().fold(
            client()
                .post(server.at("/api/check"))
                .multipart(form(&read_tender())),
            |r, (name, value)| r.header(*name, value),
        );
        request.send().expect("POST").status().as_u16()
    };
    let own = vec![
        ("Origin", format!("http://127.0.0.1:{port}")),
        ("Sec-Fetch-Site", "same-origin".into()),
    ];
    assert_eq!(post(&own), 200);
    assert_eq!(post(&[]), 200);
}

// 3. Slow clients hold it.

#[test]
fn a_client_sending_its_head_or_body_slowly_is_cut_off() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path(), &["--isolated", "--read-timeout", "2"]);
    // A head that never ends, a byte at a time.
    let mut head = connect(&server);
    head.write_all(b"GET / HTTP/1.1\r\nHo").unwrap();
    head.set_read_timeout(Some(Duration::from_millis(500)))
        .unwrap();
    let started = Instant::now();
    let mut cut = false;
    while started.elapsed() < Duration::from_secs(30) {
        if head.write_all(b"x").is_err() || closed_within(&mut head, Duration::from_millis(500)) {
            cut = true;
            break;
        }
    }
    assert!(cut, "a slow request head was still open after 30 s");

    // A body that trickles in: a byte every half second.
    let mut body = half_sent_upload(&server);
    body.set_read_timeout(Some(Duration::from_millis(500)))
        .unwrap();
    let started = Instant::now();
    let mut answer = Vec::new();
    while started.elapsed() < Duration::from_secs(30) {
        if body.write_all(b"x").is_err() {
            break;
        }
        let mut buf = [0u8; 4096];
        match body.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => answer.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            Err(e) if e.kind() == std::io::ErrorKind::TimedOut => {}
            Err(_) => break,
        }
    }
    let answer = String::from_utf8_lossy(&answer);
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "a trickling body was still read after 30 s"
    );
    assert_eq!(status_of(&answer), 408, "{answer}");
}

/// Lowers the server's open-file limit, as on a desktop, so idle connections
/// could use every descriptor.
fn start_with_few_files(dir: &Path, args: &[&str], files: u64) -> Server {
    use std::os::unix::process::CommandExt;
    let mut command = Command::new(env!("CARGO_BIN_EXE_tenderlint"));
    // SAFETY: setrlimit is async-signal-safe and touches only the child.
    unsafe {
        command.pre_exec(move || {
            let limit = libc::rlimit {
                rlim_cur: files,
                rlim_max: files,
            };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &raw const limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    Server::spawn(command, dir, args)
}

#[test]
fn idle_connections_past_the_open_file_limit_do_not_starve_healthz() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_with_few_files(dir.path(), &["--isolated", "--read-timeout", "2"], 64);
    let idle: Vec<TcpStream> = (0..100).map(|_| connect(&server)).collect();
    std::thread::sleep(Duration::from_millis(500));
    let started = Instant::now();
    let health = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(40))
        .build()
        .unwrap()
        .get(server.at("/healthz"))
        .send();
    assert!(
        health.is_ok_and(|h| h.status().as_u16() == 200),
        "no answer from /healthz after {:?} with 100 idle connections",
        started.elapsed()
    );
    drop(idle);
}

#[test]
fn a_second_signal_exits_at_once_while_a_client_holds_a_half_sent_body() {
    for (signal, code) in [(libc::SIGTERM, 143), (libc::SIGINT, 130)] {
        let server = Server::isolated();
        let holder = half_sent_upload(&server);
        std::thread::sleep(Duration::from_millis(500));
        let (status, _) =
            server.signal_twice(signal, Duration::from_secs(1), Duration::from_secs(20));
        assert_eq!(
            status.and_then(|s| s.code()),
            Some(code),
            "after signal {signal}"
        );
        drop(holder);
    }
}

// 4. Memory and CPU per request are not bounded.

#[test]
fn an_upload_declared_over_the_limit_is_refused_from_its_head_without_100_continue() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path(), &["--isolated", "--max-upload", "1"]);
    let port = port(&server);
    let mut stream = connect(&server);
    stream
        .write_all(
            format!(
                "POST /api/check HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: \
                 multipart/form-data; boundary=b\r\nContent-Length: {}\r\nExpect: 100-continue\r\n\r\n",
                5 * 1024 * 1024
            )
            .as_bytes(),
        )
        .unwrap();
    let mut answer = Vec::new();
    let mut buf = [0u8; 4096];
    while !String::from_utf8_lossy(&answer).contains("\r\n\r\n{") {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => answer.extend_from_slice(&buf[..n]),
        }
    }
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(!answer.contains("100 Continue"), "{answer}");
    assert!(answer.contains("1 MiB"), "{answer}");
}

#[test]
fn uploads_past_those_held_at_once_wait_then_get_503_with_retry_after() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(
        dir.path(),
        &[
            "--isolated",
            "--uploads-at-once",
            "1",
            "--read-timeout",
            "6",
        ],
    );
    // One upload in the only room, its body half sent.
    let holder = half_sent_upload(&server);
    std::thread::sleep(Duration::from_millis(300));
    let response = client()
        .post(server.at("/api/check"))
        .multipart(form(&[("krav.md".into(), b"# Krav\n".to_vec())]))
        .send()
        .unwrap();
    assert_eq!(response.status().as_u16(), 503);
    assert!(response.headers().contains_key("retry-after"));
    // Once the held upload is gone, there is room again.
    drop(holder);
    let (status, body) = post_check(&server, form(&[("krav.md".into(), b"# Krav\n".to_vec())]));
    assert_eq!(status, 200, "{body}");
}

/// The server's CPU time so far (user + system), from /proc.
fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("/proc/PID/stat");
    let after_name = &stat[stat.rfind(')').expect("stat format") + 2..];
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks: f64 = fields[11].parse::<f64>().unwrap() + fields[12].parse::<f64>().unwrap();
    // SAFETY: sysconf has no memory effects.
    ticks / unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64
}

/// Many small files of plain requirements, 70 MB in all: far more than a minute
/// of reading in a test build, in pieces of a fraction of a second each.
fn slow_upload() -> multipart::Form {
    let mut text = String::from("# Kravspesifikasjon\n\n");
    for i in 0..2_000 {
        text.push_str(&format!(
            "Leverandøren skal levere integrasjon nummer {i} med kjernejournal og e-resept.\n\n"
        ));
    }
    let files: Vec<(String, Vec<u8>)> = (0..400)
        .map(|i| (format!("bilag-{i}.md"), text.clone().into_bytes()))
        .collect();
    form(&files)
}

#[test]
fn a_check_past_its_time_limit_is_stopped_and_the_queue_behind_it_moves_on() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path(), &["--isolated", "--time-limit", "3"]);
    let small = form(&[(
        "krav.md".into(),
        b"# Krav\n\nLeverandoren skal levere.\n".to_vec(),
    )]);
    let (slow, small) = std::thread::scope(|scope| {
        let slow: Vec<_> = (0..2)
            .map(|_| scope.spawn(|| post_check(&server, slow_upload())))
            .collect();
        std::thread::sleep(Duration::from_secs(2));
        // Behind two slow checks: its time starts when its own check does.
        let small = post_check(&server, small);
        let slow: Vec<(u16, Value)> = slow.into_iter().map(|h| h.join().unwrap()).collect();
        (slow, small)
    });
    assert_eq!(small.0, 200, "{}", small.1);
    for (status, body) in &slow {
        assert_eq!(*status, 503, "{body}");
        assert_eq!(body["code"], "took-too-long", "{body}");
    }
    // Stopped means stopped: the files being read when the time ran out are
    // finished, the rest never begun, so the cores go quiet long before the
    // minute the whole reading would take.
    let started = Instant::now();
    let mut burnt = f64::MAX;
    while started.elapsed() < Duration::from_secs(20) {
        let before = cpu_seconds(server.child.id());
        std::thread::sleep(Duration::from_secs(2));
        burnt = cpu_seconds(server.child.id()) - before;
        if burnt < 0.5 {
            break;
        }
    }
    assert!(
        burnt < 0.5,
        "the server still burnt {burnt:.1} s of CPU in 2 s, 20 s after its checks were stopped"
    );
}

/// A DOCX whose document part is `paragraphs` empty paragraphs.
fn inflating_docx(paragraphs: usize) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    w.start_file("[Content_Types].xml", options).unwrap();
    w.write_all(
        br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#,
    )
    .unwrap();
    w.start_file("word/document.xml", options).unwrap();
    w.write_all(br#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#)
        .unwrap();
    let chunk = "<w:p/>".repeat(10_000);
    for _ in 0..paragraphs / 10_000 {
        w.write_all(chunk.as_bytes()).unwrap();
    }
    w.write_all(b"</w:body></w:document>").unwrap();
    w.finish().unwrap().into_inner()
}

#[test]
fn a_docx_part_inflating_over_a_hundred_times_is_refused_by_the_cli_and_the_page() {
    // 60 MB of empty paragraphs, under the per-part cap, in a few hundred KiB.
    let bomb = inflating_docx(10_000_000);
    assert!(bomb.len() < 1024 * 1024, "{}", bomb.len());
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bombe.docx"), &bomb).unwrap();
    std::fs::write(
        dir.path().join("krav.md"),
        "# Krav\n\nLeverandøren skal levere.\n",
    )
    .unwrap();
    let run = Command::new(env!("CARGO_BIN_EXE_tenderlint"))
        .args(["check", "--isolated", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    let line = stderr
        .lines()
        .find(|l| l.contains("bombe.docx"))
        .unwrap_or_else(|| panic!("no line for bombe.docx in {stderr}"));
    assert!(line.contains("100 times its compressed size"), "{line}");
    let report: Value = serde_json::from_slice(&run.stdout).unwrap();
    let read: Vec<&Value> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["error"].is_null())
        .collect();
    assert_eq!(read.len(), 1, "the other file is still checked: {report}");

    let server = Server::isolated();
    let started = Instant::now();
    let (status, body) = post_check(
        &server,
        form(&[
            ("bombe.docx".into(), bomb),
            (
                "krav.md".into(),
                b"# Krav\n\nLeverandoren skal levere.\n".to_vec(),
            ),
        ]),
    );
    assert_eq!(status, 200, "{body}");
    let refused = body["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "bombe.docx")
        .expect("the bomb is listed");
    assert!(
        refused["detail"]
            .as_str()
            .unwrap()
            .contains("100 times its compressed size"),
        "{refused}"
    );
    assert!(started.elapsed() < Duration::from_secs(60));
}

#[test]
fn a_docx_part_over_64_mib_is_refused_even_when_it_compresses_plainly() {
    // Text that deflates only some 4:1, so only the per-part cap can stop it.
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    w.start_file("word/document.xml", options).unwrap();
    w.write_all(br#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>"#)
        .unwrap();
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut line = Vec::with_capacity(1 << 20);
    for _ in 0..70 {
        line.clear();
        for _ in 0..(1 << 20) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            line.push(b'a' + (seed % 26) as u8);
        }
        w.write_all(&line).unwrap();
    }
    w.write_all(b"</w:t></w:r></w:p></w:body></w:document>")
        .unwrap();
    let bytes = w.finish().unwrap().into_inner();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("stor.docx"), &bytes).unwrap();
    let run = Command::new(env!("CARGO_BIN_EXE_tenderlint"))
        .args(["check", "--isolated"])
        .arg(dir.path().join("stor.docx"))
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("inflates to more than 64 MiB"), "{stderr}");
}
