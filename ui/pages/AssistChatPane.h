// AssistChatPane: the chat of an expert session, shared by the DBA's page and the expert's
// workspace: the history (time, who, text; the other side's lines in the accent colour) over a
// line edit and Send. The pane sends nothing itself: sendRequested(text) goes to the session and
// the session's chatAdded comes back through addLine(). Threading: GUI thread only.
#pragma once

#include <QDateTime>
#include <QWidget>

class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace TiDesk {

class AssistChatPane final : public QWidget
{
    Q_OBJECT
public:
    explicit AssistChatPane(QWidget *parent = nullptr);

    // mine: written on this side; who: the name shown ("You", "Ada", "DBA").
    void addLine(bool mine, const QString &who, const QString &text, const QDateTime &atUtc);
    void setInputEnabled(bool enabled);
    void clear();

    [[nodiscard]] QString historyText() const;
    [[nodiscard]] QLineEdit *input() const { return m_input; }
    [[nodiscard]] QPushButton *sendButton() const { return m_send; }

signals:
    void sendRequested(const QString &text);

private:
    void send();

    QPlainTextEdit *m_history = nullptr;
    QLineEdit *m_input = nullptr;
    QPushButton *m_send = nullptr;
};

} // namespace TiDesk
