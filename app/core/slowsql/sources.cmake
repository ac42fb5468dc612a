# Slow SQL (issue 5): TiDB-compatible SQL normalizer and digest.
target_sources(tidesk_core PRIVATE
    slowsql/SqlDigest.h slowsql/SqlDigest.cpp
    slowsql/SqlKeywords.h slowsql/SqlKeywords.cpp
)
