//! `word/styles.xml`: which paragraph styles are headings (outline level through
//! the `basedOn` chain, or a built-in heading name) and which carry numbering; and
//! which paragraph and character styles (and the document defaults) make text
//! hidden or bold.

use super::super::ReadError;
use super::xml::{Ev, Ns, Xml, attr, local_name};
use std::collections::HashMap;

/// What a paragraph style contributes once its `basedOn` chain is followed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct StyleInfo {
    /// Heading level 1–9.
    pub heading: Option<u8>,
    /// Numbering instance and level (`None` level: derive it from the numbering part).
    pub num: Option<(u32, Option<u8>)>,
    /// A quotation style (`Quote`, `Block Text`, `Sitat` …) somewhere in the chain.
    pub quote: bool,
    /// The run formatting the style gives its text.
    pub run: RunFormat,
}

/// Run formatting that matters to the reader; `None` where nothing says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct RunFormat {
    /// `w:vanish` or `w:specVanish`: the vendor never sees the text.
    pub hidden: Option<bool>,
    /// `w:b`: evidence that a table row is a header.
    pub bold: Option<bool>,
}

impl RunFormat {
    /// This format where it says something, else `fallback`'s.
    pub(super) fn or(self, fallback: RunFormat) -> RunFormat {
        RunFormat {
            hidden: self.hidden.or(fallback.hidden),
            bold: self.bold.or(fallback.bold),
        }
    }

    /// Reads one run property element into the format.
    pub(super) fn set(&mut self, name: &str, e: &quick_xml::events::BytesStart<'_>) {
        match name {
            "vanish" | "specVanish" => {
                self.hidden = Some(self.hidden == Some(true) || super::xml::on_off(e))
            }
            "b" => self.bold = Some(super::xml::on_off(e)),
            _ => {}
        }
    }
}

#[derive(Debug, Default)]
struct RawStyle {
    name: String,
    based_on: Option<String>,
    /// Raw `w:outlineLvl` (0–8 heading, 9 body text).
    outline: Option<u8>,
    num_id: Option<u32>,
    ilvl: Option<u8>,
    run: RunFormat,
}

#[derive(Debug, Default)]
pub(super) struct Styles {
    resolved: HashMap<String, StyleInfo>,
    /// Character styles, their `basedOn` chains followed.
    characters: HashMap<String, RunFormat>,
    default_paragraph: Option<String>,
    /// `w:docDefaults/w:rPrDefault`.
    defaults: RunFormat,
}

/// Longest `basedOn` chain followed; real chains are a handful long, and a cycle
/// must not loop forever.
const MAX_CHAIN: usize = 64;

impl Styles {
    pub(super) fn parse(text: &str, part: &str, max_depth: usize) -> Result<Styles, ReadError> {
        let mut xml = Xml::new(text, part, max_depth);
        let mut raw: HashMap<String, RawStyle> = HashMap::new();
        let mut raw_characters: HashMap<String, RawStyle> = HashMap::new();
        let mut defaults = RunFormat::default();
        let mut default_paragraph = None;
        // The style being read and the depth of its element; `pPr` depth likewise,
        // so a `numPr` inside `rPr` or a `*PrChange` never counts.
        let mut current: Option<(String, RawStyle, bool)> = None;
        let mut depth = 0usize;
        let mut in_ppr = false;
        let mut in_rpr = false;
        loop {
            let (ns, e, empty) = match xml.next()? {
                Ev::Start(ns, e, _) => (ns, e, false),
                Ev::Empty(ns, e, _) => (ns, e, true),
                Ev::End => {
                    depth = depth.saturating_sub(1);
                    if depth == 1 {
                        in_ppr = false;
                        in_rpr = false;
                    }
                    if depth == 0
                        && let Some((id, style, character)) = current.take()
                    {
                        let map = if character {
                            &mut raw_characters
                        } else {
                            &mut raw
                        };
                        map.entry(id).or_insert(style);
                    }
                    continue;
                }
                Ev::Text(_) => continue,
                Ev::Eof => break,
            };
            if ns != Ns::W {
                if !empty {
                    xml.skip()?;
                }
                continue;
            }
            let name = local_name(&e);
            if current.is_none() {
                if name == "style" && !empty {
                    let kind = attr(&e, "type");
                    let is_paragraph = kind.as_deref().is_none_or(|t| t == "paragraph");
                    let is_character = kind.as_deref() == Some("character");
                    match attr(&e, "styleId") {
                        Some(id) if is_paragraph || is_character => {
                            if is_paragraph
                                && attr(&e, "default").is_some_and(|d| d == "1" || d == "true")
                            {
                                default_paragraph.get_or_insert_with(|| id.clone());
                            }
                            current = Some((id, RawStyle::default(), is_character));
                            depth = 1;
                        }
                        _ => xml.skip()?,
                    }
                } else if name == "pPrDefault" && !empty {
                    // Paragraph-mark formatting only.
                    xml.skip()?;
                } else {
                    // Outside any style the only run properties are the defaults.
                    defaults.set(name, &e);
                }
                continue;
            }
            let Some((_, style, _)) = current.as_mut() else {
                continue;
            };
            if name.ends_with("Change") {
                if !empty {
                    xml.skip()?;
                }
                continue;
            }
            match (depth, name) {
                (1, "name") => style.name = attr(&e, "val").unwrap_or_default(),
                (1, "basedOn") => style.based_on = attr(&e, "val"),
                (1, "pPr") if !empty => in_ppr = true,
                (1, "rPr") if !empty => in_rpr = true,
                (2, _) if in_rpr => style.run.set(name, &e),
                _ if in_ppr => match name {
                    "outlineLvl" => style.outline = attr(&e, "val").and_then(|v| v.parse().ok()),
                    "numId" => style.num_id = attr(&e, "val").and_then(|v| v.parse().ok()),
                    "ilvl" => style.ilvl = attr(&e, "val").and_then(|v| v.parse().ok()),
                    _ => {}
                },
                _ => {}
            }
            if !empty {
                depth += 1;
            }
        }
        Ok(Styles::resolved(
            &raw,
            &raw_characters,
            default_paragraph,
            defaults,
        ))
    }

