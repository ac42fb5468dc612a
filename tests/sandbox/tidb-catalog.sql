-- TiDB catalog fixture: schema `tidb_catalog` on the sandbox instance uat01 (see README.md).
-- MariaDB tables/views named and typed like TiDB's INFORMATION_SCHEMA cluster tables, so TiDB-dialect
-- code in TiDesk can be exercised against a real server. Static tables describe a plausible cluster
-- (3 PD, 3 TiKV, 2 TiDB, v7.5.1); CLUSTER_PROCESSLIST and CLUSTER_SLOW_QUERY are VIEWS over the real
-- MariaDB information_schema.PROCESSLIST and mysql.slow_log. Re-run on every (re)provisioning:
-- idempotent, times are computed relative to NOW().
CREATE DATABASE IF NOT EXISTS tidb_catalog CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;
USE tidb_catalog;

SET SESSION slow_query_log = 0;
SET @now = NOW();
SET @utc = UTC_TIMESTAMP();

-- ---------------------------------------------------------------- topology seed (session only)
DROP TEMPORARY TABLE IF EXISTS tmp_nodes;
CREATE TEMPORARY TABLE tmp_nodes (
  TYPE varchar(64), INSTANCE varchar(64), STATUS_ADDRESS varchar(64), VERSION varchar(64),
  GIT_HASH varchar(64), UP_SECS bigint, SERVER_ID bigint, HOSTNAME varchar(64)
);
INSERT INTO tmp_nodes VALUES
  ('pd',   '10.0.1.1:2379',  '10.0.1.1:2379',   '7.5.1', 'e8b7cf5b4b6a4d8b0f0dbb0e1b1a2d4f6c2d9a11', 3566843, 0,    'pd-1'),
  ('pd',   '10.0.1.2:2379',  '10.0.1.2:2379',   '7.5.1', 'e8b7cf5b4b6a4d8b0f0dbb0e1b1a2d4f6c2d9a11', 3566838, 0,    'pd-2'),
  ('pd',   '10.0.1.3:2379',  '10.0.1.3:2379',   '7.5.1', 'e8b7cf5b4b6a4d8b0f0dbb0e1b1a2d4f6c2d9a11', 3566831, 0,    'pd-3'),
  ('tikv', '10.0.1.7:20160', '10.0.1.7:20180',  '7.5.1', '0b1a6e1c8f1b9e2d3c4a5b6c7d8e9f0a1b2c3d4e', 3566790, 0,    'tikv-1'),
  ('tikv', '10.0.1.8:20160', '10.0.1.8:20180',  '7.5.1', '0b1a6e1c8f1b9e2d3c4a5b6c7d8e9f0a1b2c3d4e', 3566785, 0,    'tikv-2'),
  ('tikv', '10.0.1.9:20160', '10.0.1.9:20180',  '7.5.1', '0b1a6e1c8f1b9e2d3c4a5b6c7d8e9f0a1b2c3d4e', 1208412, 0,    'tikv-3'),
  ('tidb', '10.0.1.4:4000',  '10.0.1.4:10080',  '8.0.11-TiDB-v7.5.1', '7d16cc79e81bbf573124df3fd9351c26963f3e70', 272411, 1289, 'tidb-1'),
  ('tidb', '10.0.1.5:4000',  '10.0.1.5:10080',  '8.0.11-TiDB-v7.5.1', '7d16cc79e81bbf573124df3fd9351c26963f3e70', 272398, 2043, 'tidb-2');

-- ---------------------------------------------------------------- CLUSTER_INFO (§2.1)
DROP TABLE IF EXISTS CLUSTER_INFO;
CREATE TABLE CLUSTER_INFO (
  TYPE           varchar(64),
  INSTANCE       varchar(64),
  STATUS_ADDRESS varchar(64),
  VERSION        varchar(64),
  GIT_HASH       varchar(64),
  START_TIME     varchar(32),
  UPTIME         varchar(32),
  SERVER_ID      bigint(21)
);
INSERT INTO CLUSTER_INFO
SELECT TYPE, INSTANCE, STATUS_ADDRESS, VERSION, GIT_HASH,
       DATE_FORMAT(@utc - INTERVAL UP_SECS SECOND, '%Y-%m-%dT%H:%i:%sZ'),
       CONCAT(UP_SECS DIV 3600, 'h', (UP_SECS % 3600) DIV 60, 'm', UP_SECS % 60, '.',
              LPAD(CRC32(INSTANCE) % 1000000000, 9, '0'), 's'),
       SERVER_ID
FROM tmp_nodes;

