#include "AlertListModel.h"

using namespace Qt::StringLiterals;

namespace TiDesk {

AlertListModel::AlertListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void AlertListModel::setAlerts(const QList<FleetAlerts::EnvAlert> &alerts)
{
    beginResetModel();
    m_alerts = alerts;
    endResetModel();
}

int AlertListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_alerts.size());
}

int AlertListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int AlertListModel::rowOf(const QString &envName, const QString &fingerprint) const
{
    if (fingerprint.isEmpty())
        return -1;
    for (int r = 0; r < int(m_alerts.size()); ++r)
        if (m_alerts.at(r).env == envName && m_alerts.at(r).alert.fingerprint == fingerprint)
            return r;
    return -1;
}

QString AlertListModel::ageText(const QDateTime &t, const QDateTime &now)
{
    if (!t.isValid())
        return u"\u2014"_s;
    const qint64 s = qMax<qint64>(0, t.secsTo(now));
    if (s < 3600)
        //: Alert age: minutes
        return tr("%1 min").arg(s / 60);
    if (s < 86400)
        //: Alert age: hours and minutes
        return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
    //: Alert age: days and hours
    return tr("%1 d %2 h").arg(s / 86400).arg((s % 86400) / 3600);
}

QVariant AlertListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const FleetAlerts::EnvAlert &e = m_alerts.at(index.row());
    const Alert &a = e.alert;
    switch (role) {
    case LevelRole: return int(a.level);
    case AlertRole: return QVariant::fromValue(a);
    case EnvRole: return e.env;
    case SilencedRole: return isSilenced(a);
    case StartsAtRole: return a.startsAt;
    case Qt::ToolTipRole: {
        QStringList lines { a.summary };
        if (!a.description.isEmpty() && a.description != a.summary)
            lines << a.description;
        if (isSilenced(a))
            //: %1 = Alertmanager silence ids
            lines << tr("Silenced by %1").arg(a.silencedBy.join(u", "_s));
        for (auto it = a.labels.cbegin(); it != a.labels.cend(); ++it)
            lines << it.key() + u'=' + it.value();
        return lines.join(u'\n');
    }
    case Qt::DisplayRole:
        switch (index.column()) {
        case EnvColumn: return e.env;
        case LevelColumn: return Alert::levelDisplayName(a.level);
        case NameColumn: return a.name;
        case SinceColumn: return ageText(a.startsAt, QDateTime::currentDateTimeUtc());
        case StateColumn:
            //: Alert state: someone silenced it in Alertmanager
            return isSilenced(a) ? tr("silenced") : a.state;
        case SummaryColumn: return a.summary;
        default: break;
        }
        break;
    default: break;
    }
    return {};
}

QVariant AlertListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case EnvColumn: return tr("Environment");
    case LevelColumn: return tr("Level");
    case NameColumn: return tr("Alert");
    case SinceColumn: return tr("Since");
    case StateColumn: return tr("State");
    case SummaryColumn: return tr("Summary");
    default: break;
    }
    return {};
}

} // namespace TiDesk
