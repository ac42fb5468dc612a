# bash completion for tidesk-cli (installed as /usr/share/bash-completion/completions/tidesk-cli).
# Completes commands, subcommands, options, option values and environment names. Environment
# names come from `tidesk-cli env list`, run with stdin from /dev/null and a 2 s timeout so a
# completion never prompts or hangs. Self-contained: it does not need bash-completion's helpers.
# tests/packaging/check_completion.sh drives _tidesk_cli and checks its candidates.

_tidesk_cli_global_opts="--inventory --vault --secrets --vault-pass-stdin --accept-new-host-key --json --verbose --help"
_tidesk_cli_commands="env backup restore assist alerts metrics fleet slow slowlog digest guardrails kill rules sessions"

# Options that take a value, so the word after them is not a command or an argument.
_tidesk_cli_takes_value() {
    # $1 = option, $2 = the command path ("backup schedule add", "restore drill" ...)
    case "$1" in
        --keep) [[ $2 == "backup schedule add" ]] ;;
        --inventory | --vault | --secrets | --tier | --host | --port | --user | --engine | \
            --database | --tag | --color | --tls-mode | --tls-ca | --tls-cert | --tls-key | \
            --prometheus | --prometheus-selector | --alertmanager | --pd | --notes | \
            --connect-timeout-ms | --ssh | --ssh-user | --ssh-key | --ssh-known-hosts | \
            --confirm | --format | --name | --timeout-ms | --chart | --range | --from | --to | \
            --selector | --interval-ms | --since | --top | --source | --limit | --env | \
            --max-bytes | --id | --instance | --wait-ms | --config | --min-time | --kind | \
            --table | --storage | --br | --last-backup-ts | --task | --until | --daily | \
            --weekly | --hourly | --target | --timezone | --cli | --backup | --into | --rename | \
            --log-storage | --relay | --key | --share | --max-minutes | --idle-minutes | \
            --code-minutes | --row-limit | --known-hosts | --run | --kill | --wait-s | \
            --databases | --dir | --head)
            return 0 ;;
    esac
    return 1
}

