// AssistProposal: one action an expert proposes in a session (issue 7) - run a SQL statement,
// kill a session's statement or connection, set a guardrail variable, or start a backup - on an
// environment the host shares, named by its name (never an address or a credential). Its
// life on the host (pending -> approved / auto-approved / rejected -> running -> done / failed)
// is Status. JSON both ways (the "propose" and "status" messages); fromJson() checks every
// field. Plain value type: any thread.
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace TiDesk {

struct AssistProposal
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::AssistProposal)
public:
    enum class Action { Sql, KillQuery, KillConnection, SetVariable, Backup };
    enum class Status { Pending, Approved, AutoApproved, Rejected, Running, Done, Failed };

    qint64 id = 0; // chosen by the expert, unique within the session
    Action action = Action::Sql;
    QString environment; // the shared environment's name
    QString sql; // Sql
    quint64 connectionId = 0; // Kill*
    QString instance; // Kill* on TiDB: the tidb-server (host:status-port); empty elsewhere
    QString variable; // SetVariable
    QString value; // SetVariable
    QString backupKind; // Backup: "logical" or "physical" (MariaDB/MySQL, like the Backups page)
    QStringList databases; // Backup, logical only: empty = every database but the system ones

    [[nodiscard]] QJsonObject toJson() const; // the "propose" message (with "t")
    [[nodiscard]] static Result<AssistProposal> fromJson(const QJsonObject &o);

    // One line for lists, the audit log and the CLI prompt ("KILL QUERY 42 on prod").
    [[nodiscard]] QString summary() const;
    [[nodiscard]] static QString actionName(Action a); // stable: sql, kill-query ...
    [[nodiscard]] static QString statusName(Status s); // stable: pending, approved ...
    [[nodiscard]] static QString statusText(Status s); // translated
    [[nodiscard]] static std::optional<Status> statusFromName(const QString &name);
    [[nodiscard]] static bool isFinal(Status s)
    {
        return s == Status::Rejected || s == Status::Done || s == Status::Failed;
    }
};

} // namespace TiDesk

Q_DECLARE_METATYPE(TiDesk::AssistProposal)
