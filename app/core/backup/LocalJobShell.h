// LocalJobShell: a JobShell on this machine: each run() is `/bin/sh -c COMMAND` (QProcess), for
// environments without an SSH host (a logical dump over the network, or a server on this
// machine).
// Thread: the thread it lives on; non-blocking.
#pragma once

#include "backup/JobShell.h"

namespace TiDesk {

class LocalJobShell final : public JobShell
{
    Q_OBJECT

public:
    using JobShell::JobShell;
    // Commands still running are killed without calling back.
    ~LocalJobShell() override;

    void open() override;
    [[nodiscard]] bool isOpen() const override { return true; }
    void run(const QString &command, const QByteArray &stdinData, Callback done) override;
    [[nodiscard]] QString where() const override;
};

} // namespace TiDesk
