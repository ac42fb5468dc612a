#include "dialogs/ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSet>
#include <QShortcut>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

QString keysText(const QList<QKeySequence> &keys)
{
    QStringList parts;
    for (const QKeySequence &k : keys)
        if (!k.isEmpty())
            parts << k.toString(QKeySequence::NativeText);
    return parts.join(u", "_s);
}

// "&Add…" -> "Add"; "Ale&rts (3)" -> "Alerts (3)".
QString plainText(QString text)
{
    text.remove(u'&');
    if (text.endsWith(u'\u2026'))
        text.chop(1);
    return text;
}

// Where a widget-only action works: "(in Environments)" from the first plain widget it is on.
QString whereText(const QAction *action)
{
    if (action->shortcutContext() != Qt::WidgetShortcut
        && action->shortcutContext() != Qt::WidgetWithChildrenShortcut)
        return {};
    for (QObject *o : action->associatedObjects()) {
        auto *w = qobject_cast<QWidget *>(o);
        if (!w || qobject_cast<QMenu *>(w) || w->inherits("QToolBar") || w->inherits("QToolButton"))
            continue;
        if (!w->accessibleName().isEmpty())
            //: Shortcuts list: an action that works only in one place; %1 = that place
            return ShortcutsDialog::tr(" (in %1)").arg(w->accessibleName());
    }
    return {};
}

void addMenu(QMenu *menu, const QString &group, QSet<const QAction *> &seen,
             QList<ShortcutsDialog::Entry> &out)
{
    for (QAction *a : menu->actions()) {
        if (a->menu()) {
            addMenu(a->menu(), group, seen, out);
            continue;
        }
        if (a->isSeparator() || seen.contains(a))
            continue;
        seen.insert(a);
        const QString keys = keysText(a->shortcuts());
        if (!keys.isEmpty())
            out.append({ group, keys, plainText(a->text()) + whereText(a) });
    }
}

} // namespace

QList<ShortcutsDialog::Entry> ShortcutsDialog::collect(QWidget *window)
{
    QList<Entry> out;
    if (!window)
        return out;
    QSet<const QAction *> seen;
    if (auto *mw = qobject_cast<QMainWindow *>(window)) {
        for (QAction *top : mw->menuBar()->actions())
            if (QMenu *menu = top->menu())
                addMenu(menu, plainText(menu->title()), seen, out);
    }
    const QString other = tr("Other");
    for (QAction *a : window->findChildren<QAction *>()) {
        if (seen.contains(a) || a->menu() || a->isSeparator())
            continue;
        const QString keys = keysText(a->shortcuts());
        if (keys.isEmpty())
            continue;
        seen.insert(a);
        const QString group = a->property(kGroupProperty).toString();
        out.append({ group.isEmpty() ? other : group, keys, plainText(a->text()) + whereText(a) });
    }
    // Page-local shortcuts, merged when the same keys do the same thing in several places.
    QList<Entry> local;
    for (QShortcut *s : window->findChildren<QShortcut *>()) {
        const QString text = s->whatsThis();
        const QString keys = keysText(s->keys());
        if (text.isEmpty() || keys.isEmpty())
            continue;
        const QString group = s->property(kGroupProperty).toString();
        const Entry e { group.isEmpty() ? other : group, keys, text };
        const bool dup = std::any_of(local.cbegin(), local.cend(), [&](const Entry &x) {
            return x.group == e.group && x.keys == e.keys && x.text == e.text;
        });
        if (!dup)
            local.append(e);
    }
    std::stable_sort(local.begin(), local.end(),
                     [](const Entry &a, const Entry &b) { return a.group < b.group; });
    out += local;
    return out;
}

ShortcutsDialog::ShortcutsDialog(QWidget *window, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"shortcutsDialog"_s);
    setWindowTitle(tr("Keyboard shortcuts"));
    m_entries = collect(window);

    auto *intro = new QLabel(tr("Shortcuts of this window, read from its menus and pages."), this);
    intro->setWordWrap(true);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(u"shortcutsTree"_s);
    m_tree->setAccessibleName(tr("Keyboard shortcuts"));
    m_tree->setHeaderLabels({ tr("Shortcut"), tr("Action") });
    m_tree->setRootIsDecorated(false);
    m_tree->setSelectionMode(QAbstractItemView::NoSelection);
    m_tree->setAlternatingRowColors(true);
    QHash<QString, QTreeWidgetItem *> groups;
    for (const Entry &e : std::as_const(m_entries)) {
        QTreeWidgetItem *&g = groups[e.group];
        if (!g) {
            g = new QTreeWidgetItem(m_tree, { e.group });
            QFont f = g->font(0);
            f.setBold(true);
            g->setFont(0, f);
            g->setFirstColumnSpanned(true);
            g->setFlags(Qt::ItemIsEnabled);
        }
        auto *item = new QTreeWidgetItem(g, { e.keys, e.text });
        QFont mono = item->font(0);
        mono.setBold(true);
        item->setFont(0, mono);
    }
    m_tree->expandAll();
    m_tree->resizeColumnToContents(0);
    m_tree->setColumnWidth(0, m_tree->columnWidth(0) + 24);
    m_tree->setItemsExpandable(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(u"shortcutsButtons"_s);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_tree, 1);
    layout->addWidget(buttons);
    resize(560, 640);
}

} // namespace TiDesk