-- ---------------------------------------------------------------- TIDB_SERVERS_INFO (§2.1)
DROP TABLE IF EXISTS TIDB_SERVERS_INFO;
CREATE TABLE TIDB_SERVERS_INFO (
  DDL_ID        varchar(64),
  IP            varchar(64),
  PORT          bigint(21),
  STATUS_PORT   bigint(21),
  LEASE         varchar(64),
  VERSION       varchar(64),
  GIT_HASH      varchar(64),
  BINLOG_STATUS varchar(64),
  LABELS        varchar(128)
);
INSERT INTO TIDB_SERVERS_INFO VALUES
  ('6f1c3a52-8d4e-4b7a-9c2e-1a5f0b7d3e91', '10.0.1.4', 4000, 10080, '45s', '8.0.11-TiDB-v7.5.1',
   '7d16cc79e81bbf573124df3fd9351c26963f3e70', 'Off', ''),
  ('b2e94d07-3f6a-4c15-8e7d-5c9a2f1e6b40', '10.0.1.5', 4000, 10080, '45s', '8.0.11-TiDB-v7.5.1',
   '7d16cc79e81bbf573124df3fd9351c26963f3e70', 'Off', '');

-- ---------------------------------------------------------------- CLUSTER_LOAD / CLUSTER_HARDWARE (§2.2)
DROP TABLE IF EXISTS CLUSTER_LOAD;
CREATE TABLE CLUSTER_LOAD (
  TYPE        varchar(64),
  INSTANCE    varchar(64),
  DEVICE_TYPE varchar(64),
  DEVICE_NAME varchar(64),
  NAME        varchar(256),
  VALUE       varchar(128)
);
INSERT INTO CLUSTER_LOAD
SELECT TYPE, INSTANCE, 'cpu', 'cpu', 'load1',
       FORMAT(IF(TYPE = 'tikv', 3.2, IF(TYPE = 'tidb', 1.6, 0.3)) + (CRC32(CONCAT(INSTANCE, 'l1')) % 100) / 100, 2, 'en_US')
FROM tmp_nodes
UNION ALL
SELECT TYPE, INSTANCE, 'cpu', 'cpu', 'load5',
       FORMAT(IF(TYPE = 'tikv', 2.9, IF(TYPE = 'tidb', 1.4, 0.25)) + (CRC32(CONCAT(INSTANCE, 'l5')) % 100) / 100, 2, 'en_US')
FROM tmp_nodes
UNION ALL
SELECT TYPE, INSTANCE, 'cpu', 'cpu', 'load15',
       FORMAT(IF(TYPE = 'tikv', 2.7, IF(TYPE = 'tidb', 1.3, 0.2)) + (CRC32(CONCAT(INSTANCE, 'l15')) % 100) / 100, 2, 'en_US')
FROM tmp_nodes
UNION ALL
SELECT TYPE, INSTANCE, 'memory', 'virtual', 'total', '68719476736' FROM tmp_nodes
UNION ALL
SELECT TYPE, INSTANCE, 'memory', 'virtual', 'used',
       CAST(ROUND(68719476736 * (IF(TYPE = 'tikv', 0.62, IF(TYPE = 'tidb', 0.21, 0.08)) + (CRC32(CONCAT(INSTANCE, 'm')) % 8) / 100)) AS CHAR)
FROM tmp_nodes
UNION ALL
SELECT TYPE, INSTANCE, 'memory', 'virtual', 'used-percent',
       FORMAT(IF(TYPE = 'tikv', 0.62, IF(TYPE = 'tidb', 0.21, 0.08)) + (CRC32(CONCAT(INSTANCE, 'm')) % 8) / 100, 2, 'en_US')
FROM tmp_nodes;

DROP TABLE IF EXISTS CLUSTER_HARDWARE;
CREATE TABLE CLUSTER_HARDWARE (
  TYPE        varchar(64),
  INSTANCE    varchar(64),
  DEVICE_TYPE varchar(64),
  DEVICE_NAME varchar(64),
  NAME        varchar(256),
  VALUE       varchar(128)
);
INSERT INTO CLUSTER_HARDWARE
SELECT TYPE, INSTANCE, 'cpu', 'cpu', 'cpu-logical-cores', IF(TYPE = 'pd', '8', '16') FROM tmp_nodes
UNION ALL SELECT TYPE, INSTANCE, 'cpu', 'cpu', 'cpu-physical-cores', IF(TYPE = 'pd', '4', '8') FROM tmp_nodes
UNION ALL SELECT TYPE, INSTANCE, 'cpu', 'cpu', 'cpu-frequency', '2400.00MHz' FROM tmp_nodes
UNION ALL SELECT TYPE, INSTANCE, 'cpu', 'cpu', 'cpu-vendor-id', 'GenuineIntel' FROM tmp_nodes
UNION ALL SELECT TYPE, INSTANCE, 'memory', 'memory', 'capacity', '68719476736' FROM tmp_nodes
UNION ALL SELECT TYPE, INSTANCE, 'disk', 'nvme0n1', 'fstype', 'ext4' FROM tmp_nodes
UNION ALL SELECT TYPE, INSTANCE, 'disk', 'nvme0n1', 'path', '/data' FROM tmp_nodes
UNION ALL SELECT TYPE, INSTANCE, 'disk', 'nvme0n1', 'total', IF(TYPE = 'tikv', '3936122396672', '502921060352') FROM tmp_nodes
UNION ALL SELECT TYPE, INSTANCE, 'disk', 'nvme0n1', 'free',
                 IF(TYPE = 'tikv', CAST(3936122396672 - 1400000000000 - (CRC32(INSTANCE) % 100000000000) AS CHAR), '470000000000')
          FROM tmp_nodes