    /// The styles as read, each with its `basedOn` chain followed.
    fn resolved(
        raw: &HashMap<String, RawStyle>,
        raw_characters: &HashMap<String, RawStyle>,
        default_paragraph: Option<String>,
        defaults: RunFormat,
    ) -> Styles {
        let resolved = raw
            .keys()
            .map(|id| (id.clone(), resolve(raw, id)))
            .collect();
        let characters = raw_characters
            .keys()
            .map(|id| (id.clone(), resolve(raw_characters, id).run))
            .collect();
        Styles {
            resolved,
            characters,
            default_paragraph,
            defaults,
        }
    }

    /// The style a paragraph has: its `pStyle`, or the default paragraph style.
    pub(super) fn info(&self, style: Option<&str>) -> Option<&StyleInfo> {
        let id = style.or(self.default_paragraph.as_deref())?;
        self.resolved.get(id)
    }

    /// The formatting a character style gives its runs.
    pub(super) fn character(&self, id: &str) -> RunFormat {
        self.characters.get(id).copied().unwrap_or_default()
    }

    /// The document's default run formatting.
    pub(super) fn defaults(&self) -> RunFormat {
        self.defaults
    }
}

fn resolve(raw: &HashMap<String, RawStyle>, id: &str) -> StyleInfo {
    let mut info = StyleInfo::default();
    let mut heading_decided = false;
    let mut num_decided = false;
    let mut num_id = 0;
    let mut ilvl = None;
    let mut current = Some(id);
    let mut steps = 0;
    while let Some(sid) = current {
        let Some(style) = raw.get(sid) else { break };
        if !heading_decided {
            if let Some(level) = style.outline {
                // Level 9 is «body text»: it overrides a heading parent.
                info.heading = (level < 9).then_some(level + 1);
                heading_decided = true;
            } else if let Some(level) =
                heading_name_level(&style.name).or_else(|| heading_name_level(sid))
            {
                info.heading = Some(level);
                heading_decided = true;
            }
        }
        if !info.quote {
            info.quote = is_quote_name(&style.name) || is_quote_name(sid);
        }
        info.run = info.run.or(style.run);
        if ilvl.is_none() {
            ilvl = style.ilvl;
        }
        if !num_decided && let Some(id) = style.num_id {
            num_id = id;
            num_decided = true;
        }
        steps += 1;
        if steps >= MAX_CHAIN {
            break;
        }
        current = style.based_on.as_deref().filter(|b| *b != sid);
    }
    // numId 0 on a style switches inherited numbering off.
    info.num = (num_id != 0).then_some((num_id, ilvl));
    info
}

fn is_quote_name(name: &str) -> bool {
    let lower = name.trim().to_lowercase().replace(' ', "");
    matches!(
        lower.as_str(),
        "quote" | "intensequote" | "blocktext" | "sitat" | "sterktsitat" | "blokktekst"
    )
}

