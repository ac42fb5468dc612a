#!/usr/bin/env bash
# TiDesk sandbox workload generator. Started by sandbox.sh as its own session/process group
# (setsid), stopped by `sandbox.sh down` with SIGTERM to that group.
#
# Every second, per environment: a small batch of mixed reads/writes (user app, TCP 127.0.0.1, schema
# shop) goes to a persistent `mariadb` client. Now and then a slow query (0.2-2 s, SLEEP-padded real
# joins/scans) runs in the background (every 3 s on prod, so the slow-query alert fires there), and
# about once a minute per environment a "runaway" query (SLEEP(40)) starts, so slow SQL and killable
# long-running sessions always exist.
set -u

DIR=${1:?usage: workload.sh SANDBOX_DIR}
DIR=${DIR%/}
ENVS=(dev test01 uat01 prod)
# Slow queries on a fixed schedule (every N s) so the slow-query alert (rate > 0.1/s) is steady:
# prod ~0.35/s fires it, the others ~0.05/s never do.
declare -A SLOW_EVERY=([dev]=30 [test01]=30 [uat01]=20 [prod]=3)
declare -A RUNAWAY_AT=([dev]=7 [test01]=22 [uat01]=37 [prod]=52)         # second of the minute
CATS=(books electronics garden toys grocery clothing sports beauty home automotive)

trap 'trap - TERM INT; kill -TERM 0 2>/dev/null; exit 0' TERM INT

# A batch of statements for one tick ($1); ids are random, data stays bounded.
batch() {
  local t=$1
  local c=$((RANDOM % 20000 + 1)) p=$((RANDOM % 2000 + 1)) o=$(((RANDOM * 32768 + RANDOM) % 50000 + 1))
  local cat=${CATS[RANDOM % 10]}
  echo "SELECT id, email, full_name FROM customers WHERE id = $c;"
  echo "SELECT id, status, total, created_at FROM orders WHERE customer_id = $c ORDER BY created_at DESC LIMIT 10;"
  echo "SELECT p.id, p.name, p.price, p.stock FROM products p WHERE p.category = '$cat' ORDER BY p.price LIMIT 20;"
  echo "SELECT oi.product_id, oi.quantity, oi.unit_price FROM order_items oi WHERE oi.order_id = $o;"
  if ((t % 2 == 0)); then
    echo "UPDATE products SET stock = stock - 1 WHERE id = $p AND stock > 0;"
  fi
  if ((t % 3 == 0)); then
    echo "START TRANSACTION;"
    echo "INSERT INTO orders (customer_id, status, total, created_at, updated_at) VALUES ($c, 'pending', 0, NOW(), NOW());"
    echo "SET @oid = LAST_INSERT_ID();"
    echo "INSERT INTO order_items (order_id, product_id, quantity, unit_price) SELECT @oid, id, $((RANDOM % 3 + 1)), price FROM products WHERE id = $p;"
    echo "UPDATE orders SET total = (SELECT SUM(quantity * unit_price) FROM order_items WHERE order_id = @oid) WHERE id = @oid;"
    echo "COMMIT;"
  fi
  if ((t % 5 == 0)); then
    echo "UPDATE customers SET last_login = NOW() WHERE id = $c;"
  fi
  if ((t % 7 == 0)); then
    echo "UPDATE orders SET status = 'shipped', updated_at = NOW() WHERE id = $o AND status = 'paid';"
  fi
  if ((t % 11 == 0)); then
    echo "SELECT rating, COUNT(*) FROM reviews WHERE product_id = $p GROUP BY rating;"
  fi
  if ((t % 60 == 30)); then
    echo "DELETE FROM orders WHERE status = 'cancelled' AND created_at < NOW() - INTERVAL 1000 DAY LIMIT 5;"
  fi
}

