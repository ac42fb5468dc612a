// EndpointListEditor: the SQL endpoints of an environment as a small editable table
// (host, port, label) with a quick-entry line that accepts "host:port[,host:port...]"
// ("[::1]:4000" for IPv6), an Add and a Remove button.
// Threading: GUI thread only.
#pragma once

#include "common/Result.h"
#include "inventory/Environment.h"

#include <QWidget>

class QLineEdit;
class QPushButton;
class QTableWidget;

namespace TiDesk {

class EndpointListEditor final : public QWidget
{
    Q_OBJECT
public:
    explicit EndpointListEditor(QWidget *parent = nullptr);

    void setEndpoints(const QList<SqlEndpoint> &endpoints);
    // The table's rows; a pending quick-entry text is included (so "type and press OK" works).
    // Fails with a message naming the bad entry.
    [[nodiscard]] Result<QList<SqlEndpoint>> endpoints() const;
    // Port used when the quick entry has none.
    void setDefaultPort(int port) { m_defaultPort = port; }

    // Parses "host:port[,host:port...]" (commas, spaces or newlines between entries).
    static Result<QList<SqlEndpoint>> parse(const QString &text, int defaultPort);

    [[nodiscard]] QLineEdit *entryEdit() const { return m_entry; }

signals:
    void changed();

private:
    void addFromEntry();
    void removeSelected();
    void appendRow(const SqlEndpoint &ep);

    QLineEdit *m_entry = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QTableWidget *m_table = nullptr;
    int m_defaultPort = 4000;
};

} // namespace TiDesk
