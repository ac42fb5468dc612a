#include "Dialect.h"

#include "sql/MariadbDialect.h"
#include "sql/MysqlDialect.h"
#include "sql/QueryResult.h"
#include "sql/SqlQuote.h"
#include "sql/TidbDialect.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace TiDesk {

Dialect::Dialect(EngineInfo info, DialectOptions options)
    : m_info(std::move(info))
    , m_options(std::move(options))
{
    if (m_options.catalogSchema.trimmed().isEmpty())
        m_options.catalogSchema = u"INFORMATION_SCHEMA"_s;
}

Dialect::~Dialect() = default;

QStringList Dialect::sessionSetupStatements(std::chrono::milliseconds limit) const
{
    return { u"SET SESSION time_zone = '+00:00'"_s, sessionTimeoutStatement(limit) };
}

QString Dialect::sessionByIdQuery(quint64 connectionId, const QString &) const
{
    return liveSessionsQuery() + u" WHERE ID = "_s + QString::number(connectionId);
}

Result<QString> Dialect::statementsSummaryQuery(int) const
{
    return unsupported(QCoreApplication::translate("TiDesk::Dialect", "statement summary"));
}

Result<QString> Dialect::statementsSummaryByDigestQuery(const QDateTime &, const QDateTime &,
                                                        int) const
{
    return unsupported(QCoreApplication::translate("TiDesk::Dialect", "statement summary"));
}

Result<QString> Dialect::queryWatchAddStatement(const QueryWatchRequest &) const
{
    return unsupported(QCoreApplication::translate("TiDesk::Dialect", "QUERY WATCH"));
}

Result<QString> Dialect::runawayQueryLimitStatement(const RunawayQueryLimit &) const
{
    return unsupported(
        QCoreApplication::translate("TiDesk::Dialect", "resource group QUERY_LIMIT"));
}

QString Dialect::fleetStatusQuery() const
{
    return u"SHOW GLOBAL STATUS WHERE Variable_name IN "
           "('Questions', 'Threads_connected', 'Threads_running', 'Uptime')"_s;
}

Result<ExplainStatement> Dialect::explainSession(quint64 connectionId) const
{
    // MySQL 5.7+ (WL#6369); an unknown version is given the benefit of the doubt.
    if (!engineInfo().version.isNull() && !engineInfo().isAtLeast(5, 7))
        return unsupported(
            QCoreApplication::translate("TiDesk::Dialect", "EXPLAIN FOR CONNECTION"));
    return ExplainStatement { u"EXPLAIN FOR CONNECTION "_s + QString::number(connectionId), false };
}

Result<QString> Dialect::serverQuery() const
{
    return unsupported(QCoreApplication::translate("TiDesk::Dialect", "server summary"));
}

Result<QString> Dialect::clusterLoadQuery() const
{
    return unsupported(QCoreApplication::translate("TiDesk::Dialect", "cluster load"));
}

Result<QString> Dialect::storeStatusQuery() const
{
    return unsupported(QCoreApplication::translate("TiDesk::Dialect", "TiKV store status"));
}

Result<QString> Dialect::killConfigQuery() const
{
    return unsupported(
        QCoreApplication::translate("TiDesk::Dialect", "cluster kill configuration"));
}

KillConfig Dialect::killConfigFromResult(const QueryResult &result)
{
    KillConfig config;
    const int nameCol = result.columnIndex(u"Name"_s);
    const int valueCol = result.columnIndex(u"Value"_s);
    if (nameCol < 0 || valueCol < 0)
        return config;
    auto toBool = [](const QVariant &v) {
        const QString s = v.toString().trimmed().toLower();
        return s == u"true" || s == u"1" || s == u"on";
    };
    // Several tidb-servers answer; a cluster is global-kill only if every one of them is.
    for (const QVariantList &row : result.rows) {
        if (row.size() <= qMax(nameCol, valueCol))
            continue;
        const QString name = row.at(nameCol).toString().trimmed().toLower();
        const bool value = toBool(row.at(valueCol));
        std::optional<bool> *slot = nullptr;
        if (name == u"enable-global-kill")
            slot = &config.enableGlobalKill;
        else if (name == u"enable-32bits-connection-id")
            slot = &config.enable32BitConnectionId;
        else if (name == u"compatible-kill-query")
            slot = &config.compatibleKillQuery;
        if (slot)
            *slot = slot->has_value() ? (slot->value() && value) : value;
    }
    return config;
}

bool Dialect::isGlobalKill(const KillConfig &) const
{
    return false;
}

namespace {

QString guardrailColumn(const GuardrailVariable &v)
{
    // GLOBAL: what sessions that connect from now on get, and what the console changes (the
    // console's own SESSION value says nothing about the application's sessions).
    return u"@@GLOBAL."_s + v.name + u" AS "_s + SqlQuote::identifier(v.name);
}

} // namespace

