// StartBackupDialog: what the backups page asks before it starts a MariaDB/MySQL backup of one
// environment: the kind (logical: mariadb-dump of chosen databases; physical: mariadb-backup of
// the whole server), the directory on the host (empty: the environment's backup location or
// ~/tidesk-backups/<env>, shown as the placeholder) and, for a logical backup, the databases
// (empty: all but the system schemas). request() is the BackupJobRequest for BackupManager.
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
    [[nodiscard]] BackupJobRequest request() const;
    [[nodiscard]] QComboBox *kindBox() const { return m_kind; }
    [[nodiscard]] QLineEdit *directoryEdit() const { return m_dir; }
    [[nodiscard]] QLineEdit *databasesEdit() const { return m_databases; }
    [[nodiscard]] QPushButton *startButton() const { return m_start; }
    // "a, b c" -> {a, b, c}
    [[nodiscard]] static QStringList parseDatabases(const QString &text);

private:
    void updateState();

    Environment m_env;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_dir = nullptr;
    QLineEdit *m_databases = nullptr;
    QLabel *m_hint = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_start = nullptr;
};

} // namespace TiDesk
