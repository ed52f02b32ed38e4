//! Issue 25's last gap on the server: what `tenderlint serve` refuses is typed data,
//! a stable `code` beside the `error` the page shows, worded from the word table in
//! the page's language (`?lang=` in the address, which the page sends, or the form's
//! `lang`), with the status codes and fields it always had.

use crate::serve::{Server, client, form, read_tender};
use crate::serve_safety::{connect, port};
use reqwest::blocking::multipart;
use serde_json::Value;
use std::io::{Read as _, Write as _};
use tenderlint::Lang;
use tenderlint::report::i18n::word;

fn answer(response: reqwest::blocking::Response) -> (u16, Value) {
    let status = response.status().as_u16();
    let text = response.text().expect("a body");
    (status, serde_json::from_str(&text).expect("a JSON refusal"))
}

fn post(server: &Server, path: &str, form: multipart::Form) -> (u16, Value) {
    answer(
        client()
            .post(server.at(path))
            .multipart(form)
            .send()
            .expect("an answer"),
    )
}

const LANGS: [(&str, Lang); 3] = [("nb", Lang::Nb), ("nn", Lang::Nn), ("en", Lang::En)];

#[test]
fn a_refusal_is_worded_in_the_pages_language_and_carries_a_stable_code() {
    let server = Server::isolated();
    let with_a_stray_field = || form(&read_tender()).text("hemmelig", "1");
    for (code, lang) in LANGS {
        let expected = word(lang, "refusal-unknown-field").replace("{field}", "hemmelig");
        // In the address, as the page sends it.
        let (status, body) = post(
            &server,
            &format!("/api/check?lang={code}"),
            with_a_stray_field(),
        );
        assert_eq!(status, 400, "{body}");
        assert_eq!(body["code"], "unknown-field", "{body}");
        assert_eq!(body["error"], expected, "{code}: {body}");
        // In the form, read before the stray field.
        let in_form = form(&read_tender())
            .text("lang", code)
            .text("hemmelig", "1");
        let (status, body) = post(&server, "/api/report?format=html", in_form);
        assert_eq!((status, &body["error"]), (400, &Value::from(expected)));
    }
    let words: Vec<String> = LANGS
        .iter()
        .map(|(_, lang)| word(*lang, "refusal-unknown-field").to_string())
        .collect();
    assert!(words[0] != words[1] && words[1] != words[2], "{words:?}");

    // No language asked for: the server's default, bokmål, as for every other answer.
    let (_, body) = post(
        &server,
        "/api/check",
        form(&read_tender()).text("services", "sykehus"),
    );
    assert_eq!(body["code"], "unknown-service", "{body}");
    assert!(
        body["error"]
            .as_str()
            .unwrap()
            .starts_with("Ukjent tjeneste «sykehus»"),
        "{body}"
    );

    let (status, body) = answer(client().get(server.at("/nope?lang=en")).send().unwrap());
    assert_eq!((status, &body["code"]), (404, &Value::from("no-route")));
    assert_eq!(body["error"], "no such page or API route");
    let (status, body) = answer(
        client()
            .get(server.at("/api/check?lang=nn"))
            .send()
            .unwrap(),
    );
    assert_eq!((status, &body["code"]), (405, &Value::from("wrong-method")));
    assert_eq!(body["error"], word(Lang::Nn, "refusal-wrong-method"));
}

/// A refusal that comes before the form is read knows the language only from the
/// address: an upload declared over `--max-upload` is answered from its head.
#[test]
fn an_upload_too_large_is_refused_in_the_language_of_the_address() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path(), &["--isolated", "--max-upload", "1"]);
    for (code, lang) in LANGS {
        let mut stream = connect(&server);
        let head = format!(
            "POST /api/check?lang={code} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: \
             multipart/form-data; boundary=b\r\nContent-Length: {}\r\n\r\n",
            port(&server),
            2 * 1024 * 1024
        );
        stream.write_all(head.as_bytes()).unwrap();
        let mut answer = String::new();
        // The server answers from the head and closes the connection.
        let _ = stream.read_to_string(&mut answer);
        assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
        let body: Value = serde_json::from_str(&answer[answer.find("\r\n\r\n").unwrap() + 4..])
            .expect("a JSON refusal");
        assert_eq!(body["code"], "too-large", "{body}");
        assert_eq!(
            body["error"],
            word(lang, "refusal-too-large").replace("{mib}", "1"),
            "{body}"
        );
    }
}

/// The page asks every route in its own language, so the server can word a refusal
/// before it has read the form.
#[test]
fn the_page_sends_its_language_in_every_address_it_asks() {
    let checker = include_str!("../../src/serve/page/checker.js");
    let fetches: Vec<&str> = checker.split("fetch(").skip(1).collect();
    assert!(fetches.len() >= 4, "{}", fetches.len());
    for call in fetches {
        assert!(
            call.starts_with("withLang("),
            "fetch({}",
            &call[..60.min(call.len())]
        );
    }
}
