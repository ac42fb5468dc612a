#include "FleetPage.h"

#include "FleetStateDelegate.h"
#include "FleetStyleModel.h"
#include "MessageBanner.h"
#include "SparklineDelegate.h"
#include "TierBadgeDelegate.h"
#include "TierStyle.h"
#include "dialogs/ShortcutsDialog.h"
#include "inventory/InventoryModel.h"
#include "models/FleetFilterModel.h"
#include "models/FleetModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {
const QColor kZeroColor(0x9e, 0x9e, 0x9e);
constexpr double kWordScale = 1.35; // the headline's words, relative to the page font
constexpr double kNumberScale = 2.6; // the headline's numbers
constexpr int kQpsMinWidth = 170;
} // namespace

FleetPage::FleetPage(FleetModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    setObjectName(u"fleetPage"_s);
    m_filter = new FleetFilterModel(this);
    m_filter->setSourceModel(m_model);
    m_style = new FleetStyleModel(this);
    m_style->setSourceModel(m_filter);

    auto *title = new QLabel(tr("Fleet"), this);
    QFont tf = title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.3);
    tf.setBold(true);
    title->setFont(tf);

    m_refreshed = new QLabel(this);
    m_refreshed->setObjectName(u"fleetRefreshed"_s);
    m_refresh = new QPushButton(tr("&Refresh"), this);
    m_refresh->setObjectName(u"fleetRefresh"_s);
    m_refresh->setAccessibleName(tr("Refresh the fleet"));
    connect(m_refresh, &QPushButton::clicked, this, &FleetPage::refreshRequested);

    m_headline = new QLabel(this);
    m_headline->setObjectName(u"fleetHeadline"_s);
    m_headline->setTextFormat(Qt::RichText);
    m_headline->setAccessibleName(tr("Fleet summary"));
    QFont hf = m_headline->font();
    hf.setPointSizeF(hf.pointSizeF() * kWordScale);
    m_headline->setFont(hf);

    m_downBanner = new MessageBanner(this);
    m_downBanner->setObjectName(u"fleetDownBanner"_s);
    m_downBanner->setClosable(false);

    m_tierCombo = new QComboBox(this);
    m_tierCombo->setObjectName(u"fleetTierFilter"_s);
    m_tierCombo->setAccessibleName(tr("Tier filter"));
    m_tierCombo->addItem(tr("All tiers"), -1);
    for (Tier t : { Tier::Prod, Tier::Uat, Tier::Test, Tier::Dev, Tier::Custom })
        m_tierCombo->addItem(TierStyle::groupName(t), int(t));
    connect(m_tierCombo, &QComboBox::currentIndexChanged, this, [this] {
        const int t = m_tierCombo->currentData().toInt();
        m_filter->setTierFilter(t < 0 ? std::nullopt : std::optional<Tier>(Tier(t)));
        updateShownCount();
    });

    m_tagCombo = new QComboBox(this);
    m_tagCombo->setObjectName(u"fleetTagFilter"_s);
    m_tagCombo->setAccessibleName(tr("Tag filter"));
    m_tagCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_tagCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setTagFilter(m_tagCombo->currentData().toString());
        updateShownCount();
    });

    m_search = new QLineEdit(this);
    m_search->setObjectName(u"fleetSearch"_s);
    m_search->setAccessibleName(tr("Filter environments"));
    m_search->setPlaceholderText(tr("Filter: name, tag, host, engine, error\u2026 (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setFilterText(text);
        updateShownCount();
    });
    // Enter in the search box goes to the first match, ready for Enter again to open it.
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (m_style->rowCount() == 0)
            return;
        m_table->setFocus();
        m_table->setCurrentIndex(m_style->index(0, FleetModel::NameColumn));
    });
    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    find->setWhatsThis(tr("Fleet: go to the search box"));
    find->setProperty(ShortcutsDialog::kGroupProperty, tr("Search"));
    connect(find, &QShortcut::activated, this, &FleetPage::focusSearch);

    m_shown = new QLabel(this);
    m_shown->setObjectName(u"fleetShown"_s);

    m_table = new QTableView(this);
    m_table->setObjectName(u"fleetTable"_s);
    m_table->setAccessibleName(tr("Environments, worst first"));
    m_table->setModel(m_style);
    m_table->setItemDelegateForColumn(FleetModel::TierColumn, new TierBadgeDelegate(m_table));
    m_table->setItemDelegateForColumn(FleetModel::StateColumn, new FleetStateDelegate(m_table));
    m_table->setItemDelegateForColumn(FleetModel::QpsColumn,
                                      new SparklineDelegate(FleetModel::SparklineRole, m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 14);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(FleetModel::StateColumn, Qt::AscendingOrder); // worst first
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const QUuid id = index.data(InventoryModel::IdRole).toUuid();
        if (!id.isNull())
            emit environmentActivated(id);
    });

    auto *top = new QHBoxLayout;
    top->addWidget(title);
    top->addStretch(1);
    top->addWidget(m_refreshed);
    top->addWidget(m_refresh);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_tierCombo);
    filters->addWidget(m_tagCombo);
    filters->addWidget(m_search, 1);
    filters->addWidget(m_shown);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_headline);
    layout->addWidget(m_downBanner);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);

    m_clock = new QTimer(this);
    m_clock->setInterval(1000);
    connect(m_clock, &QTimer::timeout, this, &FleetPage::updateRefreshedText);

    connect(m_model, &FleetModel::summaryChanged, this, &FleetPage::updateSummary);
    connect(m_model, &QAbstractItemModel::modelReset, this, &FleetPage::fitColumns);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &FleetPage::updateShownCount);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &FleetPage::updateShownCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &FleetPage::updateShownCount);
    updateSummary();
    fitColumns();
}

