#include "GuardrailReader.h"

#include "sql/QueryResult.h"
#include "sql/SqlConnection.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace GuardrailParser {

QList<GuardrailValue> values(const Dialect &dialect, const QueryResult &result)
{
    QList<GuardrailValue> out;
    for (const GuardrailVariable &v : dialect.guardrailVariables()) {
        GuardrailValue gv;
        gv.variable = v;
        if (!result.rows.isEmpty()) {
            const QVariant value = result.value(0, v.name);
            if (value.isValid() && !value.isNull())
                gv.value = value.toString();
        }
        out << gv;
    }
    return out;
}

QList<RunawayWatchEntry> watches(const QueryResult &result)
{
    QList<RunawayWatchEntry> out;
    for (int i = 0; i < result.rows.size(); ++i) {
        RunawayWatchEntry w;
        w.id = result.value(i, u"ID"_s).toLongLong();
        w.resourceGroup = result.value(i, u"RESOURCE_GROUP_NAME"_s).toString();
        w.startTime = result.value(i, u"START_TIME"_s).toString();
        w.endTime = result.value(i, u"END_TIME"_s).toString();
        w.watch = result.value(i, u"WATCH"_s).toString();
        w.watchText = result.value(i, u"WATCH_TEXT"_s).toString();
        w.source = result.value(i, u"SOURCE"_s).toString();
        w.action = result.value(i, u"ACTION"_s).toString();
        w.rule = result.value(i, u"RULE"_s).toString();
        out << w;
    }
    return out;
}

QList<SqlBinding> bindings(const QueryResult &result)
{
    QList<SqlBinding> out;
    for (int i = 0; i < result.rows.size(); ++i) {
        SqlBinding b;
        b.originalSql = result.value(i, u"Original_sql"_s).toString();
        b.bindSql = result.value(i, u"Bind_sql"_s).toString();
        b.defaultDb = result.value(i, u"Default_db"_s).toString();
        b.status = result.value(i, u"Status"_s).toString();
        b.source = result.value(i, u"Source"_s).toString();
        b.sqlDigest = result.value(i, u"Sql_digest"_s).toString();
        b.planDigest = result.value(i, u"Plan_digest"_s).toString();
        b.createTime = result.value(i, u"Create_time"_s).toString();
        out << b;
    }
    return out;
}

} // namespace GuardrailParser

Result<GuardrailSnapshot> readGuardrails(const EnvironmentTarget &target, ActivityLog *activityLog)
{
    SqlConnection conn(activityLog);
    Result<OpenedEnvironment> opened = openEnvironment(target, conn);
    if (!opened)
        return opened.error();
    const Dialect &dialect = *opened->dialect;

    GuardrailSnapshot snap;
    snap.engine = opened->engine;
    snap.endpoint = opened->endpoint;
    snap.readAt = QDateTime::currentDateTimeUtc();

    Result<QueryResult> vars = conn.query(dialect.readGuardrailsQuery());
    if (vars) {
        snap.values = GuardrailParser::values(dialect, *vars);
    } else if (vars.error().kind == ErrorKind::Connection || vars.error().kind == ErrorKind::Auth) {
        return vars.error();
    } else {
        // One unknown variable (another version, a fork) fails the combined read: read them one
        // by one so the others are still shown, and name each that failed.
        snap.values = GuardrailParser::values(dialect, QueryResult {});
        for (GuardrailValue &gv : snap.values) {
            if (Result<QueryResult> r = conn.query(Dialect::readGuardrailQuery(gv.variable));
                r && !r->rows.isEmpty()) {
                const QVariant v = r->value(0, gv.variable.name);
                if (v.isValid() && !v.isNull())
                    gv.value = v.toString();
            } else {
                //: %1 = variable name, %2 = the server's error
                snap.problems << QCoreApplication::translate("TiDesk::GuardrailReader",
                                                             "%1 could not be read: %2")
                                     .arg(gv.variable.name, r ? QString() : r.error().message);
            }
        }
    }

    if (const Result<QString> q = dialect.runawayWatchesQuery(); q) {
        snap.watchesSupported = true;
        if (Result<QueryResult> r = conn.query(*q); r)
            snap.watches = GuardrailParser::watches(*r);
        else
            //: %1 = the server's error
            snap.problems << QCoreApplication::translate("TiDesk::GuardrailReader",
                                                         "Runaway watches could not be read: %1")
                                 .arg(r.error().message);
    }
    if (const Result<QString> q = dialect.bindingsQuery(); q) {
        snap.bindingsSupported = true;
        if (Result<QueryResult> r = conn.query(*q); r)
            snap.bindings = GuardrailParser::bindings(*r);
        else
            //: %1 = the server's error
            snap.problems << QCoreApplication::translate("TiDesk::GuardrailReader",
                                                         "SQL bindings could not be read: %1")
                                 .arg(r.error().message);
    }
    return snap;
}

} // namespace TiDesk
