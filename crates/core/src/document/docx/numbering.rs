//! `word/numbering.xml`: list definitions and the counters that turn a paragraph's
//! `numId`/`ilvl` into the label Word shows (`1.`, `3.2`, `a)`, `•`).

use super::super::ReadError;
use super::xml::{Ev, Ns, Xml, attr, local_name};
use quick_xml::events::BytesStart;
use std::collections::{BTreeMap, HashMap, HashSet};

const LEVELS: usize = 9;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Format {
    Decimal,
    DecimalZero,
    LowerLetter,
    UpperLetter,
    LowerRoman,
    UpperRoman,
    Bullet,
    None,
}

impl Format {
    fn from_val(val: &str) -> Format {
        match val {
            "decimalZero" => Format::DecimalZero,
            "lowerLetter" => Format::LowerLetter,
            "upperLetter" => Format::UpperLetter,
            "lowerRoman" => Format::LowerRoman,
            "upperRoman" => Format::UpperRoman,
            "bullet" => Format::Bullet,
            "none" => Format::None,
            // ordinal, cardinalText, decimalEnclosedCircle …: the number is what matters.
            _ => Format::Decimal,
        }
    }
}

#[derive(Debug, Clone)]
pub(super) struct Level {
    pub start: u32,
    pub format: Format,
    pub text: Option<String>,
    pub p_style: Option<String>,
    /// «Legal» numbering shows every level's number in decimal.
    pub legal: bool,
    /// `w:lvlRestart`: the level restarts only after a use of this (1-based) level
    /// or one above it; 0 never. `None`: after any level above it.
    pub restart: Option<u32>,
}

impl Default for Level {
    fn default() -> Level {
        Level {
            start: 1,
            format: Format::Decimal,
            text: None,
            p_style: None,
            legal: false,
            restart: None,
        }
    }
}

#[derive(Debug, Default, Clone)]
struct Abstract {
    levels: [Option<Level>; LEVELS],
    /// `w:numStyleLink`: the definition lives in the abstract whose `styleLink` matches.
    num_style_link: Option<String>,
    style_link: Option<String>,
}

#[derive(Debug, Default, Clone)]
struct Num {
    abstract_id: u32,
    start_overrides: [Option<u32>; LEVELS],
    level_overrides: [Option<Level>; LEVELS],
}

/// A rendered list label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Label {
    pub text: String,
    pub bullet: bool,
}

/// What `numbering.xml` has open while it is read: the definition or instance,
/// the level and the level override.
#[derive(Default)]
struct Reading {
    numbering: Numbering,
    abs: Option<(u32, Abstract)>,
    num: Option<(u32, Num)>,
    level: Option<(usize, Level)>,
    override_level: Option<usize>,
}

impl Reading {
    /// An element ends: a level, definition or instance read whole is kept.
    fn end(&mut self, open: Option<Open>) {
        match open {
            Some(Open::Lvl) => {
                if let Some((i, l)) = self.level.take() {
                    if let Some((_, a)) = self.abs.as_mut() {
                        a.levels[i] = Some(l);
                    } else if let Some((_, n)) = self.num.as_mut() {
                        n.level_overrides[i] = Some(l);
                    }
                }
            }
            Some(Open::LvlOverride) => self.override_level = None,
            Some(Open::AbstractNum) => {
                if let Some((id, a)) = self.abs.take() {
                    self.numbering.abstracts.entry(id).or_insert(a);
                }
            }
            Some(Open::Num) => {
                if let Some((id, n)) = self.num.take() {
                    self.numbering.nums.entry(id).or_insert(n);
                }
            }
            _ => {}
        }
    }

