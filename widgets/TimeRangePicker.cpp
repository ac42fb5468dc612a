#include "TimeRangePicker.h"

#include "ThemeColors.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <cstdlib>
#include <iterator>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr int kAutoRefreshSeconds[] = { 0, 10, 30, 60 };
const QString kDateTimeFormat = u"yyyy-MM-dd HH:mm"_s;
// The active range must be obvious at a glance: the checked button is filled, not just sunken.
// Colours from the palette so the buttons read in light and dark themes.
QString presetStyle(const QPalette &pal)
{
    const QColor button = pal.color(QPalette::Button);
    const QColor text = pal.color(QPalette::ButtonText);
    const QColor border = ThemeColors::blend(button, text, 0.35);
    const QColor hover = ThemeColors::blend(button, text, 0.08);
    const QColor checked
        = ThemeColors::withContrast(pal.color(QPalette::Highlight), Qt::white, 4.5);
    return u"QToolButton { padding: 3px 8px; border: 1px solid %1; border-radius: 3px;"
           " background: %2; color: %3; }"
           " QToolButton:hover:!checked { background: %4; }"
           " QToolButton:checked { background: %5; border-color: %6; color: white;"
           " font-weight: bold; }"_s.arg(border.name(), button.name(), text.name(), hover.name(),
                                         checked.name(), checked.darker(130).name());
}

} // namespace

TimeRangePicker::TimeRangePicker(QWidget *parent)
    : QWidget(parent)
    , m_presets(new QButtonGroup(this))
    , m_timer(new QTimer(this))
{
    setAccessibleName(tr("Time range"));

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->setSpacing(2);

    struct PresetText
    {
        Preset preset;
        QString objectName;
        QString text;
        QString tip;
    };
    const PresetText presets[] = {
        //: Time range button: the last 15 minutes (keep it short)
        { Preset::Last15Minutes, u"preset15m"_s, tr("15m"), tr("Last 15 minutes") },
        //: Time range button: the last hour (keep it short)
        { Preset::LastHour, u"preset1h"_s, tr("1h"), tr("Last hour") },
        //: Time range button: the last 6 hours (keep it short)
        { Preset::Last6Hours, u"preset6h"_s, tr("6h"), tr("Last 6 hours") },
        //: Time range button: the last 24 hours (keep it short)
        { Preset::Last24Hours, u"preset24h"_s, tr("24h"), tr("Last 24 hours") },
        //: Time range button: the last 7 days (keep it short)
        { Preset::Last7Days, u"preset7d"_s, tr("7d"), tr("Last 7 days") },
    };
    for (const PresetText &p : presets) {
        auto *b = new QToolButton(this);
        b->setText(p.text);
        b->setToolTip(p.tip);
        b->setAccessibleName(p.tip);
        b->setCheckable(true);
        b->setObjectName(p.objectName);
        b->setMinimumWidth(40);
        m_presets->addButton(b, int(p.preset));
        top->addWidget(b);
    }
    m_customButton = new QToolButton(this);
    m_customButton->setText(tr("Custom…"));
    m_customButton->setToolTip(tr("A fixed range between two dates"));
    m_customButton->setAccessibleName(tr("Custom time range"));
    m_customButton->setObjectName(u"presetCustom"_s);
    m_customButton->setCheckable(true);
    m_presets->addButton(m_customButton, int(Preset::Custom));
    top->addWidget(m_customButton);
    top->addSpacing(16);
    top->addStretch(1);

    auto *autoLabel = new QLabel(tr("Auto-refresh:"), this);
    m_autoRefresh = new QComboBox(this);
    m_autoRefresh->setObjectName(u"autoRefresh"_s);
    m_autoRefresh->setAccessibleName(tr("Auto-refresh interval"));
    autoLabel->setBuddy(m_autoRefresh);
    m_autoRefresh->addItem(tr("Off"), 0);
    //: Auto-refresh interval
    m_autoRefresh->addItem(tr("10 s"), 10);
    //: Auto-refresh interval
    m_autoRefresh->addItem(tr("30 s"), 30);
    //: Auto-refresh interval
    m_autoRefresh->addItem(tr("1 min"), 60);
    top->addWidget(autoLabel);
    top->addWidget(m_autoRefresh);

    m_refreshButton = new QToolButton(this);
    m_refreshButton->setObjectName(u"refresh"_s);
    m_refreshButton->setText(tr("Refresh"));
    m_refreshButton->setToolTip(tr("Fetch the charts again now"));
    m_refreshButton->setAccessibleName(tr("Refresh"));
    m_refreshButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    ThemeColors::follow(this, [this] {
        const QString css = presetStyle(palette());
        for (QAbstractButton *b : m_presets->buttons())
            b->setStyleSheet(css);
        m_refreshButton->setStyleSheet(css);
    });
    top->addWidget(m_refreshButton);

    // The custom editor row, shown by "Custom…".
    m_customRow = new QWidget(this);
    m_customRow->setObjectName(u"customRange"_s);
    auto *row = new QHBoxLayout(m_customRow);
    row->setContentsMargins(0, 0, 0, 0);
    const auto makeEdit = [this](const QString &name, const QString &accessible) {
        auto *e = new QDateTimeEdit(m_customRow);
        e->setObjectName(name);
        e->setAccessibleName(accessible);
        e->setDisplayFormat(kDateTimeFormat);
        e->setCalendarPopup(true);
        return e;
    };
    m_fromEdit = makeEdit(u"customFrom"_s, tr("Start of the time range"));
    m_toEdit = makeEdit(u"customTo"_s, tr("End of the time range"));
    auto *fromLabel = new QLabel(tr("From:"), m_customRow);
    fromLabel->setBuddy(m_fromEdit);
    auto *toLabel = new QLabel(tr("To:"), m_customRow);
    toLabel->setBuddy(m_toEdit);
    m_applyButton = new QPushButton(tr("Apply"), m_customRow);
    m_applyButton->setObjectName(u"customApply"_s);
    m_error = new QLabel(m_customRow);
    m_error->setObjectName(u"customError"_s);
    ThemeColors::setTextRole(m_error, ThemeColors::Role::Error);
    m_error->hide();
    row->addWidget(fromLabel);
    row->addWidget(m_fromEdit);
    row->addWidget(toLabel);
    row->addWidget(m_toEdit);
    row->addWidget(m_applyButton);
    row->addWidget(m_error, 1);
    m_customRow->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(m_customRow);

    connect(m_presets, &QButtonGroup::idClicked, this, [this](int id) {
        if (Preset(id) == Preset::Custom)
            openCustomEditor();
        else
            setPreset(Preset(id));
    });
    connect(m_applyButton, &QPushButton::clicked, this, &TimeRangePicker::applyCustomEditor);
    connect(m_refreshButton, &QToolButton::clicked, this, &TimeRangePicker::refresh);
    connect(m_timer, &QTimer::timeout, this, &TimeRangePicker::refresh);
    connect(m_autoRefresh, &QComboBox::currentIndexChanged, this, [this] {
        const int seconds = autoRefreshSeconds();
        if (seconds > 0)
            m_timer->start(seconds * 1000);
        else
            m_timer->stop();
    });

    m_toMs = now();
    m_fromMs = m_toMs - durationMs(m_preset);
    syncButtons();
}

