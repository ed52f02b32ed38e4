//! Generated inputs for the benchmark: Norwegian tender text (Markdown and DOCX of
//! the same content) and rule sets multiplied from the embedded ones.
//!
//! The text is built from phrase lists with a fixed-seed PRNG so every run (and the
//! baseline) sees the same bytes.

use std::io::Write;

/// xorshift64*: deterministic, no dependency, good enough for picking phrases.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub(crate) fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub(crate) fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next_u64() % items.len() as u64) as usize]
    }
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}

pub(crate) enum Element {
    Heading(u8, String),
    Para(String),
    List(Vec<String>),
    /// Krav-ID, Kravtekst, Type
    Table(Vec<[String; 3]>),
}

const TOPICS: &[&str] = &[
    "Integrasjon",
    "Informasjonssikkerhet",
    "Pasientjournal",
    "Legemiddelhåndtering",
    "Tilgangsstyring",
    "Drift og forvaltning",
    "Arkitektur",
    "Samhandling",
    "Brukervennlighet",
    "Opplæring",
    "Migrering av data",
    "Rapportering og statistikk",
    "Personvern",
    "Mobilitet",
    "Velferdsteknologi",
];

const SUBJECTS: &[&str] = &[
    "Løsningen",
    "Leverandøren",
    "Systemet",
    "Journalløsningen",
    "Den tilbudte løsningen",
    "Leverandørens løsning",
];

const MODALS: &[&str] = &["skal", "skal", "skal", "bør", "må", "kan"];

const ACTIONS: &[&str] = &[
    "støtte oppslag i kjernejournal fra pasientens journal",
    "bruke HelseID for autentisering av helsepersonell",
    "støtte e-resept og oppdatert legemiddelliste via PLL",
    "sende og motta PLO-meldinger over Helsenettet",
    "logge all tilgang til helseopplysninger med tidspunkt og bruker",
    "tilby et dokumentert API basert på HL7 FHIR",
    "støtte rollebasert tilgangsstyring med tjenstlig behov",
    "eksportere hele journalen i et åpent og dokumentert format",
    "tilfredsstille kravene i Normen for informasjonssikkerhet",
    "ha en oppetid på minst 99,5 prosent i kontortiden",
    "støtte dokumentdeling med andre virksomheter",
    "vise varsler om kritisk informasjon tydelig for brukeren",
    "kunne brukes på nettbrett og mobiltelefon i hjemmetjenesten",
    "integreres med kommunens sak- og arkivsystem",
    "støtte innbyggerdialog via Helsenorge",
    "legge til rette for strukturert dokumentasjon etter nasjonale kodeverk",
    "levere opplæring tilpasset superbrukere og sluttbrukere",
    "sikre at data lagres innenfor EU/EØS",
];

const QUALIFIERS: &[&str] = &[
    "uten ekstra kostnad for oppdragsgiver",
    "i henhold til gjeldende nasjonale standarder",
    "innen oppstart av driftsfasen",
    "for alle tjenesteområder i kommunen",
    "slik det er beskrevet i bilag 2",
    "og dette skal dokumenteres i besvarelsen",
    "på en måte som er enkel for sluttbrukeren",
    "med sporbarhet for hvem som har gjort endringer",
];

const BACKGROUND: &[&str] = &[
    "Kommunen har i dag en journalløsning som ble anskaffet for mer enn ti år siden.",
    "Dagens løsning dekker hjemmetjenesten, sykehjemmene og helsestasjonen.",
    "Det er behov for bedre samhandling med fastleger, legevakt og spesialisthelsetjenesten.",
    "Kommunen deltar i et interkommunalt samarbeid om digitalisering av helse- og omsorgstjenester.",
    "Ansatte opplever at dobbeltregistrering tar tid fra pasientrettet arbeid.",
    "Anskaffelsen skal bidra til gevinstrealisering i tråd med nasjonale føringer.",
    "Kommunen har om lag 25 000 innbyggere og 900 ansatte i helse og omsorg.",
    "Målbildet er en sammenhengende pasientjournal på tvers av tjenestene.",
];