    /// A WordprocessingML element starts (or is empty): what it says is noted.
    fn element(&mut self, name: &str, e: &BytesStart) {
        let number = |key: &str| attr(e, key).and_then(|v| v.trim().parse::<u32>().ok());
        match name {
            "abstractNum" => {
                self.abs = number("abstractNumId").map(|id| (id, Abstract::default()));
            }
            "num" => {
                self.num = number("numId").map(|id| (id, Num::default()));
            }
            "abstractNumId" => {
                if let (Some((_, n)), Some(v)) = (self.num.as_mut(), number("val")) {
                    n.abstract_id = v;
                }
            }
            "lvlOverride" => {
                self.override_level = number("ilvl").map(|l| l as usize).filter(|l| *l < LEVELS);
            }
            "startOverride" => {
                if let (Some((_, n)), Some(i), Some(v)) =
                    (self.num.as_mut(), self.override_level, number("val"))
                {
                    n.start_overrides[i] = Some(v);
                }
            }
            "lvl" => {
                let i = number("ilvl")
                    .map(|l| l as usize)
                    .or(self.override_level)
                    .filter(|l| *l < LEVELS);
                self.level = i.map(|i| (i, Level::default()));
            }
            "numStyleLink" => {
                if let Some((_, a)) = self.abs.as_mut() {
                    a.num_style_link = attr(e, "val");
                }
            }
            "styleLink" => {
                if let Some((_, a)) = self.abs.as_mut() {
                    a.style_link = attr(e, "val");
                }
            }
            _ => {
                if let Some((_, l)) = self.level.as_mut() {
                    match name {
                        "start" => l.start = number("val").unwrap_or(1),
                        "numFmt" => {
                            l.format = Format::from_val(&attr(e, "val").unwrap_or_default())
                        }
                        "lvlText" => l.text = attr(e, "val"),
                        "pStyle" => l.p_style = attr(e, "val"),
                        "isLgl" => l.legal = super::xml::on_off(e),
                        "lvlRestart" => l.restart = number("val"),
                        _ => {}
                    }
                }
            }
        }
    }
}

/// An element open while `numbering.xml` is read, as far as its end matters.
#[derive(Debug, Clone, Copy)]
enum Open {
    Lvl,
    LvlOverride,
    AbstractNum,
    Num,
    Other,
}

#[derive(Debug, Default)]
pub(super) struct Numbering {
    /// Ordered by id, so that a `numStyleLink` two definitions claim resolves the
    /// same way on every run (to the lowest id).
    abstracts: BTreeMap<u32, Abstract>,
    nums: HashMap<u32, Num>,
    /// Counters are shared by every `w:num` of one abstract definition, as in Word;
    /// a `startOverride` restarts them when its `w:num` is first used.
    counters: HashMap<u32, [Option<u32>; LEVELS]>,
    used: HashSet<u32>,
}

impl Numbering {
    pub(super) fn parse(text: &str, part: &str, max_depth: usize) -> Result<Numbering, ReadError> {
        let mut xml = Xml::new(text, part, max_depth);
        let mut reading = Reading::default();
        // The elements open inside the numbering root, as far as their ends matter.
        let mut stack: Vec<Open> = Vec::new();
        loop {
            let (ns, e, empty) = match xml.next()? {
                Ev::Start(ns, e, _) => (ns, e, false),
                Ev::Empty(ns, e, _) => (ns, e, true),
                Ev::End => {
                    reading.end(stack.pop());
                    continue;
                }
                Ev::Text(_) => continue,
                Ev::Eof => break,
            };
            let name = local_name(&e);
            if ns != Ns::W || name.ends_with("Change") || name == "pPr" || name == "rPr" {
                if !empty {
                    xml.skip()?;
                }
                continue;
            }
            reading.element(name, &e);
            if !empty {
                stack.push(match name {
                    "lvl" => Open::Lvl,
                    "lvlOverride" => Open::LvlOverride,
                    "abstractNum" => Open::AbstractNum,
                    "num" => Open::Num,
                    _ => Open::Other,
                });
            }
        }
        Ok(reading.numbering)
    }

    /// The level of a numbering instance: its override, else its abstract
    /// definition's, following `numStyleLink` once.
    fn level<'n>(&'n self, num: &'n Num, ilvl: usize) -> Option<&'n Level> {
        level_of(num, definition(&self.abstracts, num), ilvl)
    }

