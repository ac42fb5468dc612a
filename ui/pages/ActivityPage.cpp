#include "ActivityPage.h"

#include "ActivityRowDelegate.h"
#include "dialogs/ShortcutsDialog.h"
#include "models/ActivityFilterModel.h"
#include "models/ActivityModel.h"
#include "sql/ActivityLog.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace TiDesk {

ActivityPage::ActivityPage(const CoreServices &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
{
    setObjectName(u"activityPage"_s);
    m_model = new ActivityModel(services.activityLog, this);
    m_filter = new ActivityFilterModel(this);
    m_filter->setSourceModel(m_model);

    auto *title = new QLabel(tr("Activity log"), this);
    QFont tf = title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.6);
    tf.setBold(true);
    title->setFont(tf);
    auto *subtitle
        = new QLabel(tr("Every statement TiDesk sent to a server, with its outcome."), this);

    m_envCombo = new QComboBox(this);
    m_envCombo->setObjectName(u"activityEnvironmentFilter"_s);
    m_envCombo->setAccessibleName(tr("Environment filter"));
    m_envCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_envCombo->addItem(tr("All environments"), QString());
    for (const QString &name : m_model->environmentNames())
        addEnvironmentToCombo(name);
    connect(m_envCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setEnvironment(m_envCombo->currentData().toString());
        updateCount();
    });
    connect(m_model, &ActivityModel::environmentSeen, this, &ActivityPage::addEnvironmentToCombo);

    m_textFilter = new QLineEdit(this);
    m_textFilter->setObjectName(u"activityTextFilter"_s);
    m_textFilter->setAccessibleName(tr("Text filter"));
    m_textFilter->setPlaceholderText(tr("Filter statements, endpoints and results"));
    m_textFilter->setClearButtonEnabled(true);
    connect(m_textFilter, &QLineEdit::textChanged, this, [this](const QString &t) {
        m_filter->setText(t);
        updateCount();
    });
    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    find->setWhatsThis(tr("Activity log: go to the filter box"));
    find->setProperty(ShortcutsDialog::kGroupProperty, tr("Search"));
    connect(find, &QShortcut::activated, this, [this] {
        m_textFilter->setFocus(Qt::ShortcutFocusReason);
        m_textFilter->selectAll();
    });

    m_copyButton = new QPushButton(tr("Copy"), this);
    m_copyButton->setObjectName(u"activityCopyButton"_s);
    m_copyButton->setAccessibleName(tr("Copy rows"));
    m_copyButton->setToolTip(
        tr("Copy the selected rows (or all shown rows) as tab-separated text"));
    connect(m_copyButton, &QPushButton::clicked, this, &ActivityPage::copySelection);

    m_clearButton = new QPushButton(tr("Clear"), this);
    m_clearButton->setObjectName(u"activityClearButton"_s);
    m_clearButton->setAccessibleName(tr("Clear the activity log"));
    m_clearButton->setEnabled(services.activityLog != nullptr);
    connect(m_clearButton, &QPushButton::clicked, this, &ActivityPage::clearLog);

    m_count = new QLabel(this);
    m_count->setObjectName(u"activityCount"_s);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_envCombo);
    filters->addWidget(m_textFilter, 1);
    filters->addWidget(m_count);
    filters->addWidget(m_copyButton);
    filters->addWidget(m_clearButton);

    m_table = new QTableView(this);
    m_table->setObjectName(u"activityTable"_s);
    m_table->setAccessibleName(tr("Activity"));
    m_table->setModel(m_filter);
    m_table->setItemDelegate(new ActivityRowDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView *h = m_table->horizontalHeader();
    h->setStretchLastSection(false);
    h->setSectionResizeMode(QHeaderView::Interactive);
    h->setSectionResizeMode(ActivityModel::StatementColumn, QHeaderView::Stretch);
    // Wide enough for typical content and never narrower than the (translated) header.
    const QFontMetrics fm = m_table->fontMetrics();
    auto fit = [this, &fm](int column, const QString &sample) {
        const QString header = m_filter->headerData(column, Qt::Horizontal).toString();
        m_table->setColumnWidth(
            column, qMax(fm.horizontalAdvance(header) + 28, fm.horizontalAdvance(sample) + 16));
    };
    fit(ActivityModel::TimeColumn, u"00:00:00.000"_s);
    fit(ActivityModel::EnvironmentColumn, u"uat01-eu"_s);
    fit(ActivityModel::EndpointColumn, u"dba_ro@10.0.9.11:4000"_s);
    fit(ActivityModel::DurationColumn, u"00,000"_s);
    fit(ActivityModel::RowsColumn, u"000,000"_s);
    fit(ActivityModel::ResultColumn, u"Access denied for user 'app'"_s);

    // Keep the newest row in view while the user is at the bottom; stay put once they scroll up.
    QScrollBar *vbar = m_table->verticalScrollBar();
    connect(vbar, &QScrollBar::valueChanged, this,
            [this, vbar](int v) { m_followTail = v >= vbar->maximum(); });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        updateCount();
        if (m_followTail)
            m_table->scrollToBottom();
    });
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &ActivityPage::updateCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &ActivityPage::updateCount);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->setSpacing(8);
    layout->addWidget(title);
    layout->addWidget(subtitle);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    updateCount();
}

