#!/usr/bin/env bash
# TiDesk sandbox fleet: real MariaDB x4, mysqld_exporter x4, Prometheus, Alertmanager, sshd bastion,
# a workload generator and a second Prometheus serving backfilled TiDB-shaped series, all on 127.0.0.1,
# all state under one directory. See README.md beside this file.
#
#   sandbox.sh up | down | status | restart-mariadb ENV | stop-mariadb ENV | start-mariadb ENV
#              | regen-host-key | trust-host-key
#
# Environment: TIDESK_SANDBOX_DIR (default /tmp/tidesk-sandbox), TIDESK_SANDBOX_BASE_PORT (default 24000;
# remembered in $DIR/ports.env after the first `up`, so later calls without it use the same ports).
set -euo pipefail

SCRIPT_PATH="$(readlink -f "${BASH_SOURCE[0]}")"
SCRIPT_DIR="$(dirname "$SCRIPT_PATH")"
DIR="$(readlink -m "${TIDESK_SANDBOX_DIR:-/tmp/tidesk-sandbox}")"
ENVS=(dev test01 uat01 prod)
declare -A TIER=([dev]=dev [test01]=test [uat01]=uat [prod]=prod)
declare -A IDX=([dev]=0 [test01]=1 [uat01]=2 [prod]=3)
CATALOG_ENV=uat01
CATALOG_SCHEMA=tidb_catalog
DEMO_TIDB_ENV=uat02      # the demo inventory's TiDB environment (catalog fixture + prometheus-tidb)
DEMO_SCHEMA=shop
ADMIN_USER=tidesk_admin
APP_USER=app
EXPORTER_USER=exporter
# Bump when users/grants/catalog SQL change: running instances are re-provisioned on the next `up`.
PROVISION_VERSION=3
STOP_TIMEOUT_DS=200   # deciseconds to wait after SIGTERM before SIGKILL

MARIADBD=/usr/sbin/mariadbd
SSHD=/usr/sbin/sshd
EXPORTER_BIN=$(command -v prometheus-mysqld-exporter || echo /usr/bin/prometheus-mysqld-exporter)
PROMETHEUS_BIN=$(command -v prometheus || echo /usr/bin/prometheus)
ALERTMANAGER_BIN=$(command -v prometheus-alertmanager || command -v alertmanager || echo /usr/bin/prometheus-alertmanager)
PROMTOOL_BIN=$(command -v promtool || echo /usr/bin/promtool)
PYTHON_BIN=/usr/bin/python3
[[ -x "$PYTHON_BIN" ]] || PYTHON_BIN=$(command -v python3 || echo /usr/bin/python3)
BACKFILL_MAX_AGE_S=3600   # prometheus-tidb's newest sample may be this old before `up` regenerates it

T_START=$EPOCHREALTIME
log() { printf '[sandbox %5.1fs] %s\n' "$(( ${EPOCHREALTIME/./} - ${T_START/./} ))e-6" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now_s() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now_s)" 'BEGIN { printf "%.1f", b - a }'; }

case "$DIR" in
  *[\"\\\ \$\`]*) die "TIDESK_SANDBOX_DIR must not contain spaces, quotes, \$ or backslashes: $DIR" ;;
  /) die "refusing to use / as sandbox dir" ;;
esac

# ------------------------------------------------------------------------------------------ ports
resolve_base_port() {
  local saved=""
  if [[ -f "$DIR/ports.env" ]]; then
    saved=$(sed -n 's/^BASE_PORT=//p' "$DIR/ports.env")
  fi
  if [[ -n "${TIDESK_SANDBOX_BASE_PORT:-}" ]]; then
    BASE="$TIDESK_SANDBOX_BASE_PORT"
  elif [[ -n "$saved" ]]; then
    BASE="$saved"
  else
    BASE=24000
  fi
  [[ "$BASE" =~ ^[0-9]+$ ]] && (( BASE > 1024 && BASE < 65500 )) || die "bad base port: $BASE"
  SAVED_BASE="$saved"
}
resolve_base_port

mariadb_port()  { echo $(( BASE + IDX[$1] )); }
exporter_port() { echo $(( BASE + 10 + IDX[$1] )); }
PROM_PORT=$(( BASE + 20 ))
AM_PORT=$(( BASE + 21 ))
SSHD_PORT=$(( BASE + 22 ))
PROM_TIDB_PORT=$(( BASE + 23 ))

check_env_name() {
  [[ -n "${1:-}" && -n "${IDX[$1]+x}" ]] || die "unknown environment '${1:-}' (one of: ${ENVS[*]})"
}

# ------------------------------------------------------------------------------------------ paths
mdir()     { echo "$DIR/mariadb/$1"; }
mcnf()     { echo "$DIR/mariadb/$1/my.cnf"; }
msock()    { echo "$DIR/mariadb/$1/mysqld.sock"; }
pidfile()  { echo "$DIR/run/$1.pid"; }
TLS="$DIR/tls"
SSHDIR="$DIR/ssh"

all_names() {
  local e
  for e in "${ENVS[@]}"; do echo "mariadb-$e"; done
  for e in "${ENVS[@]}"; do echo "exporter-$e"; done
  echo prometheus; echo alertmanager; echo sshd; echo workload; echo prometheus-tidb
}

name_port() {
  case "$1" in
    mariadb-*) mariadb_port "${1#mariadb-}" ;;
    exporter-*) exporter_port "${1#exporter-}" ;;
    prometheus) echo "$PROM_PORT" ;;
    alertmanager) echo "$AM_PORT" ;;
    sshd) echo "$SSHD_PORT" ;;
    prometheus-tidb) echo "$PROM_TIDB_PORT" ;;
    *) echo "-" ;;
  esac
}

