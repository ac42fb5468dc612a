#include "EndpointListEditor.h"

#include "ThemeColors.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>

using namespace Qt::StringLiterals;

namespace TiDesk {

EndpointListEditor::EndpointListEditor(QWidget *parent)
    : QWidget(parent)
    , m_entry(new QLineEdit(this))
    , m_add(new QPushButton(tr("Add"), this))
    , m_remove(new QPushButton(tr("Remove"), this))
    , m_table(new QTableWidget(0, 3, this))
{
    m_entry->setObjectName(u"envEndpointEntry"_s);
    m_entry->setAccessibleName(tr("New endpoints"));
    m_entry->setPlaceholderText(tr("host:port[,host:port\u2026]"));
    m_entry->setToolTip(
        tr("One or more SQL endpoints, e.g. 10.0.0.1:4000,10.0.0.2:4000 (press Enter to add)"));
    connect(m_entry, &QLineEdit::returnPressed, this, &EndpointListEditor::addFromEntry);

    m_add->setObjectName(u"envEndpointAdd"_s);
    m_add->setAccessibleName(tr("Add endpoints"));
    m_add->setAutoDefault(false);
    connect(m_add, &QPushButton::clicked, this, &EndpointListEditor::addFromEntry);

    m_remove->setObjectName(u"envEndpointRemove"_s);
    m_remove->setAccessibleName(tr("Remove the selected endpoints"));
    m_remove->setAutoDefault(false);
    m_remove->setEnabled(false);
    connect(m_remove, &QPushButton::clicked, this, &EndpointListEditor::removeSelected);

    m_table->setObjectName(u"envEndpoints"_s);
    m_table->setAccessibleName(tr("SQL endpoints"));
    m_table->setHorizontalHeaderLabels({ tr("Host"), tr("Port"), tr("Label") });
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    const int rowH = m_table->fontMetrics().height() + 8;
    m_table->verticalHeader()->setDefaultSectionSize(rowH);
    m_table->setMinimumHeight(m_table->horizontalHeader()->sizeHint().height() + 3 * rowH + 4);
    m_table->setMaximumHeight(m_table->horizontalHeader()->sizeHint().height() + 5 * rowH + 4);
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
            [this] { m_remove->setEnabled(!m_table->selectedItems().isEmpty()); });
    connect(m_table, &QTableWidget::itemChanged, this, &EndpointListEditor::changed);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_entry, 0, 0);
    layout->addWidget(m_add, 0, 1);
    layout->addWidget(m_table, 1, 0);
    layout->addWidget(m_remove, 1, 1, Qt::AlignTop);
    layout->setRowStretch(1, 1);
}

Result<QList<SqlEndpoint>> EndpointListEditor::parse(const QString &text, int defaultPort)
{
    static const QRegularExpression sep(u"[,;\\s]+"_s);
    QList<SqlEndpoint> out;
    for (const QString &token : text.split(sep, Qt::SkipEmptyParts)) {
        SqlEndpoint ep;
        QString host = token;
        QString port;
        if (token.startsWith(u'[')) { // [ipv6]:port
            const qsizetype close = token.indexOf(u']');
            if (close < 0)
                return Error::make(ErrorKind::InvalidInput,
                                   tr("endpoints: \"%1\" lacks a closing ']'").arg(token));
            host = token.mid(1, close - 1);
            if (token.size() > close + 1) {
                if (token.at(close + 1) != u':')
                    return Error::make(ErrorKind::InvalidInput,
                                       tr("endpoints: \"%1\" is not host:port").arg(token));
                port = token.mid(close + 2);
            }
        } else if (token.count(u':') == 1) {
            host = token.section(u':', 0, 0);
            port = token.section(u':', 1);
        }
        bool ok = true;
        ep.host = host.trimmed();
        ep.port = port.isEmpty() ? defaultPort : port.toInt(&ok);
        if (!ok || ep.port < 1 || ep.port > 65535)
            return Error::make(ErrorKind::InvalidInput,
                               tr("endpoints: \"%1\" has no valid port (1-65535)").arg(token));
        if (ep.host.isEmpty())
            return Error::make(ErrorKind::InvalidInput,
                               tr("endpoints: \"%1\" has no host").arg(token));
        out << ep;
    }
    return out;
}

void EndpointListEditor::appendRow(const SqlEndpoint &ep)
{
    const QSignalBlocker block(m_table);
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(ep.host));
    auto *port = new QTableWidgetItem(QString::number(ep.port));
    port->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_table->setItem(row, 1, port);
    m_table->setItem(row, 2, new QTableWidgetItem(ep.label));
}

void EndpointListEditor::setEndpoints(const QList<SqlEndpoint> &endpoints)
{
    m_table->setRowCount(0);
    for (const SqlEndpoint &ep : endpoints)
        appendRow(ep);
    emit changed();
}

void EndpointListEditor::addFromEntry()
{
    const Result<QList<SqlEndpoint>> parsed = parse(m_entry->text(), m_defaultPort);
    if (!parsed.ok()) {
        m_entry->setToolTip(parsed.error().message);
        m_entry->setStyleSheet(u"QLineEdit { border: 2px solid %1; }"_s.arg(
            ThemeColors::foreground(ThemeColors::Role::Error, palette()).name()));
        return;
    }
    m_entry->setStyleSheet(QString());
    for (const SqlEndpoint &ep : parsed.value())
        appendRow(ep);
    m_entry->clear();
    emit changed();
}

void EndpointListEditor::removeSelected()
{
    QList<int> rows;
    for (const QModelIndex &idx : m_table->selectionModel()->selectedRows())
        rows << idx.row();
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int r : std::as_const(rows))
        m_table->removeRow(r);
    emit changed();
}

Result<QList<SqlEndpoint>> EndpointListEditor::endpoints() const
{
    QList<SqlEndpoint> out;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        SqlEndpoint ep;
        ep.host = m_table->item(r, 0) ? m_table->item(r, 0)->text().trimmed() : QString();
        bool ok = false;
        const QString portText
            = m_table->item(r, 1) ? m_table->item(r, 1)->text().trimmed() : QString();
        ep.port = portText.toInt(&ok);
        if (!ok)
            return Error::make(ErrorKind::InvalidInput,
                               tr("endpoints: row %1 has no valid port (1-65535)").arg(r + 1));
        ep.label = m_table->item(r, 2) ? m_table->item(r, 2)->text().trimmed() : QString();
        out << ep;
    }
    Result<QList<SqlEndpoint>> pending = parse(m_entry->text(), m_defaultPort);
    if (!pending.ok())
        return pending.error();
    out << pending.value();
    return out;
}

} // namespace TiDesk