# Environment names of the inventory the command line points at (its --inventory, if any).
_tidesk_cli_envs() {
    local cli="${COMP_WORDS[0]}" i inv=()
    [[ $cli == */* && -x $cli ]] || cli=tidesk-cli
    local path=""
    for ((i = 1; i < ${#COMP_WORDS[@]}; i++)); do
        if [[ ${COMP_WORDS[i]} == --inventory ]]; then
            path="${COMP_WORDS[i + 1]:-}"
        elif [[ ${COMP_WORDS[i]} == --inventory=* ]]; then
            path="${COMP_WORDS[i]#--inventory=}"
        fi
    done
    # Only an existing file: opening a new path would create an empty inventory (and its
    # directory) there. The default is tidesk-cli's (AppPaths): $TIDESK_HOME, else the XDG one.
    if [[ -n $path ]]; then
        path="${path/#\~/$HOME}"
        inv=(--inventory "$path")
    else
        path="${TIDESK_HOME:-${XDG_DATA_HOME:-$HOME/.local/share}/TiDesk/TiDesk}/inventory.sqlite"
    fi
    [[ -f $path ]] || return 0
    # The first line is the (translated) header; names are the first column and have no spaces.
    timeout 2 "$cli" "${inv[@]}" env list </dev/null 2>/dev/null | tail -n +2 | cut -d ' ' -f 1
}

_tidesk_cli_files() {
    compopt -o filenames 2>/dev/null
    mapfile -t COMPREPLY < <(compgen -f -- "$1")
}

_tidesk_cli_dirs() {
    compopt -o filenames 2>/dev/null
    mapfile -t COMPREPLY < <(compgen -d -- "$1")
}

_tidesk_cli_words() {
    # $1 = candidates, $2 = the word being completed
    mapfile -t COMPREPLY < <(compgen -W "$1" -- "$2")
}

_tidesk_cli() {
    local cur="${COMP_WORDS[COMP_CWORD]}" prev="" i w
    ((COMP_CWORD > 0)) && prev="${COMP_WORDS[COMP_CWORD - 1]}"
    # `--opt=value`: bash splits at '=' (COMP_WORDBREAKS).
    if [[ $cur == "=" ]]; then
        cur=""
    elif [[ $prev == "=" ]] && ((COMP_CWORD > 1)); then
        prev="${COMP_WORDS[COMP_CWORD - 2]}"
    fi
    COMPREPLY=()

    # The positional words before the cursor, without options and their values.
    local pos=() path=""
    for ((i = 1; i < COMP_CWORD; i++)); do
        w="${COMP_WORDS[i]}"
        if [[ $w == "=" ]]; then
            ((i++))
            continue
        fi
        if [[ $w == -* ]]; then
            if [[ $w != *=* ]] && _tidesk_cli_takes_value "$w" "${pos[*]:0:3}"; then
                ((i++))
            fi
            continue
        fi
        pos+=("$w")
    done
    local cmd="${pos[0]:-}" sub="${pos[1]:-}"
    local n=${#pos[@]}

    # The value of an option.
    if [[ $prev == -* ]] && _tidesk_cli_takes_value "$prev" "${pos[*]:0:3}"; then
        case "$prev" in
            --secrets) _tidesk_cli_words "auto keychain vault" "$cur" ;;
            --tier) _tidesk_cli_words "dev test uat prod custom" "$cur" ;;
            --engine) _tidesk_cli_words "auto tidb mysql mariadb" "$cur" ;;
            --tls-mode) _tidesk_cli_words "disabled preferred required verify_ca verify_identity" "$cur" ;;
            --format) _tidesk_cli_words "auto json topology meta display" "$cur" ;;
            --range) _tidesk_cli_words "15m 1h 6h 24h 7d" "$cur" ;;
            --since) _tidesk_cli_words "90s 30m 1h 6h 24h 7d" "$cur" ;;
            --source) _tidesk_cli_words "slow summary" "$cur" ;;
            --chart) _tidesk_cli_words "qps latency connections cpu memory store_size buffer_pool threads" "$cur" ;;
            --kind)
                if [[ $cmd == restore ]]; then
                    _tidesk_cli_words "logical physical" "$cur"
                else
                    _tidesk_cli_words "logical physical br sql" "$cur"
                fi ;;
            --backup)
                [[ $cmd == assist ]] && _tidesk_cli_words "logical physical" "$cur" ;;
            --env | --into) _tidesk_cli_words "$(_tidesk_cli_envs)" "$cur" ;;
            --inventory | --vault | --tls-ca | --tls-cert | --tls-key | --ssh-key | \
                --ssh-known-hosts | --known-hosts | --key | --config | --cli)
                _tidesk_cli_files "$cur" ;;
            --to)
                if [[ $cmd == assist ]]; then _tidesk_cli_files "$cur"; fi ;;
            --dir) _tidesk_cli_dirs "$cur" ;;
        esac
        return 0
    fi

    # Options of the command being typed.
    if [[ $cur == -* ]]; then
        local opts=""
        case "$cmd $sub" in
            "env add") opts="--tier --host --port --user --engine --database --tag --color --tls-mode --tls-ca --tls-cert --tls-key --prometheus --prometheus-selector --alertmanager --pd --notes --connect-timeout-ms --password-stdin --ssh --ssh-user --ssh-key --ssh-known-hosts --ssh-secret-stdin" ;;
            "env remove") opts="--confirm" ;;
            "env import") opts="--format --name --tier" ;;
            "env set-password") opts="--password-stdin" ;;
            "env set-ssh-secret" | "env set-backup-secret") opts="--secret-stdin" ;;
            "alerts "*) opts="--timeout-ms" ;;
            "metrics "*) opts="--chart --range --from --to --selector --timeout-ms" ;;
            "fleet "*) opts="--tier --tag --interval-ms --timeout-ms" ;;
            "slow "*) opts="--since --top --source --limit --csv" ;;
            "slowlog "*) opts="--env --max-bytes --top --csv" ;;
            "guardrails set") opts="--confirm" ;;
            "kill "*) opts="--id --instance --query --connection --yes --wait-ms" ;;
            "rules check") opts="--config --dry-run" ;;
            "rules run") opts="--config --dry-run --once --interval-ms" ;;
            "sessions "*) opts="--all --min-time --user --timeout-ms" ;;
            "backup start") opts="--kind --to --database --wait --no-checksum --table --storage --br --last-backup-ts" ;;
            "backup status") opts="--wait" ;;
            "backup health") opts="--cached" ;;
            "backup log") opts="--task --storage --br --until" ;;
            "backup schedule")
                case "${pos[2]:-}" in
                    add) opts="--env --kind --daily --weekly --hourly --keep --target --timezone --disabled" ;;
                    export-timer) opts="--cli" ;;
                esac ;;
            "restore drill") opts="--into --kind --keep --confirm" ;;
            "restore "*) opts="--backup --into --rename --overwrite --confirm --yes --until --log-storage --br --database --table" ;;
            "assist host") opts="--relay --key --share --auto-approve-readonly --max-minutes --idle-minutes --code-minutes --row-limit --known-hosts --audit-rows" ;;
            "assist join") opts="--relay --key --name --known-hosts --env --run --kill --connection --backup --databases --wait-s" ;;
            "assist log") opts="--dir --to --head" ;;
        esac
        [[ -z $cmd ]] && opts="--version"
        _tidesk_cli_words "$opts $_tidesk_cli_global_opts" "$cur"
        return 0
    fi

    # Commands, subcommands and arguments.
    case "$cmd" in
        "") _tidesk_cli_words "$_tidesk_cli_commands help" "$cur" ;;
        env)
            if ((n == 1)); then
                _tidesk_cli_words "list add remove import export check set-password set-ssh-secret set-backup-secret" "$cur"
            elif ((n == 2)); then
                case "$sub" in
                    remove | check | set-password | set-ssh-secret | set-backup-secret)
                        _tidesk_cli_words "$(_tidesk_cli_envs)" "$cur" ;;
                    import | export) _tidesk_cli_files "$cur" ;;
                esac
            fi ;;
        alerts | metrics | slow | sessions | kill)
            ((n == 1)) && _tidesk_cli_words "$(_tidesk_cli_envs)" "$cur" ;;
        fleet) ((n == 1)) && _tidesk_cli_words "status" "$cur" ;;
        slowlog)
            if ((n == 1)); then
                _tidesk_cli_words "digest" "$cur"
            elif ((n == 2)); then
                _tidesk_cli_files "$cur"
            fi ;;
        guardrails)
            if ((n == 1)); then
                _tidesk_cli_words "set $(_tidesk_cli_envs)" "$cur"
            elif ((n == 2)) && [[ $sub == set ]]; then
                _tidesk_cli_words "$(_tidesk_cli_envs)" "$cur"
            fi ;;
        rules) ((n == 1)) && _tidesk_cli_words "check run" "$cur" ;;
        backup)
            if ((n == 1)); then
                _tidesk_cli_words "start list status cancel run-due health log schedule" "$cur"
            elif ((n == 2)); then
                case "$sub" in
                    start | list | health) _tidesk_cli_words "$(_tidesk_cli_envs)" "$cur" ;;
                    log) _tidesk_cli_words "start status pause resume stop metadata truncate" "$cur" ;;
                    schedule) _tidesk_cli_words "list add remove export-timer" "$cur" ;;
                esac
            elif ((n == 3)); then
                case "$sub ${pos[2]}" in
                    "log "*) _tidesk_cli_words "$(_tidesk_cli_envs)" "$cur" ;;
                    "schedule export-timer") _tidesk_cli_dirs "$cur" ;;
                esac
            fi ;;
        restore)
            if ((n == 1)); then
                _tidesk_cli_words "drill $(_tidesk_cli_envs)" "$cur"
            elif ((n == 2)) && [[ $sub == drill ]]; then
                _tidesk_cli_words "$(_tidesk_cli_envs)" "$cur"
            fi ;;
        assist)
            if ((n == 1)); then
                _tidesk_cli_words "host join log" "$cur"
            elif ((n == 2)) && [[ $sub == log ]]; then
                _tidesk_cli_words "show verify export" "$cur"
            elif ((n == 3)) && [[ $sub == log ]]; then
                _tidesk_cli_files "$cur"
            fi ;;
    esac
    return 0
}

complete -F _tidesk_cli tidesk-cli
