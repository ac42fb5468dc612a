// EnvironmentSwitcher: the quick switcher (Ctrl+K): a small popup with a filter line over the
// environments, tier-coloured like the sidebar (EnvironmentDelegate, prod first). Typing narrows
// the list (EnvironmentFilterModel: name, tier, tags, hosts), Up/Down move, Enter picks the
// highlighted environment (environmentChosen), Escape closes.
// Threading: GUI thread only; it only reads the model it is given.
#pragma once

#include <QDialog>
#include <QUuid>

class QAbstractItemModel;
class QLineEdit;
class QListView;

namespace TiDesk {

class EnvironmentFilterModel;

class EnvironmentSwitcher final : public QDialog
{
    Q_OBJECT
public:
    // source: a model with InventoryModel's roles (the window's FleetStatusModel, so the status
    // dots show too); it must outlive the switcher.
    explicit EnvironmentSwitcher(QAbstractItemModel *source, QWidget *parent = nullptr);

    [[nodiscard]] QLineEdit *filterEdit() const { return m_filter; }
    [[nodiscard]] QListView *list() const { return m_list; }
    // The highlighted environment (null when the filter matches nothing).
    [[nodiscard]] QUuid currentId() const;

signals:
    void environmentChosen(const QUuid &id);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void choose();
    void selectFirst();

    EnvironmentFilterModel *m_model = nullptr;
    QLineEdit *m_filter = nullptr;
    QListView *m_list = nullptr;
};

} // namespace TiDesk
