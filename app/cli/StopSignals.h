// StopSignals: turns SIGTERM and SIGINT into a Qt signal for the long-running CLI commands
// (`tidesk-cli rules run`), so they stop their pollers and exit 0 instead of dying mid-write.
// The POSIX handler only write()s the signal number into a socketpair (async-signal-safe, the
// self-pipe trick); a QSocketNotifier on the other end emits received() in the event loop.
// One instance at a time (the handler has one static pipe). Main thread only; the destructor
// restores the previous handlers.
#pragma once

#include <QObject>

#include <csignal>

class QSocketNotifier;

namespace TiDesk::Cli {

class StopSignals final : public QObject
{
    Q_OBJECT
public:
    explicit StopSignals(QObject *parent = nullptr);
    ~StopSignals() override;

    [[nodiscard]] bool isValid() const { return m_notifier != nullptr; }

signals:
    void received(int signalNumber);

private:
    static void handler(int signalNumber);
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
    struct sigaction m_oldTerm
    {
    };
    struct sigaction m_oldInt
    {
    };
};

} // namespace TiDesk::Cli
