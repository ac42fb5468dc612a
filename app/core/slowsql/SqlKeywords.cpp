#include "slowsql/SqlKeywords.h"

#include <QSet>
#include <QString>

namespace TiDesk::SqlKeywords {

namespace {

// TiDB lexer tokenMap (pingcap/parser misc.go), lowercased, plus a few keywords added by later
// TiDB releases (resource groups, placement, lateral, ...). Window-function names are NOT here:
// the digester's scanner has window functions off, so `over`, `rank` ... come out back-quoted.
constexpr const char *kKeywords[] = {
    "account", "action", "add", "adddate", "admin", "advise", "after", "against", "agg_to_cop",
    "algorithm", "all", "alter", "always", "analyze", "and", "any", "as", "asc", "ascii",
    "auto_increment", "auto_random", "avg", "avg_row_length", "begin", "between", "bigint",
    "binary", "binding", "bindings", "binlog", "bit", "bit_and", "bit_or", "bit_xor", "blob",
    "block", "bool", "boolean", "both", "bound", "btree", "buckets", "builtins", "by", "byte",
    "cache", "cancel", "capture", "cascade", "cascaded", "case", "cast", "change", "char",
    "character", "charset", "check", "checksum", "cipher", "cleanup", "client", "cmsketch",
    "coalesce", "collate", "collation", "column", "column_format", "columns", "comment", "commit",
    "committed", "compact", "compressed", "compression", "connection", "consistent", "constraint",
    "context", "convert", "copy", "count", "cpu", "create", "cross", "current", "current_date",
    "current_role", "current_time", "current_timestamp", "current_user", "curtime", "cycle",
    "data", "database", "databases", "date", "date_add", "date_sub", "datetime", "day",
    "day_hour", "day_microsecond", "day_minute", "day_second", "ddl", "deallocate", "dec",
    "decimal", "default", "definer", "delay_key_write", "delayed", "delete", "depth", "desc",
    "describe", "directory", "disable", "discard", "disk", "distinct", "distinctrow", "div", "do",
    "double", "drainer", "drop", "dual", "duplicate", "dynamic", "else", "enable",
    "enable_plan_cache", "enclosed", "encryption", "end", "enforced", "engine", "engines", "enum",
    "errors", "escape", "escaped", "event", "events", "evolve", "exact", "except", "exchange",
    "exclusive", "execute", "exists", "expansion", "expire", "explain",
    "expr_pushdown_blacklist", "extended", "extract", "false", "faults", "fields", "first",
    "fixed", "flashback", "float", "flush", "following", "for", "force", "foreign", "format",
    "from", "full", "fulltext", "function", "generated", "get_format", "global", "grant",
    "grants", "group", "group_concat", "hash", "hash_agg", "hash_join", "having",
    "high_priority", "history", "hosts", "hour", "hour_microsecond", "hour_minute",
    "hour_second", "identified", "if", "ignore", "ignore_index", "import", "in", "increment",
    "incremental", "index", "indexes", "infile", "inl_hash_join", "inl_join", "inl_merge_join",
    "inner", "inplace", "insert", "insert_method", "instant", "int", "int1", "int2", "int3",
    "int4", "int8", "integer", "internal", "interval", "into", "invisible", "invoker", "io",
    "ipc", "is", "isolation", "issuer", "job", "jobs", "join", "json", "key", "key_block_size",
    "keys", "kill", "labels", "language", "last", "lateral", "leading", "left", "less", "level",
    "like", "limit", "linear", "lines", "list", "load", "local", "localtime", "localtimestamp",
    "location", "lock", "locked", "logs", "long", "longblob", "longtext", "low_priority",
    "master", "match", "max", "max_connections_per_hour", "max_execution_time", "max_idxnum",
    "max_minutes", "max_queries_per_hour", "max_rows", "max_updates_per_hour",
    "max_user_connections", "maxvalue", "mediumblob", "mediumint", "mediumtext", "memory",
    "memory_quota", "merge", "microsecond", "min", "min_rows", "minute", "minute_microsecond",
    "minute_second", "minvalue", "mod", "mode", "modify", "month", "names", "national",
    "natural", "nchar", "never", "next_row_id", "no", "no_index_merge", "no_swap_join_inputs",
    "no_write_to_binlog", "nocache", "nocycle", "node_id", "node_state", "nodegroup",
    "nomaxvalue", "nominvalue", "none", "noorder", "not", "now", "nowait", "null", "nulls",
    "numeric", "nvarchar", "offset", "olap", "oltp", "on", "only", "open", "optimistic",
    "optimize", "option", "optionally", "opt_rule_blacklist", "or", "order", "outer",
    "pack_keys", "page", "parser", "partial", "partition", "partitioning", "partitions",
    "password", "per_db", "per_table", "pessimistic", "placement", "plugins", "policy",
    "position", "pre_split_regions", "preceding", "precision", "prepare", "primary",
    "privileges", "procedure", "process", "processlist", "profile", "profiles", "pump",
    "qb_name", "quarter", "queries", "query", "query_type", "quick", "range", "read",
    "read_consistent_replica", "read_from_storage", "real", "rebuild", "recent", "recover",
    "recursive", "redundant", "references", "regexp", "region", "regions", "reload", "remove",
    "rename", "reorganize", "repair", "repeat", "repeatable", "replace", "replica",
    "replication", "require", "resource", "respect", "restrict", "reverse", "revoke", "right",
    "rlike", "role", "rollback", "routine", "row", "row_count", "row_format", "rtree", "samples",
    "schema", "schemas", "second", "second_microsecond", "secondary_engine", "secondary_load",
    "secondary_unload", "security", "select", "separator", "sequence", "serial", "serializable",
    "session", "set", "shard_row_id_bits", "share", "shared", "show", "shutdown", "signed",
    "simple", "skip", "slave", "slow", "sm_join", "smallint", "snapshot", "some", "source",
    "spatial", "split", "sql", "sql_big_result", "sql_buffer_result", "sql_cache",
    "sql_calc_found_rows", "sql_no_cache", "sql_small_result", "sql_tsi_day", "sql_tsi_hour",
    "sql_tsi_minute", "sql_tsi_month", "sql_tsi_quarter", "sql_tsi_second", "sql_tsi_week",
    "sql_tsi_year", "ssl", "staleness", "start", "starting", "stats", "stats_auto_recalc",
    "stats_buckets", "stats_healthy", "stats_histograms", "stats_meta", "stats_persistent",
    "stats_sample_pages", "status", "std", "stddev", "stddev_pop", "stddev_samp", "storage",
    "stored", "straight_join", "stream_agg", "strong", "subdate", "subject", "subpartition",
    "subpartitions", "substr", "substring", "sum", "super", "swap_join_inputs", "swaps",
    "switches", "system_time", "table", "table_checksum", "tables", "tablesample", "tablespace",
    "temporary", "temptable", "terminated", "text", "than", "then", "tidb", "tidb_hj",
    "tidb_inlj", "tidb_smj", "tiflash", "tikv", "time", "timestamp", "timestampadd",
    "timestampdiff", "tinyblob", "tinyint", "tinytext", "to", "tokudb_default", "tokudb_fast",
    "tokudb_lzma", "tokudb_quicklz", "tokudb_small", "tokudb_snappy", "tokudb_uncompressed",
    "tokudb_zlib", "top", "topn", "trace", "traditional", "trailing", "transaction", "trigger",
    "triggers", "trim", "true", "truncate", "type", "unbounded", "uncommitted", "undefined",
    "unicode", "union", "unique", "unknown", "unlock", "unsigned", "until", "update", "usage",
    "use", "use_index", "use_index_merge", "use_plan_cache", "use_toja", "user", "using",
    "utc_date", "utc_time", "utc_timestamp", "validation", "value", "values", "varbinary",
    "varchar", "varcharacter", "variables", "variance", "var_pop", "var_samp", "varying", "view",
    "virtual", "visible", "warnings", "week", "when", "where", "width", "with", "without",
    "write", "x509", "xor", "year", "year_month", "zerofill",
};

// btFuncTokenMap: keyword only when directly followed by "(".
constexpr const char *kBuiltinFunctions[] = {
    "adddate", "bit_and", "bit_or", "bit_xor", "cast", "count", "curdate", "curtime",
    "date_add", "date_sub", "extract", "group_concat", "max", "mid", "min", "now", "position",
    "session_user", "std", "stddev", "stddev_pop", "stddev_samp", "subdate", "substr",
    "substring", "sum", "sysdate", "system_user", "trim", "variance", "var_pop", "var_samp",
};

constexpr const char *kCharsets[] = {
    "utf8", "utf8mb4", "ascii", "latin1", "binary", "gbk", "gb18030",
};

template<std::size_t N>
QSet<QString> toSet(const char *const (&words)[N])
{
    QSet<QString> set;
    set.reserve(qsizetype(N));
    for (const char *w : words)
        set.insert(QString::fromLatin1(w));
    return set;
}

} // namespace

bool isKeyword(QStringView lowerWord)
{
    static const QSet<QString> set = toSet(kKeywords);
    return set.contains(lowerWord.toString());
}

bool isBuiltinFunction(QStringView lowerWord)
{
    static const QSet<QString> set = toSet(kBuiltinFunctions);
    return set.contains(lowerWord.toString());
}

bool isCharset(QStringView lowerName)
{
    static const QSet<QString> set = toSet(kCharsets);
    return set.contains(lowerName.toString());
}

} // namespace TiDesk::SqlKeywords
