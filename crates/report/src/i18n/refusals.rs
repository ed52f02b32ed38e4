//! The word table's words for what `tenderlint serve` refuses (issue 25): each
//! refusal is data in the server (`serve::refusal`), worded here in the language of
//! the page that sent the request. `{name}` marks what the refusal fills in.

use super::Entry;

pub(super) const REFUSALS: &[Entry] = &[
    (
        "refusal-no-route",
        "Denne siden eller API-ruten finnes ikke",
        "Denne sida eller API-ruta finst ikkje",
        "no such page or API route",
    ),
    (
        "refusal-wrong-method",
        "Denne ruten tar ikke imot den metoden",
        "Denne ruta tek ikkje imot den metoden",
        "this route does not take that method",
    ),
    (
        "refusal-unknown-language",
        "Ukjent språk «{value}» (bruk nb, nn eller en)",
        "Ukjend språk «{value}» (bruk nb, nn eller en)",
        "unknown language `{value}` (use nb, nn or en)",
    ),
    (
        "refusal-stopping",
        "tenderlint avslutter; prøv igjen om litt",
        "tenderlint avsluttar; prøv igjen om litt",
        "the server is stopping",
    ),
    (
        "refusal-busy",
        "tenderlint er opptatt med andre filer; prøv igjen om litt",
        "tenderlint er oppteken med andre filer; prøv igjen om litt",
        "the server is busy with other uploads; try again in a moment",
    ),
    (
        "refusal-too-large",
        "Filene er til sammen større enn de {mib} MiB denne tenderlint tar imot (tenderlint serve --max-upload)",
        "Filene er til saman større enn dei {mib} MiB denne tenderlint tek imot (tenderlint serve --max-upload)",
        "the upload is larger than the {mib} MiB this server accepts (tenderlint serve --max-upload)",
    ),
    (
        "refusal-too-slow",
        "Filene kom ikke fram innen {seconds} s (tenderlint serve --read-timeout)",
        "Filene kom ikkje fram innan {seconds} s (tenderlint serve --read-timeout)",
        "the upload did not arrive within {seconds} s (tenderlint serve --read-timeout)",
    ),
    (
        "refusal-unreadable-upload",
        "Kunne ikke lese filene som ble sendt",
        "Kunne ikkje lese filene som vart sende",
        "cannot read the upload",
    ),
    (
        "refusal-not-multipart",
        "Forespørselen er ikke et skjema med filer (send multipart/form-data med én `files`-del per fil)",
        "Førespurnaden er ikkje eit skjema med filer (send multipart/form-data med éin `files`-del per fil)",
        "not a form with files (send multipart/form-data with one `files` part per file)",
    ),
    (
        "refusal-bad-query",
        "Adressens parametre kan ikke leses",
        "Parametrane i adressa kan ikkje lesast",
        "the query string cannot be read",
    ),
    (
        "refusal-unknown-field",
        "Ukjent skjemafelt «{field}» (bruk files, services, lang, ruleset; tender for /api/compare)",
        "Ukjend skjemafelt «{field}» (bruk files, services, lang, ruleset; tender for /api/compare)",
        "unknown form field `{field}` (use files, services, lang, ruleset; tender for /api/compare)",
    ),
    (
        "refusal-no-files",
        "Ingen filer: send konkurransegrunnlagets Word- eller Markdown-filer som `files`-deler",
        "Ingen filer: send Word- eller Markdown-filene til konkurransegrunnlaget som `files`-delar",
        "no files: send the tender's Word or Markdown files as `files` parts",
    ),
    (
        "refusal-unknown-rule-set",
        "Ukjent regelsett «{reference}»: oppgi ett denne tenderlint har, som ID eller ID@VERSJON (se GET /api/rules)",
        "Ukjend regelsett «{reference}»: oppgje eitt denne tenderlint har, som ID eller ID@VERSJON (sjå GET /api/rules)",
        "unknown rule set `{reference}`: name one this server offers, as ID or ID@VERSION (see GET /api/rules)",
    ),
    (
        "refusal-unknown-service",
        "Ukjent tjeneste «{service}» (regelsettene kjenner: {known})",
        "Ukjend teneste «{service}» (regelsetta kjenner: {known})",
        "unknown service `{service}` (the rule sets know: {known})",
    ),
    (
        "refusal-unknown-format",
        "Ukjent rapportformat «{name}» (bruk docx, html, sarif, markdown eller json)",
        "Ukjend rapportformat «{name}» (bruk docx, html, sarif, markdown eller json)",
        "unknown report format `{name}` (use docx, html, sarif, markdown or json)",
    ),
    (
        "refusal-check-failed",
        "Sjekken stoppet uventet",
        "Sjekken stoppa uventa",
        "the check failed unexpectedly",
    ),
    (
        "refusal-took-too-long",
        "Sjekken tok mer enn {seconds} s og ble stoppet; prøv med færre eller mindre filer",
        "Sjekken tok meir enn {seconds} s og vart stoppa; prøv med færre eller mindre filer",
        "the check took longer than {seconds} s and was stopped; try fewer or smaller files",
    ),
    (
        "refusal-render-failed",
        "Rapporten kunne ikke lages",
        "Rapporten kunne ikkje lagast",
        "the report could not be rendered",
    ),
    (
        "refusal-nothing-reviewed",
        "Ingen av filene kunne få kommentarer",
        "Ingen av filene kunne få kommentarar",
        "no file could be reviewed",
    ),
    (
        "refusal-review-failed",
        "Dokumentene med kommentarer kunne ikke lages",
        "Dokumenta med kommentarar kunne ikkje lagast",
        "the review failed unexpectedly",
    ),
    (
        "refusal-compare-fields",
        "En sammenligning tar bare `tender`, `files` og `lang`: hvert konkurransegrunnlag sjekkes med regelsettene til denne tenderlint og finner sine egne tjenester",
        "Ei samanlikning tek berre `tender`, `files` og `lang`: kvart konkurransegrunnlag blir sjekka med regelsetta til denne tenderlint og finn sine eigne tenester",
        "a comparison takes `tender`, `files` and `lang`: each tender is checked with the server's rule sets and finds its own services",
    ),
    (
        "refusal-compare-unnamed",
        "Gi hvert konkurransegrunnlag et navn i et `tender`-felt før filene (`files`)",
        "Gje kvart konkurransegrunnlag eit namn i eit `tender`-felt før filene (`files`)",
        "name each tender in a `tender` field before its `files`",
    ),
    (
        "refusal-compare-too-many",
        "{count} konkurransegrunnlag: en sammenligning tar høyst {max}",
        "{count} konkurransegrunnlag: ei samanlikning tek høgst {max}",
        "{count} tenders: a comparison takes at most {max}",
    ),
    (
        "refusal-compare-empty",
        "Hvert konkurransegrunnlag trenger et navn og minst én fil",
        "Kvart konkurransegrunnlag treng eit namn og minst éi fil",
        "each tender needs a name and at least one file",
    ),
    (
        "refusal-compare-unknown-format",
        "Ukjent format for sammenligningen «{name}» (bruk json, xlsx, html eller markdown)",
        "Ukjend format for samanlikninga «{name}» (bruk json, xlsx, html eller markdown)",
        "unknown comparison format `{name}` (use json, xlsx, html or markdown)",
    ),
    (
        "refusal-compare-render-failed",
        "Sammenligningen kunne ikke lages",
        "Samanlikninga kunne ikkje lagast",
        "the comparison could not be rendered",
    ),
    (
        "refusal-tender-unreadable",
        "Ingen av filene i konkurransegrunnlaget «{tender}» kunne leses",
        "Ingen av filene i konkurransegrunnlaget «{tender}» kunne lesast",
        "none of the files of the tender `{tender}` could be read",
    ),
    (
        "refusal-foreign-host",
        "Denne tenderlint svarer bare på forespørsler sendt til adressen den lytter på (tenderlint serve --allowed-host legger til et navn)",
        "Denne tenderlint svarar berre på førespurnader sende til adressa han lyttar på (tenderlint serve --allowed-host legg til eit namn)",
        "this server answers only requests addressed to it by the address it listens on (tenderlint serve --allowed-host adds a name)",
    ),
    (
        "refusal-cross-site",
        "Denne tenderlint svarer bare sin egen side, ikke forespørsler fra et annet nettsted",
        "Denne tenderlint svarar berre si eiga side, ikkje førespurnader frå ein annan nettstad",
        "this server answers only its own page, not requests from another site",
    ),
];