QString Dialect::readGuardrailsQuery() const
{
    QStringList parts;
    for (const GuardrailVariable &v : guardrailVariables())
        parts << guardrailColumn(v);
    return u"SELECT "_s + parts.join(u", "_s);
}

QString Dialect::readGuardrailQuery(const GuardrailVariable &variable)
{
    return u"SELECT "_s + guardrailColumn(variable);
}

Result<QString> Dialect::setGuardrailStatement(const QString &name, const QString &value,
                                               bool global) const
{
    const QList<GuardrailVariable> vars = guardrailVariables();
    const auto it = std::find_if(vars.cbegin(), vars.cend(), [&](const GuardrailVariable &v) {
        return v.name.compare(name, Qt::CaseInsensitive) == 0;
    });
    if (it == vars.cend())
        return Error::make(ErrorKind::InvalidInput,
                           tr("%1 is not a guardrail variable on %2")
                               .arg(name, EngineInfo::engineDisplayName(engine())));
    const GuardrailVariable &v = *it;
    if (v.global && !global)
        return Error::make(ErrorKind::InvalidInput,
                           tr("%1 exists only in GLOBAL scope").arg(v.name));
    const QString trimmed = value.trimmed();
    QString sqlValue;
    switch (v.kind) {
    case GuardrailValueKind::Integer: {
        static const QRegularExpression intRe(u"^-?\\d{1,19}$"_s);
        if (!intRe.match(trimmed).hasMatch())
            return Error::make(ErrorKind::InvalidInput,
                               tr("%1 needs a whole number (%2)").arg(v.name, v.unit));
        sqlValue = trimmed;
        break;
    }
    case GuardrailValueKind::Number: {
        bool ok = false;
        trimmed.toDouble(&ok);
        static const QRegularExpression numRe(u"^-?\\d+(\\.\\d+)?$"_s);
        if (!ok || !numRe.match(trimmed).hasMatch())
            return Error::make(ErrorKind::InvalidInput,
                               tr("%1 needs a number (%2)").arg(v.name, v.unit));
        sqlValue = trimmed;
        break;
    }
    case GuardrailValueKind::Text:
        if (!v.allowedValues.isEmpty() && !v.allowedValues.contains(trimmed, Qt::CaseInsensitive))
            return Error::make(
                ErrorKind::InvalidInput,
                tr("%1 accepts only: %2").arg(v.name, v.allowedValues.join(u", "_s)));
        sqlValue = SqlQuote::literal(trimmed);
        break;
    }
    QString sql = global ? u"SET GLOBAL "_s : u"SET SESSION "_s;
    sql.append(v.name).append(u" = "_s).append(sqlValue);
    return sql;
}

Result<QString> Dialect::backupStatement(const BackupRequest &) const
{
    return unsupported(QCoreApplication::translate("TiDesk::Dialect", "SQL BACKUP"));
}

Result<QString> Dialect::runawayWatchesQuery() const
{
    return unsupported(tr("runaway query watches"));
}

Result<QString> Dialect::removeRunawayWatchStatement(qint64) const
{
    return unsupported(tr("runaway query watches"));
}

Result<QString> Dialect::bindingsQuery() const
{
    return unsupported(tr("SQL plan bindings"));
}

Result<QString> Dialect::bindPlanFromHistoryStatement(const QString &) const
{
    return unsupported(tr("SQL plan bindings"));
}

Result<QString> Dialect::dropBindingStatement(const QString &) const
{
    return unsupported(tr("SQL plan bindings"));
}

Result<QString> Dialect::showBackupsQuery() const
{
    return unsupported(QCoreApplication::translate("TiDesk::Dialect", "SHOW BACKUPS"));
}

Result<QString> Dialect::restoreStatement(const BackupRequest &) const
{
    return unsupported(QCoreApplication::translate("TiDesk::Dialect", "SQL RESTORE"));
}

Result<QString> Dialect::showRestoresQuery() const
{
    return unsupported(QCoreApplication::translate("TiDesk::Dialect", "SHOW RESTORES"));
}

Error Dialect::unsupported(const QString &what) const
{
    return Error::make(ErrorKind::Unsupported,
                       QCoreApplication::translate("TiDesk::Dialect", "%1 is not available on %2")
                           .arg(what, m_info.displayString()));
}

QString Dialect::utcLiteral(const QDateTime &t)
{
    return u'\'' + t.toUTC().toString(u"yyyy-MM-dd HH:mm:ss.zzz000"_s) + u'\'';
}

std::shared_ptr<const Dialect> makeDialect(const EngineInfo &info, const DialectOptions &options)
{
    switch (info.engine) {
    case Engine::TiDB: return std::make_shared<TidbDialect>(info, options);
    case Engine::MariaDB: return std::make_shared<MariadbDialect>(info, options);
    case Engine::MySQL:
    case Engine::Unknown: break;
    }
    return std::make_shared<MysqlDialect>(info, options);
}

} // namespace TiDesk