# A slow query: a real join/scan padded with a one-row SLEEP derived table (0.2-1.9 s).
slow_query() {
  local n=$((RANDOM % 18 + 2))
  local d="$((n / 10)).$((n % 10))"
  case $((RANDOM % 5)) in
    0) echo "SELECT c.country, COUNT(*) AS orders, SUM(o.total) AS revenue FROM (SELECT SLEEP($d) AS pause) w, orders o JOIN customers c ON c.id = o.customer_id WHERE o.created_at >= NOW() - INTERVAL 30 DAY GROUP BY c.country" ;;
    1) echo "SELECT oi.* FROM (SELECT SLEEP($d) AS pause) w, order_items oi WHERE oi.unit_price * oi.quantity > $((RANDOM % 500 + 2000))" ;;
    2) echo "SELECT p.category, AVG(r.rating) AS avg_rating, COUNT(*) AS reviews FROM (SELECT SLEEP($d) AS pause) w, reviews r JOIN products p ON p.id = r.product_id GROUP BY p.category ORDER BY avg_rating DESC" ;;
    3) echo "SELECT o.customer_id, COUNT(*) AS n, SUM(o.total) AS spent FROM (SELECT SLEEP($d) AS pause) w, orders o GROUP BY o.customer_id HAVING n > 6 ORDER BY spent DESC LIMIT 20" ;;
    4) echo "SELECT c.id, c.email FROM (SELECT SLEEP($d) AS pause) w, customers c WHERE c.full_name LIKE '%$((RANDOM % 9))%' OR c.email LIKE '%${RANDOM}%'" ;;
  esac
}

runaway_query() {
  if ((RANDOM % 2)); then
    echo "SELECT o.id, o.total, SLEEP(40) AS export_wait FROM orders o WHERE o.id = $((RANDOM % 50000 + 1))"
  else
    echo "SELECT COUNT(*) AS n, SUM(oi.quantity * oi.unit_price) AS revenue FROM (SELECT SLEEP(40) AS pause) w, order_items oi"
  fi
}

# One persistent `mariadb` client per environment (an "application connection"), fed through a FIFO:
# far cheaper than a client process per batch. Without --force the client exits at the first error
# (its session was KILLed, the server restarted, a deadlock...); it is then restarted, at most every 5 s.
declare -A CPID=() CFD=() CNEXT=()
trap '' PIPE    # a dead client must not kill us: writes then fail with EPIPE instead

start_client() {
  local env=$1 fifo="$DIR/workload/$1.fifo" fd
  [[ -p "$fifo" ]] || { rm -f "$fifo"; mkfifo -m 600 "$fifo"; }
  mariadb --defaults-file="$DIR/workload/$env.cnf" --batch --silent <"$fifo" >/dev/null 2>&1 &
  CPID[$env]=$!
  exec {fd}>"$fifo"
  CFD[$env]=$fd
}

stop_client() {
  local env=$1
  local fd=${CFD[$env]:-}
  if [[ -n "$fd" ]]; then exec {fd}>&-; fi
  unset "CFD[$env]" "CPID[$env]"
}

client_alive() { [[ -n "${CPID[$1]:-}" ]] && kill -0 "${CPID[$1]}" 2>/dev/null; }

echo "$(date '+%F %T') workload started (pid $$) for: ${ENVS[*]}"
t=0
while true; do
  t=$((t + 1))
  for env in "${ENVS[@]}"; do
    if ! client_alive "$env"; then
      [[ -n "${CPID[$env]:-}" ]] && { stop_client "$env"; CNEXT[$env]=$((t + 5)); echo "$(date '+%F %T') $env: client exited, retry in 5 s"; }
      if ((t >= ${CNEXT[$env]:-0})); then
        start_client "$env"
      fi
    fi
    if client_alive "$env"; then
      batch "$t" >&"${CFD[$env]}" 2>/dev/null || stop_client "$env"
    fi
    if (((t + RUNAWAY_AT[$env]) % SLOW_EVERY[$env] == 0)); then
      timeout --foreground 30 mariadb --defaults-file="$DIR/workload/$env.cnf" --batch --silent -e "$(slow_query)" >/dev/null 2>&1 &
    fi
    if ((t % 60 == RUNAWAY_AT[$env])); then
      timeout --foreground 55 mariadb --defaults-file="$DIR/workload/$env.cnf" --batch --silent -e "$(runaway_query)" >/dev/null 2>&1 &
    fi
  done
  if ((t % 600 == 0)); then
    echo "$(date '+%F %T') workload tick $t"
  fi
  sleep 1
done