    /// The level whose `w:pStyle` names this paragraph style (numbering via a style
    /// that does not say its level).
    pub(super) fn level_for_style(&self, num_id: u32, style: &str) -> Option<u8> {
        let num = self.nums.get(&num_id)?;
        (0..LEVELS)
            .find(|&i| {
                self.level(num, i)
                    .is_some_and(|l| l.p_style.as_deref() == Some(style))
            })
            .map(|i| i as u8)
    }

    /// Advances the counters for a paragraph at `ilvl` of list `num_id` and renders
    /// its label. `None` when the list does not exist or shows nothing.
    pub(super) fn next_label(&mut self, num_id: u32, ilvl: u8) -> Option<Label> {
        let ilvl = usize::from(ilvl).min(LEVELS - 1);
        // Borrowed field by field: the definitions are read while the counters change.
        let num = self.nums.get(&num_id)?;
        let definition = definition(&self.abstracts, num);
        let levels: [Option<&Level>; LEVELS] =
            std::array::from_fn(|i| level_of(num, definition, i));
        let this = levels[ilvl]?;
        let counters = self
            .counters
            .entry(num.abstract_id)
            .or_insert([None; LEVELS]);
        if self.used.insert(num_id) {
            for (i, o) in num.start_overrides.iter().enumerate() {
                if o.is_some() {
                    counters[i] = None;
                }
            }
        }
        let start_of = |i: usize| {
            num.start_overrides[i]
                .or_else(|| levels[i].map(|l| l.start))
                .unwrap_or(1)
        };
        counters[ilvl] = Some(match counters[ilvl] {
            Some(n) => n.saturating_add(1),
            None => start_of(ilvl),
        });
        for (deeper, c) in counters.iter_mut().enumerate().skip(ilvl + 1) {
            let restarts = match levels[deeper].and_then(|l| l.restart) {
                Some(0) => false,
                // A restart level at or below the level itself is ignored, as in Word.
                Some(level) if (level as usize) <= deeper => ilvl < level as usize,
                _ => true,
            };
            if restarts {
                *c = None;
            }
        }
        if this.format == Format::Bullet {
            return Some(Label {
                text: bullet_text(this.text.as_deref()),
                bullet: true,
            });
        }
        let default_pattern;
        let pattern = match &this.text {
            Some(t) => t.as_str(),
            None => {
                default_pattern = format!("%{}.", ilvl + 1);
                default_pattern.as_str()
            }
        };
        let counters = *counters;
        let mut out = String::new();
        let mut chars = pattern.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%'
                && let Some(d) = chars
                    .peek()
                    .and_then(|d| d.to_digit(10))
                    .filter(|d| (1..=9).contains(d))
            {
                chars.next();
                let i = d as usize - 1;
                let value = counters[i].unwrap_or_else(|| start_of(i));
                let format = match levels[i] {
                    Some(_) if this.legal => Format::Decimal,
                    Some(l) => l.format,
                    None => Format::Decimal,
                };
                out.push_str(&format_number(value, format));
            } else {
                out.push(c);
            }
        }
        let text = out.trim().to_string();
        (!text.is_empty()).then_some(Label {
            text,
            bullet: false,
        })
    }
}

/// The abstract definition a numbering instance uses, following `numStyleLink` once.
fn definition<'n>(abstracts: &'n BTreeMap<u32, Abstract>, num: &Num) -> Option<&'n Abstract> {
    let abs = abstracts.get(&num.abstract_id)?;
    if let Some(link) = &abs.num_style_link
        && let Some(target) = abstracts
            .values()
            .find(|a| a.style_link.as_ref() == Some(link))
    {
        return Some(target);
    }
    Some(abs)
}

fn level_of<'n>(num: &'n Num, definition: Option<&'n Abstract>, ilvl: usize) -> Option<&'n Level> {
    num.level_overrides[ilvl]
        .as_ref()
        .or_else(|| definition.and_then(|a| a.levels[ilvl].as_ref()))
}

