#include "AssistProposal.h"

#include "AssistMessage.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

struct ActionName
{
    AssistProposal::Action action;
    const char *name;
};
constexpr ActionName kActions[] = {
    { AssistProposal::Action::Sql, "sql" },
    { AssistProposal::Action::KillQuery, "kill-query" },
    { AssistProposal::Action::KillConnection, "kill-connection" },
    { AssistProposal::Action::SetVariable, "set-variable" },
    { AssistProposal::Action::Backup, "backup" },
};

struct StatusName
{
    AssistProposal::Status status;
    const char *name;
};
constexpr StatusName kStatuses[] = {
    { AssistProposal::Status::Pending, "pending" },
    { AssistProposal::Status::Approved, "approved" },
    { AssistProposal::Status::AutoApproved, "auto-approved" },
    { AssistProposal::Status::Rejected, "rejected" },
    { AssistProposal::Status::Running, "running" },
    { AssistProposal::Status::Done, "done" },
    { AssistProposal::Status::Failed, "failed" },
};

} // namespace

QString AssistProposal::actionName(Action a)
{
    for (const ActionName &n : kActions)
        if (n.action == a)
            return QString::fromLatin1(n.name);
    return {};
}

QString AssistProposal::statusName(Status s)
{
    for (const StatusName &n : kStatuses)
        if (n.status == s)
            return QString::fromLatin1(n.name);
    return {};
}

std::optional<AssistProposal::Status> AssistProposal::statusFromName(const QString &name)
{
    for (const StatusName &n : kStatuses)
        if (name == QLatin1String(n.name))
            return n.status;
    return std::nullopt;
}

QString AssistProposal::statusText(Status s)
{
    switch (s) {
    case Status::Pending: return tr("waiting for the DBA");
    case Status::Approved: return tr("approved");
    case Status::AutoApproved: return tr("auto-approved (read-only)");
    case Status::Rejected: return tr("rejected");
    case Status::Running: return tr("running");
    case Status::Done: return tr("done");
    case Status::Failed: return tr("failed");
    }
    return {};
}

QJsonObject AssistProposal::toJson() const
{
    QJsonObject o { { u"t"_s, QString::fromLatin1(AssistMessage::kPropose) },
                    { u"id"_s, double(id) },
                    { u"action"_s, actionName(action) },
                    { u"env"_s, environment } };
    switch (action) {
    case Action::Sql: o.insert(u"sql"_s, sql); break;
    case Action::KillQuery:
    case Action::KillConnection:
        o.insert(u"connection"_s, QString::number(connectionId)); // 64-bit: a string
        if (!instance.isEmpty())
            o.insert(u"instance"_s, instance);
        break;
    case Action::SetVariable:
        o.insert(u"variable"_s, variable);
        o.insert(u"value"_s, value);
        break;
    case Action::Backup:
        o.insert(u"backup_kind"_s, backupKind);
        o.insert(u"databases"_s, QJsonArray::fromStringList(databases));
        break;
    }
    return o;
}

Result<AssistProposal> AssistProposal::fromJson(const QJsonObject &o)
{
    AssistProposal p;
    const double id = o.value(u"id"_s).toDouble(-1);
    if (id < 1 || id > 9007199254740991.0 || id != double(qint64(id)))
        return Error::make(ErrorKind::InvalidInput, tr("The proposal has no valid id."));
    p.id = qint64(id);
    const QString action = o.value(u"action"_s).toString();
    bool known = false;
    for (const ActionName &n : kActions)
        if (action == QLatin1String(n.name)) {
            p.action = n.action;
            known = true;
        }
    if (!known)
        return Error::make(ErrorKind::InvalidInput,
                           //: %1 = the action the expert's program sent
                           tr("The proposal's action \"%1\" is unknown.").arg(action.left(40)));
    p.environment = o.value(u"env"_s).toString();
    if (p.environment.isEmpty())
        return Error::make(ErrorKind::InvalidInput, tr("The proposal names no environment."));
    switch (p.action) {
    case Action::Sql:
        p.sql = o.value(u"sql"_s).toString();
        if (p.sql.trimmed().isEmpty())
            return Error::make(ErrorKind::InvalidInput, tr("The proposal has no statement."));
        if (p.sql.size() > AssistMessage::kMaxStatementChars)
            return Error::make(ErrorKind::InvalidInput,
                               tr("The proposed statement is longer than %1 characters.")
                                   .arg(AssistMessage::kMaxStatementChars));
        break;
    case Action::KillQuery:
    case Action::KillConnection: {
        bool ok = false;
        p.connectionId = o.value(u"connection"_s).toString().toULongLong(&ok);
        if (!ok || p.connectionId == 0)
            return Error::make(ErrorKind::InvalidInput,
                               tr("The kill proposal has no valid connection id."));
        p.instance = o.value(u"instance"_s).toString();
        break;
    }
    case Action::SetVariable: {
        p.variable = o.value(u"variable"_s).toString();
        p.value = o.value(u"value"_s).toString();
        static const QRegularExpression name(u"^[A-Za-z_][A-Za-z0-9_.]{0,63}$"_s);
        if (!name.match(p.variable).hasMatch())
            return Error::make(ErrorKind::InvalidInput,
                               tr("The proposal's variable name is not valid."));
        if (p.value.size() > 1024)
            return Error::make(ErrorKind::InvalidInput,
                               tr("The proposal's variable value is too long."));
        break;
    }
    case Action::Backup: {
        p.backupKind = o.value(u"backup_kind"_s).toString();
        if (p.backupKind != u"logical"_s && p.backupKind != u"physical"_s)
            return Error::make(ErrorKind::InvalidInput,
                               tr("A backup proposal must be logical or physical."));
        static const QRegularExpression db(u"^[A-Za-z0-9_$]{1,64}$"_s);
        const QJsonArray dbs = o.value(u"databases"_s).toArray();
        if (dbs.size() > 256)
            return Error::make(ErrorKind::InvalidInput, tr("The backup names too many databases."));
        for (const QJsonValue &v : dbs) {
            if (!db.match(v.toString()).hasMatch())
                return Error::make(ErrorKind::InvalidInput,
                                   tr("The backup names a database that is not valid."));
            p.databases << v.toString();
        }
        if (p.backupKind == u"physical"_s && !p.databases.isEmpty())
            return Error::make(ErrorKind::InvalidInput,
                               tr("A physical backup copies the whole server; it takes no "
                                  "database list."));
        break;
    }
    }
    return p;
}

QString AssistProposal::summary() const
{
    switch (action) {
    case Action::Sql: {
        QString s = sql.simplified();
        if (s.size() > 120)
            s = s.left(117) + u"..."_s;
        //: %1 = a SQL statement, %2 = environment name
        return tr("SQL on %2: %1").arg(s, environment);
    }
    case Action::KillQuery:
        //: %1 = connection id, %2 = environment name
        return tr("KILL QUERY %1 on %2").arg(connectionId).arg(environment);
    case Action::KillConnection: return tr("KILL %1 on %2").arg(connectionId).arg(environment);
    case Action::SetVariable:
        //: %1 = variable, %2 = value, %3 = environment name
        return tr("SET GLOBAL %1 = %2 on %3").arg(variable, value, environment);
    case Action::Backup:
        return databases.isEmpty()
            //: %1 = logical or physical, %2 = environment name
            ? tr("%1 backup of %2").arg(backupKind, environment)
            //: %1 = logical, %2 = database names, %3 = environment name
            : tr("%1 backup of %2 on %3").arg(backupKind, databases.join(u", "_s), environment);
    }
    return {};
}

} // namespace TiDesk
