// TimeRangePicker: the time window of a page's charts. Presets (15m, 1h, 6h, 24h, 7d) are live:
// they end "now" and slide forward on every refresh. "Custom…" is a fixed from/to pair, checked
// (from < to) before it is applied. Also an auto-refresh interval (off, 10 s, 30 s, 1 min) and a
// refresh button.
//
// Signals: rangeChanged(from, to, live) whenever the window moves (a preset, an applied custom
// range, a live window sliding on refresh). refreshRequested() whenever the charts should fetch
// again: after every rangeChanged, and on refresh of a fixed range. A page that fetches on
// refreshRequested() and reads fromMs()/toMs() sees every change exactly once.
// Threading: GUI thread only.
#pragma once

#include <QWidget>
#include <functional>

class QAbstractButton;
class QButtonGroup;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QPushButton;
class QTimer;
class QToolButton;

namespace TiDesk {

class TimeRangePicker final : public QWidget
{
    Q_OBJECT
public:
    enum class Preset { Last15Minutes, LastHour, Last6Hours, Last24Hours, Last7Days, Custom };
    Q_ENUM(Preset)

    explicit TimeRangePicker(QWidget *parent = nullptr);
    ~TimeRangePicker() override;

    [[nodiscard]] qint64 fromMs() const { return m_fromMs; }
    [[nodiscard]] qint64 toMs() const { return m_toMs; }
    [[nodiscard]] bool isLive() const { return m_preset != Preset::Custom; }
    [[nodiscard]] Preset preset() const { return m_preset; }
    [[nodiscard]] static qint64 durationMs(Preset preset); // 0 for Custom

    // Selects a live preset (Custom is ignored: use setCustomRange) and emits.
    void setPreset(Preset preset);
    // Applies a fixed range; false (and the reason shown under the editors) when from >= to.
    bool setCustomRange(qint64 fromMs, qint64 toMs);
    // The message shown for an invalid custom range; empty when there is none.
    [[nodiscard]] QString errorText() const;

    // 0 (off), 10, 30 or 60; other values pick the nearest offered one.
    void setAutoRefreshSeconds(int seconds);
    [[nodiscard]] int autoRefreshSeconds() const;

    // Slides a live window to now, then asks for a fetch (what the button and the timer do).
    void refresh();

    // Where "now" comes from; tests pin it. Default: the system clock.
    void setClock(std::function<qint64()> nowMs);

signals:
    void rangeChanged(qint64 fromMs, qint64 toMs, bool live);
    void refreshRequested();

private:
    void selectLive(Preset preset);
    void openCustomEditor();
    void applyCustomEditor();
    void syncButtons();
    [[nodiscard]] qint64 now() const;

    Preset m_preset = Preset::LastHour;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    std::function<qint64()> m_clock;

    QButtonGroup *m_presets = nullptr;
    QToolButton *m_customButton = nullptr;
    QWidget *m_customRow = nullptr;
    QDateTimeEdit *m_fromEdit = nullptr;
    QDateTimeEdit *m_toEdit = nullptr;
    QPushButton *m_applyButton = nullptr;
    QLabel *m_error = nullptr;
    QComboBox *m_autoRefresh = nullptr;
    QToolButton *m_refreshButton = nullptr;
    QTimer *m_timer = nullptr;
};

} // namespace TiDesk
