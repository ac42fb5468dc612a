// ActivityPage: every statement TiDesk sent (the ActivityLog), newest at the bottom, with a
// filter by environment and by text, "Clear" and "Copy" (selected rows, or all shown rows, as
// tab-separated text). Failed statements are shown in red.
// Threading: GUI thread; the log feeds the model through queued signals.
#pragma once

#include "CoreServices.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace TiDesk {

class ActivityFilterModel;
class ActivityModel;

class ActivityPage final : public QWidget
{
    Q_OBJECT
public:
    explicit ActivityPage(const CoreServices &services, QWidget *parent = nullptr);

    // "" = all environments.
    void setEnvironmentFilter(const QString &envName);
    void setTextFilter(const QString &text);
    [[nodiscard]] ActivityModel *model() const { return m_model; }
    [[nodiscard]] ActivityFilterModel *filterModel() const { return m_filter; }
    // The shown rows (selected ones if any) as tab-separated text with a header line.
    [[nodiscard]] QString selectionAsText() const;

public slots:
    void copySelection();
    void clearLog();

private:
    void addEnvironmentToCombo(const QString &name);
    void updateCount();

    CoreServices m_services;
    ActivityModel *m_model = nullptr;
    ActivityFilterModel *m_filter = nullptr;
    QComboBox *m_envCombo = nullptr;
    QLineEdit *m_textFilter = nullptr;
    QPushButton *m_copyButton = nullptr;
    QPushButton *m_clearButton = nullptr;
    QLabel *m_count = nullptr;
    QTableView *m_table = nullptr;
    bool m_followTail = true;
};

} // namespace TiDesk
