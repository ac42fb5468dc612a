#!/usr/bin/env bash
# The man pages cannot drift from the programs: every top-level command that `tidesk-cli --help`
# lists has its section in tidesk-cli.1, every option any built-in help prints (tidesk-cli, its
# commands' --help, tidesk --help) is in the page, and groff/man render both without a warning.
#
#   check_manpage.sh TIDESK_CLI TIDESK MAN_DIR
set -euo pipefail

cli="$1"
gui="$2"
man_dir="$3"

fail() { printf 'check_manpage: FAIL: %s\n' "$*" >&2; exit 1; }

scratch="$(mktemp -d /tmp/tidesk-check-man.XXXXXX)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/xdg" && chmod 0700 "$scratch/xdg"
export TIDESK_HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/xdg" QT_QPA_PLATFORM=offscreen
export LC_ALL=C.UTF-8 LANG=C.UTF-8 LANGUAGE=

# The page's source with troff's \- turned into plain hyphens, for option lookups.
plain() { sed 's/\\-/-/g' "$1"; }

# The commands of `tidesk-cli --help`: the indented words of its "Commands:" block.
"$cli" --help >"$scratch/help" </dev/null
mapfile -t commands < <(awk '/^Commands:/ {on = 1; next} on && /^$/ {exit}
    on && match($0, /^  [a-z][a-z-]*/) {print substr($0, 3, RLENGTH - 2)}' "$scratch/help")
[ "${#commands[@]}" -ge 10 ] || fail "found only ${#commands[@]} commands in tidesk-cli --help"
for c in "${commands[@]}"; do
    grep -Eq "^\.SS \"?$c( |\"|$)" "$man_dir/tidesk-cli.1" \
        || fail "tidesk-cli.1 has no section for the command '$c' that tidesk-cli --help lists"
done

# Every option printed by the built-in help texts.
for args in "env" "env add" "alerts" "metrics" "fleet status" "slow" "slowlog digest" "digest" \
    "guardrails" "kill" "rules" "sessions" "backup" "backup schedule" "restore" "assist"; do
    # shellcheck disable=SC2086 # the words are the command path
    "$cli" $args --help </dev/null >>"$scratch/help" 2>&1 || fail "tidesk-cli $args --help failed"
done
grep -oE -- '--[a-z][a-z0-9-]*' "$scratch/help" | sort -u >"$scratch/cli-options"
[ "$(wc -l <"$scratch/cli-options")" -ge 60 ] || fail "too few options found in the help texts"
plain "$man_dir/tidesk-cli.1" >"$scratch/cli-page"
while read -r opt; do
    grep -q -- "$opt\b" "$scratch/cli-page" || fail "tidesk-cli.1 does not mention $opt"
done <"$scratch/cli-options"

"$gui" --help </dev/null 2>/dev/null | grep -oE -- '--[a-z][a-z0-9-]*' | sort -u >"$scratch/gui-options"
[ "$(wc -l <"$scratch/gui-options")" -ge 10 ] || fail "too few options in tidesk --help"
plain "$man_dir/tidesk.1" >"$scratch/gui-page"
while read -r opt; do
    grep -q -- "$opt\b" "$scratch/gui-page" || fail "tidesk.1 does not mention $opt"
done <"$scratch/gui-options"

# Rendering: no groff warning of any kind, and man(1) formats it at common widths.
for page in tidesk-cli.1 tidesk.1; do
    warnings="$(groff -man -Tutf8 -ww -z "$man_dir/$page" 2>&1)"
    [ -z "$warnings" ] || fail "groff warns about $page: $warnings"
    for width in 80 120; do
        warnings="$(MANWIDTH=$width man --warnings -l "$man_dir/$page" 2>&1 >/dev/null)"
        [ -z "$warnings" ] || fail "man warns about $page at $width columns: $warnings"
    done
    MANWIDTH=80 man -l "$man_dir/$page" 2>/dev/null | grep -q '^NAME' || fail "$page renders no NAME"
done
echo "check_manpage: OK (${#commands[@]} commands, $(wc -l <"$scratch/cli-options") + $(wc -l <"$scratch/gui-options") options)"
