#include "BackupRunner.h"

#include "backup/BackupHistory.h"
#include "backup/BrOutput.h"
#include "backup/JobShell.h"
#include "backup/RestoreFlow.h"
#include "common/Logging.h"

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {
constexpr int kMaxPollFailures = 5;
constexpr int kReopenDelayMs = 1000;
} // namespace

BackupRunner::BackupRunner(BackupJob job, BackupSpec spec, ShellFactory shell, QByteArray password,
                           BackupHistory *history, QObject *parent)
    : QObject(parent)
    , m_job(std::move(job))
    , m_spec(std::move(spec))
    , m_shellFactory(std::move(shell))
    , m_password(std::move(password))
    , m_history(history)
{
    m_pollTimer.setSingleShot(false);
    connect(&m_pollTimer, &QTimer::timeout, this, &BackupRunner::poll);
}

BackupRunner::~BackupRunner()
{
    m_password.fill('\0');
    m_finished = true; // a command's answer arriving during the teardown changes nothing
    if (m_shell) {
        m_shell->disconnect(this);
        delete m_shell;
    }
}

void BackupRunner::start()
{
    m_mode = Mode::Start;
    m_job.status = BackupJob::Status::Queued;
    m_job.root = m_spec.root;
    openShell();
}

void BackupRunner::attach()
{
    m_mode = Mode::Attach;
    m_launched = true;
    m_password.fill('\0');
    m_password.clear();
    if (m_job.remotePid <= 0) {
        finish(BackupJob::Status::Lost,
               tr("The job has no process id on record: it cannot be followed."));
        return;
    }
    openShell();
}

void BackupRunner::openShell()
{
    if (!m_shell) {
        m_shell = m_shellFactory(this);
        connect(m_shell, &JobShell::opened, this, &BackupRunner::onOpened);
        connect(m_shell, &JobShell::openFailed, this, &BackupRunner::onOpenFailed);
        connect(m_shell, &JobShell::lost, this, &BackupRunner::onLost);
        if (m_job.host.isEmpty())
            m_job.host = m_shell->where();
    }
    m_shell->open();
}

void BackupRunner::onOpened()
{
    if (m_finished)
        return;
    m_lostFor.invalidate();
    if (!m_launched) {
        launch();
        return;
    }
    if (m_cancelRequested) {
        runCancel();
        return;
    }
    m_pollTimer.start(m_pollInterval);
    poll();
}

void BackupRunner::onOpenFailed(const Error &error)
{
    if (m_finished)
        return;
    if (m_lostFor.isValid() && m_lostFor.elapsed() < m_reconnectWindow.count()) {
        QTimer::singleShot(kReopenDelayMs, this, &BackupRunner::openShell);
        return;
    }
    if (m_lostFor.isValid()) {
        //: %1 = why the connection was lost
        finish(BackupJob::Status::Failed,
               tr("%1 The job's process on the host may still be running; its directory keeps "
                  "the .partial name and is not a backup.")
                   .arg(m_lostError.message));
        return;
    }
    if (m_launched) // attach: the host cannot be reached
        finish(BackupJob::Status::Failed,
               tr("%1 The job cannot be followed; it may still be running on the host.")
                   .arg(error.message));
    else
        finish(BackupJob::Status::Failed, error.message);
}

void BackupRunner::onLost(const Error &error)
{
    if (m_finished)
        return;
    m_pollTimer.stop();
    m_pollInFlight = false;
    m_cancelInFlight = false;
    qCWarning(lcCore).noquote() << "backup" << m_job.id << ":" << error.message;
    if (!m_launched || m_reconnectWindow.count() <= 0) {
        m_lostFor.invalidate();
        m_lostError = error;
        finish(BackupJob::Status::Failed,
               tr("%1 The job's process on the host may still be running; its directory keeps "
                  "the .partial name and is not a backup.")
                   .arg(error.message));
        return;
    }
    if (!m_lostFor.isValid()) {
        m_lostFor.start();
        m_lostError = error;
    }
    QTimer::singleShot(kReopenDelayMs, this, &BackupRunner::openShell);
}