/// `heading 2`, `Heading2`, `Overskrift 2` (Norwegian Word), `berschrift 2` … → 2.
pub(super) fn heading_name_level(name: &str) -> Option<u8> {
    let lower = name.trim().to_lowercase();
    let rest = ["heading", "overskrift", "überschrift", "titre", "rubrik"]
        .iter()
        .find_map(|p| lower.strip_prefix(p))?;
    let level: u8 = rest.trim().parse().ok()?;
    (1..=9).contains(&level).then_some(level)
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn styles(body: &str) -> Styles {
        let text = format!("<w:styles {W}>{body}</w:styles>");
        Styles::parse(&text, "word/styles.xml", 256).unwrap()
    }

    #[test]
    fn heading_level_comes_from_names_in_english_and_norwegian() {
        assert_eq!(heading_name_level("heading 1"), Some(1));
        assert_eq!(heading_name_level("Heading3"), Some(3));
        assert_eq!(heading_name_level("Overskrift 2"), Some(2));
        assert_eq!(heading_name_level("Heading 10"), None);
        assert_eq!(heading_name_level("Header"), None);
    }

    #[test]
    fn custom_style_inherits_outline_level_through_based_on_chain() {
        let s = styles(
            r#"<w:style w:type="paragraph" w:styleId="Base"><w:name w:val="Base"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
               <w:style w:type="paragraph" w:styleId="Mid"><w:name w:val="Mid"/><w:basedOn w:val="Base"/></w:style>
               <w:style w:type="paragraph" w:styleId="KravOverskrift"><w:name w:val="Krav overskrift"/><w:basedOn w:val="Mid"/></w:style>"#,
        );
        assert_eq!(s.info(Some("KravOverskrift")).unwrap().heading, Some(2));
    }

    #[test]
    fn body_text_outline_level_overrides_a_heading_parent() {
        let s = styles(
            r#"<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
               <w:style w:type="paragraph" w:styleId="NotHeading"><w:basedOn w:val="Heading1"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>"#,
        );
        assert_eq!(s.info(Some("Heading1")).unwrap().heading, Some(1));
        assert_eq!(s.info(Some("NotHeading")).unwrap().heading, None);
    }

    #[test]
    fn numbering_via_style_is_inherited_and_numid_zero_switches_it_off() {
        let s = styles(
            r#"<w:style w:type="paragraph" w:styleId="ListNumber"><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>
               <w:style w:type="paragraph" w:styleId="Krav"><w:basedOn w:val="ListNumber"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
               <w:style w:type="paragraph" w:styleId="Off"><w:basedOn w:val="ListNumber"/><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr></w:style>"#,
        );
        assert_eq!(s.info(Some("ListNumber")).unwrap().num, Some((5, None)));
        assert_eq!(s.info(Some("Krav")).unwrap().num, Some((5, Some(1))));
        assert_eq!(s.info(Some("Off")).unwrap().num, None);
    }

    #[test]
    fn quote_styles_are_recognised_through_the_chain() {
        let s = styles(
            r#"<w:style w:type="paragraph" w:styleId="BlockText"><w:name w:val="Block Text"/></w:style>
               <w:style w:type="paragraph" w:styleId="Sitat2"><w:name w:val="Mitt sitat"/><w:basedOn w:val="BlockText"/></w:style>"#,
        );
        assert!(s.info(Some("Sitat2")).unwrap().quote);
    }

    #[test]
    fn hidden_and_bold_come_from_defaults_character_and_paragraph_styles() {
        let s = styles(
            r#"<w:docDefaults><w:rPrDefault><w:rPr><w:b w:val="0"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr></w:pPrDefault></w:docDefaults>
               <w:style w:type="character" w:styleId="Skjult"><w:rPr><w:vanish/></w:rPr></w:style>
               <w:style w:type="character" w:styleId="SkjultFet"><w:basedOn w:val="Skjult"/><w:rPr><w:b/></w:rPr></w:style>
               <w:style w:type="paragraph" w:styleId="Merknad"><w:pPr><w:rPr><w:b/></w:rPr></w:pPr><w:rPr><w:specVanish/></w:rPr></w:style>
               <w:style w:type="paragraph" w:styleId="Synlig"><w:basedOn w:val="Merknad"/><w:rPr><w:vanish w:val="0"/></w:rPr></w:style>"#,
        );
        // The paragraph mark's properties (pPr/rPr, pPrDefault) are not the text's.
        assert_eq!(
            s.defaults(),
            RunFormat {
                hidden: None,
                bold: Some(false)
            }
        );
        assert_eq!(
            s.character("SkjultFet"),
            RunFormat {
                hidden: Some(true),
                bold: Some(true)
            }
        );
        assert_eq!(s.info(Some("Merknad")).unwrap().run.hidden, Some(true));
        assert_eq!(s.info(Some("Merknad")).unwrap().run.bold, None);
        assert_eq!(s.info(Some("Synlig")).unwrap().run.hidden, Some(false));
        assert_eq!(s.character("Ukjent"), RunFormat::default());
    }

    #[test]
    fn based_on_cycle_terminates() {
        let s = styles(
            r#"<w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="B"/></w:style>
               <w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/></w:style>"#,
        );
        assert_eq!(s.info(Some("A")).unwrap(), &StyleInfo::default());
    }

    #[test]
    fn default_paragraph_style_applies_without_pstyle() {
        let s = styles(
            r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>"#,
        );
        assert!(s.info(None).is_some());
        assert!(s.info(Some("Missing")).is_none());
    }
}
