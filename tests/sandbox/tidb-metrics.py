#!/usr/bin/env python3
"""TiDB-shaped Prometheus series for the sandbox's prometheus-tidb (see README.md beside this file).

Writes OpenMetrics text files covering the last 7 days up to NOW, for
`promtool tsdb create-blocks-from openmetrics FILE DIR`: timestamps in SECONDS, every series written
as one contiguous run with ascending timestamps, `# EOF` last. One file per 2-hour block window
(OUTDIR/block-<start>.om): promtool 2.42 re-reads its whole input once per 2-hour block, so one
7-day file costs 84 passes (~40 s of CPU) where 85 small files cost about two. Resolution: 30 s for the last 24 h,
5 min before that (a 7-day chart asks for a 15-min step, so the coarse part is invisible there and
it keeps promtool's import short).

The cluster is the one of tidb-catalog.sql (CLUSTER_INFO): TiDB 10.0.1.4/5 (status :10080), TiKV
10.0.1.7-9 (:20180), PD 10.0.1.1-3 (:2379); job labels tidb/tikv/pd as TiUP's prometheus.yml sets
them. Shapes: a daily cycle (peak 14:00 UTC), noise, a load spike from 100 to 90 minutes before NOW
(QPS x3, latency x4, connections +80) and a deliberate GAP: no sample at all for the TiDB instance
10.0.1.5:10080 from 3 h 15 min to 3 h before NOW (Prometheus' 5-minute lookback hides the first
5 minutes of it in gauge queries, so ~10 minutes show as missing steps).

Usage: tidb-metrics.py OUTDIR [--now EPOCH_SECONDS]
Prints one line of figures (series, samples, newest timestamp) to stdout.
Pure Python 3 standard library (Debian 12: python3).
"""

import math
import os
import random
import sys

DAY = 86400
FINE_STEP = 30
COARSE_STEP = 300
FINE_SPAN = DAY
TOTAL_SPAN = 7 * DAY
BLOCK = 7200  # promtool's block duration (tsdb.DefaultBlockDuration)

TIDB = ["10.0.1.4:10080", "10.0.1.5:10080"]
TIKV = ["10.0.1.7:20180", "10.0.1.8:20180", "10.0.1.9:20180"]
PD = ["10.0.1.1:2379", "10.0.1.2:2379", "10.0.1.3:2379"]
PD_LEADER = PD[0]
GAP_INSTANCE = TIDB[1]

STATEMENT_SHARE = {"Select": 0.62, "Insert": 0.14, "Update": 0.10, "Delete": 0.02,
                   "Begin": 0.06, "Commit": 0.06}
# sql_type -> (share of statements, median latency in seconds)
LATENCY = {"Select": (0.62, 0.002), "Insert": (0.14, 0.004), "Update": (0.10, 0.005),
           "internal": (0.08, 0.001)}