UNION ALL SELECT TYPE, INSTANCE, 'net', 'eth0', 'speed', '25000Mbps' FROM tmp_nodes;

-- ---------------------------------------------------------------- CLUSTER_CONFIG (§2.3)
DROP TABLE IF EXISTS CLUSTER_CONFIG;
CREATE TABLE CLUSTER_CONFIG (
  TYPE     varchar(64),
  INSTANCE varchar(64),
  `KEY`    varchar(256),
  VALUE    varchar(128)
);
INSERT INTO CLUSTER_CONFIG
SELECT n.TYPE, n.INSTANCE, c.k, c.v
FROM tmp_nodes n
JOIN (
  SELECT 'tidb' AS t, 'enable-global-kill' AS k, 'true' AS v
  UNION ALL SELECT 'tidb', 'log.slow-threshold', '300'
  UNION ALL SELECT 'tidb', 'log.level', 'info'
  UNION ALL SELECT 'tidb', 'instance.tidb_enable_slow_log', 'true'
  UNION ALL SELECT 'tidb', 'performance.max-procs', '0'
  UNION ALL SELECT 'tidb', 'mem-quota-query', '1073741824'
  UNION ALL SELECT 'tidb', 'oom-action', 'cancel'
  UNION ALL SELECT 'tidb', 'max-server-connections', '0'
  UNION ALL SELECT 'tidb', 'status.report-status', 'true'
  UNION ALL SELECT 'pd',   'replication.max-replicas', '3'
  UNION ALL SELECT 'pd',   'replication.location-labels', '["zone","host"]'
  UNION ALL SELECT 'pd',   'schedule.leader-schedule-limit', '4'
  UNION ALL SELECT 'pd',   'schedule.region-schedule-limit', '2048'
  UNION ALL SELECT 'pd',   'pd-server.metric-storage', 'http://10.0.1.10:9090'
  UNION ALL SELECT 'pd',   'pd-server.dashboard-address', 'http://10.0.1.1:2379'
  UNION ALL SELECT 'tikv', 'storage.block-cache.capacity', '24GiB'
  UNION ALL SELECT 'tikv', 'coprocessor.region-max-size', '144MiB'
  UNION ALL SELECT 'tikv', 'coprocessor.region-split-size', '96MiB'
  UNION ALL SELECT 'tikv', 'raftstore.capacity', '0KiB'
  UNION ALL SELECT 'tikv', 'server.grpc-concurrency', '5'
  UNION ALL SELECT 'tikv', 'readpool.unified.max-thread-count', '12'
  UNION ALL SELECT 'tikv', 'log.level', 'info'
) c ON c.t = n.TYPE;

-- ---------------------------------------------------------------- TIKV_STORE_STATUS (§2.4, 19 columns)
DROP TABLE IF EXISTS TIKV_STORE_STATUS;
CREATE TABLE TIKV_STORE_STATUS (
  STORE_ID          bigint(21),
  ADDRESS           varchar(64),
  STORE_STATE       bigint(21),
  STORE_STATE_NAME  varchar(64),
  LABEL             json,
  VERSION           varchar(64),
  CAPACITY          varchar(64),
  AVAILABLE         varchar(64),
  LEADER_COUNT      bigint(21),
  LEADER_WEIGHT     double,
  LEADER_SCORE      double,
  LEADER_SIZE       bigint(21),
  REGION_COUNT      bigint(21),
  REGION_WEIGHT     double,
  REGION_SCORE      double,
  REGION_SIZE       bigint(21),
  START_TS          datetime,
  LAST_HEARTBEAT_TS datetime,
  UPTIME            varchar(64)
);
INSERT INTO TIKV_STORE_STATUS VALUES
  (1, '10.0.1.7:20160', 0, 'Up', '[{"key": "zone", "value": "z1"}, {"key": "host", "value": "tikv-1"}]', '7.5.1',
   '3.58TiB', '2.31TiB', 1412, 1, 1412, 126518, 4236, 1, 381240.5, 381597,
   @now - INTERVAL 3566790 SECOND, @now - INTERVAL 3 SECOND, '990h46m30.214512873s'),
  (4, '10.0.1.8:20160', 0, 'Up', '[{"key": "zone", "value": "z2"}, {"key": "host", "value": "tikv-2"}]', '7.5.1',
   '3.58TiB', '2.29TiB', 1409, 1, 1409, 127003, 4236, 1, 381260.25, 381597,
   @now - INTERVAL 3566785 SECOND, @now - INTERVAL 1 SECOND, '990h46m25.771203114s'),
  (5, '10.0.1.9:20160', 0, 'Up', '[{"key": "zone", "value": "z3"}, {"key": "host", "value": "tikv-3"}]', '7.5.1',
   '3.58TiB', '2.30TiB', 1415, 1, 1415, 128077, 4236, 1, 381255.75, 381597,
   @now - INTERVAL 1208412 SECOND, @now - INTERVAL 8 SECOND, '335h40m12.508817621s');