/// Symbol-font bullets are private-use code points; show them as the bullet they draw.
fn bullet_text(text: Option<&str>) -> String {
    match text.map(str::trim) {
        Some(t)
            if !t.is_empty()
                && !t
                    .chars()
                    .any(|c| ('\u{E000}'..='\u{F8FF}').contains(&c) || c.is_control()) =>
        {
            t.to_string()
        }
        _ => "•".to_string(),
    }
}

pub(super) fn format_number(n: u32, format: Format) -> String {
    match format {
        Format::Decimal => n.to_string(),
        Format::DecimalZero => format!("{n:02}"),
        Format::LowerLetter => letters(n),
        Format::UpperLetter => letters(n).to_uppercase(),
        Format::LowerRoman => roman(n).to_lowercase(),
        Format::UpperRoman => roman(n),
        Format::Bullet | Format::None => String::new(),
    }
}

/// Word's letter numbering repeats the letter after z: y, z, aa, bb …
fn letters(n: u32) -> String {
    if n == 0 {
        return "0".to_string();
    }
    let letter = char::from(b'a' + ((n - 1) % 26) as u8);
    let count = ((n - 1) / 26 + 1).min(64) as usize;
    std::iter::repeat_n(letter, count).collect()
}

fn roman(n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = n;
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn numbering(body: &str) -> Numbering {
        let text = format!("<w:numbering {W}>{body}</w:numbering>");
        Numbering::parse(&text, "word/numbering.xml", 256).unwrap()
    }

    fn lvl(i: u8, start: u32, fmt: &str, text: &str) -> String {
        format!(
            r#"<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/><w:pPr><w:ind w:left="720"/></w:pPr></w:lvl>"#
        )
    }

    fn labels(n: &mut Numbering, items: &[(u32, u8)]) -> Vec<String> {
        items
            .iter()
            .map(|&(id, l)| n.next_label(id, l).map(|l| l.text).unwrap_or_default())
            .collect()
    }

    #[test]
    fn number_formats_render_like_word() {
        assert_eq!(format_number(3, Format::Decimal), "3");
        assert_eq!(format_number(3, Format::DecimalZero), "03");
        assert_eq!(format_number(1, Format::LowerLetter), "a");
        assert_eq!(format_number(27, Format::LowerLetter), "aa");
        assert_eq!(format_number(28, Format::UpperLetter), "BB");
        assert_eq!(format_number(4, Format::LowerRoman), "iv");
        assert_eq!(format_number(1994, Format::UpperRoman), "MCMXCIV");
    }

    #[test]
    fn multilevel_labels_count_per_level_and_reset_deeper_levels() {
        let mut n = numbering(&format!(
            r#"<w:abstractNum w:abstractNumId="0">{}{}{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
            lvl(0, 1, "decimal", "%1."),
            lvl(1, 1, "decimal", "%1.%2"),
            lvl(2, 1, "lowerLetter", "%3)")
        ));
        assert_eq!(
            labels(
                &mut n,
                &[
                    (1, 0),
                    (1, 1),
                    (1, 1),
                    (1, 2),
                    (1, 2),
                    (1, 0),
                    (1, 1),
                    (1, 2)
                ]
            ),
            ["1.", "1.1", "1.2", "a)", "b)", "2.", "2.1", "a)"]
        );
    }

    #[test]
    fn lvl_restart_keeps_a_level_counting_across_the_levels_it_names() {
        let restart = |i: u8, text: &str, after: u32| {
            lvl(i, 1, "decimal", text).replace(
                "<w:pPr>",
                &format!(r#"<w:lvlRestart w:val="{after}"/><w:pPr>"#),
            )
        };
        // Level 2 restarts only after level 1 (ilvl 0), not after ilvl 1; level 1
        // never restarts.
        let mut n = numbering(&format!(
            r#"<w:abstractNum w:abstractNumId="0">{}{}{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
            lvl(0, 1, "decimal", "%1."),
            restart(1, "%1.%2", 0),
            restart(2, "(%3)", 1)
        ));
        assert_eq!(
            labels(
                &mut n,
                &[
                    (1, 0),
                    (1, 1),
                    (1, 2),
                    (1, 1),
                    (1, 2),
                    (1, 0),
                    (1, 1),
                    (1, 2)
                ]
            ),
            ["1.", "1.1", "(1)", "1.2", "(2)", "2.", "2.3", "(1)"]
        );
    }

    #[test]
    fn start_value_and_start_override_are_honoured() {
        let mut n = numbering(&format!(
            r#"<w:abstractNum w:abstractNumId="3">{}</w:abstractNum>
               <w:num w:numId="1"><w:abstractNumId w:val="3"/></w:num>
               <w:num w:numId="2"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"#,
            lvl(0, 4, "upperRoman", "%1.")
        ));
        assert_eq!(
            labels(&mut n, &[(1, 0), (1, 0), (2, 0), (2, 0), (1, 0)]),
            ["IV.", "V.", "I.", "II.", "III."]
        );
    }

    #[test]
    fn bullets_render_as_a_bullet_even_from_symbol_fonts() {
        let mut n = numbering(&format!(
            r#"<w:abstractNum w:abstractNumId="0">{}{}</w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="0"/></w:num>"#,
            lvl(0, 1, "bullet", "\u{F0B7}"),
            lvl(1, 1, "bullet", "o")
        ));
        assert_eq!(
            n.next_label(7, 0),
            Some(Label {
                text: "•".into(),
                bullet: true
            })
        );
        assert_eq!(
            n.next_label(7, 1),
            Some(Label {
                text: "o".into(),
                bullet: true
            })
        );
    }

    #[test]
    fn legal_numbering_shows_decimal_for_every_level() {
        let mut n = numbering(
            r#"<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:isLgl/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
        );
        assert_eq!(
            labels(&mut n, &[(1, 0), (1, 0), (1, 1)]),
            ["I", "II", "2.1"]
        );
    }

    #[test]
    fn unknown_list_and_missing_level_give_no_label() {
        let mut n = numbering(&format!(
            r#"<w:abstractNum w:abstractNumId="0">{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
            lvl(0, 1, "decimal", "%1.")
        ));
        assert_eq!(n.next_label(9, 0), None);
        assert_eq!(n.next_label(1, 4), None);
    }

    #[test]
    fn num_style_link_finds_the_linked_definition() {
        let mut n = numbering(&format!(
            r#"<w:abstractNum w:abstractNumId="0"><w:styleLink w:val="KravListe"/>{}</w:abstractNum>
               <w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="KravListe"/></w:abstractNum>
               <w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>"#,
            lvl(0, 1, "decimal", "K-%1")
        ));
        assert_eq!(labels(&mut n, &[(4, 0), (4, 0)]), ["K-1", "K-2"]);
    }

    #[test]
    fn a_style_link_two_definitions_claim_resolves_to_the_lowest_id() {
        for _ in 0..20 {
            let mut n = numbering(&format!(
                r#"<w:abstractNum w:abstractNumId="7"><w:styleLink w:val="KravListe"/>{}</w:abstractNum>
                   <w:abstractNum w:abstractNumId="2"><w:styleLink w:val="KravListe"/>{}</w:abstractNum>
                   <w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="KravListe"/></w:abstractNum>
                   <w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>"#,
                lvl(0, 1, "decimal", "Sju-%1"),
                lvl(0, 1, "decimal", "To-%1")
            ));
            assert_eq!(labels(&mut n, &[(4, 0)]), ["To-1"]);
        }
    }

    #[test]
    fn level_for_style_finds_pstyle_levels() {
        let n = numbering(
            r#"<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:pStyle w:val="Heading1"/></w:lvl><w:lvl w:ilvl="1"><w:pStyle w:val="Heading2"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
        );
        assert_eq!(n.level_for_style(1, "Heading2"), Some(1));
        assert_eq!(n.level_for_style(1, "Normal"), None);
    }
}