# ------------------------------------------------------------------------------------------ processes
# A pid is "ours" when it is alive (not a zombie) and its command line mentions this sandbox dir
# (every server gets a config path under $DIR/). Guards against pid reuse after a crash.
is_alive() {
  local pid=$1 line st
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  { read -r line <"/proc/$pid/stat"; } 2>/dev/null || return 1
  st=${line##*) }
  st=${st%% *}
  [[ -n "$st" && "$st" != Z && "$st" != X ]]
}
is_ours() {
  local pid=$1 args=()
  is_alive "$pid" || return 1
  { mapfile -d '' args <"/proc/$pid/cmdline"; } 2>/dev/null || return 1
  [[ "${args[*]}" == *"$DIR/"* ]]
}
# Prints the pid and succeeds when NAME's recorded process is alive and ours.
running_pid() {
  local pf pid
  pf=$(pidfile "$1")
  [[ -f "$pf" ]] || return 1
  read -r pid <"$pf" 2>/dev/null || return 1
  is_ours "$pid" || return 1
  echo "$pid"
}
# Removes a pid file whose process is gone or is not ours (stale, after a crash or a reboot).
clear_stale() {
  local pf
  pf=$(pidfile "$1")
  if [[ -f "$pf" ]] && ! running_pid "$1" >/dev/null; then
    log "removing stale pid file for $1 (pid $(cat "$pf" 2>/dev/null || true))"
    rm -f "$pf"
  fi
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

LAUNCHED=()
# launch NAME LOGFILE CMD ARGS... : starts CMD as its own session (setsid execs, so $! is the server's
# own pid), detached from our stdio and lock fd, and records the pid.
launch() {
  local name=$1 logf=$2
  shift 2
  local port
  port=$(name_port "$name")
  if [[ "$port" != "-" ]] && port_busy "$port"; then
    die "cannot start $name: port 127.0.0.1:$port is already in use by a process this sandbox does not know"
  fi
  printf '\n==== %s starting %s\n' "$(date '+%F %T')" "$name" >>"$logf"
  LAUNCHED+=("$name")
  setsid nohup "$@" >>"$logf" 2>&1 </dev/null 9>&- &
  local pid=$!
  echo "$pid" >"$(pidfile "$name")"
  log "started $name (pid $pid)"
}

# stop_proc NAME [group]: SIGTERM the recorded pid (or its process group), wait up to 20 s, then SIGKILL.
stop_proc() {
  local name=$1 group=${2:-} pf pid target i
  pf=$(pidfile "$name")
  [[ -f "$pf" ]] || return 0
  pid=$(<"$pf") || true
  if is_ours "$pid"; then
    target=$pid
    [[ -n "$group" ]] && target="-$pid"
    kill -TERM -- "$target" 2>/dev/null || true
    for (( i = 0; i < STOP_TIMEOUT_DS; i++ )); do
      is_alive "$pid" || break
      sleep 0.1
    done
    if is_alive "$pid"; then
      log "$name (pid $pid) did not stop within $((STOP_TIMEOUT_DS / 10)) s: SIGKILL"
      kill -KILL -- "$target" 2>/dev/null || true
      for (( i = 0; i < 50; i++ )); do is_alive "$pid" || break; sleep 0.1; done
    fi
    if [[ -n "$group" ]]; then
      # Leftover members of the group (e.g. workload's clients): SIGKILL them by process group id.
      kill -0 -- "-$pid" 2>/dev/null && { sleep 0.3; kill -KILL -- "-$pid" 2>/dev/null || true; }
    fi
    log "stopped $name (pid $pid)"
  fi
  rm -f "$pf"
}

# ------------------------------------------------------------------------------------------ health
health_mariadb()  { mariadb-admin --defaults-file="$(mcnf "$1")" -uroot --connect-timeout=2 ping >/dev/null 2>&1; }
http_ok()         { curl -sf -m 2 -o /dev/null "http://127.0.0.1:$1$2"; }
health_sshd() {
  local fd banner=""
  { exec {fd}<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
  read -r -t 2 -N 7 banner <&"$fd" || true
  exec {fd}>&-
  [[ "$banner" == "SSH-2.0" ]]
}
healthy() {
  local name=$1
  running_pid "$name" >/dev/null || return 1
  case "$name" in
    mariadb-*) health_mariadb "${name#mariadb-}" ;;
    exporter-*) http_ok "$(exporter_port "${name#exporter-}")" / ;;
    prometheus) http_ok "$PROM_PORT" /-/ready ;;
    alertmanager) http_ok "$AM_PORT" /-/ready ;;
    sshd) health_sshd "$SSHD_PORT" ;;
    workload) return 0 ;;
    prometheus-tidb) http_ok "$PROM_TIDB_PORT" /-/ready ;;
  esac
}
# Health of every process, checked in parallel (each check costs up to ~0.1 s): fills HEALTH[name]=up|down.
declare -A HEALTH=()
snapshot_health() {
  local n tmp
  tmp=$(mktemp -d)
  local pids=() p
  for n in $(all_names); do
    ( if healthy "$n"; then echo up; else echo down; fi >"$tmp/$n" ) &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || true; done    # never a bare `wait`: servers are children too
  for n in $(all_names); do HEALTH[$n]=$(cat "$tmp/$n" 2>/dev/null || echo down); done
  rm -rf "$tmp"
}
# Healthy according to the snapshot when there is one (and it said up), else checked now.
healthy_now() {
  [[ "${HEALTH[$1]:-}" == up ]] && return 0
  healthy "$1"
}

# wait_healthy NAME SECONDS LOGFILE
wait_healthy() {
  local name=$1 secs=$2 logf=$3 i pid
  pid=$(cat "$(pidfile "$name")" 2>/dev/null || true)
  for (( i = 0; i < secs * 10; i++ )); do
    if ! is_alive "$pid"; then
      log "$name (pid $pid) exited during startup; last lines of $logf:"
      tail -n 25 "$logf" >&2 || true
      rm -f "$(pidfile "$name")"
      return 1
    fi
    if healthy "$name"; then return 0; fi
    sleep 0.1
  done
  log "$name not healthy after $secs s; last lines of $logf:"
  tail -n 25 "$logf" >&2 || true
  return 1
}

# ------------------------------------------------------------------------------------------ setup
prepare_dirs() {
  mkdir -p "$DIR"/{run,log,mariadb,exporter,prometheus/data,alertmanager/data,ssh,workload,tls,prometheus-tidb}
  chmod 700 "$DIR"
}