-- ---------------------------------------------------------------- RUNAWAY_WATCHES (§4.2)
DROP TABLE IF EXISTS RUNAWAY_WATCHES;
CREATE TABLE RUNAWAY_WATCHES (
  ID                  bigint(64) NOT NULL,
  RESOURCE_GROUP_NAME varchar(32) NOT NULL,
  START_TIME          varchar(32) NOT NULL,
  END_TIME            varchar(32),
  WATCH               varchar(12) NOT NULL,
  WATCH_TEXT          text NOT NULL,
  SOURCE              varchar(128) NOT NULL,
  ACTION              varchar(12) NOT NULL,
  RULE                varchar(128) NOT NULL
);
INSERT INTO RUNAWAY_WATCHES VALUES
  (1, 'rg_report', DATE_FORMAT(@now - INTERVAL 2 HOUR, '%Y-%m-%d %H:%i:%s'),
   DATE_FORMAT(@now + INTERVAL 22 HOUR, '%Y-%m-%d %H:%i:%s'), 'Similar',
   SHA2('select `c` . `country` , count ( ? ) , sum ( `o` . `total` ) from `orders` `o` join `customers` `c` on `c` . `id` = `o` . `customer_id` where `o` . `created_at` >= ? group by `c` . `country`', 256),
   '10.0.1.4:4000', 'Kill', 'ElapsedTime = 60s'),
  (2, 'default', DATE_FORMAT(@now - INTERVAL 35 MINUTE, '%Y-%m-%d %H:%i:%s'), 'UNLIMITED', 'Exact',
   'select * from shop.order_items where unit_price * quantity > 900', 'manual', 'Kill', ''),
  (3, 'rg_batch', DATE_FORMAT(@now - INTERVAL 10 MINUTE, '%Y-%m-%d %H:%i:%s'),
   DATE_FORMAT(@now + INTERVAL 50 MINUTE, '%Y-%m-%d %H:%i:%s'), 'Plan',
   SHA2('plan:orders:full-scan', 256), '10.0.1.5:4000', 'Cooldown', 'ProcessedKeys = 10000(100)');

