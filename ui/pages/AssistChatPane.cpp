#include "AssistChatPane.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace TiDesk {

AssistChatPane::AssistChatPane(QWidget *parent)
    : QWidget(parent)
{
    auto *title = new QLabel(tr("Chat"), this);
    QFont tf = title->font();
    tf.setBold(true);
    title->setFont(tf);
    m_history = new QPlainTextEdit(this);
    m_history->setObjectName(u"assistChatHistory"_s);
    m_history->setAccessibleName(tr("Chat history"));
    m_history->setReadOnly(true);
    m_history->setMinimumHeight(90);
    m_input = new QLineEdit(this);
    m_input->setObjectName(u"assistChatInput"_s);
    m_input->setAccessibleName(tr("Chat message"));
    m_input->setPlaceholderText(tr("Write a message\u2026"));
    m_input->setMaxLength(2000);
    m_send = new QPushButton(tr("Send"), this);
    m_send->setObjectName(u"assistChatSend"_s);
    m_send->setAccessibleName(tr("Send the chat message"));
    m_send->setEnabled(false);
    auto *row = new QHBoxLayout;
    row->addWidget(m_input, 1);
    row->addWidget(m_send);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_history, 1);
    layout->addLayout(row);
    connect(m_input, &QLineEdit::textChanged, this, [this](const QString &t) {
        m_send->setEnabled(m_input->isEnabled() && !t.trimmed().isEmpty());
    });
    connect(m_input, &QLineEdit::returnPressed, this, &AssistChatPane::send);
    connect(m_send, &QPushButton::clicked, this, &AssistChatPane::send);
}

void AssistChatPane::send()
{
    const QString text = m_input->text().trimmed();
    if (text.isEmpty() || !m_input->isEnabled())
        return;
    m_input->clear();
    emit sendRequested(text);
}

void AssistChatPane::addLine(bool mine, const QString &who, const QString &text,
                             const QDateTime &atUtc)
{
    QTextCursor c(m_history->document());
    c.movePosition(QTextCursor::End);
    if (!m_history->document()->isEmpty())
        c.insertBlock();
    QTextCharFormat meta;
    meta.setForeground(palette().color(QPalette::PlaceholderText));
    QTextCharFormat name;
    name.setFontWeight(QFont::Bold);
    name.setForeground(mine ? palette().color(QPalette::Text) : palette().color(QPalette::Link));
    QTextCharFormat body;
    body.setForeground(palette().color(QPalette::Text));
    c.insertText(atUtc.toLocalTime().toString(u"HH:mm"_s) + u"  "_s, meta);
    //: Chat line: %1 = who wrote it
    c.insertText(tr("%1:").arg(who) + u' ', name);
    c.insertText(text, body);
    m_history->setTextCursor(c);
    m_history->ensureCursorVisible();
}

void AssistChatPane::setInputEnabled(bool enabled)
{
    m_input->setEnabled(enabled);
    m_send->setEnabled(enabled && !m_input->text().trimmed().isEmpty());
}

void AssistChatPane::clear()
{
    m_history->clear();
    m_input->clear();
}

QString AssistChatPane::historyText() const
{
    return m_history->toPlainText();
}

} // namespace TiDesk
