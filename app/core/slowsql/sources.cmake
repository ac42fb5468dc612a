# Slow SQL (issue 5): TiDB-compatible SQL normalizer and digest, streaming slow-log parser.
target_sources(tidesk_core PRIVATE
    slowsql/SqlDigest.h slowsql/SqlDigest.cpp
    slowsql/SqlKeywords.h slowsql/SqlKeywords.cpp
    slowsql/SlowLogEntry.h
    slowsql/SlowLogParser.h slowsql/SlowLogParser.cpp
)
