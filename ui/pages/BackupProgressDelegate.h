// BackupProgressDelegate: the backups table's Progress column as a progress bar while a job runs
// (BackupJobsModel::ProgressRole; a busy bar when the job does not know its progress yet), and
// plain text otherwise ("100%" for a finished backup, nothing for the others).
// Threading: GUI thread.
#pragma once

#include <QStyledItemDelegate>

namespace TiDesk {

class BackupProgressDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

} // namespace TiDesk
