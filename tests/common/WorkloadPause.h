// WorkloadPause: the sandbox's workload (tests/sandbox/workload.sh, its own process group; it
// writes the shop schema every second) stopped with SIGSTOP while the object lives and continued
// with SIGCONT when it goes. A physical backup copies every database and the checksums recorded
// right after it are a drill's reference: with the workload stopped, both see the same data.
// Header-only; test code only (the test's thread).
#pragma once

#include "SandboxEnv.h"

#include <QFile>
#include <QTest>

#include <csignal>

namespace TiDesk::Test {

class WorkloadPause
{
public:
    explicit WorkloadPause(const SandboxEnv &sandbox)
    {
        QFile f(sandbox.value(QStringLiteral("SANDBOX_DIR")) + QStringLiteral("/run/workload.pid"));
        if (!f.open(QIODevice::ReadOnly))
            return;
        const qint64 pid = f.readAll().trimmed().toLongLong();
        if (pid > 1 && ::kill(-pid_t(pid), SIGSTOP) == 0) {
            m_group = pid;
            QTest::qWait(500); // statements already sent finish on the server
        }
    }
    ~WorkloadPause() { resume(); }
    WorkloadPause(const WorkloadPause &) = delete;
    WorkloadPause &operator=(const WorkloadPause &) = delete;

    [[nodiscard]] bool paused() const { return m_group > 1; }
    void resume()
    {
        if (m_group > 1)
            ::kill(-pid_t(m_group), SIGCONT);
        m_group = 0;
    }

private:
    qint64 m_group = 0;
};

} // namespace TiDesk::Test