-- ---------------------------------------------------------------- STATEMENTS SUMMARY (§2.9)
DROP TEMPORARY TABLE IF EXISTS tmp_stmts;
CREATE TEMPORARY TABLE tmp_stmts (
  K int, STMT_TYPE varchar(64), SCHEMA_NAME varchar(64), DIGEST_TEXT text, QUERY_SAMPLE_TEXT text,
  TABLE_NAMES text, INDEX_NAMES text, SAMPLE_USER varchar(64), PLAN text,
  AVG_NS bigint, EXECS bigint, TOTAL_KEYS bigint, PROCESSED_KEYS bigint, RESULT_ROWS bigint, MEM bigint,
  DISK bigint, ERRS int, WRITE_KEYS double, AFFECTED double
);
INSERT INTO tmp_stmts VALUES
  (1, 'Select', 'shop',
   'select `id` , `email` , `full_name` from `customers` where `id` = ?',
   'SELECT id, email, full_name FROM customers WHERE id = 4211',
   'shop.customers', NULL, 'app',
   '\tid         \ttask\testRows\toperator info\n\tPoint_Get_1\troot\t1      \ttable:customers, handle:4211',
   412000, 52840, 1, 1, 1, 1072, 0, 0, 0, 0),
  (2, 'Select', 'shop',
   'select `id` , `status` , `total` , `created_at` from `orders` where `customer_id` = ? order by `created_at` desc limit ?',
   'SELECT id, status, total, created_at FROM orders WHERE customer_id = 1277 ORDER BY created_at DESC LIMIT 10',
   'shop.orders', 'orders:idx_customer_created', 'app',
   '\tid                          \ttask     \testRows\toperator info\n\tProjection_7                \troot     \t2.50   \tshop.orders.id, shop.orders.status, shop.orders.total, shop.orders.created_at\n\t└─IndexLookUp_16           \troot     \t2.50   \tlimit embedded(offset:0, count:10)\n\t  ├─Limit_15(Build)        \tcop[tikv]\t2.50   \toffset:0, count:10\n\t  │ └─IndexRangeScan_13    \tcop[tikv]\t2.50   \ttable:orders, index:idx_customer_created(customer_id, created_at), range:[1277,1277], keep order:true, desc\n\t  └─TableRowIDScan_14(Probe)\tcop[tikv]\t2.50   \ttable:orders, keep order:false',
   2130000, 51977, 6, 5, 3, 20480, 0, 0, 0, 0),
  (3, 'Select', 'shop',
   'select `p` . `id` , `p` . `name` , `p` . `price` , `p` . `stock` from `products` `p` where `p` . `category` = ? order by `p` . `price` limit ?',
   'SELECT p.id, p.name, p.price, p.stock FROM products p WHERE p.category = ''garden'' ORDER BY p.price LIMIT 20',
   'shop.products', 'products:idx_category_price', 'app',
   '\tid                         \ttask     \testRows\toperator info\n\tIndexLookUp_18             \troot     \t20.00  \tlimit embedded(offset:0, count:20)\n\t├─Limit_17(Build)          \tcop[tikv]\t20.00  \toffset:0, count:20\n\t│ └─IndexRangeScan_15      \tcop[tikv]\t20.00  \ttable:p, index:idx_category_price(category, price), range:["garden","garden"], keep order:true\n\t└─TableRowIDScan_16(Probe) \tcop[tikv]\t20.00  \ttable:p, keep order:false',
   1870000, 50866, 21, 20, 20, 36864, 0, 0, 0, 0),
  (4, 'Update', 'shop',
   'update `products` set `stock` = `stock` - ? where `id` = ? and `stock` > ?',
   'UPDATE products SET stock = stock - 1 WHERE id = 1733 AND stock > 0',
   'shop.products', NULL, 'app',
   '\tid           \ttask\testRows\toperator info\n\tUpdate_4     \troot\t0      \tN/A\n\t└─Point_Get_6\troot\t1      \ttable:products, handle:1733',
   1460000, 25933, 1, 1, 0, 2304, 0, 3, 1, 0.98),
  (5, 'Insert', 'shop',
   'insert into `orders` ( `customer_id` , `status` , `total` , `created_at` , `updated_at` ) values ( ... )',
   'INSERT INTO orders (customer_id, status, total, created_at, updated_at) VALUES (8812, ''pending'', 131.40, NOW(), NOW())',
   'shop.orders', NULL, 'app',
   '\tid      \ttask\testRows\toperator info\n\tInsert_1\troot\t0      \tN/A',
   1190000, 17290, 0, 0, 0, 1856, 0, 0, 3, 1),
  (6, 'Select', 'shop',
   'select `c` . `country` , count ( ? ) , sum ( `o` . `total` ) from `orders` `o` join `customers` `c` on `c` . `id` = `o` . `customer_id` where `o` . `created_at` >= ? group by `c` . `country`',
   'SELECT c.country, COUNT(*), SUM(o.total) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.created_at >= NOW() - INTERVAL 30 DAY GROUP BY c.country',
   'shop.orders,shop.customers', 'orders:idx_status_created', 'report',
   '\tid                           \ttask     \testRows \toperator info\n\tProjection_9                 \troot     \t8.00    \tshop.customers.country, Column#12, Column#13\n\t└─HashAgg_10                \troot     \t8.00    \tgroup by:shop.customers.country, funcs:count(1)->Column#12, funcs:sum(shop.orders.total)->Column#13\n\t  └─HashJoin_12             \troot     \t2880.00 \tinner join, equal:[eq(shop.orders.customer_id, shop.customers.id)]\n\t    ├─TableReader_15(Build) \troot     \t2880.00 \tdata:Selection_14\n\t    │ └─Selection_14        \tcop[tikv]\t2880.00 \tge(shop.orders.created_at, 2024-04-14 00:00:00)\n\t    │   └─TableFullScan_13  \tcop[tikv]\t50000.00\ttable:o, keep order:false\n\t    └─TableReader_17(Probe) \troot     \t20000.00\tdata:TableFullScan_16\n\t      └─TableFullScan_16    \tcop[tikv]\t20000.00\ttable:c, keep order:false',
   781000000, 48, 70012, 70000, 8, 8912896, 0, 0, 0, 0),
  (7, 'Select', 'shop',
   'select * from `order_items` where `unit_price` * `quantity` > ?',
   'SELECT * FROM order_items WHERE unit_price * quantity > 900',
   'shop.order_items', NULL, 'analyst',
   '\tid                     \ttask     \testRows  \toperator info\n\tTableReader_7          \troot     \t80000.00 \tdata:Selection_6\n\t└─Selection_6          \tcop[tikv]\t80000.00 \tgt(mul(shop.order_items.unit_price, cast(shop.order_items.quantity, decimal(10,0) BINARY)), 900)\n\t  └─TableFullScan_5    \tcop[tikv]\t100000.00\ttable:order_items, keep order:false',
   1920000000, 11, 100004, 100000, 1377, 26214400, 0, 1, 0, 0),
  (8, 'Delete', 'shop',
   'delete from `orders` where `status` = ? and `created_at` < ? limit ?',
   'DELETE FROM orders WHERE status = ''cancelled'' AND created_at < NOW() - INTERVAL 400 DAY LIMIT 10',
   'shop.orders', 'orders:idx_status_created', 'app',
   '\tid                       \ttask     \testRows\toperator info\n\tDelete_5                 \troot     \t0      \tN/A\n\t└─IndexLookUp_12         \troot     \t10.00  \tlimit embedded(offset:0, count:10)\n\t  ├─Limit_11(Build)      \tcop[tikv]\t10.00  \toffset:0, count:10\n\t  │ └─IndexRangeScan_9   \tcop[tikv]\t10.00  \ttable:orders, index:idx_status_created(status, created_at), range:("cancelled" -inf,"cancelled" 2023-03-01 00:00:00), keep order:false\n\t  └─TableRowIDScan_10(Probe)\tcop[tikv]\t10.00\ttable:orders, keep order:false',
   9830000, 31, 24, 10, 0, 41984, 0, 0, 30, 10),
  (9, 'Commit', 'shop', 'commit', 'COMMIT', '', NULL, 'app', '',
   2740000, 17290, 0, 0, 0, 0, 0, 0, 0, 0);