lock() {
  exec 9>"$DIR/.lock"
  flock -w 180 9 || die "another sandbox.sh holds $DIR/.lock"
}

save_base_port() {
  if [[ -n "$SAVED_BASE" && "$SAVED_BASE" != "$BASE" ]]; then
    local n
    for n in $(all_names); do
      if running_pid "$n" >/dev/null; then
        die "sandbox in $DIR runs with base port $SAVED_BASE, not $BASE: run '$0 down' first"
      fi
    done
  fi
  echo "BASE_PORT=$BASE" >"$DIR/ports.env"
  SAVED_BASE=$BASE
}

ensure_secrets() {
  local f="$DIR/secrets.env"
  if [[ ! -s "$f" ]]; then
    umask 077
    {
      echo "ADMIN_PASSWORD=$(openssl rand -hex 12)"
      echo "APP_PASSWORD=$(openssl rand -hex 12)"
      echo "EXPORTER_PASSWORD=$(openssl rand -hex 12)"
      echo "SSH_KEY_PASSPHRASE=$(openssl rand -hex 12)"
    } >"$f.tmp"
    mv "$f.tmp" "$f"
    umask 022
    log "generated passwords in $f"
  fi
  chmod 600 "$f"
  # shellcheck disable=SC1090
  source "$f"
}
load_secrets() {
  [[ -s "$DIR/secrets.env" ]] || die "no $DIR/secrets.env: run '$0 up' first"
  # shellcheck disable=SC1090
  source "$DIR/secrets.env"
}

