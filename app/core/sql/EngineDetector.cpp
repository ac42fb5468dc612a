#include "EngineDetector.h"

#include "sql/SqlConnection.h"

using namespace Qt::StringLiterals;

namespace TiDesk {

Result<EngineInfo> EngineDetector::detect(SqlConnection &connection, EngineOverride engineOverride)
{
    EngineInfo info = EngineInfo::parse(connection.serverVersion());
    const bool looksTidb = connection.serverVersion().contains(u"-TiDB-"_s);
    if (looksTidb || engineOverride == EngineOverride::TiDB) {
        // server-version can be overridden by an operator: TIDB_VERSION() is the proof.
        auto r = connection.query(u"SELECT TIDB_VERSION() AS v"_s);
        if (r && !r->rows.isEmpty()) {
            const QString release
                = EngineInfo::releaseVersionFromTidbVersion(r->value(0, u"v"_s).toString());
            info.engine = Engine::TiDB;
            info.confirmed = true;
            if (!release.isEmpty()) {
                QString v = release;
                if (v.startsWith(u'v'))
                    v.remove(0, 1);
                const QVersionNumber parsed = QVersionNumber::fromString(v);
                if (!parsed.isNull())
                    info.version = parsed;
            }
        } else if (!r && r.error().kind == ErrorKind::Connection) {
            return r.error();
        }
    }
    switch (engineOverride) {
    case EngineOverride::Auto: break;
    case EngineOverride::TiDB: info.engine = Engine::TiDB; break;
    case EngineOverride::MySQL: info.engine = Engine::MySQL; break;
    case EngineOverride::MariaDB: info.engine = Engine::MariaDB; break;
    }
    return info;
}

} // namespace TiDesk