-- Two TiDB nodes (status addresses) x time windows. w = 0 is the current 30-min window.
DROP TEMPORARY TABLE IF EXISTS tmp_inst;
CREATE TEMPORARY TABLE tmp_inst (INSTANCE varchar(64), SHARE double, LAT double);
INSERT INTO tmp_inst VALUES ('10.0.1.4:10080', 0.55, 1.0), ('10.0.1.5:10080', 0.45, 1.12);

SET @win = FROM_UNIXTIME(UNIX_TIMESTAMP(@now) - UNIX_TIMESTAMP(@now) % 1800);

DROP TEMPORARY TABLE IF EXISTS tmp_win;
CREATE TEMPORARY TABLE tmp_win (W int, B timestamp NULL, E timestamp NULL);
INSERT INTO tmp_win
SELECT seq, @win - INTERVAL (CAST(seq AS SIGNED) * 30) MINUTE, @win - INTERVAL ((CAST(seq AS SIGNED) - 1) * 30) MINUTE FROM seq_0_to_6;

DROP TABLE IF EXISTS CLUSTER_STATEMENTS_SUMMARY;
CREATE TABLE CLUSTER_STATEMENTS_SUMMARY (
  INSTANCE                varchar(64),
  SUMMARY_BEGIN_TIME      timestamp NOT NULL,
  SUMMARY_END_TIME        timestamp NOT NULL,
  STMT_TYPE               varchar(64) NOT NULL,
  SCHEMA_NAME             varchar(64),
  DIGEST                  varchar(64),
  DIGEST_TEXT             text NOT NULL,
  TABLE_NAMES             text,
  INDEX_NAMES             text,
  SAMPLE_USER             varchar(64),
  EXEC_COUNT              bigint(20) unsigned NOT NULL,
  SUM_ERRORS              int(11) unsigned NOT NULL,
  SUM_WARNINGS            int(11) unsigned NOT NULL,
  SUM_LATENCY             bigint(20) unsigned NOT NULL,
  MAX_LATENCY             bigint(20) unsigned NOT NULL,
  MIN_LATENCY             bigint(20) unsigned NOT NULL,
  AVG_LATENCY             bigint(20) unsigned NOT NULL,
  AVG_PARSE_LATENCY       bigint(20) unsigned NOT NULL,
  MAX_PARSE_LATENCY       bigint(20) unsigned NOT NULL,
  AVG_COMPILE_LATENCY     bigint(20) unsigned NOT NULL,
  MAX_COMPILE_LATENCY     bigint(20) unsigned NOT NULL,
  SUM_COP_TASK_NUM        bigint(20) unsigned NOT NULL,
  MAX_COP_PROCESS_TIME    bigint(20) unsigned NOT NULL,
  MAX_COP_PROCESS_ADDRESS varchar(256),
  MAX_COP_WAIT_TIME       bigint(20) unsigned NOT NULL,
  MAX_COP_WAIT_ADDRESS    varchar(256),
  AVG_PROCESS_TIME        bigint(20) unsigned NOT NULL,
  MAX_PROCESS_TIME        bigint(20) unsigned NOT NULL,
  AVG_WAIT_TIME           bigint(20) unsigned NOT NULL,
  MAX_WAIT_TIME           bigint(20) unsigned NOT NULL,
  AVG_BACKOFF_TIME        bigint(20) unsigned NOT NULL,
  MAX_BACKOFF_TIME        bigint(20) unsigned NOT NULL,
  AVG_TOTAL_KEYS          bigint(20) unsigned NOT NULL,
  MAX_TOTAL_KEYS          bigint(20) unsigned NOT NULL,
  AVG_PROCESSED_KEYS      bigint(20) unsigned NOT NULL,
  MAX_PROCESSED_KEYS      bigint(20) unsigned NOT NULL,
  AVG_PREWRITE_TIME       bigint(20) unsigned NOT NULL,
  MAX_PREWRITE_TIME       bigint(20) unsigned NOT NULL,
  AVG_COMMIT_TIME         bigint(20) unsigned NOT NULL,
  MAX_COMMIT_TIME         bigint(20) unsigned NOT NULL,
  AVG_WRITE_KEYS          double NOT NULL,
  MAX_WRITE_KEYS          bigint(20) unsigned NOT NULL,
  AVG_MEM                 bigint(20) unsigned NOT NULL,
  MAX_MEM                 bigint(20) unsigned NOT NULL,
  AVG_DISK                bigint(20) unsigned NOT NULL,
  MAX_DISK                bigint(20) unsigned NOT NULL,
  AVG_KV_TIME             bigint(22) unsigned NOT NULL,
  AVG_PD_TIME             bigint(22) unsigned NOT NULL,
  AVG_BACKOFF_TOTAL_TIME  bigint(22) unsigned NOT NULL,
  AVG_WRITE_SQL_RESP_TIME bigint(22) unsigned NOT NULL,
  MAX_RESULT_ROWS         bigint(22) NOT NULL,
  MIN_RESULT_ROWS         bigint(22) NOT NULL,
  AVG_RESULT_ROWS         bigint(22) NOT NULL,
  PREPARED                tinyint(1) NOT NULL,
  AVG_AFFECTED_ROWS       double NOT NULL,
  FIRST_SEEN              timestamp NOT NULL,
  LAST_SEEN               timestamp NOT NULL,
  PLAN_IN_CACHE           tinyint(1) NOT NULL,
  PLAN_CACHE_HITS         bigint(20) NOT NULL,
  PLAN_IN_BINDING         tinyint(1) NOT NULL,
  QUERY_SAMPLE_TEXT       text,
  PREV_SAMPLE_TEXT        text,
  PLAN_DIGEST             varchar(64),
  PLAN                    text,
  RESOURCE_GROUP          varchar(64)
);

