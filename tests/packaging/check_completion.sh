#!/usr/bin/env bash
# Drives the bash completion function _tidesk_cli the way bash does (COMP_WORDS, COMP_CWORD) and
# checks its candidates: every top-level command of `tidesk-cli --help`, every env subcommand of
# `env --help`, every option of `env add --help`, environment names from a real inventory, option
# values, and that a hanging tidesk-cli cannot hang the completion.
#
#   check_completion.sh COMPLETION_FILE TIDESK_CLI
set -euo pipefail

completion="$1"
cli="$2"

fail() { printf 'check_completion: FAIL: %s\n' "$*" >&2; exit 1; }

scratch="$(mktemp -d /tmp/tidesk-check-completion.XXXXXX)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/bin"
ln -s "$(realpath "$cli")" "$scratch/bin/tidesk-cli"
export PATH="$scratch/bin:$PATH" TIDESK_HOME="$scratch/home" LC_ALL=C.UTF-8 LANGUAGE=

# An inventory with two environments (no secrets needed to add them).
tidesk-cli env add alpha --host 127.0.0.1:3306 --user app </dev/null >/dev/null
tidesk-cli env add prod-east --host 10.0.1.4:4000 --user dba --tier prod </dev/null >/dev/null

# complete WORD... : the candidates, one per line, sorted, for the last word being completed.
complete_words() {
    bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1));
             _tidesk_cli; printf "%s\n" "${COMPREPLY[@]}"' _ "$completion" "$@" | sed '/^$/d' | sort
}
expect() { # expect "a b c" WORD... : exactly these candidates
    local want got
    want="$(tr ' ' '\n' <<<"$1" | sed '/^$/d' | sort)"
    shift
    got="$(complete_words "$@")"
    [ "$got" = "$want" ] || fail "[$*]: expected {$(echo $want)}, got {$(echo $got)}"
}
expect_all() { # expect_all FILE WORD... : at least every word of FILE
    local file="$1" got
    shift
    got="$(complete_words "$@")"
    while read -r w; do
        grep -qx -- "$w" <<<"$got" || fail "[$*] does not offer '$w' (offers: $(echo $got))"
    done <"$file"
}
# The indented words of a help text's "Commands:" block.
help_commands() {
    awk '/^Commands:/ {on = 1; next} on && /^$/ {exit}
         on && match($0, /^  [a-z][a-z-]*/) {print substr($0, 3, RLENGTH - 2)}' | sort -u
}

tidesk-cli --help </dev/null | help_commands >"$scratch/commands"
[ "$(wc -l <"$scratch/commands")" -ge 10 ] || fail "too few commands in tidesk-cli --help"
expect_all "$scratch/commands" tidesk-cli ""
tidesk-cli env --help </dev/null | help_commands >"$scratch/env-commands"
[ "$(wc -l <"$scratch/env-commands")" -ge 8 ] || fail "too few commands in tidesk-cli env --help"
expect_all "$scratch/env-commands" tidesk-cli env ""
tidesk-cli env add --help </dev/null | grep -oE -- '--[a-z][a-z0-9-]*' | sort -u >"$scratch/add-options"
[ "$(wc -l <"$scratch/add-options")" -ge 20 ] || fail "too few options in env add --help"
expect_all "$scratch/add-options" tidesk-cli env add x --

expect "env" tidesk-cli en
expect "alpha prod-east" tidesk-cli kill ""
expect "prod-east" tidesk-cli --secrets vault sessions p      # global options are skipped
expect "alpha prod-east" tidesk-cli --json backup log status ""
expect "drill alpha prod-east" tidesk-cli restore ""
expect "alpha" tidesk-cli restore drill a
expect "set alpha prod-east" tidesk-cli guardrails ""
expect "dev test uat prod custom" tidesk-cli env add x --tier ""
expect "prod" tidesk-cli env add x --tier = p                  # --tier=p, as bash splits it
expect "auto keychain vault" tidesk-cli --secrets ""
expect "logical physical" tidesk-cli restore drill alpha --kind ""
expect "logical physical br sql" tidesk-cli backup start alpha --kind ""
expect "alpha prod-east" tidesk-cli restore alpha --backup 20261130T0000Z --into ""
expect "--id --instance --inventory" tidesk-cli kill alpha --i   # its own, and the global one
expect "--json" tidesk-cli kill alpha --j
expect "" tidesk-cli backup schedule add nightly --keep 3 ""   # --keep takes a value here
expect "" tidesk-cli restore drill alpha --keep ""             # and is a flag here
expect "--version" tidesk-cli --vers
# The inventory named on the command line; a path that does not exist is not created.
expect "alpha prod-east" tidesk-cli --inventory "$TIDESK_HOME/inventory.sqlite" kill ""
expect "" tidesk-cli --inventory "$scratch/none/inventory.sqlite" kill ""
[ ! -e "$scratch/none" ] || fail "the completion created $scratch/none"
TIDESK_HOME="$scratch/fresh" expect "" tidesk-cli kill ""
[ ! -e "$scratch/fresh" ] || fail "the completion created a data directory"

# A tidesk-cli that hangs (e.g. waits for a passphrase) must not hang the shell.
mkdir -p "$scratch/slow"
printf '#!/bin/sh\nread -r line\nexec sleep 30\n' >"$scratch/slow/tidesk-cli"
chmod +x "$scratch/slow/tidesk-cli"
start=$(date +%s)
PATH="$scratch/slow:$PATH" expect "" tidesk-cli kill ""
elapsed=$(($(date +%s) - start))
[ "$elapsed" -le 5 ] || fail "the completion waited ${elapsed} s for a hanging tidesk-cli"

echo "check_completion: OK ($(wc -l <"$scratch/commands") commands, $(wc -l <"$scratch/add-options") env add options)"
