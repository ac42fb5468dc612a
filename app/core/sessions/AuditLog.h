// AuditLog: the append-only record of every consequential action TiDesk takes on a server:
// kills (manual or by rule, enforced or dry-run), guardrail changes, rule push-downs. One JSON
// object per line (JSON Lines) in a file under the data directory, so a DBA can grep it and a
// script can read it. Statements never carry secrets; passwords are never written here.
//
// Threading: append() and readLast() are thread-safe (one mutex per AuditLog; the file is opened
// in append mode per call, so several processes - GUI and `tidesk-cli rules run` - can share
// it). Both do file I/O: call them from worker threads, never from the GUI thread.
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QString>

namespace TiDesk {

struct AuditEntry
{
    QDateTime at; // UTC; append() fills it when invalid
    QString actor; // OS user running TiDesk (currentActor()), or "rule:NAME" context in `rule`
    QString envName;
    QString action; // "kill-query", "kill-connection", "set-guardrail", ...
    QString target; // e.g. "10.0.1.4:10080#42 app@10.0.0.9 (SELECT ...)"
    QString statement; // the SQL sent (or that would have been sent in dry-run)
    // Kills: the statement the target session ran when it was checked (the caller's baseline
    // when it was idle or gone by then; password literals redacted); empty for other actions.
    QString sessionStatement;
    QString rule; // the rule that decided it; empty for a manual action
    QString mode; // "manual", "enforce", "dry-run"
    bool ok = false;
    // Kills: the stable outcome (KillOutcome::statusName: killed, stale-refused, ...); empty for
    // other actions.
    QString outcome;
    QString result; // what happened, one sentence

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static AuditEntry fromJson(const QJsonObject &o);
};

class AuditLog
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::AuditLog)
public:
    explicit AuditLog(QString path);

    // AppPaths::dataDir()/audit.jsonl
    [[nodiscard]] static QString defaultPath();
    // $USER, $LOGNAME or $USERNAME, else (Unix) the account of the effective uid, else "unknown".
    [[nodiscard]] static QString currentActor();

    [[nodiscard]] const QString &path() const { return m_path; }
    // Appends one line and flushes it. Io error when the file cannot be written.
    VoidResult append(AuditEntry entry);
    // The newest `count` entries, oldest first. A missing file is an empty log; lines that are
    // not JSON objects are skipped and counted in *skipped.
    [[nodiscard]] Result<QList<AuditEntry>> readLast(int count, int *skipped = nullptr) const;

private:
    QString m_path;
    mutable QMutex m_mutex;
};

} // namespace TiDesk