DROP TABLE IF EXISTS CLUSTER_STATEMENTS_SUMMARY_HISTORY;
CREATE TABLE CLUSTER_STATEMENTS_SUMMARY_HISTORY LIKE CLUSTER_STATEMENTS_SUMMARY;

INSERT INTO CLUSTER_STATEMENTS_SUMMARY_HISTORY
SELECT i.INSTANCE, w.B, w.E, s.STMT_TYPE, s.SCHEMA_NAME, SHA2(s.DIGEST_TEXT, 256), s.DIGEST_TEXT,
       s.TABLE_NAMES, s.INDEX_NAMES, s.SAMPLE_USER,
       @ex := GREATEST(1, ROUND(s.EXECS * i.SHARE * (0.8 + (CRC32(CONCAT(i.INSTANCE, s.K, w.W)) % 40) / 100)
                                * IF(w.W = 0, LEAST(1, GREATEST(0.05, TIMESTAMPDIFF(SECOND, w.B, @now) / 1800)), 1))),
       s.ERRS * (w.W % 2 = 0), IF(s.K = 7, 1, 0),
       @ex * (@avg := ROUND(s.AVG_NS * i.LAT * (0.85 + (CRC32(CONCAT('a', i.INSTANCE, s.K, w.W)) % 30) / 100))),
       ROUND(@avg * IF(@ex = 1, 1, 3.4)), ROUND(@avg * IF(@ex = 1, 1, 0.31)), @avg,
       28000, 91000, ROUND(@avg * 0.04), ROUND(@avg * 0.22),
       IF(s.TOTAL_KEYS > 1, @ex * CEIL(s.TOTAL_KEYS / 30000), 0),
       IF(s.TOTAL_KEYS > 1, ROUND(@avg * 0.61), 0), IF(s.TOTAL_KEYS > 1, '10.0.1.8:20160', ''),
       IF(s.TOTAL_KEYS > 1, ROUND(@avg * 0.05), 0), IF(s.TOTAL_KEYS > 1, '10.0.1.7:20160', ''),
       ROUND(@avg * 0.55), ROUND(@avg * 1.9), ROUND(@avg * 0.04), ROUND(@avg * 0.3), 0, IF(s.K = 6, 2000000, 0),
       s.TOTAL_KEYS, ROUND(s.TOTAL_KEYS * 1.02), s.PROCESSED_KEYS, ROUND(s.PROCESSED_KEYS * 1.02),
       IF(s.WRITE_KEYS > 0, ROUND(@avg * 0.2), 0), IF(s.WRITE_KEYS > 0, ROUND(@avg * 0.9), 0),
       IF(s.WRITE_KEYS > 0 OR s.K = 9, ROUND(@avg * 0.3), 0), IF(s.WRITE_KEYS > 0 OR s.K = 9, ROUND(@avg * 1.2), 0),
       s.WRITE_KEYS, CEIL(s.WRITE_KEYS),
       s.MEM, ROUND(s.MEM * 1.6), s.DISK, s.DISK,
       ROUND(@avg * 0.6), 31000, 0, 9000,
       ROUND(s.RESULT_ROWS * 1.5), IF(s.RESULT_ROWS > 0, 1, 0), s.RESULT_ROWS,
       0, s.AFFECTED,
       w.B + INTERVAL (CRC32(CONCAT('f', i.INSTANCE, s.K, w.W)) % 120) SECOND,
       LEAST(@now, w.E) - INTERVAL (CRC32(CONCAT('l', i.INSTANCE, s.K, w.W)) % 60) SECOND,
       0, 0, 0,
       s.QUERY_SAMPLE_TEXT, IF(s.K = 9, 'INSERT INTO order_items (order_id, product_id, quantity, unit_price) VALUES (LAST_INSERT_ID(), 77, 2, 19.90)', ''),
       IF(s.PLAN = '', '', SHA2(s.PLAN, 256)), s.PLAN, 'default'
FROM tmp_stmts s
CROSS JOIN tmp_inst i
CROSS JOIN tmp_win w
WHERE NOT (s.K IN (6, 7) AND (CRC32(CONCAT(i.INSTANCE, s.K, w.W)) % 3) = 0);

INSERT INTO CLUSTER_STATEMENTS_SUMMARY
SELECT * FROM CLUSTER_STATEMENTS_SUMMARY_HISTORY WHERE SUMMARY_BEGIN_TIME = @win;

