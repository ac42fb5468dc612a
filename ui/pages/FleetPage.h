// FleetPage: which environment of the fleet is sick, at a glance, and a way into it. From the top:
// a headline with the counts "N down · N critical · N warning · N OK" in large coloured numbers
// (the biggest thing on the page), a solid red line naming every production environment that is
// down, a filter bar (tier, tag, text with Ctrl+F), and the table (FleetModel through
// FleetFilterModel): worst first by default, tier badges and a red tint on production rows, state
// pills, a QPS sparkline; any column header sorts by that column. Double-click or Enter on a row
// emits environmentActivated(id). "Last refreshed N s ago" and Refresh (refreshRequested()).
// The FleetModel (and the poller feeding it) belongs to the caller.
// Threading: GUI thread; it only reads the model.
#pragma once

#include <QUuid>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace TiDesk {

class FleetFilterModel;
class FleetModel;
class FleetStyleModel;
class MessageBanner;

class FleetPage final : public QWidget
{
    Q_OBJECT
public:
    explicit FleetPage(FleetModel *model, QWidget *parent = nullptr);

    [[nodiscard]] FleetModel *model() const { return m_model; }
    [[nodiscard]] FleetFilterModel *filterModel() const { return m_filter; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    // The headline as plain text: "1 down · 1 critical · 2 warning · 8 OK".
    [[nodiscard]] QString headlineText() const { return m_headlinePlain; }

public slots:
    // While a refresh runs: the button is disabled and the time line says so.
    void setRefreshing(bool refreshing);
    void focusSearch();

signals:
    void environmentActivated(const QUuid &environmentId);
    void refreshRequested();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void updateSummary();
    void updateRefreshedText();
    void updateTagChoices();
    void updateShownCount();
    void fitColumns();

    FleetModel *m_model = nullptr;
    FleetFilterModel *m_filter = nullptr;
    FleetStyleModel *m_style = nullptr;
    QLabel *m_headline = nullptr;
    MessageBanner *m_downBanner = nullptr;
    QLabel *m_refreshed = nullptr;
    QPushButton *m_refresh = nullptr;
    QComboBox *m_tierCombo = nullptr;
    QComboBox *m_tagCombo = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_shown = nullptr;
    QTableView *m_table = nullptr;
    QTimer *m_clock = nullptr;
    QString m_headlinePlain;
    QStringList m_tags;
    bool m_refreshing = false;
    bool m_fittedWithSamples = false;
};

} // namespace TiDesk
