// ShortcutsDialog: Help ▸ Keyboard shortcuts. Lists every shortcut of a window, grouped, read
// from the live objects so the list cannot drift from the code: the actions of the window's menus
// (grouped by menu: Environment, View, ...), any other action with a shortcut, and every page-local
// QShortcut that documents itself (whatsThis = what it does; the dynamic property
// ShortcutsDialog::kGroupProperty = its group, e.g. "Sessions" or "Search"). Keys are shown in the
// platform's notation (QKeySequence::NativeText).
// Threading: GUI thread only.
#pragma once

#include <QDialog>
#include <QList>
#include <QString>

class QTreeWidget;

namespace TiDesk {

class ShortcutsDialog final : public QDialog
{
    Q_OBJECT
public:
    // Set on a QShortcut or QAction (a translated QString) to choose its group in the list.
    static constexpr const char *kGroupProperty = "tideskShortcutGroup";

    struct Entry
    {
        QString group;
        QString keys; // "F5", "Ctrl+K", "Delete, Shift+Delete"
        QString text; // what it does
    };

    explicit ShortcutsDialog(QWidget *window, QWidget *parent = nullptr);

    // Everything window offers, in menu order, then the page-local shortcuts by group.
    [[nodiscard]] static QList<Entry> collect(QWidget *window);
    [[nodiscard]] QList<Entry> entries() const { return m_entries; }
    [[nodiscard]] QTreeWidget *tree() const { return m_tree; }

private:
    QList<Entry> m_entries;
    QTreeWidget *m_tree = nullptr;
};

} // namespace TiDesk
