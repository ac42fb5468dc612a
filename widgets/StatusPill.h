// StatusPill: a small rounded indicator "● text" whose colour says ok / warning / error / unknown
// (e.g. a connection check result in the status bar or on a page). No domain knowledge.
// Threading: GUI thread only.
#pragma once

#include <QColor>
#include <QIcon>
#include <QString>
#include <QWidget>

namespace TiDesk {

class StatusPill final : public QWidget
{
    Q_OBJECT
    Q_PROPERTY(QString text READ text WRITE setText)
public:
    enum class State { Unknown, Ok, Warning, Error };
    Q_ENUM(State)

    explicit StatusPill(QWidget *parent = nullptr);

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] QString text() const { return m_text; }
    void setState(State state);
    void setText(const QString &text);
    void setStatus(State state, const QString &text);

    // The dot colour for a state.
    static QIcon dotIcon(const QColor &color,
                         int size = 12); // a filled circle, e.g. a tier or state in a list
    [[nodiscard]] static QColor colorFor(State state);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    State m_state = State::Unknown;
    QString m_text;
};

} // namespace TiDesk
