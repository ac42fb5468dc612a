#!/usr/bin/env bash
# Fails when a user-visible string has no zh_CN translation. Runs lupdate over the sources into a
# temporary copy of the .ts file, so a new tr() string that nobody translated is caught too.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
ts="$root/resources/translations/tidesk_zh_CN.ts"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cp "$ts" "$tmp/check.ts"
/usr/lib/qt6/bin/lupdate -silent -locations none -no-obsolete \
    "$root/app" "$root/ui" "$root/widgets" "$root/remote" -ts "$tmp/check.ts" >/dev/null 2>"$tmp/lupdate.err"
# A lupdate warning ("lacks Q_OBJECT macro", "Qualifying with unknown namespace/class") means a
# string may be filed under another context than the one used at run time (docs/translations.md).
if grep -E '^/.*:[0-9]+: ' "$tmp/lupdate.err"; then
    echo 'lupdate warnings above: fix the translation contexts (docs/translations.md)'
    exit 1
fi
python3 - "$tmp/check.ts" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
missing = []
total = 0
for ctx in root.iter('context'):
    name = ctx.findtext('name')
    for msg in ctx.iter('message'):
        total += 1
        tr = msg.find('translation')
        src = msg.findtext('source') or ''
        if msg.get('numerus') == 'yes':
            forms = [f.text for f in tr.iter('numerusform')] if tr is not None else []
            ok = tr is not None and tr.get('type') not in ('unfinished', 'vanished', 'obsolete') and forms and all(forms)
        else:
            ok = tr is not None and tr.get('type') not in ('unfinished',) and (tr.text or '').strip() != ''
        if not ok:
            missing.append(f'{name}: {src[:90]!r}')
print(f'zh_CN: {total - len(missing)} of {total} strings translated')
if missing:
    print('untranslated (run ./run translations, then translate):')
    for m in missing[:200]:
        print('  ' + m)
    sys.exit(1)
PY