void BackupRunner::launch()
{
    const Result<QString> command = BackupScript::launch(m_spec);
    if (!command) {
        finish(BackupJob::Status::Failed, command.error().message);
        return;
    }
    if (m_password.contains('\n')) {
        finish(BackupJob::Status::Failed,
               tr("The database password contains a line break; it cannot be passed to the "
                  "backup tools."));
        return;
    }
    m_job.startedAt = QDateTime::currentDateTimeUtc();
    update();
    QByteArray input = BackupScript::stdinFor(m_spec, m_password);
    for (auto &[name, value] : m_spec.environment)
        value.fill(u'\0');
    m_spec.environment.clear();
    m_password.fill('\0');
    m_password.clear();
    m_shell->run(*command, input, [this](const Result<JobShell::Output> &r) {
        if (m_finished)
            return;
        if (!r) {
            finish(BackupJob::Status::Failed, r.error().message);
            return;
        }
        if (r->exitStatus != 0) {
            const Error e
                = BackupScript::launchFailure(m_spec.root, m_shell->where(), r->exitStatus, r->err);
            finish(BackupJob::Status::Failed,
                   e.detail.isEmpty() ? e.message : QString(e.message + u' ' + e.detail));
            return;
        }
        const qint64 pid = BackupScript::launchedPid(r->out);
        if (pid <= 0) {
            finish(BackupJob::Status::Failed,
                   tr("The job on %1 started but did not report its process id.")
                       .arg(m_shell->where()));
            return;
        }
        m_launched = true;
        m_job.remotePid = pid;
        m_job.remoteLog = m_spec.root + u'/' + m_job.id + u".partial/job.log"_s;
        m_job.status = BackupJob::Status::Running;
        update();
        if (m_cancelRequested) {
            runCancel();
            return;
        }
        m_pollTimer.start(m_pollInterval);
        poll();
    });
    input.fill('\0');
}

void BackupRunner::poll()
{
    if (m_finished || m_pollInFlight || m_cancelInFlight || !m_shell || !m_shell->isOpen())
        return;
    m_pollInFlight = true;
    m_shell->run(BackupScript::poll(m_spec.root, m_job.id, m_job.remotePid), {},
                 [this](const Result<JobShell::Output> &r) {
                     m_pollInFlight = false;
                     if (m_finished || m_cancelInFlight)
                         return;
                     if (!r) {
                         if (++m_pollFailures >= kMaxPollFailures && !m_lostFor.isValid())
                             finish(BackupJob::Status::Failed,
                                    tr("Following the job failed: %1").arg(r.error().message));
                         return;
                     }
                     m_pollFailures = 0;
                     onPoll(BackupScript::parsePoll(r->out));
                 });
}

void BackupRunner::onPoll(const BackupPoll &p)
{
    if (p.bytes >= 0 && m_job.kind != BackupJob::Kind::Restore) // a restore's directory: a log
        m_job.sizeBytes = p.bytes;
    if (!p.binlog.isEmpty())
        m_job.binlogPosition = p.binlog;
    if (!p.logTail.isEmpty())
        m_job.logTail = p.logTail;
    m_job.progress = p.progress();
    if (m_spec.isBr())
        readBrOutput(p);
    switch (p.state) {
    case BackupPoll::State::Running:
        m_job.status = BackupJob::Status::Running;
        update();
        break;
    case BackupPoll::State::Succeeded:
        if (m_job.kind == BackupJob::Kind::Logical && !p.databases.isEmpty())
            m_job.databases = p.databases;
        m_job.remoteLog = m_spec.root + u'/' + m_job.id + u"/job.log"_s;
        if (m_job.scratchDrill) {
            // Compared here, whoever follows the drill (started, re-attached, CLI or GUI).
            m_job.finishedAt = QDateTime::currentDateTimeUtc();
            if (m_history)
                RestoreFlow::verifyScratchDrill(m_history->directory(), p.checksums, &m_job);
            else
                m_job.verification = tr("not verified: there is no backup history to compare "
                                        "with.");
        }
        finish(BackupJob::Status::Succeeded, {});
        break;
    case BackupPoll::State::Failed: {
        QString why = m_spec.isBr() && !m_brError.isEmpty() ? m_brError : failureLine(p.logTail);
        if (why.isEmpty())
            why = tr("The job ended with exit status %1.").arg(p.exitCode);
        m_job.sizeBytes = -1;
        discardThenFinish(BackupJob::Status::Failed, why);
        break;
    }
    case BackupPoll::State::Gone:
        m_job.sizeBytes = -1;
        //: %1 = user@host, %2 = process id
        discardThenFinish(BackupJob::Status::Lost,
                          tr("The job's process on %1 (pid %2) is gone without a result: the "
                             "host restarted or the process was killed. Its partial directory "
                             "was removed.")
                              .arg(m_shell->where())
                              .arg(m_job.remotePid));
        break;
    }
}

