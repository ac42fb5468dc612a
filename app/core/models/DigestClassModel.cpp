#include "DigestClassModel.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

QString oneLine(const QString &text, int max)
{
    QString out = text.simplified();
    if (out.size() > max)
        out = out.left(max - 1) + QChar(0x2026);
    return out;
}

QString stamp(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s) : QString();
}

} // namespace

DigestClassModel::DigestClassModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void DigestClassModel::setClasses(const QList<DigestClass> &classes)
{
    beginResetModel();
    m_classes = classes;
    endResetModel();
}

int DigestClassModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_classes.size());
}

int DigestClassModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DigestClassModel::seconds(double s)
{
    const QLocale locale;
    if (s < 10)
        return locale.toString(s, 'f', 3);
    if (s < 1000)
        return locale.toString(s, 'f', 1);
    return locale.toString(s, 'f', 0);
}

QString DigestClassModel::bytes(qint64 b)
{
    if (b < 1024)
        return tr("%1 B").arg(b);
    static const char *const units[] = { "KiB", "MiB", "GiB", "TiB" };
    double v = double(b);
    int u = -1;
    while (v >= 1024 && u < 3) {
        v /= 1024;
        ++u;
    }
    //: %1 = number, %2 = binary unit (KiB, MiB ...)
    return tr("%1 %2").arg(QLocale().toString(v, 'f', 1), QLatin1String(units[u]));
}

QVariant DigestClassModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DigestClass &c = m_classes.at(index.row());
    switch (role) {
    case DigestRole: return c.digest;
    case SampleRole: return c.sample;
    case PlanRole: return c.plan;
    case NormalizedRole: return c.normalized;
    case DigestSourceRole: return DigestClass::digestSourceName(c.digestSource);
    case Qt::ToolTipRole:
        if (index.column() == NormalizedColumn || index.column() == DigestColumn)
            return c.sample;
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() <= MaxMemColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case SortRole:
        switch (Column(index.column())) {
        case TotalColumn: return c.totalSec;
        case CountColumn: return c.count;
        case AvgColumn: return c.avgSec();
        case MaxColumn: return c.maxSec;
        case RowsExaminedColumn: return c.rowsExamined;
        case MaxMemColumn: return c.maxMemBytes;
        case FirstSeenColumn: return c.firstSeen;
        case LastSeenColumn: return c.lastSeen;
        case DigestColumn: return c.digest;
        case NormalizedColumn: return c.normalized;
        case ColumnCount: break;
        }
        return {};
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case TotalColumn: return seconds(c.totalSec);
        case CountColumn: return QLocale().toString(c.count);
        case AvgColumn: return seconds(c.avgSec());
        case MaxColumn: return seconds(c.maxSec);
        case RowsExaminedColumn:
            return c.rowsExamined >= 0 ? QLocale().toString(c.rowsExamined) : QString();
        case MaxMemColumn: return c.maxMemBytes >= 0 ? bytes(c.maxMemBytes) : QString();
        case FirstSeenColumn: return stamp(c.firstSeen);
        case LastSeenColumn: return stamp(c.lastSeen);
        case DigestColumn: return c.digest.left(16);
        case NormalizedColumn: return oneLine(c.normalized, 200);
        case ColumnCount: break;
        }
        return {};
    default: return {};
    }
}

QVariant DigestClassModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case TotalColumn: return tr("Total (s)");
    case CountColumn: return tr("Count");
    case AvgColumn: return tr("Avg (s)");
    case MaxColumn: return tr("Max (s)");
    //: rows examined (MySQL/MariaDB) or processed keys (TiDB)
    case RowsExaminedColumn: return tr("Rows / keys");
    case MaxMemColumn: return tr("Max memory");
    case FirstSeenColumn: return tr("First seen (UTC)");
    case LastSeenColumn: return tr("Last seen (UTC)");
    case DigestColumn: return tr("Digest");
    case NormalizedColumn: return tr("Statement");
    case ColumnCount: break;
    }
    return {};
}

QHash<int, QByteArray> DigestClassModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SortRole, "sortValue");
    names.insert(DigestRole, "digest");
    names.insert(SampleRole, "sample");
    names.insert(PlanRole, "plan");
    names.insert(NormalizedRole, "normalized");
    names.insert(DigestSourceRole, "digestSource");
    return names;
}

} // namespace TiDesk
