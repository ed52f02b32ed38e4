"""What Word's Review tab does to tenderlint's revisions, done independently of tenderlint
(Python with lxml), for tests/suite/review.rs.

    revisions.py accept IN.docx OUT.docx   «Godta alle»: w:ins kept, w:del dropped
    revisions.py reject IN.docx OUT.docx   «Avvis alle» and tenderlint's comments deleted
    revisions.py anchors IN.docx           JSON: each tenderlint comment, the original text it spans
    revisions.py open IN.docx              parses every XML part; python-docx opens it

Only revisions and comments whose author is «tenderlint» are touched: the author's own
tracked changes and comments stay as they were.
"""
import json
import sys
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
AUTHOR = "tenderlint"


def q(name):
    return "{%s}%s" % (W, name)


def ours(el):
    return el.get(q("author")) == AUTHOR


def unwrap(el):
    parent = el.getparent()
    index = parent.index(el)
    for child in list(el):
        parent.insert(index, child)
        index += 1
    parent.remove(el)


def drop(el):
    el.getparent().remove(el)


def accept(root):
    for el in [e for e in root.iter(q("del")) if ours(e)]:
        drop(el)
    for el in [e for e in root.iter(q("ins")) if ours(e)]:
        parent = el.getparent()
        if parent.tag in (q("trPr"), q("rPr")):
            drop(el)  # a row or paragraph mark marked inserted: it stays, unmarked
        else:
            unwrap(el)


def reject(root, comment_ids):
    for el in [e for e in root.iter(q("ins")) if ours(e)]:
        parent = el.getparent()
        if parent is None:
            continue
        if parent.tag == q("trPr"):
            drop(parent.getparent())  # the inserted row
        elif parent.tag == q("rPr") and parent.getparent().tag == q("pPr"):
            drop(parent.getparent().getparent())  # the inserted paragraph
        else:
            drop(el)
    for el in [e for e in root.iter(q("del")) if ours(e)]:
        for text in el.iter(q("delText")):
            text.tag = q("t")
        unwrap(el)
    for tag in ("commentRangeStart", "commentRangeEnd"):
        for el in [e for e in root.iter(q(tag)) if e.get(q("id")) in comment_ids]:
            drop(el)
    for el in [e for e in root.iter(q("commentReference")) if e.get(q("id")) in comment_ids]:
        run = el.getparent()
        drop(run if len(run) == 1 else el)


def comments_part(z):
    for name in z.namelist():
        if name.endswith("comments.xml") and name.startswith("word/"):
            return name
    return None


def our_comments(z):
    name = comments_part(z)
    if name is None:
        return {}
    root = etree.fromstring(z.read(name))
    found = {}
    for c in root.iter(q("comment")):
        if ours(c):
            paragraphs = ["".join(t.text or "" for t in p.iter(q("t"))) for p in c.iter(q("p"))]
            found[c.get(q("id"))] = paragraphs
    return found


def rewrite(src, dst, change):
    with zipfile.ZipFile(src) as z:
        ids = set(our_comments(z))
        with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
            for info in z.infolist():
                data = z.read(info.filename)
                if info.filename == "word/document.xml":
                    root = etree.fromstring(data)
                    change(root, ids)
                    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
                out.writestr(info, data)


def anchors(src):
    with zipfile.ZipFile(src) as z:
        comments = our_comments(z)
        root = etree.fromstring(z.read("word/document.xml"))
    open_ids, spans = [], {}
    for el in root.iter():
        if el.tag == q("commentRangeStart") and el.get(q("id")) in comments:
            open_ids.append(el.get(q("id")))
            spans[el.get(q("id"))] = ""
        elif el.tag == q("commentRangeEnd") and el.get(q("id")) in open_ids:
            open_ids.remove(el.get(q("id")))
        elif el.tag in (q("t"), q("delText")) and el.text:
            # The words as the author wrote them: tenderlint's insertions left out,
            # its deletions read.
            inserted = any(ours(a) for a in el.iterancestors(q("ins")))
            deleted = el.tag == q("delText") and any(ours(a) for a in el.iterancestors(q("del")))
            if (el.tag == q("t") and not inserted) or deleted:
                for i in open_ids:
                    spans[i] += el.text
        elif el.tag == q("tc"):
            for i in open_ids:
                spans[i] += "|"
    return [{"id": i, "comment": comments[i], "spans": spans.get(i)} for i in comments]


def open_check(src):
    with zipfile.ZipFile(src) as z:
        for name in z.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                etree.fromstring(z.read(name))
    try:
        import docx  # python-docx, when installed
    except ImportError:
        print("python-docx absent")
        return
    document = docx.Document(src)
    print("python-docx: %d paragraphs, %d tables" % (len(document.paragraphs), len(document.tables)))


def main():
    command, src = sys.argv[1], sys.argv[2]
    if command == "accept":
        rewrite(src, sys.argv[3], lambda root, _ids: accept(root))
    elif command == "reject":
        rewrite(src, sys.argv[3], reject)
    elif command == "anchors":
        print(json.dumps(anchors(src), ensure_ascii=False))
    elif command == "open":
        open_check(src)
    else:
        sys.exit("unknown command " + command)


if __name__ == "__main__":
    main()
