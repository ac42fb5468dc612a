// RestoreDialog: the restore wizard of the Backups page, on one page because a restore has few
// choices and each must be visible when the DBA confirms:
//  - the backup (id, time, size, databases, whether checksums were recorded to verify against);
//  - the target environment (MariaDB/MySQL ones; never silently the source);
//  - each database's target name (same name, or a new one: a restore into new names is the safe
//    default for a check) - or, for a drill, the fixed drill names and "keep afterwards";
//  - "Overwrite databases that already hold tables": off by default; the page's manager refuses
//    an occupied target otherwise;
//  - the confirmation: a production target, or overwrite, shows the TypedNameField of the target
//    and Restore stays disabled until its exact name is typed.
// order() is the RestoreOrder for BackupManager::startRestore (or, for a drill, the target and
// keep flag for startDrill). Threading: GUI thread only.
#pragma once

#include "backup/RestoreFlow.h"
#include "inventory/Environment.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QVBoxLayout;

namespace TiDesk {

class TypedNameField;

class RestoreDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { Restore, Drill };

    // targets: the environments one may restore into (the source may be among them).
    // checksumsRecorded: the backup can be verified after the restore.
    RestoreDialog(Mode mode, const Environment &source, const BackupJob &backup,
                  const EnvironmentList &targets, bool checksumsRecorded,
                  QWidget *parent = nullptr);

    [[nodiscard]] Mode mode() const { return m_mode; }
    [[nodiscard]] RestoreOrder order() const;
    [[nodiscard]] bool keepDrillDatabases() const;
    [[nodiscard]] bool requiresTypedName() const;
    [[nodiscard]] bool isRestoreEnabled() const;

    // For tests and accessibility tools.
    [[nodiscard]] QComboBox *targetBox() const { return m_target; }
    [[nodiscard]] QTableWidget *renameTable() const { return m_renames; }
    [[nodiscard]] QCheckBox *overwriteBox() const { return m_overwrite; }
    [[nodiscard]] QPushButton *restoreButton() const { return m_restore; }
    [[nodiscard]] TypedNameField *typedName() const { return m_typed; }

private:
    void onTargetChanged();
    void updateState();
    [[nodiscard]] Environment currentTarget() const;
    [[nodiscard]] QList<QPair<QString, QString>> currentRenames() const;

    Mode m_mode;
    Environment m_source;
    BackupJob m_backup;
    EnvironmentList m_targets;
    QComboBox *m_target = nullptr;
    QTableWidget *m_renames = nullptr;
    QCheckBox *m_overwrite = nullptr;
    QCheckBox *m_keep = nullptr;
    QLabel *m_warning = nullptr;
    QLabel *m_problem = nullptr;
    QVBoxLayout *m_confirmBox = nullptr;
    TypedNameField *m_typed = nullptr;
    QPushButton *m_restore = nullptr;
};

} // namespace TiDesk
