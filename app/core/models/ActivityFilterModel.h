// ActivityFilterModel: narrows the ActivityModel to one environment and/or rows whose
// statement, endpoint or result contains a text (case-insensitive). QtCore only.
// Threading: GUI thread, like the model it filters.
#pragma once

#include <QSortFilterProxyModel>

namespace TiDesk {

class ActivityFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ActivityFilterModel(QObject *parent = nullptr);

    [[nodiscard]] QString environment() const { return m_environment; }
    // "" = every environment.
    void setEnvironment(const QString &name);
    [[nodiscard]] QString text() const { return m_text; }
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_environment;
    QString m_text;
};

} // namespace TiDesk
