// SessionDigestModel: live sessions grouped by statement digest ("what is the server busy
// with"): per digest the number of sessions, total and longest time, total and largest memory,
// the users, and a sample statement (the one running longest). Sessions without a statement
// (idle) are left out; pass the rows through SessionFilterModel::filtered() first to apply the
// page's filters. Updates are diffs keyed by digest, like SessionsModel: vanished digests are
// removed, new ones appended, and only changed cells emit dataChanged; never a reset.
// Threading: GUI thread. QtCore only.
#pragma once

#include "sessions/SessionRow.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>

namespace TiDesk {

class SessionDigestModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        DigestColumn,
        CountColumn,
        TotalTimeColumn,
        MaxTimeColumn,
        TotalMemoryColumn,
        MaxMemoryColumn,
        UsersColumn,
        SampleColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole + 400, // raw value; invalid = unknown
        DigestRole, // QString, the full digest
        SessionKeysRole, // QStringList: SessionRow::key() of every session in the group
        ConnectionIdsRole, // QVariantList of qulonglong
        FullStatementRole, // QString: the whole sample statement
    };
    Q_ENUM(Role)

    struct Group
    {
        QString digest;
        int count = 0;
        qint64 totalTimeMs = 0;
        qint64 maxTimeMs = 0;
        std::optional<qint64> totalMemBytes; // unknown when no session reports memory
        std::optional<qint64> maxMemBytes;
        QStringList users; // sorted, unique
        QString sample; // statement of the longest-running session
        QStringList sessionKeys;
        QList<quint64> connectionIds;
    };

    explicit SessionDigestModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Groups rows and applies the diff. Returns the number of groups whose cells changed.
    int setRows(const QList<SessionRow> &rows);
    [[nodiscard]] const QList<Group> &groups() const { return m_groups; }
    [[nodiscard]] int rowOf(const QString &digest) const { return m_index.value(digest, -1); }

    // The grouping alone, in order of first appearance (for the CLI and tests).
    [[nodiscard]] static QList<Group> group(const QList<SessionRow> &rows);

private:
    [[nodiscard]] static quint32 changedColumns(const Group &a, const Group &b);

    QList<Group> m_groups;
    QHash<QString, int> m_index; // digest -> row
};

} // namespace TiDesk
