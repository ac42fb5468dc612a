// SessionFilterModel: the sessions page's filters and sort over SessionsModel. Filters (all
// must pass): user, database and command (exact, case-insensitive; empty = any), a minimum time
// in the current command, a minimum memory (sessions of unknown memory fail it), free text
// (every word must appear in the statement, user or host), hide sleeping sessions, hide system
// sessions, and hide TiDesk's own connections (setOwnConnectionIds: the poller's connection, so
// the console never lists itself). Sort: by SessionsModel::SortRole, numbers as numbers,
// unknown values last in both directions, ties by key so the order is stable between reads.
// accepts() / filtered() apply the same filters to plain rows (the digest view, the CLI).
// Threading: GUI thread, like the model it filters. QtCore only.
#pragma once

#include "sessions/SessionRow.h"

#include <QList>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QStringList>

namespace TiDesk {

class SessionFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit SessionFilterModel(QObject *parent = nullptr);

    void setUserFilter(const QString &user);
    [[nodiscard]] QString userFilter() const { return m_user; }
    void setDbFilter(const QString &db);
    [[nodiscard]] QString dbFilter() const { return m_db; }
    void setCommandFilter(const QString &command);
    [[nodiscard]] QString commandFilter() const { return m_command; }
    void setMinimumTimeMs(qint64 ms); // 0 = off
    [[nodiscard]] qint64 minimumTimeMs() const { return m_minTimeMs; }
    void setMinimumMemoryBytes(qint64 bytes); // 0 = off
    [[nodiscard]] qint64 minimumMemoryBytes() const { return m_minMemBytes; }
    void setFilterText(const QString &text);
    [[nodiscard]] QString filterText() const { return m_words.join(u' '); }
    void setHideSleeping(bool hide);
    [[nodiscard]] bool hidesSleeping() const { return m_hideSleeping; }
    void setHideSystem(bool hide);
    [[nodiscard]] bool hidesSystem() const { return m_hideSystem; }
    // Connection ids to hide whatever the other filters say (TiDesk's own sessions).
    void setOwnConnectionIds(const QSet<quint64> &ids);
    [[nodiscard]] QSet<quint64> ownConnectionIds() const { return m_ownIds; }

    // Whether a session passes the filters (no model needed).
    [[nodiscard]] bool accepts(const SessionRow &row) const;
    [[nodiscard]] QList<SessionRow> filtered(const QList<SessionRow> &rows) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();

    QString m_user;
    QString m_db;
    QString m_command;
    qint64 m_minTimeMs = 0;
    qint64 m_minMemBytes = 0;
    QStringList m_words;
    bool m_hideSleeping = false;
    bool m_hideSystem = false;
    QSet<quint64> m_ownIds;
};

} // namespace TiDesk
