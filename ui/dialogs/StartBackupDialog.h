// StartBackupDialog: what the backups page asks before it starts a backup of one environment:
// the kind (logical: mariadb-dump of chosen databases; physical: mariadb-backup of the whole
// server; on a TiDB environment - engine set to TiDB, or a PD address - also BR: `br backup` on
// the control host, and SQL: TiDB's BACKUP DATABASE statement), the directory on the host (empty:
// the environment's backup location or ~/tidesk-backups/<env>, shown as the placeholder) or, for
// BR and SQL, the storage URL (empty: the environment's), and the databases (logical and SQL: a
// list, empty = all; BR: empty = the whole cluster, "db" or "db.table"). request() is the
// BackupJobRequest for BackupManager::startBackup, brRequest() for startBrBackup, and
// storage()/databases() for startSqlBackup. Problems (no PD address, no storage, a BR scope of
// several databases) are named in the dialog and keep Start disabled.
// Threading: GUI thread only.
#pragma once

#include "backup/BackupLauncher.h"
#include "inventory/Environment.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace TiDesk {

class StartBackupDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit StartBackupDialog(const Environment &env, QWidget *parent = nullptr);

    [[nodiscard]] const Environment &environment() const { return m_env; }
    [[nodiscard]] BackupJob::Kind kind() const;
    [[nodiscard]] BackupJobRequest request() const;
    [[nodiscard]] BrJobRequest brRequest() const;
    // BR and SQL: the storage URL typed (empty: the environment's) and the databases.
    [[nodiscard]] QString storage() const;
    [[nodiscard]] QStringList databases() const;
    // The environment is TiDB (BR and SQL backups offered).
    [[nodiscard]] static bool isTiDB(const Environment &env);
    [[nodiscard]] QComboBox *kindBox() const { return m_kind; }
    [[nodiscard]] QLineEdit *directoryEdit() const { return m_dir; }
    [[nodiscard]] QLineEdit *databasesEdit() const { return m_databases; }
    [[nodiscard]] QLabel *problemLabel() const { return m_problem; }
    [[nodiscard]] QPushButton *startButton() const { return m_start; }
    // "a, b c" -> {a, b, c}
    [[nodiscard]] static QStringList parseDatabases(const QString &text);

private:
    void updateState();

    Environment m_env;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_dir = nullptr;
    QLabel *m_dirLabel = nullptr;
    QString m_whereText;
    QLineEdit *m_databases = nullptr;
    QLabel *m_hint = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_start = nullptr;
};

} // namespace TiDesk
