// JobShell: where a backup job's shell commands run - the environment's SSH host (SshJobShell)
// or this machine (LocalJobShell). A BackupRunner runs short commands through it (launch, poll,
// cancel, discard); the job itself runs detached on that host and does not depend on it.
// run() calls back exactly once with the command's exit status and output, or an error (not
// connected, connection lost, timeout). lost() says the connection dropped (SSH only).
// Thread: the thread it lives on (the runner's); non-blocking.
#pragma once

#include "common/Error.h"
#include "common/Result.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

namespace TiDesk {

class JobShell : public QObject
{
    Q_OBJECT

public:
    struct Output
    {
        int exitStatus = -1;
        QByteArray out;
        QByteArray err;
    };
    using Callback = std::function<void(const Result<Output> &)>;

    using QObject::QObject;
    ~JobShell() override = default;

    // Connects (SSH) and emits opened() or openFailed(); a no-op that emits opened() locally.
    virtual void open() = 0;
    [[nodiscard]] virtual bool isOpen() const = 0;
    // stdinData is written to the command's stdin, then EOF (a secret, never on the command line).
    virtual void run(const QString &command, const QByteArray &stdinData, Callback done) = 0;
    // "root@db1:22" or "this machine", for messages.
    [[nodiscard]] virtual QString where() const = 0;

signals:
    void opened();
    void openFailed(const TiDesk::Error &error);
    void lost(const TiDesk::Error &error);
};

} // namespace TiDesk