const LIST_ITEMS: &[&str] = &[
    "hjemmesykepleie og praktisk bistand",
    "sykehjem og korttidsavdelinger",
    "helsestasjon og skolehelsetjeneste",
    "fysioterapi og ergoterapi",
    "psykisk helse og rus",
    "legevakt og øyeblikkelig hjelp-plasser",
    "tildelingskontor og saksbehandling",
    "tjenester for personer med utviklingshemming",
];

fn sentence(rng: &mut Rng) -> String {
    format!(
        "{} {} {} {}.",
        rng.pick(SUBJECTS),
        rng.pick(MODALS),
        rng.pick(ACTIONS),
        rng.pick(QUALIFIERS)
    )
}

fn type_cell(modal: &str) -> &'static str {
    match modal {
        "bør" => "B",
        "kan" => "Ø",
        _ => "M",
    }
}

/// About `pages` × 3,000 characters of tender in reading order.
pub(crate) fn tender(pages: usize, seed: u64) -> Vec<Element> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::new();
    out.push(Element::Heading(
        1,
        "Kravspesifikasjon – elektronisk pasientjournal".into(),
    ));
    let mut krav = 0usize;
    for page in 0..pages {
        let topic = rng.pick(TOPICS);
        out.push(Element::Heading(
            2,
            format!("{}.{} {topic}", page / 10 + 1, page % 10 + 1),
        ));
        out.push(Element::Heading(3, "Bakgrunn".into()));
        let bg: Vec<&str> = (0..4).map(|_| rng.pick(BACKGROUND)).collect();
        out.push(Element::Para(bg.join(" ")));
        out.push(Element::Heading(3, "Krav".into()));
        out.push(Element::Para(format!(
            "Kravene under gjelder {} og skal besvares punkt for punkt.",
            topic.to_lowercase()
        )));
        let mut rows = Vec::new();
        for _ in 0..9 {
            krav += 1;
            let modal = rng.pick(MODALS);
            let text = format!(
                "{} {} {} {}.",
                rng.pick(SUBJECTS),
                modal,
                rng.pick(ACTIONS),
                rng.pick(QUALIFIERS)
            );
            rows.push([format!("K-{krav:05}"), text, type_cell(modal).into()]);
        }
        out.push(Element::Table(rows));
        out.push(Element::Para(format!(
            "Løsningen skal dekke følgende tjenester: {}",
            rng.pick(QUALIFIERS)
        )));
        out.push(Element::List(
            (0..5).map(|_| rng.pick(LIST_ITEMS).to_string()).collect(),
        ));
        let n = 2 + rng.below(3);
        out.push(Element::Para(
            (0..n)
                .map(|_| sentence(&mut rng))
                .collect::<Vec<_>>()
                .join(" "),
        ));
    }
    out
}

pub(crate) fn markdown(elements: &[Element]) -> String {
    let mut s = String::new();
    for e in elements {
        match e {
            Element::Heading(level, text) => {
                s.push_str(&"#".repeat(*level as usize));
                s.push(' ');
                s.push_str(text);
                s.push_str("\n\n");
            }
            Element::Para(text) => {
                s.push_str(text);
                s.push_str("\n\n");
            }
            Element::List(items) => {
                for i in items {
                    s.push_str("- ");
                    s.push_str(i);
                    s.push('\n');
                }
                s.push('\n');
            }
            Element::Table(rows) => {
                s.push_str("| Krav-ID | Kravtekst | Type |\n|---|---|---|\n");
                for [id, text, ty] in rows {
                    s.push_str(&format!("| {id} | {text} | {ty} |\n"));
                }
                s.push('\n');
            }
        }
    }
    s
}

fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn para(style: Option<&str>, text: &str) -> String {
    let ppr = style
        .map(|s| format!(r#"<w:pPr><w:pStyle w:val="{s}"/></w:pPr>"#))
        .unwrap_or_default();
    format!(
        r#"<w:p>{ppr}<w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
        esc(text)
    )
}

fn cell(text: &str, width: u32) -> String {
    format!(
        r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{}</w:tc>"#,
        para(None, text)
    )
}

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// `word/document.xml` for the elements, with the markup a word processor writes
/// (style references, cell widths, `xml:space`) so the XML/text ratio is realistic.
pub(crate) fn document_xml(elements: &[Element]) -> String {
    let mut body = String::new();
    for e in elements {
        match e {
            Element::Heading(level, text) => {
                body.push_str(&para(Some(&format!("Heading{level}")), text))
            }
            Element::Para(text) => body.push_str(&para(None, text)),
            Element::List(items) => {
                for i in items {
                    body.push_str(&para(Some("ListBullet"), &format!("– {i}")));
                }
            }
            Element::Table(rows) => {
                body.push_str(r#"<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="1500"/><w:gridCol w:w="6500"/><w:gridCol w:w="1000"/></w:tblGrid>"#);
                body.push_str("<w:tr>");
                for (h, w) in [("Krav-ID", 1500), ("Kravtekst", 6500), ("Type", 1000)] {
                    body.push_str(&cell(h, w));
                }
                body.push_str("</w:tr>");
                for [id, text, ty] in rows {
                    body.push_str("<w:tr>");
                    body.push_str(&cell(id, 1500));
                    body.push_str(&cell(text, 6500));
                    body.push_str(&cell(ty, 1000));
                    body.push_str("</w:tr>");
                }
                body.push_str("</w:tbl>");
            }
        }
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    )
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

pub(crate) fn zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut w = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in parts {
            w.start_file(*name, options).expect("zip entry");
            w.write_all(bytes).expect("zip write");
        }
        w.finish().expect("zip finish");
    }
    out.into_inner()
}

pub(crate) fn docx(elements: &[Element]) -> Vec<u8> {
    let xml = document_xml(elements);
    zip(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", ROOT_RELS.as_bytes()),
        ("word/document.xml", xml.as_bytes()),
    ])
}

/// Compound prefixes that make a term a different but plausible Norwegian word.
const PREFIXES: &[&str] = &[
    "helse", "pasient", "kommune", "fag", "drift", "journal", "tjeneste", "bruker", "nasjonal",
];

/// A rule-set source `times` the size of `text`: the rules list repeated with ids
/// suffixed and (in odd copies) the flow-list terms given a compound prefix, so the
/// automaton grows the way a bigger catalogue would rather than deduplicating.
pub(crate) fn multiply_ruleset(text: &str, times: usize) -> String {
    if times <= 1 {
        return text.to_string();
    }
    let lines: Vec<&str> = text.lines().collect();
    let Some(start) = lines.iter().position(|l| *l == "rules:") else {
        return text.to_string();
    };
    let end = lines[start + 1..]
        .iter()
        .position(|l| !l.is_empty() && !l.starts_with(' ') && !l.starts_with('#'))
        .map(|i| start + 1 + i)
        .unwrap_or(lines.len());
    let rules = &lines[start + 1..end];
    let id_re = regex::Regex::new(r"^(  - id: )(\S+)$").expect("regex");
    let list_re = regex::Regex::new(r"((?:any|all|not|detect): \[)([^\[\]{}]*)\]").expect("regex");
    let mut out: Vec<String> = lines[..=start].iter().map(|l| l.to_string()).collect();
    for copy in 0..times {
        for line in rules {
            if copy == 0 {
                out.push(line.to_string());
                continue;
            }
            let mut l = id_re
                .replace(line, |c: &regex::Captures| {
                    format!("{}{}-X{copy}", &c[1], &c[2])
                })
                .into_owned();
            if copy % 2 == 1 {
                let prefix = PREFIXES[copy / 2 % PREFIXES.len()];
                l = list_re
                    .replace_all(&l, |c: &regex::Captures| {
                        let items: Vec<String> = c[2]
                            .split(',')
                            .map(|t| t.trim())
                            .filter(|t| !t.is_empty())
                            .map(|t| {
                                let bare = t.trim_matches('"');
                                if bare.starts_with('*') {
                                    format!("\"{bare}\"")
                                } else {
                                    format!("{prefix}{bare}")
                                }
                            })
                            .collect();
                        format!("{}{}]", &c[1], items.join(", "))
                    })
                    .into_owned();
            }
            out.push(l);
        }
    }
    out.extend(lines[end..].iter().map(|l| l.to_string()));
    let mut s = out.join("\n");
    s.push('\n');
    s
}
