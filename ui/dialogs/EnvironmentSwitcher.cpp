#include "dialogs/EnvironmentSwitcher.h"

#include "EnvironmentDelegate.h"
#include "inventory/InventoryModel.h"
#include "models/EnvironmentFilterModel.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace TiDesk {

EnvironmentSwitcher::EnvironmentSwitcher(QAbstractItemModel *source, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"environmentSwitcher"_s);
    setWindowTitle(tr("Switch environment"));
    setAccessibleName(tr("Switch environment"));

    m_model = new EnvironmentFilterModel(this);
    m_model->setSourceModel(source);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(u"switcherFilter"_s);
    m_filter->setAccessibleName(tr("Environment to switch to"));
    m_filter->setPlaceholderText(tr("Type a name, tier, tag or host\u2026"));
    m_filter->setClearButtonEnabled(true);
    m_filter->installEventFilter(this);

    m_list = new QListView(this);
    m_list->setObjectName(u"switcherList"_s);
    m_list->setAccessibleName(tr("Matching environments"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new EnvironmentDelegate(m_list));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setUniformItemSizes(false);
    m_list->setFocusPolicy(Qt::NoFocus); // typing always goes to the filter line
    connect(m_list, &QListView::activated, this, [this] { choose(); });
    connect(m_list, &QListView::clicked, this, [this] { choose(); });

    auto *hint = new QLabel(tr("Enter to switch, Esc to close"), this);
    hint->setObjectName(u"switcherHint"_s);
    hint->setEnabled(false); // the palette's quiet text colour

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_model->setFilterText(text);
        m_list->doItemsLayout(); // group headings depend on the neighbour rows
        selectFirst();
    });
    connect(m_filter, &QLineEdit::returnPressed, this, &EnvironmentSwitcher::choose);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    layout->addWidget(hint);
    resize(440, 420);
    selectFirst();
}

QUuid EnvironmentSwitcher::currentId() const
{
    return m_list->currentIndex().data(InventoryModel::IdRole).toUuid();
}

void EnvironmentSwitcher::selectFirst()
{
    if (m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(0, 0));
}

void EnvironmentSwitcher::choose()
{
    const QUuid id = currentId();
    if (id.isNull())
        return;
    emit environmentChosen(id);
    accept();
}

bool EnvironmentSwitcher::eventFilter(QObject *watched, QEvent *event)
{
    // Up, Down, Page Up/Down typed in the filter line move through the list.
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown: {
            QKeyEvent copy(key->type(), key->key(), key->modifiers(), key->text());
            QApplication::sendEvent(m_list, &copy);
            return true;
        }
        default: break;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace TiDesk
