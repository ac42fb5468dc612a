#include "BackupStyleModel.h"

#include "models/BackupJobsModel.h"

#include <QFont>

namespace TiDesk {

QColor BackupStyleModel::toneColor(int tone)
{
    switch (BackupJobsModel::Tone(tone)) {
    case BackupJobsModel::Tone::Active: return QColor(0x15, 0x65, 0xc0);
    case BackupJobsModel::Tone::Good: return QColor(0x2e, 0x7d, 0x32);
    case BackupJobsModel::Tone::Warning: return QColor(0xb2, 0x6a, 0x00);
    case BackupJobsModel::Tone::Bad: return QColor(0xc6, 0x28, 0x28);
    case BackupJobsModel::Tone::Neutral: break;
    }
    return {};
}

QVariant BackupStyleModel::data(const QModelIndex &index, int role) const
{
    if (index.isValid() && index.column() == BackupJobsModel::StatusColumn) {
        const int tone = QIdentityProxyModel::data(index, BackupJobsModel::StatusToneRole).toInt();
        if (role == Qt::ForegroundRole) {
            const QColor c = toneColor(tone);
            if (c.isValid())
                return c;
        } else if (role == Qt::FontRole
                   && BackupJobsModel::Tone(tone) == BackupJobsModel::Tone::Bad) {
            QFont f;
            f.setBold(true);
            return f;
        }
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace TiDesk
