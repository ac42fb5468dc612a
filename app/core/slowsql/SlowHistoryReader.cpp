#include "SlowHistoryReader.h"

#include "sql/EnvironmentConnection.h"

#include "slowsql/DigestAggregator.h"
#include "slowsql/SlowQueryRows.h"
#include "sql/ConnectParams.h"
#include "sql/EngineDetector.h"
#include "sql/SqlConnection.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace TiDesk {

Result<QString> slowHistoryStatement(const Dialect &dialect, const SlowHistoryRequest &request)
{
    if (!request.fromUtc.isValid() || !request.toUtc.isValid() || request.fromUtc > request.toUtc)
        return Error::make(
            ErrorKind::InvalidInput,
            QCoreApplication::translate("TiDesk::SlowHistoryReader",
                                        "Slow-query history needs a time range (from before to)."));
    const int limit = qMax(1, request.rowLimit);
    if (request.source == SlowHistorySource::StatementsSummary)
        return dialect.statementsSummaryByDigestQuery(request.fromUtc, request.toUtc, limit);
    return dialect.slowQueriesQuery(request.fromUtc, request.toUtc, limit);
}

Result<SlowHistory> readSlowHistory(const SlowHistoryRequest &request, ActivityLog *activityLog)
{
    EnvironmentTarget target;
    target.environment = request.environment;
    target.password = request.password;
    target.route = request.route;
    target.dialectOptions = request.dialectOptions;
    SqlConnection conn(activityLog);
    Result<OpenedEnvironment> opened = openEnvironment(target, conn);
    if (!opened)
        return opened.error();
    const auto &dialect = opened->dialect;
    Result<QString> statement = slowHistoryStatement(*dialect, request);
    if (!statement)
        return statement.error();
    // UTC first, so the range literals mean what they say (required); then a server-side limit
    // for the read (a server without that variable still gets its bounded read, as SqlWorker
    // tolerates it).
    const QStringList setup = dialect->sessionSetupStatements(request.statementTimeout);
    for (qsizetype s = 0; s < setup.size(); ++s) {
        if (Result<QueryResult> r = conn.query(setup.at(s)); !r && s == 0)
            return r.error();
    }
    Result<QueryResult> rows = conn.query(*statement);
    if (!rows)
        return rows.error();

    SlowHistory out;
    out.engine = opened->engine;
    out.source = request.source;
    out.fromUtc = request.fromUtc;
    out.toUtc = request.toUtc;
    out.statement = *statement;
    out.rowsRead = rows->rows.size();
    out.rowLimitHit = out.rowsRead >= qMax(1, request.rowLimit);
    DigestAggregator aggregator;
    if (request.source == SlowHistorySource::StatementsSummary) {
        for (const DigestClass &c : SlowQueryRows::summaryClasses(*rows))
            aggregator.addClass(c);
    } else {
        for (const SlowLogEntry &e : SlowQueryRows::entries(*rows))
            aggregator.add(e);
    }
    out.classes = aggregator.classes();
    return out;
}

} // namespace TiDesk
