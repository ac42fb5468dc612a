#include "LocalJobShell.h"

#include <QProcess>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {
constexpr int kCommandTimeoutMs = 60000;
} // namespace

LocalJobShell::~LocalJobShell()
{
    for (QProcess *p : findChildren<QProcess *>(Qt::FindDirectChildrenOnly)) {
        p->disconnect();
        p->kill();
        p->waitForFinished(1000);
    }
}

void LocalJobShell::open()
{
    QTimer::singleShot(0, this, &JobShell::opened);
}

QString LocalJobShell::where() const
{
    return tr("this machine");
}

void LocalJobShell::run(const QString &command, const QByteArray &stdinData, Callback done)
{
    auto *process = new QProcess(this);
    auto callback = std::make_shared<Callback>(std::move(done));
    auto reported = std::make_shared<bool>(false);
    auto report = [process, callback, reported](const Result<Output> &r) {
        if (*reported)
            return;
        *reported = true;
        process->deleteLater();
        (*callback)(r);
    };
    connect(process, &QProcess::finished, process,
            [process, report](int code, QProcess::ExitStatus) {
                Output out;
                out.exitStatus = code;
                out.out = process->readAllStandardOutput();
                out.err = process->readAllStandardError();
                report(out);
            });
    connect(process, &QProcess::errorOccurred, process,
            [process, report](QProcess::ProcessError e) {
                if (e == QProcess::FailedToStart)
                    report(Error::make(
                        ErrorKind::Io,
                        tr("/bin/sh could not be started: %1").arg(process->errorString())));
            });
    auto *timer = new QTimer(process);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, process, [process, report] {
        process->kill();
        report(Error::make(
            ErrorKind::Timeout,
            tr("A shell command did not finish within %1 s.").arg(kCommandTimeoutMs / 1000)));
    });
    timer->start(kCommandTimeoutMs);
    process->start(u"/bin/sh"_s, { u"-c"_s, command });
    if (!stdinData.isEmpty())
        process->write(stdinData);
    process->closeWriteChannel();
}

} // namespace TiDesk
