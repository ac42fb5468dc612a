#!/usr/bin/env bash
# The user guide stays whole: every image the English and Chinese guides show exists, the two
# guides show the same screenshots (en-X.png / zh_CN-X.png), every page of the main window has
# its screenshot in both, and the README links the guide.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root/docs"
fail=0
images() { grep -o '](images/[^)]*)' "$1" | sed 's/^](//; s/)$//' | sort -u; }
for guide in user-guide.md user-guide.zh_CN.md; do
    [ -f "$guide" ] || { echo "missing docs/$guide"; exit 1; }
    while read -r img; do
        [ -f "$img" ] || { echo "$guide: missing $img"; fail=1; }
    done < <(images "$guide")
done
en=$(images user-guide.md | sed -n 's#^images/guide/en-##p')
zh=$(images user-guide.zh_CN.md | sed -n 's#^images/guide/zh_CN-##p')
if [ "$en" != "$zh" ]; then
    echo "the guides show different screenshots:"
    diff <(echo "$en") <(echo "$zh") || true
    fail=1
fi
# Every page the tour visits (tests/ui/tst_tour.cpp, MainWindow::Page) has its screenshot.
pages=$(tr '\n' ' ' <"$root/tests/ui/tst_tour.cpp" \
    | grep -o 'MainWindow::Page::[A-Za-z]*,[[:space:]]*u"[a-z-]*"_s' \
    | sed 's/.*u"\([a-z-]*\)"_s/\1/' | sort -u)
[ -n "$pages" ] || { echo "no pages found in tests/ui/tst_tour.cpp"; exit 1; }
for p in $pages; do
    grep -qx "$p.png" <<<"$en" || { echo "user-guide.md has no screenshot of the $p page"; fail=1; }
    grep -qx "$p.png" <<<"$zh" || { echo "user-guide.zh_CN.md has no screenshot of the $p page"; fail=1; }
done
grep -q '(docs/user-guide.md)' "$root/README.md" || { echo "README does not link docs/user-guide.md"; fail=1; }
[ $fail -eq 0 ] && echo "user guide: $(wc -l <<<"$en") screenshots in both languages, $(wc -w <<<"$pages") pages covered"
exit $fail
