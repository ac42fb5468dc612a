#include "SessionFilterModel.h"

#include "models/SessionsModel.h"

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

bool sameText(const QString &filter, const QString &value)
{
    return filter.isEmpty() || filter.compare(value, Qt::CaseInsensitive) == 0;
}

bool isNumeric(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Double: return true;
    default: return false;
    }
}

} // namespace

SessionFilterModel::SessionFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SessionsModel::SortRole);
    setDynamicSortFilter(true);
}

void SessionFilterModel::refilter()
{
    invalidateFilter();
}

void SessionFilterModel::setUserFilter(const QString &user)
{
    m_user = user.trimmed();
    refilter();
}

void SessionFilterModel::setDbFilter(const QString &db)
{
    m_db = db.trimmed();
    refilter();
}

void SessionFilterModel::setCommandFilter(const QString &command)
{
    m_command = command.trimmed();
    refilter();
}

void SessionFilterModel::setMinimumTimeMs(qint64 ms)
{
    m_minTimeMs = qMax<qint64>(0, ms);
    refilter();
}

void SessionFilterModel::setMinimumMemoryBytes(qint64 bytes)
{
    m_minMemBytes = qMax<qint64>(0, bytes);
    refilter();
}

void SessionFilterModel::setFilterText(const QString &text)
{
    m_words = text.split(u' ', Qt::SkipEmptyParts);
    refilter();
}

void SessionFilterModel::setHideSleeping(bool hide)
{
    m_hideSleeping = hide;
    refilter();
}

void SessionFilterModel::setHideSystem(bool hide)
{
    m_hideSystem = hide;
    refilter();
}

void SessionFilterModel::setOwnConnectionIds(const QSet<quint64> &ids)
{
    if (ids == m_ownIds)
        return;
    m_ownIds = ids;
    refilter();
}

bool SessionFilterModel::accepts(const SessionRow &row) const
{
    if (m_ownIds.contains(row.id))
        return false;
    if (m_hideSleeping && row.isSleeping())
        return false;
    if (m_hideSystem && row.isSystem())
        return false;
    if (!sameText(m_user, row.user) || !sameText(m_db, row.db) || !sameText(m_command, row.command))
        return false;
    if (row.timeMs < m_minTimeMs)
        return false;
    if (m_minMemBytes > 0 && (!row.memBytes || *row.memBytes < m_minMemBytes))
        return false;
    for (const QString &word : m_words) {
        if (!row.info.contains(word, Qt::CaseInsensitive)
            && !row.user.contains(word, Qt::CaseInsensitive)
            && !row.host.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

QList<SessionRow> SessionFilterModel::filtered(const QList<SessionRow> &rows) const
{
    QList<SessionRow> out;
    out.reserve(rows.size());
    for (const SessionRow &r : rows)
        if (accepts(r))
            out.append(r);
    return out;
}

bool SessionFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    // Fast path: read the row itself instead of a QVariant copy.
    if (const auto *sessions = qobject_cast<const SessionsModel *>(sourceModel()))
        return sourceRow < sessions->rowCount() && accepts(sessions->rowAt(sourceRow));
    const QVariant v = sourceModel()->index(sourceRow, 0).data(SessionsModel::SessionRole);
    return v.canConvert<SessionRow>() && accepts(v.value<SessionRow>());
}

bool SessionFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant a = left.data(sortRole());
    const QVariant b = right.data(sortRole());
    const bool aKnown = a.isValid() && !a.isNull();
    const bool bKnown = b.isValid() && !b.isNull();
    if (aKnown != bKnown) {
        // Unknown last in both directions.
        const bool ascending = sortOrder() == Qt::AscendingOrder;
        return ascending ? aKnown : !aKnown;
    }
    if (aKnown) {
        int c = 0;
        if (isNumeric(a) && isNumeric(b)) {
            if (a.typeId() == QMetaType::ULongLong || b.typeId() == QMetaType::ULongLong) {
                const quint64 x = a.toULongLong(), y = b.toULongLong();
                c = x < y ? -1 : (x > y ? 1 : 0);
            } else {
                const qint64 x = a.toLongLong(), y = b.toLongLong();
                c = x < y ? -1 : (x > y ? 1 : 0);
            }
        } else {
            c = a.toString().localeAwareCompare(b.toString());
        }
        if (c != 0)
            return c < 0;
    }
    // Ties: by key, so equal rows keep one order across refreshes.
    return left.data(SessionsModel::KeyRole).toString()
        < right.data(SessionsModel::KeyRole).toString();
}

} // namespace TiDesk
