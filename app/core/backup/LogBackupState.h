// LogBackupState: the last known state of an environment's TiDB log backup (PITR) as `br log
// status` reported it - task, status (NORMAL, PAUSE, ERROR), checkpoint[global] (the latest time a
// point-in-time restore can reach), when it was checked, and the error when the check itself
// failed. The checkpoint lag (now - checkpoint) is the log backup's RPO; BackupHealth rates it.
// Saved per environment in <history>/log-backup/state.json by every `tidesk-cli backup log ...` and
// by BackupHealthPoller's refresh, so a glance at the health never waits for BR. An environment
// appears there once a log backup was started or its status read through TiDesk, and leaves it
// when its task is stopped.
// Value type and file helpers (blocking file I/O: pool threads or the CLI); any thread.
#pragma once

#include "backup/BrOutput.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace TiDesk {

struct LogBackupState
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::LogBackupState)
public:
    QString envName;
    QString task; // BR's task name ("pitr")
    QString status; // NORMAL, PAUSE, ERROR as BR prints them; empty when never read
    QDateTime checkpoint; // UTC; invalid when unknown
    QDateTime checkedAt; // UTC: when BR last answered (or was asked, with checkError)
    QString checkError; // the last status check failed (SSH, BR missing ...); state is older
    QStringList errors; // BR's "error [store]" lines
    QString program; // the BR program used to start or read it ("br" when empty)

    // now - checkpoint in seconds; -1 when the checkpoint is unknown.
    [[nodiscard]] qint64 lagSeconds(const QDateTime &now) const;
    // "checkpoint 2 min behind", "paused (checkpoint 3 h behind)", "ERROR: ...", "not checked".
    [[nodiscard]] QString summary(const QDateTime &now) const;
    [[nodiscard]] QJsonObject toJson(const QDateTime &now) const;
    [[nodiscard]] static Result<LogBackupState> fromJson(const QJsonObject &o);

    // The first task of a status answer (the one named, or any when "*" was asked).
    [[nodiscard]] static LogBackupState fromTask(const QString &envName, const BrLogTask &task,
                                                 const QDateTime &checkedAt);

    [[nodiscard]] static QString pathIn(const QString &historyDir); // <dir>/log-backup/state.json
    // Every environment's state; an absent file is empty; a damaged one an error naming it.
    [[nodiscard]] static Result<QHash<QString, LogBackupState>> load(const QString &historyDir);
    // Replaces env's entry (atomic file replace).
    [[nodiscard]] static VoidResult save(const QString &historyDir, const LogBackupState &state);
    // A failed check keeps the last known checkpoint and records the error (only for an
    // environment with a log backup on record: a failed look elsewhere records nothing).
    [[nodiscard]] static VoidResult saveCheckError(const QString &historyDir,
                                                   const QString &envName, const QString &error,
                                                   const QDateTime &checkedAt);
    [[nodiscard]] static VoidResult remove(const QString &historyDir, const QString &envName);
};

} // namespace TiDesk
