#!/usr/bin/env bash
# A report folder (report.toml + docs/) in, a text-converted copy out (PDF via pdftotext, HTML stripped
# to text by lxml, other files copied; sources that were converted read as plaintext), for checkouts
# that cannot read PDF/HTML yet. Usage: textcopy.sh SRC_DIR DEST_DIR   (same conversion as devscore.sh)
set -eu
SRC=$1; T=$2
PY=${PY:-/work/main/.venv/bin/python}
mkdir -p "$T/docs"
for f in "$SRC"/docs/*; do b=$(basename "$f")
  case "$f" in
    *.pdf) pdftotext "$f" "$T/docs/$b" ;;
    *.html) $PY -c "import sys,lxml.html as H; t=H.parse(sys.argv[1]).getroot(); [e.drop_tree() for e in t.xpath('//script|//style|//noscript')]; print(t.text_content())" "$f" > "$T/docs/$b" ;;
    *) cp "$f" "$T/docs/$b" ;;
  esac
done
$PY - "$SRC/report.toml" "$T/report.toml" <<'PY'
import re, sys
s = open(sys.argv[1]).read()
# converted files keep their names; tell the reader they are plain text now
s = re.sub(r'(\[\[sources\]\]\n)(path = "[^"]+\.(?:pdf|html)")', r'\1genre = "plaintext"\n\2', s)
open(sys.argv[2], "w").write(s)
PY
echo "$T/report.toml"