SIGMA = 0.9
BUCKETS = [0.0005 * 2 ** k for k in range(13)]  # 0.0005 .. 2.048 s, then +Inf
GIB = 1024 ** 3


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    now = None
    if len(sys.argv) >= 4 and sys.argv[2] == "--now":
        now = int(sys.argv[3])
    if now is None:
        import time
        now = int(time.time())
    now -= now % FINE_STEP
    start = now - TOTAL_SPAN
    fine_from = now - FINE_SPAN
    times = list(range(start, fine_from, COARSE_STEP)) + list(range(fine_from, now + 1, FINE_STEP))
    spike = (now - 100 * 60, now - 90 * 60)
    gap = (now - 3 * 3600 - 15 * 60, now - 3 * 3600)

    def cycle(t):  # 0.2 .. 1.0, peak at 14:00 UTC
        return 0.6 + 0.4 * math.sin(2 * math.pi * ((t % DAY) / 3600.0 - 8) / 24)

    def in_spike(t):
        return spike[0] <= t < spike[1]

    def in_gap(instance, t):
        return instance == GAP_INSTANCE and gap[0] <= t < gap[1]

    rng = random.Random(20260130)
    noise = [1 + 0.08 * (rng.random() - 0.5) for _ in range(len(times))]

    def qps(instance_idx, k):
        t = times[k]
        base = (420.0, 310.0)[instance_idx]
        return base * cycle(t) * noise[k] * (3.0 if in_spike(t) else 1.0)

    files = {}

    def file_for(t):
        window = t - t % BLOCK
        f = files.get(window)
        if f is None:
            f = files[window] = open("%s/block-%d.om" % (out_dir, window), "w", buffering=1 << 16)
        return f

    counts = {"series": 0, "samples": 0}

    def series(name, labels, values):
        """values: list of (t, v) ascending; v None = no sample."""
        lab = ",".join('%s="%s"' % (k, labels[k]) for k in sorted(labels))
        prefix = "%s{%s} " % (name, lab)
        n = 0
        window, w = -1, None
        for t, v in values:
            if v is None:
                continue
            if t - t % BLOCK != window:
                window = t - t % BLOCK
                w = file_for(t).write
            w("%s%s %d\n" % (prefix, fmt(v), t))
            n += 1
        counts["series"] += 1
        counts["samples"] += n

    def counter(instance, rate_of_k):
        """Integrates rate_of_k(k) (per second) into a counter; gap samples left out."""
        total = 1000.0
        prev = times[0]
        vals = []
        for k, t in enumerate(times):
            total += rate_of_k(k) * (t - prev)
            prev = t
            vals.append((t, None if in_gap(instance, t) else total))
        return vals

    def gauge(instance, value_of_k):
        return [(t, None if in_gap(instance, t) else value_of_k(k)) for k, t in enumerate(times)]

    # --- TiDB: statements, commands, latency, connections
    for i, inst in enumerate(TIDB):
        lab = {"job": "tidb", "instance": inst}
        for typ, share in STATEMENT_SHARE.items():
            series("tidb_executor_statement_total", dict(lab, type=typ),
                   counter(inst, lambda k, s=share: qps(i, k) * s))
        for typ, share in (("Query", 0.7), ("StmtExecute", 0.3)):
            for result, frac in (("OK", 0.998), ("Error", 0.002)):
                series("tidb_server_query_total", dict(lab, type=typ, result=result),
                       counter(inst, lambda k, s=share * frac: qps(i, k) * s))
        for sql_type, (share, median) in LATENCY.items():
            def med(k, m=median):
                t = times[k]
                return m * (0.8 + 0.4 * cycle(t)) * (4.0 if in_spike(t) else 1.0)
            for le in BUCKETS + [math.inf]:
                def frac(k, le=le):
                    if le == math.inf:
                        return 1.0
                    z = (math.log(le) - math.log(med(k))) / SIGMA
                    return 0.5 * math.erfc(-z / math.sqrt(2))
                series("tidb_server_handle_query_duration_seconds_bucket",
                       dict(lab, sql_type=sql_type, le=fmt_le(le)),
                       counter(inst, lambda k, s=share, f=frac: qps(i, k) * s * f(k)))
            series("tidb_server_handle_query_duration_seconds_count", dict(lab, sql_type=sql_type),
                   counter(inst, lambda k, s=share: qps(i, k) * s))
            series("tidb_server_handle_query_duration_seconds_sum", dict(lab, sql_type=sql_type),
                   counter(inst, lambda k, s=share: qps(i, k) * s * med(k) * math.exp(SIGMA ** 2 / 2)))
        series("tidb_server_connections", lab,
               gauge(inst, lambda k: round((30 + 70 * cycle(times[k])) * noise[k] * (1 - 0.2 * i)
                                           + (80 if in_spike(times[k]) else 0))))

    # --- process CPU and memory, per component
    def load(k):
        return cycle(times[k]) * noise[k] * (2.0 if in_spike(times[k]) else 1.0)

    procs = [("tidb", inst, 0.3, 1.4, 1.2 * GIB, 0.9 * GIB) for inst in TIDB]
    procs += [("tikv", inst, 0.5, 1.8, 6.0 * GIB, 1.5 * GIB) for inst in TIKV]
    procs += [("pd", inst, 0.05, 0.1, 0.3 * GIB, 0.05 * GIB) for inst in PD]
    for n, (job, inst, cpu0, cpu1, mem0, mem1) in enumerate(procs):
        f = 1 + 0.09 * (n % 3) - (0.25 if inst == TIDB[1] else 0)  # nodes differ a little
        cpu0, cpu1, mem0, mem1 = cpu0 * f, cpu1 * f, mem0 * f, mem1 * f
        lab = {"job": job, "instance": inst}
        series("process_cpu_seconds_total", lab, counter(inst, lambda k, a=cpu0, b=cpu1: a + b * load(k)))
        series("process_resident_memory_bytes", lab,
               gauge(inst, lambda k, a=mem0, b=mem1: round(a + b * load(k))))

    # --- TiKV store size, PD cluster status and region health
    capacity = 500 * GIB

    def used(j, k):
        t = times[k]
        return (80 + 10 * j) * GIB + 1.5 * GIB * (t - start) / DAY + 0.2 * GIB * cycle(t)

    for j, inst in enumerate(TIKV):
        lab = {"job": "tikv", "instance": inst}
        series("tikv_store_size_bytes", dict(lab, type="capacity"), gauge(inst, lambda k: capacity))
        series("tikv_store_size_bytes", dict(lab, type="used"), gauge(inst, lambda k, j=j: round(used(j, k))))
        series("tikv_store_size_bytes", dict(lab, type="available"),
               gauge(inst, lambda k, j=j: round(capacity - used(j, k) - 20 * GIB)))
    lab = {"job": "pd", "instance": PD_LEADER}
    leaders = lambda k: 4200 + round(60 * (times[k] - start) / DAY)
    status = {
        "storage_capacity": lambda k: 3 * capacity,
        "storage_size": lambda k: round(sum(used(j, k) for j in range(3))),
        "store_up_count": lambda k: 3,
        "store_down_count": lambda k: 0,
        "leader_count": leaders,
        "region_count": lambda k: 3 * leaders(k),
    }
    for typ, fn in status.items():
        series("pd_cluster_status", dict(lab, type=typ), gauge(PD_LEADER, fn))
    regions = {
        "miss-peer-region-count": lambda k: 12 if in_spike(times[k]) else 0,
        "extra-peer-region-count": lambda k: 0,
        "pending-peer-region-count": lambda k: 3 if in_spike(times[k]) else (1 if noise[k] > 1.035 else 0),
        "down-peer-region-count": lambda k: 0,
        "empty-region-count": lambda k: 35,
    }
    for typ, fn in regions.items():
        series("pd_regions_status", dict(lab, type=typ), gauge(PD_LEADER, fn))

    # --- scrape health
    for job, insts in (("tidb", TIDB), ("tikv", TIKV), ("pd", PD)):
        for inst in insts:
            series("up", {"job": job, "instance": inst}, gauge(inst, lambda k: 1))

    for f in files.values():
        f.write("# EOF\n")
        f.close()
    print("files=%d series=%d samples=%d newest=%d oldest=%d gap=%d-%d instance=%s"
          % (len(files), counts["series"], counts["samples"], times[-1], times[0], gap[0], gap[1], GAP_INSTANCE))


def fmt(v):
    if isinstance(v, int) or float(v).is_integer():
        return "%d" % v
    return "%.6f" % v


def fmt_le(le):
    if le == math.inf:
        return "+Inf"
    return ("%.4f" % le).rstrip("0").rstrip(".")


if __name__ == "__main__":
    main()
