// BackupStyleModel: the backups table's colours over BackupJobsModel (QtCore, no colours): the
// Status column in the colour of its tone (running blue, succeeded green, cancelled amber,
// failed and lost red, bold when bad). An identity proxy: rows, order and every other role pass
// through unchanged. Threading: GUI thread.
#pragma once

#include <QColor>
#include <QIdentityProxyModel>

namespace TiDesk {

class BackupStyleModel final : public QIdentityProxyModel
{
    Q_OBJECT
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // The colour of a BackupJobsModel::Tone (invalid for Neutral: the palette's text colour).
    [[nodiscard]] static QColor toneColor(int tone);
};

} // namespace TiDesk
