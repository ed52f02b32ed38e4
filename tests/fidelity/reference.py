#!/usr/bin/env python3
"""An independent reading of DOCX files for the fidelity test (tests/suite/docx_fidelity.rs).

For each file named on the command line, prints one JSON line
{"file": ..., "tokens": {token: count}} or {"file": ..., "error": ...}: the words of
every w:t in the main document, footnotes, endnotes, headers and footers, minus
text the vendor never sees (hidden by w:vanish/w:specVanish directly or through a
character or paragraph style, deleted rows and cells, the fallback copy of
alternate content). Written with lxml and nothing of tenderlint, so the two
readers share no mistakes.
"""
import json
import posixpath
import re
import sys
import unicodedata
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, recover=True)

# Words as a person counts them: letters and digits; case, soft hyphens and
# composed/decomposed letters do not matter.
WORD = re.compile(r"[^\W_]+")


def w(name):
    return "{%s}%s" % (W, name)


def on(element):
    if element is None:
        return False
    val = element.get(w("val"))
    return val is None or val.lower() not in ("0", "false", "off")


def parse(data):
    # Strict OOXML uses another namespace for the same vocabulary.
    data = data.replace(STRICT_W.encode(), W.encode())
    return etree.fromstring(data, PARSER)


def hidden_in(rpr):
    if rpr is None:
        return None
    for name in ("vanish", "specVanish"):
        el = rpr.find(w(name))
        if el is not None:
            return on(el)
    return None


class Styles:
    def __init__(self, root):
        self.styles = {}
        self.default_paragraph = None
        self.default_hidden = False
        if root is None:
            return
        defaults = root.find("%s/%s/%s" % (w("docDefaults"), w("rPrDefault"), w("rPr")))
        self.default_hidden = bool(hidden_in(defaults))
        for style in root.iter(w("style")):
            sid = style.get(w("styleId"))
            if sid is None:
                continue
            based = style.find(w("basedOn"))
            self.styles[sid] = (
                based.get(w("val")) if based is not None else None,
                hidden_in(style.find(w("rPr"))),
            )
            if style.get(w("type")) == "paragraph" and on_attr(style.get(w("default"))):
                self.default_paragraph = self.default_paragraph or sid

    def hidden(self, sid):
        seen = set()
        while sid is not None and sid not in seen and sid in self.styles:
            seen.add(sid)
            based, hidden = self.styles[sid]
            if hidden is not None:
                return hidden
            sid = based
        return None


def on_attr(value):
    return value is not None and value.lower() in ("1", "true", "on")


def run_hidden(run, paragraph_style, styles):
    rpr = run.find(w("rPr"))
    direct = hidden_in(rpr)
    if direct is not None:
        return direct
    if rpr is not None:
        rstyle = rpr.find(w("rStyle"))
        if rstyle is not None:
            by_char = styles.hidden(rstyle.get(w("val")))
            if by_char is not None:
                return by_char
    by_para = styles.hidden(paragraph_style)
    if by_para is not None:
        return by_para
    return styles.default_hidden


def excluded(element):
    """Deleted rows and cells and the fallback of alternate content."""
    for ancestor in element.iterancestors():
        tag = ancestor.tag
        if tag == "{%s}Fallback" % MC:
            return True
        if tag in (w("del"), w("moveFrom")):
            return True
        if tag == w("tr"):
            trpr = ancestor.find(w("trPr"))
            if trpr is not None and trpr.find(w("del")) is not None:
                return True
        if tag == w("tc"):
            tcpr = ancestor.find(w("tcPr"))
            if tcpr is not None and tcpr.find(w("cellDel")) is not None:
                return True
    return False


def paragraph_style(run):
    for ancestor in run.iterancestors(w("p")):
        ppr = ancestor.find(w("pPr"))
        if ppr is not None:
            ps = ppr.find(w("pStyle"))
            if ps is not None:
                return ps.get(w("val"))
        return None
    return None


def part_text(root, styles):
    """The visible text of a story part, paragraph by paragraph."""
    out = []
    for p in root.iter(w("p")):
        pieces = []
        for t in p.iter(w("t"), w("tab"), w("ptab"), w("br"), w("cr"), w("noBreakHyphen")):
            # Only the text of this paragraph, not of a paragraph nested in it
            # (a text box): the nested one is visited on its own.
            owner = next(t.iterancestors(w("p")), None)
            if owner is not p:
                continue
            if excluded(t):
                continue
            run = t.getparent()
            if run is not None and run.tag == w("r"):
                style = paragraph_style(run)
                if style is None:
                    style = styles.default_paragraph
                if run_hidden(run, style, styles):
                    continue
            if t.tag == w("t"):
                pieces.append(t.text or "")
            elif t.tag == w("noBreakHyphen"):
                pieces.append("-")
            else:
                pieces.append(" ")
        out.append("".join(pieces))
    return "\n".join(out)


def tokens(text):
    text = unicodedata.normalize("NFC", text.replace("\u00ad", "")).lower()
    counts = {}
    for word in WORD.findall(text):
        counts[word] = counts.get(word, 0) + 1
    return counts


def resolve(base_dir, target):
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(base_dir, target))


def read(path):
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        main = "word/document.xml"
        if "_rels/.rels" in names:
            for rel in parse(z.read("_rels/.rels")).iter("{%s}Relationship" % R_NS):
                if rel.get("Type", "").endswith("/officeDocument"):
                    main = resolve("", rel.get("Target", ""))
        if main not in names:
            raise ValueError("no main document part")
        base = posixpath.dirname(main)
        rels_name = posixpath.join(base, "_rels", posixpath.basename(main) + ".rels")
        stories = []
        styles_part = None
        if rels_name in names:
            for rel in parse(z.read(rels_name)).iter("{%s}Relationship" % R_NS):
                if rel.get("TargetMode") == "External":
                    continue
                kind = rel.get("Type", "").rsplit("/", 1)[-1]
                target = resolve(base, rel.get("Target", ""))
                if kind in ("footnotes", "endnotes", "header", "footer") and target in names:
                    stories.append(target)
                elif kind == "styles" and target in names:
                    styles_part = target
        styles = Styles(parse(z.read(styles_part)) if styles_part else None)
        text = [part_text(parse(z.read(main)), styles)]
        for story in sorted(set(stories)):
            text.append(part_text(parse(z.read(story)), styles))
        return tokens("\n".join(text))


def main():
    for path in sys.argv[1:]:
        try:
            print(json.dumps({"file": path, "tokens": read(path)}, ensure_ascii=False))
        except Exception as e:  # a file the reference cannot read is reported, not fatal
            print(json.dumps({"file": path, "error": "%s: %s" % (type(e).__name__, e)}))


if __name__ == "__main__":
    main()