void ActivityPage::addEnvironmentToCombo(const QString &name)
{
    if (m_envCombo->findData(name) >= 0)
        return;
    // Keep the names sorted after the "All" entry.
    int i = 1;
    while (i < m_envCombo->count()
           && m_envCombo->itemData(i).toString().compare(name, Qt::CaseInsensitive) < 0)
        ++i;
    m_envCombo->insertItem(i, name, name);
}

void ActivityPage::setEnvironmentFilter(const QString &envName)
{
    if (!envName.isEmpty())
        addEnvironmentToCombo(envName);
    m_envCombo->setCurrentIndex(qMax(0, m_envCombo->findData(envName)));
}

void ActivityPage::setTextFilter(const QString &text)
{
    m_textFilter->setText(text);
}

void ActivityPage::updateCount()
{
    const int shown = m_filter->rowCount();
    const int total = m_model->rowCount();
    //: %1 = number of statements in the log
    m_count->setText(shown == total ? tr("Statements: %1").arg(total)
                                    //: %1 = statements matching the filter, %2 = all statements
                                    : tr("Shown: %1 of %2").arg(shown).arg(total));
    m_copyButton->setEnabled(shown > 0);
}

QString ActivityPage::selectionAsText() const
{
    QList<int> rows;
    if (const QItemSelectionModel *sel = m_table->selectionModel(); sel && sel->hasSelection()) {
        for (const QModelIndex &idx : sel->selectedRows())
            rows << idx.row();
        std::sort(rows.begin(), rows.end());
    } else {
        for (int r = 0; r < m_filter->rowCount(); ++r)
            rows << r;
    }
    QStringList lines;
    QStringList header;
    for (int c = 0; c < m_filter->columnCount(); ++c)
        header << m_filter->headerData(c, Qt::Horizontal).toString();
    lines << header.join(u'\t');
    for (int r : std::as_const(rows)) {
        QStringList cells;
        for (int c = 0; c < m_filter->columnCount(); ++c) {
            const QModelIndex idx = m_filter->index(r, c);
            const QVariant v = c == ActivityModel::TimeColumn ? idx.data(Qt::ToolTipRole)
                                                              : idx.data(Qt::DisplayRole);
            cells << v.toString().simplified();
        }
        lines << cells.join(u'\t');
    }
    return lines.join(u'\n') + u'\n';
}

void ActivityPage::copySelection()
{
    QApplication::clipboard()->setText(selectionAsText());
}

void ActivityPage::clearLog()
{
    if (m_services.activityLog)
        m_services.activityLog->clear();
}

} // namespace TiDesk