void FleetPage::setRefreshing(bool refreshing)
{
    m_refreshing = refreshing;
    m_refresh->setEnabled(!refreshing);
    updateRefreshedText();
}

void FleetPage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void FleetPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    updateRefreshedText();
    m_clock->start();
}

void FleetPage::hideEvent(QHideEvent *event)
{
    m_clock->stop();
    QWidget::hideEvent(event);
}

void FleetPage::updateSummary()
{
    const int total = m_model->rowCount();
    if (total == 0) {
        m_headlinePlain = tr("No environments in the inventory");
        m_headline->setText(m_headlinePlain.toHtmlEscaped());
    } else {
        const QString numberStyle = u"font-size:%1pt;font-weight:700;color:%2"_s;
        const double numberPt = font().pointSizeF() * kNumberScale;
        QStringList html;
        QStringList plain;
        const auto add = [&](FleetModel::Severity severity, const QString &pattern, bool always) {
            const int n = m_model->count(severity);
            if (n == 0 && !always)
                return;
            const QColor color = n > 0 ? FleetStateDelegate::colorFor(severity) : kZeroColor;
            html << pattern.arg(u"<span style=\"%1\">%2</span>"_s.arg(
                numberStyle.arg(numberPt).arg(color.name()), QLocale().toString(n)));
            plain << pattern.arg(QLocale().toString(n));
        };
        //: Fleet headline: %1 = number of environments not reachable
        add(FleetModel::Severity::Down, tr("%1 down"), true);
        //: Fleet headline: %1 = number of environments degraded or with critical alerts
        add(FleetModel::Severity::Critical, tr("%1 critical"), true);
        //: Fleet headline: %1 = number of environments with warning alerts
        add(FleetModel::Severity::Warning, tr("%1 warning"), true);
        //: Fleet headline: %1 = number of healthy environments
        add(FleetModel::Severity::Ok, tr("%1 OK"), true);
        //: Fleet headline: %1 = number of environments not sampled yet
        add(FleetModel::Severity::Unknown, tr("%1 unknown"), false);
        m_headlinePlain = plain.join(u" \u00b7 "_s);
        m_headline->setText(
            html.join(u"<span style=\"color:%1\">&nbsp;&nbsp;\u00b7&nbsp;&nbsp;</span>"_s.arg(
                kZeroColor.name())));
    }

    // Production down: a solid red line nobody can miss, naming each one and its error.
    QStringList names;
    QStringList details;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const QModelIndex idx = m_model->index(r, 0);
        if (!idx.data(InventoryModel::IsProductionRole).toBool()
            || FleetModel::Severity(idx.data(FleetModel::SeverityRole).toInt())
                != FleetModel::Severity::Down)
            continue;
        const QString name = idx.data(InventoryModel::NameRole).toString();
        names << name;
        const QString error = m_model->index(r, FleetModel::LastErrorColumn).data().toString();
        //: Fleet page, production-down banner detail: %1 = environment, %2 = its error
        details << (error.isEmpty() ? name : tr("%1: %2").arg(name, error));
    }
    if (names.isEmpty()) {
        m_downBanner->clear();
    } else {
        m_downBanner->showMessage(MessageBanner::Kind::Critical,
                                  //: Fleet page banner: %1 = names of production environments
                                  tr("Production down: %1").arg(names.join(u", "_s)),
                                  details.join(u'\n'));
    }

    updateTagChoices();
    updateShownCount();
    updateRefreshedText();
    if (!m_fittedWithSamples && m_model->lastSampledAt().isValid()) {
        m_fittedWithSamples = true; // once: columns that jump on every refresh are unreadable
        fitColumns();
    }
}

void FleetPage::updateRefreshedText()
{
    m_refreshed->setText(m_refreshing ? tr("Refreshing\u2026")
                                      : FleetModel::refreshedText(m_model->lastSampledAt(),
                                                                  QDateTime::currentDateTimeUtc()));
}

void FleetPage::updateTagChoices()
{
    const QStringList tags = m_model->allTags();
    if (tags == m_tags && m_tagCombo->count() > 0)
        return;
    m_tags = tags;
    const QString current = m_tagCombo->currentData().toString();
    const QSignalBlocker block(m_tagCombo);
    m_tagCombo->clear();
    m_tagCombo->addItem(tr("All tags"), QString());
    for (const QString &t : tags)
        m_tagCombo->addItem(t, t);
    const int keep = m_tagCombo->findData(current);
    m_tagCombo->setCurrentIndex(keep < 0 ? 0 : keep);
    m_tagCombo->setEnabled(!tags.isEmpty());
    if (keep < 0 && !current.isEmpty())
        m_filter->setTagFilter({}); // the tag is gone from the inventory
}

void FleetPage::updateShownCount()
{
    const int total = m_model->rowCount();
    const int shown = m_filter->rowCount();
    if (shown != total)
        //: Fleet page, filter bar: %1 = rows shown, %2 = all environments
        m_shown->setText(tr("%1 of %2 shown").arg(shown).arg(total));
    else if (total == 1)
        m_shown->setText(tr("1 environment"));
    else
        //: Fleet page, filter bar: %1 = number of environments
        m_shown->setText(tr("%1 environments").arg(total));
}

void FleetPage::fitColumns()
{
    m_table->resizeColumnsToContents();
    if (m_table->columnWidth(FleetModel::QpsColumn) < kQpsMinWidth)
        m_table->setColumnWidth(FleetModel::QpsColumn, kQpsMinWidth);
    if (m_table->columnWidth(FleetModel::NameColumn) < 140)
        m_table->setColumnWidth(FleetModel::NameColumn, 140);
}

} // namespace TiDesk
