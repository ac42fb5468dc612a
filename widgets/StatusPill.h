// StatusPill: a small rounded indicator "● text" whose colour says ok / warning / error / unknown
// (e.g. a connection check result in the status bar or on a page). No domain knowledge.
// Threading: GUI thread only.
#pragma once

#include <QColor>
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
    static QColor colorFor(State state);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    State m_state = State::Unknown;
    QString m_text;
};

} // namespace TiDesk
