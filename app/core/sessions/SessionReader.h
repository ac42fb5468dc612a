// SessionReader: turns the result of Dialect::liveSessionsQuery() (TiDB CLUSTER_PROCESSLIST,
// MariaDB or MySQL information_schema.PROCESSLIST; columns looked up by name, never by position)
// into SessionRows. Fills the digest from the server's DIGEST column when there is one, else
// from SqlDigest. Pure functions of their input: any thread.
#pragma once

#include "common/Result.h"
#include "sessions/SessionRow.h"
#include "sql/EngineInfo.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>

namespace TiDesk {

struct QueryResult;

class SessionReader
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::SessionReader)
public:
    // Statement text -> SqlDigest::digest, kept by a caller that reads every second so the same
    // statement is not normalized again. Bounded: cleared when it grows past maxEntries.
    struct DigestCache
    {
        QHash<QString, QString> digests;
        int maxEntries = 20000;
    };

    // InvalidInput when the result has no ID column (not a processlist). Rows with a NULL or
    // non-numeric ID are skipped. observedAt: when the statement ran (UTC).
    [[nodiscard]] static Result<QList<SessionRow>> fromResult(const QueryResult &result,
                                                              Engine engine,
                                                              const QDateTime &observedAt,
                                                              DigestCache *cache = nullptr);
};

} // namespace TiDesk
