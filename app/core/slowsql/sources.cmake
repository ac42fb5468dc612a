# Slow SQL (issue 5): TiDB-compatible SQL normalizer and digest, streaming slow-log parser,
# slow-query history grouped by digest (files local or over SSH, server history), CSV export.
target_sources(tidesk_core PRIVATE
    slowsql/SqlDigest.h slowsql/SqlDigest.cpp
    slowsql/SqlKeywords.h slowsql/SqlKeywords.cpp
    slowsql/SlowLogEntry.h
    slowsql/SlowLogParser.h slowsql/SlowLogParser.cpp
    slowsql/DigestClass.h
    slowsql/ShapeKey.h slowsql/ShapeKey.cpp
    slowsql/DigestAggregator.h slowsql/DigestAggregator.cpp
    slowsql/SlowQueryRows.h slowsql/SlowQueryRows.cpp
    slowsql/SlowLogDigest.h slowsql/SlowLogDigest.cpp
    slowsql/RemoteSlowLog.h slowsql/RemoteSlowLog.cpp
    slowsql/SlowHistoryReader.h slowsql/SlowHistoryReader.cpp
    slowsql/DigestCsv.h slowsql/DigestCsv.cpp
)
