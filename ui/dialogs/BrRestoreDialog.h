// BrRestoreDialog: the restore wizard for a TiDB BR backup (the Backups page's Restore on a BR
// job), on one page:
//  - the backup (id, time, size, BackupTS, storage with its credentials redacted);
//  - the target TiDB environment (its PD is where BR restores);
//  - what: the whole backup, one database or one table (a snapshot restore, `br restore
//    full|db|table`) - or "a point in time": `br restore point` onto this full backup with the
//    source's log backup, at a time inside the log backup's window. The window is read with
//    `br log metadata` when the dialog opens (BackupManager::readLogWindow -> setLogWindow());
//    until it arrives, or when it cannot be read, the point-in-time choice stays disabled with
//    the reason; the time must lie inside the window and after the backup's BackupTS;
//  - the confirmation: BR writes into the target cluster's tables and TiDesk cannot see which
//    databases a full backup holds, so every BR restore asks for the target's typed name.
// order() is the BrRestoreOrder for BackupManager::startBrRestore.
// Threading: GUI thread only.
#pragma once

#include "backup/BackupManager.h"
#include "inventory/Environment.h"

#include <QDateTime>
#include <QDialog>

class QButtonGroup;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QVBoxLayout;

namespace TiDesk {

class TypedNameField;

class BrRestoreDialog final : public QDialog
{
    Q_OBJECT
public:
    // targets: every environment (the TiDB ones are offered).
    BrRestoreDialog(const Environment &source, const BackupJob &backup,
                    const EnvironmentList &targets, QWidget *parent = nullptr);

    // The log backup window (UTC) or why it could not be read (from/to invalid).
    void setLogWindow(const QDateTime &from, const QDateTime &to, const QString &error);

    [[nodiscard]] BrRestoreOrder order() const;
    [[nodiscard]] bool isRestoreEnabled() const;
    // The BackupTS of the backup as a time (TiDB TSO: physical milliseconds << 18); invalid
    // when the backup has none.
    [[nodiscard]] static QDateTime timeOfTso(const QString &tso);

    [[nodiscard]] QComboBox *targetBox() const { return m_target; }
    [[nodiscard]] QRadioButton *wholeChoice() const { return m_whole; }
    [[nodiscard]] QRadioButton *databaseChoice() const { return m_database; }
    [[nodiscard]] QRadioButton *pointChoice() const { return m_point; }
    [[nodiscard]] QLineEdit *nameEdit() const { return m_name; }
    [[nodiscard]] QDateTimeEdit *untilEdit() const { return m_until; }
    [[nodiscard]] QLabel *windowLabel() const { return m_window; }
    [[nodiscard]] QLabel *problemLabel() const { return m_problem; }
    [[nodiscard]] QPushButton *restoreButton() const { return m_restore; }
    [[nodiscard]] TypedNameField *typedName() const { return m_typed; }

private:
    void onTargetChanged();
    void updateState();
    [[nodiscard]] Environment currentTarget() const;

    Environment m_source;
    BackupJob m_backup;
    EnvironmentList m_targets;
    QDateTime m_from;
    QDateTime m_to;
    QComboBox *m_target = nullptr;
    QRadioButton *m_whole = nullptr;
    QRadioButton *m_database = nullptr;
    QRadioButton *m_point = nullptr;
    QButtonGroup *m_scope = nullptr;
    QLineEdit *m_name = nullptr;
    QDateTimeEdit *m_until = nullptr;
    QLabel *m_window = nullptr;
    QLabel *m_warning = nullptr;
    QLabel *m_problem = nullptr;
    QVBoxLayout *m_confirmBox = nullptr;
    TypedNameField *m_typed = nullptr;
    QPushButton *m_restore = nullptr;
};

} // namespace TiDesk