-- ---------------------------------------------------------------- live views over real MariaDB activity
-- INSTANCE: even connection ids -> 10.0.1.4:10080, odd -> 10.0.1.5:10080 (TiDB status addresses, §2.1).
-- ID is the real MariaDB connection id, so KILL <ID> / KILL QUERY <ID> on uat01 works.
-- DIGEST is SHA2(INFO, 256) of the raw text (TiDB hashes the normalized text; see README).
CREATE OR REPLACE SQL SECURITY INVOKER VIEW CLUSTER_PROCESSLIST AS
SELECT IF(p.ID % 2 = 0, '10.0.1.4:10080', '10.0.1.5:10080') AS INSTANCE,
       p.ID AS ID, p.USER AS USER, p.HOST AS HOST, p.DB AS DB, p.COMMAND AS COMMAND, p.TIME AS TIME,
       p.STATE AS STATE, p.INFO AS INFO,
       IF(p.INFO IS NULL, NULL, SHA2(p.INFO, 256)) AS DIGEST,
       CAST(p.MEMORY_USED AS UNSIGNED) AS MEM, CAST(0 AS UNSIGNED) AS DISK,
       CAST('' AS CHAR(64)) AS TxnStart, CAST('default' AS CHAR(32)) AS RESOURCE_GROUP
FROM information_schema.PROCESSLIST p
WHERE p.COMMAND <> 'Daemon';

CREATE OR REPLACE SQL SECURITY INVOKER VIEW PROCESSLIST AS
SELECT ID, USER, HOST, DB, COMMAND, TIME, STATE, INFO, DIGEST, MEM, DISK, TxnStart, RESOURCE_GROUP
FROM CLUSTER_PROCESSLIST;

-- mysql.slow_log -> TiDB slow-query columns. Times in seconds (double); keys = rows_examined.
CREATE OR REPLACE SQL SECURITY INVOKER VIEW CLUSTER_SLOW_QUERY AS
SELECT IF(s.thread_id % 2 = 0, '10.0.1.4:10080', '10.0.1.5:10080') AS INSTANCE,
       s.start_time AS `Time`,
       CAST(0 AS UNSIGNED) AS Txn_start_ts,
       SUBSTRING_INDEX(s.user_host, '[', 1) AS `User`,
       COALESCE(NULLIF(SUBSTRING_INDEX(SUBSTRING_INDEX(s.user_host, '[', -1), ']', 1), ''),
                TRIM(SUBSTRING_INDEX(SUBSTRING_INDEX(s.user_host, '@', -1), '[', 1))) AS `Host`,
       s.thread_id AS Conn_ID,
       CAST(TIME_TO_SEC(s.query_time) AS DOUBLE) AS Query_time,
       CAST(0 AS DOUBLE) AS Parse_time,
       CAST(0 AS DOUBLE) AS Compile_time,
       CAST(GREATEST(0, TIME_TO_SEC(s.query_time) - TIME_TO_SEC(s.lock_time)) AS DOUBLE) AS Process_time,
       CAST(TIME_TO_SEC(s.lock_time) AS DOUBLE) AS Wait_time,
       CAST(0 AS DOUBLE) AS Backoff_time,
       CAST(0 AS DOUBLE) AS Cop_time,
       CAST(0 AS UNSIGNED) AS Request_count,
       s.rows_examined AS Total_keys,
       s.rows_examined AS Process_keys,
       s.rows_affected AS Write_keys,
       s.rows_sent AS Result_rows,
       s.db AS DB,
       CAST('' AS CHAR(100)) AS Index_names,
       0 AS Is_internal,
       SHA2(s.sql_text, 256) AS Digest,
       CAST('' AS CHAR(512)) AS Stats,
       CAST(0 AS SIGNED) AS Mem_max,
       CAST(0 AS SIGNED) AS Disk_max,
       CAST(0 AS DOUBLE) AS KV_total,
       CAST(0 AS DOUBLE) AS PD_total,
       CAST(0 AS DOUBLE) AS Backoff_total,
       0 AS Prepared,
       1 AS Succ,
       0 AS Plan_from_cache,
       0 AS Plan_from_binding,
       CAST('default' AS CHAR(64)) AS Resource_group,
       CAST('' AS CHAR(1)) AS Plan,
       CAST('' AS CHAR(128)) AS Plan_digest,
       CAST('' AS CHAR(1)) AS Prev_stmt,
       s.sql_text AS Query
FROM mysql.slow_log s;

CREATE OR REPLACE SQL SECURITY INVOKER VIEW SLOW_QUERY AS
SELECT `Time`, Txn_start_ts, `User`, `Host`, Conn_ID, Query_time, Parse_time, Compile_time, Process_time,
       Wait_time, Backoff_time, Cop_time, Request_count, Total_keys, Process_keys, Write_keys, Result_rows, DB,
       Index_names, Is_internal, Digest, Stats, Mem_max, Disk_max, KV_total, PD_total, Backoff_total, Prepared,
       Succ, Plan_from_cache, Plan_from_binding, Resource_group, Plan, Plan_digest, Prev_stmt, Query
FROM CLUSTER_SLOW_QUERY;

DROP TEMPORARY TABLE IF EXISTS tmp_nodes, tmp_stmts, tmp_inst, tmp_win;