TimeRangePicker::~TimeRangePicker() = default;

qint64 TimeRangePicker::durationMs(Preset preset)
{
    switch (preset) {
    case Preset::Last15Minutes: return 15 * kMinute;
    case Preset::LastHour: return 60 * kMinute;
    case Preset::Last6Hours: return 6 * 60 * kMinute;
    case Preset::Last24Hours: return 24 * 60 * kMinute;
    case Preset::Last7Days: return 7 * 24 * 60 * kMinute;
    case Preset::Custom: return 0;
    }
    return 0;
}

void TimeRangePicker::setClock(std::function<qint64()> nowMs)
{
    m_clock = std::move(nowMs);
}

qint64 TimeRangePicker::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

void TimeRangePicker::setPreset(Preset preset)
{
    if (preset == Preset::Custom)
        return;
    m_customRow->hide();
    m_error->hide();
    selectLive(preset);
    emit refreshRequested();
}

void TimeRangePicker::selectLive(Preset preset)
{
    m_preset = preset;
    m_toMs = now();
    m_fromMs = m_toMs - durationMs(preset);
    syncButtons();
    emit rangeChanged(m_fromMs, m_toMs, true);
}

bool TimeRangePicker::setCustomRange(qint64 fromMs, qint64 toMs)
{
    if (fromMs >= toMs) {
        m_error->setText(tr("The start of the range must be before its end."));
        m_error->show();
        return false;
    }
    m_error->hide();
    m_error->clear();
    m_preset = Preset::Custom;
    m_fromMs = fromMs;
    m_toMs = toMs;
    m_fromEdit->setDateTime(QDateTime::fromMSecsSinceEpoch(fromMs));
    m_toEdit->setDateTime(QDateTime::fromMSecsSinceEpoch(toMs));
    syncButtons();
    emit rangeChanged(m_fromMs, m_toMs, false);
    emit refreshRequested();
    return true;
}

QString TimeRangePicker::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void TimeRangePicker::openCustomEditor()
{
    m_fromEdit->setDateTime(QDateTime::fromMSecsSinceEpoch(m_fromMs));
    m_toEdit->setDateTime(QDateTime::fromMSecsSinceEpoch(m_toMs));
    m_error->hide();
    m_customRow->show();
    m_fromEdit->setFocus();
    // The button stays checked while its editor is open; the range changes only on Apply.
    m_customButton->setChecked(true);
}

void TimeRangePicker::applyCustomEditor()
{
    if (setCustomRange(m_fromEdit->dateTime().toMSecsSinceEpoch(),
                       m_toEdit->dateTime().toMSecsSinceEpoch()))
        m_customRow->hide();
}

void TimeRangePicker::syncButtons()
{
    if (QAbstractButton *b = m_presets->button(int(m_preset)))
        b->setChecked(true);
}

void TimeRangePicker::setAutoRefreshSeconds(int seconds)
{
    int best = 0;
    for (int i = 1; i < int(std::size(kAutoRefreshSeconds)); ++i) {
        if (std::abs(kAutoRefreshSeconds[i] - seconds)
            < std::abs(kAutoRefreshSeconds[best] - seconds))
            best = i;
    }
    m_autoRefresh->setCurrentIndex(best);
}

int TimeRangePicker::autoRefreshSeconds() const
{
    return m_autoRefresh->currentData().toInt();
}

void TimeRangePicker::refresh()
{
    if (isLive())
        selectLive(m_preset);
    emit refreshRequested();
}

} // namespace TiDesk
