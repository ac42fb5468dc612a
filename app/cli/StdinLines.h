// StdinLines: standard input read line by line without blocking, for the interactive CLI
// commands that keep an event loop running (`tidesk-cli assist host|join`): a QSocketNotifier on
// fd 0 reads what is there, lineRead() for each complete line, finished() at end of input. Works
// the same on a terminal and on a pipe (a script or a test answering questions).
// Main thread only.
#pragma once

#include <QByteArray>
#include <QObject>

class QSocketNotifier;

namespace TiDesk::Cli {

class StdinLines final : public QObject
{
    Q_OBJECT
public:
    explicit StdinLines(QObject *parent = nullptr);
    ~StdinLines() override;

    [[nodiscard]] bool isAtEnd() const { return m_atEnd; }

signals:
    void lineRead(const QString &line); // without the newline (and a trailing \r)
    void finished();

private:
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
    QByteArray m_buffer;
    bool m_atEnd = false;
};

} // namespace TiDesk::Cli
