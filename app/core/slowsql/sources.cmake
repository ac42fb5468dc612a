target_sources(tidesk_core PRIVATE
    slowsql/SlowLogEntry.h
    slowsql/SlowLogParser.h slowsql/SlowLogParser.cpp
)
