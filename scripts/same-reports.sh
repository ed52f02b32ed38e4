#!/usr/bin/env bash
# Writes everything tenderlint prints for the repository's fixtures and the real
# tenders into one directory, so two builds can be compared byte for byte:
#
#   scripts/same-reports.sh OLD-BINARY /tmp/before
#   scripts/same-reports.sh target/debug/tenderlint /tmp/after
#   diff -r /tmp/before /tmp/after && echo identical
#
# A refactor that claims "no behaviour change" runs this before and after.
# Every format of `check` over every fixture tender (in nb, nn and en for the
# terminal reports), `extract` of every file, every rule's `explain`, `rules
# list/diff/schema/test`, `init`, completions and the manual. Word outputs are
# unpacked into their parts, with docProps/core.xml's dates cut, because the zip
# container carries the time it was written.
set -uo pipefail
bin=$(realpath "$1")
out=$2
root=$(cd "$(dirname "$0")/.." && pwd)
shared=$(realpath -m "${TENDERLINT_SHARED:-$root/../shared}")
mkdir -p "$out"
out=$(realpath "$out")
export NO_COLOR=1 COLUMNS=100 TERM=dumb LANG=nb_NO.UTF-8 TZ=Europe/Oslo
# Waiver expiry and baseline dates read the clock; pin it where the binary lets us.
export TENDERLINT_TODAY=2026-12-02

tenders=()
for d in "$root"/fixtures/{accuracy,heldout,fresh,tenders,tenders-docx,tenders-md-grid,tenders-md-html,tenders-md-multiline}/*/ \
    "$root"/fixtures/reports/tender/ "$root"/fixtures/baseline/*/; do
    [ -d "$d" ] && tenders+=("${d%/}")
done
if [ -d "$shared/corpora/tenders-real" ]; then
    for d in "$shared"/corpora/tenders-real/*/; do tenders+=("${d%/}"); done
fi

name_of() { # a path → a file name
    local p=${1#"$root"/}
    p=${p#"$shared"/}
    echo "${p//\//_}"
}

run() { # NAME CMD... → NAME.out, NAME.err, NAME.rc (in the tender's directory)
    local name=$1
    shift
    "$@" >"$out/$name.out" 2>"$out/$name.err" </dev/null
    echo $? >"$out/$name.rc"
    sed -i "s#$root#ROOT#g; s#$shared#SHARED#g; s#$out#OUT#g" "$out/$name.err" "$out/$name.out" 2>/dev/null
}

unpack_docx() { # FILE → FILE.parts (one text file; parts sorted, dates cut)
    python3 - "$1" <<'EOF'
import sys, zipfile, re, io
path = sys.argv[1]
data = open(path, 'rb').read()
try:
    z = zipfile.ZipFile(io.BytesIO(data))
except zipfile.BadZipFile:
    sys.exit(0)
parts = []
for n in sorted(z.namelist()):
    body = z.read(n).decode('utf-8', 'replace')
    if n == 'docProps/core.xml':
        body = re.sub(r'<dcterms:(created|modified)[^>]*>[^<]*<', r'<dcterms:\1>DATE<', body)
    parts.append(f'=== {n}\n{body}\n')
open(path + '.parts', 'w').write(''.join(parts))
import os; os.remove(path)
EOF
}

formats=(human json sarif junit gitlab github compact markdown html docx requirements-md requirements-docx)
for t in "${tenders[@]}"; do
    n=$(name_of "$t")
    for f in "${formats[@]}"; do
        (cd "$t" && run "check.$n.$f" "$bin" check --format "$f" .)
        case $f in docx | requirements-docx) unpack_docx "$out/check.$n.$f.out" ;; esac
    done
    for l in nb nn en; do
        (cd "$t" && run "check.$n.brief-$l" "$bin" check --lang "$l" .)
        (cd "$t" && run "check.$n.verbose-$l" "$bin" check --verbose --lang "$l" .)
        (cd "$t" && run "check.$n.markdown-$l" "$bin" check --format markdown --lang "$l" .)
    done
    (cd "$t" && run "check.$n.quiet" "$bin" check --quiet --isolated .)
    (cd "$t" && run "check.$n.v1" "$bin" check --format json -r ks-felles-journalloft@1.0.0 -r anskaffelse-hygiene@1.0.0 .)
    while IFS= read -r -d '' file; do
        fn=$(name_of "$file")
        run "extract.$fn.text" "$bin" extract "$file"
        run "extract.$fn.json" "$bin" extract --format json "$file"
    done < <(find "$t" -type f \( -name '*.md' -o -name '*.docx' -o -name '*.markdown' \) -print0 | sort -z)
done

run rules-list "$bin" rules list
run rules-list-versions "$bin" rules list --versions
run rules-schema "$bin" rules schema
run rules-test "$bin" rules test
run rules-diff-ks "$bin" rules diff ks-felles-journalloft@1.0.0 ks-felles-journalloft@1.1.0
run rules-diff-ks-json "$bin" rules diff --format json ks-felles-journalloft@1.0.0 ks-felles-journalloft@1.1.0
run rules-diff-hyg "$bin" rules diff anskaffelse-hygiene@1.0.0 anskaffelse-hygiene@1.1.0
for y in "$root"/fixtures/rulesets/*.yaml; do
    run "rules-validate.$(basename "$y")" "$bin" rules validate "$y"
done
for id in $("$bin" rules list -r ks-felles-journalloft@1.0.0 -r ks-felles-journalloft@1.1.0 -r anskaffelse-hygiene@1.0.0 -r anskaffelse-hygiene@1.1.0 | awk '/^  [A-Z]+-[0-9]+/ {print $1}' | sort -u); do
    for l in nb nn en; do run "explain.$id.$l" "$bin" explain --lang "$l" "$id"; done
done
run explain-unknown "$bin" explain INT-999
run check-unknown-format "$bin" check --format jsn "$root/fixtures/tenders"
run check-unknown-service "$bin" check --services legvakt "$root/fixtures/tenders"
run check-unknown-lang "$bin" check --lang de "$root/fixtures/tenders"
run check-missing "$bin" check /nonexistent
for s in bash zsh fish; do run "completions.$s" "$bin" completions "$s"; done
run man "$bin" man
run man-check "$bin" man check
run help "$bin" --help
for c in check rules explain extract init serve; do run "help.$c" "$bin" "$c" --help; done
tmp=$(mktemp -d)
(cd "$tmp" && cp -r "$root/fixtures/tenders/"* . 2>/dev/null; run init "$bin" init && cp tenderlint.yaml "$out/init.yaml" 2>/dev/null)
rm -rf "$tmp"
echo "$(find "$out" -type f | wc -l) files in $out"
