#!/usr/bin/env bash
# Render the sample specification report as HTML (Swedish) and take a screenshot of it with
# Debian's headless Chromium, so a person can look at what an officer sees.
# Usage: scripts/screenshot_report.sh [OUT_DIR]   (needs `proccheck` on PATH and chromium)
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-out}")
mkdir -p "$out"
proccheck spec check samples/spec/kravspecifikation-arendehantering.md \
  --set samples/sets/ovanakers-kommun.yaml --lang sv -f "html:$out/spec-report.html" || [ $? -eq 1 ]
proccheck answers compare samples/answers/leverantor-a.yaml samples/answers/leverantor-b.csv \
  --spec samples/spec/kravspecifikation-arendehantering.md --lang sv -f html -o "$out/jamforelse.html"
profile=$(mktemp -d)
for page in spec-report jamforelse; do
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --window-size=1200,1600 \
    --screenshot="$out/$page.png" "file://$out/$page.html" 2>/dev/null
  echo "wrote $out/$page.png"
done
rm -rf "$profile"