void BackupRunner::cancel()
{
    if (m_finished || m_cancelRequested)
        return;
    m_cancelRequested = true;
    if (m_launched && m_shell && m_shell->isOpen())
        runCancel();
    // Otherwise: once launched (or reconnected) the cancel runs.
}

void BackupRunner::runCancel()
{
    if (m_cancelInFlight || m_finished)
        return;
    m_cancelInFlight = true;
    m_pollTimer.stop();
    m_shell->run(BackupScript::cancel(m_spec.root, m_job.id, m_job.remotePid), {},
                 [this](const Result<JobShell::Output> &r) {
                     m_cancelInFlight = false;
                     if (m_finished)
                         return;
                     if (!r) {
                         finish(BackupJob::Status::Failed,
                                tr("Cancelling failed (%1); the job may still be running on %2.")
                                    .arg(r.error().message, m_shell->where()));
                         return;
                     }
                     if (r->out.contains("TIDESK_STATE=finished")) {
                         m_cancelRequested = false;
                         poll(); // it ended before the cancel: record what it did
                         return;
                     }
                     m_job.sizeBytes = -1;
                     m_job.progress = -1;
                     finish(BackupJob::Status::Cancelled,
                            tr("Cancelled; the partial backup was removed."));
                 });
}

void BackupRunner::discardThenFinish(BackupJob::Status status, const QString &error)
{
    m_pollTimer.stop();
    if (!m_shell || !m_shell->isOpen()) {
        finish(status, error);
        return;
    }
    m_shell->run(
        BackupScript::discard(m_spec.root, m_job.id + u".partial"_s), {},
        [this, status, error](const Result<JobShell::Output> &) { finish(status, error); });
}

void BackupRunner::finish(BackupJob::Status status, const QString &error)
{
    if (m_finished)
        return;
    m_finished = true;
    // "Gone" may mean that another TiDesk (the CLI, a second window) cancelled or finished it
    // and recorded that: its record is the truth, not our guess.
    if (status == BackupJob::Status::Lost && m_history) {
        const Result<BackupJob> recorded = m_history->load(m_job.id);
        if (recorded && recorded->isFinished()) {
            m_pollTimer.stop();
            m_job = *recorded;
            emit jobChanged(m_job);
            emit finished(m_job);
            return;
        }
    }
    m_pollTimer.stop();
    m_job.status = status;
    m_job.error = error;
    if (!m_job.finishedAt.isValid())
        m_job.finishedAt = QDateTime::currentDateTimeUtc();
    if (!m_job.startedAt.isValid())
        m_job.startedAt = m_job.finishedAt;
    if (status == BackupJob::Status::Succeeded)
        m_job.progress = 100;
    update();
    emit finished(m_job);
}

void BackupRunner::update()
{
    if (m_history) {
        const VoidResult saved = m_history->save(m_job);
        if (!saved)
            qCWarning(lcCore).noquote() << "backup history:" << saved.error().message;
    }
    emit jobChanged(m_job);
}

void BackupRunner::readBrOutput(const BackupPoll &p)
{
    // The tail is enough: progress bars are redrawn in place and the summary is the last line.
    BrOutput out;
    out.feed(p.logTail.toUtf8());
    out.finish();
    if (const std::optional<BrProgress> last = out.lastProgress())
        m_job.progress
            = p.state == BackupPoll::State::Succeeded ? 100.0 : qMin(last->percent, 99.9);
    if (const std::optional<BrSummary> &summary = out.summary()) {
        if (summary->backupTs)
            m_job.backupTs = QString::number(*summary->backupTs);
        if (summary->sizeBytes)
            m_job.sizeBytes = *summary->sizeBytes;
    } else {
        m_job.sizeBytes = -1; // the control host's job directory is not the backup
    }
    if (!out.errors().isEmpty())
        m_brError = out.errors().last();
}

QString BackupRunner::failureLine(const QString &logTail)
{
    const QStringList lines = logTail.split(u'\n');
    for (qsizetype i = lines.size() - 1; i >= 0; --i) {
        const qsizetype at = lines.at(i).indexOf(u"FAILED: "_s);
        if (at < 0)
            continue;
        QString why = lines.at(i).mid(at + 8).trimmed();
        for (qsizetype j = i - 1; j >= 0 && j >= i - 6; --j) {
            const QString &l = lines.at(j);
            if (l.contains(u"error"_s, Qt::CaseInsensitive)
                || l.contains(u"denied"_s, Qt::CaseInsensitive)
                || l.contains(u"No space"_s, Qt::CaseInsensitive)) {
                why += u": "_s + l.trimmed();
                break;
            }
        }
        return why;
    }
    return {};
}

} // namespace TiDesk