ensure_tls() {
  local f ok=1
  for f in ca.pem ca-key.pem server.pem server-key.pem client.pem client-key.pem other-ca.pem; do
    [[ -s "$TLS/$f" ]] || ok=0
  done
  (( ok )) && return 0
  log "generating TLS CA and certificates in $TLS"
  rm -rf "$TLS"
  mkdir -p "$TLS"
  (
    cd "$TLS"
    umask 077
    local ec=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes)
    openssl req -x509 "${ec[@]}" -keyout ca-key.pem -out ca.pem -days 3650 -sha256 \
      -subj "/O=TiDesk Sandbox/CN=TiDesk Sandbox CA" \
      -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
    openssl req -x509 "${ec[@]}" -keyout other-ca-key.pem -out other-ca.pem -days 3650 -sha256 \
      -subj "/O=Unrelated Org/CN=Unrelated Test CA" \
      -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
    openssl req "${ec[@]}" -keyout server-key.pem -out server.csr -subj "/O=TiDesk Sandbox/CN=localhost" 2>/dev/null
    printf '%s\n' "basicConstraints=CA:FALSE" "keyUsage=critical,digitalSignature,keyEncipherment" \
      "extendedKeyUsage=serverAuth" "subjectAltName=IP:127.0.0.1,DNS:localhost" >server.ext
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -set_serial "0x$(openssl rand -hex 8)" \
      -days 3650 -sha256 -extfile server.ext -out server.pem 2>/dev/null
    openssl req "${ec[@]}" -keyout client-key.pem -out client.csr -subj "/O=TiDesk Sandbox/CN=tidesk_admin" 2>/dev/null
    printf '%s\n' "basicConstraints=CA:FALSE" "keyUsage=critical,digitalSignature" "extendedKeyUsage=clientAuth" >client.ext
    openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -set_serial "0x$(openssl rand -hex 8)" \
      -days 3650 -sha256 -extfile client.ext -out client.pem 2>/dev/null
    rm -f server.csr client.csr server.ext client.ext
    chmod 644 ca.pem other-ca.pem server.pem client.pem
    chmod 600 ./*-key.pem
  )
  openssl verify -CAfile "$TLS/ca.pem" "$TLS/server.pem" "$TLS/client.pem" >/dev/null || die "TLS generation failed"
}

ensure_ssh_keys() {
  mkdir -p "$SSHDIR"
  chmod 700 "$SSHDIR"
  [[ -s "$SSHDIR/ssh_host_ed25519_key" ]] ||
    ssh-keygen -q -t ed25519 -N '' -C tidesk-sandbox-host -f "$SSHDIR/ssh_host_ed25519_key"
  [[ -s "$SSHDIR/id_ed25519" ]] ||
    ssh-keygen -q -t ed25519 -N '' -C tidesk-sandbox-user -f "$SSHDIR/id_ed25519"
  [[ -s "$SSHDIR/id_ed25519_pass" ]] ||
    ssh-keygen -q -t ed25519 -N "$SSH_KEY_PASSPHRASE" -C tidesk-sandbox-user-passphrase -f "$SSHDIR/id_ed25519_pass"
  cat "$SSHDIR/id_ed25519.pub" "$SSHDIR/id_ed25519_pass.pub" >"$SSHDIR/authorized_keys"
  chmod 600 "$SSHDIR/authorized_keys" "$SSHDIR"/id_ed25519 "$SSHDIR"/id_ed25519_pass "$SSHDIR/ssh_host_ed25519_key"
}

write_known_hosts() {
  local key
  key=$(awk '{ print $1, $2 }' "$SSHDIR/ssh_host_ed25519_key.pub")
  printf '[127.0.0.1]:%s %s\n[localhost]:%s %s\n' "$SSHD_PORT" "$key" "$SSHD_PORT" "$key" >"$SSHDIR/known_hosts.tmp"
  mv "$SSHDIR/known_hosts.tmp" "$SSHDIR/known_hosts"
  chmod 644 "$SSHDIR/known_hosts"
}

write_mariadb_cnf() {
  local env=$1 d port
  d=$(mdir "$env")
  port=$(mariadb_port "$env")
  mkdir -p "$d/tmp"
  cat >"$d/my.cnf.tmp" <<EOF
# TiDesk sandbox MariaDB '$env' (generated by sandbox.sh; always used with --defaults-file).
[client]
socket=$d/mysqld.sock
port=$port

[mysqld]
user=root
datadir=$d/data
socket=$d/mysqld.sock
pid-file=$d/mysqld.pid
tmpdir=$d/tmp
port=$port
bind-address=127.0.0.1
log-error=$DIR/log/mariadb-$env.err
server-id=$(( IDX[$env] + 1 ))
skip-name-resolve
character-set-server=utf8mb4
collation-server=utf8mb4_general_ci
max_connections=200
performance_schema=OFF
slow_query_log=1
log_output=FILE,TABLE
long_query_time=0.1
slow_query_log_file=$d/data/slow.log
# Binary log on: backups record their binlog position (issue 6); kept small and short-lived.
log-bin=mysql-bin
max_binlog_size=32M
binlog_expire_logs_seconds=86400
ssl_ca=$TLS/ca.pem
ssl_cert=$TLS/server.pem
ssl_key=$TLS/server-key.pem
innodb_buffer_pool_size=64M
innodb_log_file_size=48M
innodb_flush_log_at_trx_commit=2
innodb_doublewrite=0
EOF
  mv "$d/my.cnf.tmp" "$d/my.cnf"
}

write_exporter_cnf() {
  local env=$1 f="$DIR/exporter/$1.cnf"
  umask 077
  cat >"$f.tmp" <<EOF
[client]
user=$EXPORTER_USER
password=$EXPORTER_PASSWORD
host=127.0.0.1
port=$(mariadb_port "$env")
EOF
  mv "$f.tmp" "$f"
  umask 022
}

write_workload_cnf() {
  local env=$1 f="$DIR/workload/$1.cnf"
  umask 077
  cat >"$f.tmp" <<EOF
[client]
user=$APP_USER
password=$APP_PASSWORD
host=127.0.0.1
port=$(mariadb_port "$env")
database=$DEMO_SCHEMA
connect-timeout=2
EOF
  mv "$f.tmp" "$f"
  umask 022
}

cfg_sum() { { cat "$@" 2>/dev/null || true; } | md5sum; }
PROM_RELOAD=0
AM_RELOAD=0

write_prometheus_cfg() {
  local env before
  before=$(cfg_sum "$DIR/prometheus/prometheus.yml" "$DIR/prometheus/rules.yml")
  cat >"$DIR/prometheus/rules.yml" <<'EOF'
groups:
  - name: tidesk-sandbox-mariadb
    rules:
      - alert: MariaDBInstanceDown
        expr: mysql_up == 0
        for: 15s
        labels:
          severity: critical
        annotations:
          summary: "MariaDB {{ $labels.env }} is down"
          description: "mysqld_exporter {{ $labels.instance }} cannot reach the MariaDB server of env {{ $labels.env }}."
      - alert: MariaDBExporterDown
        expr: up{job="mysql"} == 0
        for: 15s
        labels:
          severity: critical
        annotations:
          summary: "mysqld_exporter of {{ $labels.env }} is not scraped"
      - alert: MariaDBSlowQueries
        expr: rate(mysql_global_status_slow_queries[2m]) > 0.1
        for: 30s
        labels:
          severity: warning
        annotations:
          summary: "MariaDB {{ $labels.env }}: {{ $value | printf \"%.2f\" }} slow queries/s"
      - alert: MariaDBTooManyConnections
        expr: mysql_global_status_threads_connected / mysql_global_variables_max_connections > 0.8
        for: 15s
        labels:
          severity: warning
        annotations:
          summary: "MariaDB {{ $labels.env }} uses {{ $value | humanizePercentage }} of max_connections"
EOF
  {
    cat <<EOF
# TiDesk sandbox Prometheus (generated by sandbox.sh)
global:
  scrape_interval: 5s
  scrape_timeout: 4s
  evaluation_interval: 5s
  external_labels:
    sandbox: tidesk
rule_files:
  - $DIR/prometheus/rules.yml
alerting:
  alertmanagers:
    - static_configs:
        - targets: ['127.0.0.1:$AM_PORT']
scrape_configs:
  - job_name: mysql
    static_configs:
EOF
    for env in "${ENVS[@]}"; do
      cat <<EOF
      - targets: ['127.0.0.1:$(exporter_port "$env")']
        labels:
          env: $env
          tier: ${TIER[$env]}
EOF
    done
  } >"$DIR/prometheus/prometheus.yml"
  [[ "$before" == "$(cfg_sum "$DIR/prometheus/prometheus.yml" "$DIR/prometheus/rules.yml")" ]] || PROM_RELOAD=1
}

write_alertmanager_cfg() {
  local before
  before=$(cfg_sum "$DIR/alertmanager/alertmanager.yml")
  cat >"$DIR/alertmanager/alertmanager.yml" <<'EOF'
# TiDesk sandbox Alertmanager (generated by sandbox.sh): alerts are kept and shown, never sent anywhere.
route:
  receiver: sandbox-null
  group_by: ['alertname', 'env']
  group_wait: 5s
  group_interval: 10s
  repeat_interval: 1h
receivers:
  - name: sandbox-null
EOF
  [[ "$before" == "$(cfg_sum "$DIR/alertmanager/alertmanager.yml")" ]] || AM_RELOAD=1
}

write_sshd_cfg() {
  cat >"$SSHDIR/sshd_config" <<EOF
# TiDesk sandbox bastion (generated by sandbox.sh)
ListenAddress 127.0.0.1:$SSHD_PORT
HostKey $SSHDIR/ssh_host_ed25519_key
PidFile $SSHDIR/sshd.pid
AuthorizedKeysFile $SSHDIR/authorized_keys
StrictModes no
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
PermitRootLogin prohibit-password
AllowTcpForwarding yes
PermitListen any
PermitOpen any
GatewayPorts no
X11Forwarding no
UseDNS no
PrintMotd no
MaxStartups 50:30:100
MaxSessions 50
LogLevel INFO
Subsystem sftp internal-sftp
EOF
}

write_configs() {
  local env
  for env in "${ENVS[@]}"; do
    write_mariadb_cnf "$env"
    write_exporter_cnf "$env"
    write_workload_cnf "$env"
  done
  write_prometheus_cfg
  write_alertmanager_cfg
  write_sshd_cfg
}

# ------------------------------------------------------------------------------------------ MariaDB
ensure_installed() {
  local env=$1 d
  d=$(mdir "$env")
  [[ -f "$d/.installed" ]] && return 0
  rm -rf "$d/data" "$d/.installed" "$d/.provisioned" "$d/.shop-loaded"
  mkdir -p "$d/data"
  if ! mariadb-install-db --defaults-file="$d/my.cnf" --user=root --auth-root-authentication-method=socket \
      --skip-test-db >"$DIR/log/mariadb-$env-install.log" 2>&1; then
    tail -n 20 "$DIR/log/mariadb-$env-install.log" >&2
    die "mariadb-install-db failed for $env"
  fi
  touch "$d/.installed"
}

sql_root() { mariadb --defaults-file="$(mcnf "$1")" -uroot --batch --skip-column-names "${@:2}"; }

users_sql() {
  local h
  for h in '%' 'localhost' '127.0.0.1'; do
    cat <<EOF
CREATE USER IF NOT EXISTS '$ADMIN_USER'@'$h' IDENTIFIED BY '$ADMIN_PASSWORD';
ALTER USER '$ADMIN_USER'@'$h' IDENTIFIED BY '$ADMIN_PASSWORD';
GRANT ALL PRIVILEGES ON *.* TO '$ADMIN_USER'@'$h' WITH GRANT OPTION;
CREATE USER IF NOT EXISTS '$APP_USER'@'$h' IDENTIFIED BY '$APP_PASSWORD';
ALTER USER '$APP_USER'@'$h' IDENTIFIED BY '$APP_PASSWORD';
GRANT SELECT, INSERT, UPDATE, DELETE ON \`$DEMO_SCHEMA\`.* TO '$APP_USER'@'$h';
CREATE USER IF NOT EXISTS '$EXPORTER_USER'@'$h' IDENTIFIED BY '$EXPORTER_PASSWORD';
ALTER USER '$EXPORTER_USER'@'$h' IDENTIFIED BY '$EXPORTER_PASSWORD' WITH MAX_USER_CONNECTIONS 5;
GRANT PROCESS, REPLICATION CLIENT, SELECT, SLAVE MONITOR ON *.* TO '$EXPORTER_USER'@'$h';
EOF
  done
  echo "FLUSH PRIVILEGES;"
}

# Users + grants (every time), demo data (first creation only), TiDB catalog (uat01, every time).
provision() {
  local env=$1 d t0
  d=$(mdir "$env")
  t0=$(now_s)
  users_sql | sql_root "$env" || { log "user provisioning failed on $env"; return 1; }
  if [[ ! -f "$d/.shop-loaded" ]]; then
    sql_root "$env" <"$SCRIPT_DIR/shop.sql" >/dev/null || { log "loading $DEMO_SCHEMA failed on $env"; return 1; }
    touch "$d/.shop-loaded"
  fi
  if [[ "$env" == "$CATALOG_ENV" ]]; then
    sql_root "$env" <"$SCRIPT_DIR/tidb-catalog.sql" >/dev/null || { log "loading $CATALOG_SCHEMA failed on $env"; return 1; }
  fi
  echo "$PROVISION_VERSION" >"$d/.provisioned"
  log "provisioned mariadb-$env in $(elapsed "$t0") s"
}
needs_provision() { [[ "$(cat "$(mdir "$1")/.provisioned" 2>/dev/null || true)" != "$PROVISION_VERSION" ]]; }

start_mariadb_proc() {
  local env=$1
  launch "mariadb-$env" "$DIR/log/mariadb-$env.log" "$MARIADBD" --defaults-file="$(mcnf "$env")"
}

# Starts (if needed) and provisions (if needed) the given envs; parallel where it pays.
ensure_mariadbs() {
  local env pids=() need=() fail=0 p
  for env in "$@"; do
    if healthy_now "mariadb-$env"; then continue; fi
    if running_pid "mariadb-$env" >/dev/null; then
      # Our process, alive but not answering (e.g. still in crash recovery): give it time.
      wait_healthy "mariadb-$env" 60 "$DIR/log/mariadb-$env.err" && continue
      stop_proc "mariadb-$env"
    fi
    clear_stale "mariadb-$env"
    need+=("$env")
  done
  for env in "${need[@]}"; do ensure_installed "$env" & pids+=($!); done
  for p in "${pids[@]}"; do wait "$p" || fail=1; done
  (( fail == 0 )) || die "MariaDB install failed"
  for env in "${need[@]}"; do start_mariadb_proc "$env"; done
  for env in "${need[@]}"; do
    wait_healthy "mariadb-$env" 60 "$DIR/log/mariadb-$env.err" || die "mariadb-$env did not come up"
  done
  pids=()
  for env in "$@"; do
    if needs_provision "$env" || [[ " ${need[*]} " == *" $env "* ]]; then
      provision "$env" & pids+=($!)
    fi
  done
  for p in "${pids[@]}"; do wait "$p" || fail=1; done
  (( fail == 0 )) || die "MariaDB provisioning failed"
  return 0
}

# ------------------------------------------------------------------------------------------ other servers
ensure_exporter() {
  local env=$1 name="exporter-$1"
  healthy_now "$name" && return 0
  if running_pid "$name" >/dev/null; then stop_proc "$name"; fi
  clear_stale "$name"
  launch "$name" "$DIR/log/$name.log" "$EXPORTER_BIN" \
    --config.my-cnf="$DIR/exporter/$env.cnf" \
    --web.listen-address="127.0.0.1:$(exporter_port "$env")"
}

ensure_alertmanager() {
  if healthy_now alertmanager; then
    if (( AM_RELOAD )); then
      curl -sf -m 5 -X POST "http://127.0.0.1:$AM_PORT/-/reload" >/dev/null && log "alertmanager: config reloaded"
    fi
    return 0
  fi
  if running_pid alertmanager >/dev/null; then stop_proc alertmanager; fi
  clear_stale alertmanager
  launch alertmanager "$DIR/log/alertmanager.log" "$ALERTMANAGER_BIN" \
    --config.file="$DIR/alertmanager/alertmanager.yml" \
    --storage.path="$DIR/alertmanager/data" \
    --web.listen-address="127.0.0.1:$AM_PORT" \
    --cluster.listen-address= \
    --data.retention=24h
}

ensure_prometheus() {
  if healthy_now prometheus; then
    if (( PROM_RELOAD )); then
      curl -sf -m 5 -X POST "http://127.0.0.1:$PROM_PORT/-/reload" >/dev/null && log "prometheus: config reloaded"
    fi
    return 0
  fi
  if running_pid prometheus >/dev/null; then stop_proc prometheus; fi
  clear_stale prometheus
  launch prometheus "$DIR/log/prometheus.log" "$PROMETHEUS_BIN" \
    --config.file="$DIR/prometheus/prometheus.yml" \
    --storage.tsdb.path="$DIR/prometheus/data" \
    --storage.tsdb.retention.time=3d \
    --web.listen-address="127.0.0.1:$PROM_PORT" \
    --web.enable-lifecycle
}

# prometheus-tidb: a Prometheus that scrapes nothing and serves only the TiDB-shaped series that
# tidb-metrics.py generates for the last 7 days and promtool backfills (README.md, "TiDB metrics").
PTDIR="$DIR/prometheus-tidb"
backfill_newest() { sed -n 's/.*newest=\([0-9]*\).*/\1/p' "$PTDIR/backfill.info" 2>/dev/null || true; }
backfill_fresh() {
  local newest
  newest=$(backfill_newest)
  [[ -n "$newest" && -d "$PTDIR/data" ]] && (( $(date +%s) - newest < BACKFILL_MAX_AGE_S ))
}

backfill_tidb() {
  local t0 om="$PTDIR/om" info
  t0=$(now_s)
  rm -rf "$PTDIR/data" "$om" "$PTDIR/backfill.info"
  mkdir -p "$PTDIR/data" "$om"
  info=$("$PYTHON_BIN" "$SCRIPT_DIR/tidb-metrics.py" "$om") || die "tidb-metrics.py failed"
  log "prometheus-tidb: generated $info in $(elapsed "$t0") s"
  # One promtool per 2-hour file, two at a time (promtool re-reads its input once per block).
  if ! find "$om" -name '*.om' -print0 |
      xargs -0 -P2 -I{} "$PROMTOOL_BIN" tsdb create-blocks-from openmetrics -q {} "$PTDIR/data" \
        >"$DIR/log/prometheus-tidb-backfill.log" 2>&1; then
    tail -n 20 "$DIR/log/prometheus-tidb-backfill.log" >&2
    die "promtool backfill failed (log: $DIR/log/prometheus-tidb-backfill.log)"
  fi
  rm -rf "$om"
  echo "$info" >"$PTDIR/backfill.info"
  log "prometheus-tidb: backfilled $(find "$PTDIR/data" -mindepth 1 -maxdepth 1 -type d | wc -l) blocks in $(elapsed "$t0") s"
}

# Regenerates a missing or stale backfill in the background (it takes ~10-30 s) while the MariaDBs
# start; ensure_prometheus_tidb waits for it. The old prometheus-tidb is stopped first: its data
# dir is replaced.
BACKFILL_PID=""
start_backfill() {
  backfill_fresh && return 0
  if running_pid prometheus-tidb >/dev/null; then stop_proc prometheus-tidb; fi
  clear_stale prometheus-tidb
  HEALTH[prometheus-tidb]=down
  backfill_tidb &
  BACKFILL_PID=$!
}

ensure_prometheus_tidb() {
  if [[ -n "$BACKFILL_PID" ]]; then
    wait "$BACKFILL_PID" || die "prometheus-tidb backfill failed"
    BACKFILL_PID=""
  fi
  cat >"$PTDIR/prometheus.yml" <<'EOF'
# TiDesk sandbox prometheus-tidb (generated by sandbox.sh): no scrape targets; it serves only the
# backfilled TiDB-shaped series in data/ (tests/sandbox/tidb-metrics.py).
global:
  scrape_interval: 15s
EOF
  if backfill_fresh; then
    healthy_now prometheus-tidb && return 0
  fi
  if running_pid prometheus-tidb >/dev/null; then stop_proc prometheus-tidb; fi
  clear_stale prometheus-tidb
  backfill_fresh || backfill_tidb
  launch prometheus-tidb "$DIR/log/prometheus-tidb.log" "$PROMETHEUS_BIN" \
    --config.file="$PTDIR/prometheus.yml" \
    --storage.tsdb.path="$PTDIR/data" \
    --storage.tsdb.retention.time=30d \
    --web.listen-address="127.0.0.1:$PROM_TIDB_PORT"
}

ensure_sshd() {
  healthy_now sshd && return 0
  if running_pid sshd >/dev/null; then stop_proc sshd; fi
  clear_stale sshd
  mkdir -m 0755 -p /run/sshd
  "$SSHD" -t -f "$SSHDIR/sshd_config" || die "sshd config test failed"
  launch sshd "$DIR/log/sshd.log" "$SSHD" -D -e -f "$SSHDIR/sshd_config"
}

ensure_workload() {
  running_pid workload >/dev/null && return 0
  clear_stale workload
  launch workload "$DIR/log/workload.log" /bin/bash "$SCRIPT_DIR/workload.sh" "$DIR/"
}

# ------------------------------------------------------------------------------------------ outputs
write_sandbox_env() {
  local env f="$DIR/sandbox.env"
  {
    echo "# TiDesk sandbox (generated by $SCRIPT_PATH up). Secrets inside: mode 600."
    echo "SANDBOX_DIR=$DIR"
    echo "SANDBOX_HOST=127.0.0.1"
    echo "SANDBOX_ENVS=\"${ENVS[*]}\""
    for env in "${ENVS[@]}"; do
      echo "MARIADB_PORT_$env=$(mariadb_port "$env")"
      echo "MARIADB_SOCKET_$env=$(msock "$env")"
      echo "MARIADB_CNF_$env=$(mcnf "$env")"
      echo "EXPORTER_PORT_$env=$(exporter_port "$env")"
    done
    echo "ADMIN_USER=$ADMIN_USER"
    echo "ADMIN_PASSWORD=$ADMIN_PASSWORD"
    echo "APP_USER=$APP_USER"
    echo "APP_PASSWORD=$APP_PASSWORD"
    echo "EXPORTER_USER=$EXPORTER_USER"
    echo "EXPORTER_PASSWORD=$EXPORTER_PASSWORD"
    echo "TLS_CA=$TLS/ca.pem"
    echo "TLS_OTHER_CA=$TLS/other-ca.pem"
    echo "TLS_CLIENT_CERT=$TLS/client.pem"
    echo "TLS_CLIENT_KEY=$TLS/client-key.pem"
    echo "PROMETHEUS_PORT=$PROM_PORT"
    echo "ALERTMANAGER_PORT=$AM_PORT"
    echo "SSHD_PORT=$SSHD_PORT"
    echo "PROMETHEUS_TIDB_PORT=$PROM_TIDB_PORT"
    # The backfill's figures: newest/oldest sample and the deliberate gap (epoch seconds).
    local info
    info=$(cat "$PTDIR/backfill.info" 2>/dev/null || true)
    echo "PROMETHEUS_TIDB_NEWEST=$(sed -n 's/.*newest=\([0-9]*\).*/\1/p' <<<"$info")"
    echo "PROMETHEUS_TIDB_OLDEST=$(sed -n 's/.*oldest=\([0-9]*\).*/\1/p' <<<"$info")"
    echo "PROMETHEUS_TIDB_GAP_FROM=$(sed -n 's/.*gap=\([0-9]*\)-.*/\1/p' <<<"$info")"
    echo "PROMETHEUS_TIDB_GAP_TO=$(sed -n 's/.*gap=[0-9]*-\([0-9]*\).*/\1/p' <<<"$info")"
    echo "PROMETHEUS_TIDB_GAP_INSTANCE=$(sed -n 's/.*instance=\([^ ]*\).*/\1/p' <<<"$info")"
    echo "SSH_USER=root"
    echo "SSH_USER_KEY=$SSHDIR/id_ed25519"
    echo "SSH_USER_KEY_PASSPHRASE=$SSHDIR/id_ed25519_pass"
    echo "SSH_KEY_PASSPHRASE=$SSH_KEY_PASSPHRASE"
    echo "SSH_KNOWN_HOSTS=$SSHDIR/known_hosts"
    echo "SSH_HOST_KEY_PUB=$SSHDIR/ssh_host_ed25519_key.pub"
    echo "TIDB_CATALOG_ENV=$CATALOG_ENV"
    echo "TIDB_CATALOG_SCHEMA=$CATALOG_SCHEMA"
    echo "DEMO_TIDB_ENV=$DEMO_TIDB_ENV"
    echo "DEMO_SCHEMA=$DEMO_SCHEMA"
    echo "DEMO_INVENTORY=$DIR/inventory.json"
    echo "SANDBOX_SCRIPT=$SCRIPT_PATH"
  } >"$f.tmp"
  chmod 600 "$f.tmp"
  mv "$f.tmp" "$f"
}

# prod is reached only through the bastion (issue 3): its MariaDB still listens on 127.0.0.1, but
# the demo inventory goes through an SSH tunnel, like a production database behind a jump host.
inventory_ssh() {
  if [[ "$1" == prod ]]; then
    printf '{"enabled": true, "host": "127.0.0.1", "port": %s, "user": "root", "identity_file": "%s", "known_hosts": "%s"}' \
      "$SSHD_PORT" "$SSHDIR/id_ed25519" "$SSHDIR/known_hosts"
  else
    printf '{"enabled": false, "host": "", "port": 22, "user": "", "identity_file": "", "known_hosts": ""}'
  fi
}

write_inventory() {
  local env i=0 n=${#ENVS[@]} notes f="$DIR/inventory.json"
  {
    printf '{\n  "format": "tidesk-inventory",\n  "version": 1,\n  "environments": [\n'
    for env in "${ENVS[@]}"; do
      i=$((i + 1))
      notes="Sandbox MariaDB"
      [[ "$env" == "$CATALOG_ENV" ]] && notes="Sandbox MariaDB (TiDB catalog fixture in schema $CATALOG_SCHEMA)"
      cat <<EOF
    {
      "name": "$env",
      "tier": "${TIER[$env]}",
      "color": "",
      "tags": ["sandbox", "mariadb"],
      "engine": "auto",
      "endpoints": [{"host": "127.0.0.1", "port": $(mariadb_port "$env"), "label": ""}],
      "user": "$ADMIN_USER",
      "database": "$DEMO_SCHEMA",
      "tls": {"mode": "verify_ca", "ca": "$TLS/ca.pem", "cert": "", "key": ""},
      "ssh": $(inventory_ssh "$env"),
      "prometheus_url": "http://127.0.0.1:$PROM_PORT",
      "prometheus_selector": "env=\"$env\"",
      "alertmanager_url": "http://127.0.0.1:$AM_PORT",
      "pd_url": "",
      "backup": {"url": "", "notes": ""},
      "notes": "$notes",
      "connect_timeout_ms": 5000,
      "query_timeout_ms": 30000
    },
EOF
    done
    # A TiDB environment for the demo and the UI tests: SQL on the tidb_catalog fixture (TiDB's
    # table shapes over the catalog instance, read when TIDESK_TIDB_CATALOG_SCHEMA is set), charts
    # from prometheus-tidb's backfilled TiDB series. Not a TiDB server: docs/tidb-testing.md.
    cat <<EOF
    {
      "name": "$DEMO_TIDB_ENV",
      "tier": "uat",
      "color": "",
      "tags": ["sandbox", "tidb", "catalog-fixture"],
      "engine": "tidb",
      "endpoints": [{"host": "127.0.0.1", "port": $(mariadb_port "$CATALOG_ENV"), "label": "tidb-lb"}],
      "user": "$ADMIN_USER",
      "database": "$CATALOG_SCHEMA",
      "tls": {"mode": "verify_ca", "ca": "$TLS/ca.pem", "cert": "", "key": ""},
      "ssh": $(inventory_ssh "$DEMO_TIDB_ENV"),
      "prometheus_url": "http://127.0.0.1:$PROM_TIDB_PORT",
      "prometheus_selector": "",
      "alertmanager_url": "http://127.0.0.1:$AM_PORT",
      "pd_url": "",
      "backup": {"url": "", "notes": ""},
      "notes": "TiDB-shaped demo: SQL on the tidb_catalog fixture of $CATALOG_ENV, metrics backfilled into prometheus-tidb",
      "connect_timeout_ms": 5000,
      "query_timeout_ms": 30000
    }
EOF
    printf '  ]\n}\n'
  } >"$f.tmp"
  chmod 644 "$f.tmp"
  mv "$f.tmp" "$f"
}

# ------------------------------------------------------------------------------------------ commands
cmd_status() {
  local n pid bad=0
  (( ${#HEALTH[@]} > 0 )) || snapshot_health
  printf '%-18s %-8s %-6s %s\n' NAME PID PORT HEALTH
  for n in $(all_names); do
    pid=$(running_pid "$n" || echo -)
    [[ "${HEALTH[$n]}" == up ]] || bad=1
    printf '%-18s %-8s %-6s %s\n' "$n" "$pid" "$(name_port "$n")" "${HEALTH[$n]}"
  done
  return $bad
}

cmd_up() {
  local t0 env
  t0=$(now_s)
  prepare_dirs
  lock
  save_base_port
  snapshot_health
  ensure_secrets
  ensure_tls
  ensure_ssh_keys
  write_configs
  start_backfill
  ensure_mariadbs "${ENVS[@]}"
  for env in "${ENVS[@]}"; do ensure_exporter "$env"; done
  ensure_alertmanager
  ensure_prometheus
  ensure_sshd
  ensure_prometheus_tidb
  write_known_hosts
  local n
  for n in "${LAUNCHED[@]}"; do
    case "$n" in
      mariadb-*) ;;
      *) wait_healthy "$n" 60 "$DIR/log/$n.log" || die "$n did not become healthy" ;;
    esac
  done
  ensure_workload
  write_sandbox_env
  write_inventory
  (( ${#LAUNCHED[@]} == 0 )) || HEALTH=()    # something was started: check everything again
  cmd_status || die "some sandbox processes are down"
  log "sandbox up in $(elapsed "$t0") s: $DIR/sandbox.env"
}

cmd_down() {
  local t0 env pids=() p
  t0=$(now_s)
  [[ -d "$DIR/run" ]] || { log "no sandbox in $DIR: nothing to stop"; return 0; }
  lock
  rm -f "$DIR/sandbox.env"
  stop_proc workload group
  stop_proc sshd
  stop_proc prometheus &
  pids+=($!)
  stop_proc prometheus-tidb &
  pids+=($!)
  stop_proc alertmanager &
  pids+=($!)
  for env in "${ENVS[@]}"; do stop_proc "exporter-$env" & pids+=($!); done
  for p in "${pids[@]}"; do wait "$p" || true; done
  pids=()
  for env in "${ENVS[@]}"; do stop_proc "mariadb-$env" & pids+=($!); done
  for p in "${pids[@]}"; do wait "$p" || true; done
  log "sandbox down in $(elapsed "$t0") s (data kept in $DIR)"
}

require_dir() { [[ -d "$DIR/run" ]] || die "no sandbox in $DIR: run '$0 up' first"; }

cmd_stop_mariadb() {
  check_env_name "${1:-}"
  [[ -d "$DIR/run" ]] || { log "no sandbox in $DIR: nothing to stop"; return 0; }
  lock
  stop_proc "mariadb-$1"
}

cmd_start_mariadb() {
  check_env_name "${1:-}"
  require_dir
  lock
  load_secrets
  ensure_tls
  write_mariadb_cnf "$1"
  ensure_mariadbs "$1"
  log "mariadb-$1 up on 127.0.0.1:$(mariadb_port "$1")"
}

cmd_restart_mariadb() {
  check_env_name "${1:-}"
  require_dir
  lock
  load_secrets
  ensure_tls
  stop_proc "mariadb-$1"
  write_mariadb_cnf "$1"
  ensure_mariadbs "$1"
  log "mariadb-$1 restarted on 127.0.0.1:$(mariadb_port "$1")"
}

cmd_regen_host_key() {
  require_dir
  lock
  load_secrets
  rm -f "$SSHDIR/ssh_host_ed25519_key" "$SSHDIR/ssh_host_ed25519_key.pub"
  ensure_ssh_keys
  write_sshd_cfg
  stop_proc sshd
  ensure_sshd
  wait_healthy sshd 15 "$DIR/log/sshd.log" || die "sshd failed"
  log "new host key: $(ssh-keygen -lf "$SSHDIR/ssh_host_ed25519_key.pub")"
  log "$SSHDIR/known_hosts still holds the OLD key (MITM test); '$0 trust-host-key' or '$0 up' re-trusts"
}

cmd_trust_host_key() {
  require_dir
  lock
  [[ -s "$SSHDIR/ssh_host_ed25519_key.pub" ]] || die "no host key yet: run '$0 up' first"
  write_known_hosts
  log "known_hosts updated: $SSHDIR/known_hosts"
}

usage() {
  cat >&2 <<EOF
usage: $0 up | down | status | restart-mariadb ENV | stop-mariadb ENV | start-mariadb ENV
          | regen-host-key | trust-host-key
  ENV: ${ENVS[*]}      dir: $DIR      base port: $BASE
EOF
  exit 2
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  restart-mariadb) cmd_restart_mariadb "${2:-}" ;;
  stop-mariadb) cmd_stop_mariadb "${2:-}" ;;
  start-mariadb) cmd_start_mariadb "${2:-}" ;;
  regen-host-key) cmd_regen_host_key ;;
  trust-host-key) cmd_trust_host_key ;;
  *) usage ;;
esac
