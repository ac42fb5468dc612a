#include "KeychainStore.h"

#include "common/Crypto.h"
#include "common/Logging.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QMutex>
#include <QMutexLocker>
#include <QThread>
#include <QWaitCondition>

#include <qt6keychain/keychain.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

// The one thread every qtkeychain job of this process runs on (see the header for why), and a
// context object living there to post work to. Created on first use, stopped (never deleted:
// qtkeychain's executor stays attached to it) when QCoreApplication goes away.
QThread *s_jobThread = nullptr;

void stopJobThread()
{
    if (s_jobThread) {
        s_jobThread->quit();
        s_jobThread->wait();
    }
}

QObject *jobContext()
{
    static QObject *context = [] {
        s_jobThread = new QThread;
        s_jobThread->setObjectName(u"tidesk-keychain"_s);
        auto *object = new QObject;
        object->moveToThread(s_jobThread);
        QObject::connect(s_jobThread, &QThread::finished, object, &QObject::deleteLater);
        s_jobThread->start();
        qAddPostRoutine(stopJobThread);
        return object;
    }();
    return context;
}

// Shared between the waiting caller and the job thread, which may finish after a timeout.
struct Shared
{
    QMutex mutex;
    QWaitCondition finishedCondition;
    bool finished = false;
    QKeychain::Error error = QKeychain::OtherError;
    QString errorString;
    QByteArray data;
};

} // namespace

struct KeychainStore::Outcome
{
    bool finished = false;
    QKeychain::Error error = QKeychain::OtherError;
    QString errorString;
    QByteArray data;
};

KeychainStore::KeychainStore(QString service)
    : m_service(std::move(service))
{ }

KeychainStore::Outcome KeychainStore::run(Op op, const QString &key, const QString &secret) const
{
    auto shared = std::make_shared<Shared>();
    QByteArray secretUtf8 = secret.toUtf8();
    QObject *context = jobContext();
    if (!context->thread()->isRunning()) {
        Outcome stopped;
        stopped.errorString = u"the keychain thread has stopped (application shutting down)"_s;
        return stopped;
    }
    QMetaObject::invokeMethod(
        context,
        [shared, op, key, secretUtf8, service = m_service]() mutable {
            QKeychain::Job *job = nullptr;
            switch (op) {
            case Op::Read: job = new QKeychain::ReadPasswordJob(service); break;
            case Op::Write: {
                auto *write = new QKeychain::WritePasswordJob(service);
                write->setBinaryData(secretUtf8);
                job = write;
                break;
            }
            case Op::Delete: job = new QKeychain::DeletePasswordJob(service); break;
            }
            Crypto::secureWipe(secretUtf8);
            job->setAutoDelete(false); // we own it; deleted after finished() was handled
            job->setInsecureFallback(false); // never a plain-text file instead of a keychain
            job->setKey(key);
            QObject::connect(
                job, &QKeychain::Job::finished, job, [shared, op](QKeychain::Job *done) {
                    QMutexLocker locker(&shared->mutex);
                    shared->error = done->error();
                    shared->errorString = done->errorString();
                    if (op == Op::Read && done->error() == QKeychain::NoError)
                        shared->data
                            = static_cast<QKeychain::ReadPasswordJob *>(done)->binaryData();
                    shared->finished = true;
                    shared->finishedCondition.wakeAll();
                    done->deleteLater();
                });
            job->start();
        },
        Qt::QueuedConnection);
    Crypto::secureWipe(secretUtf8);

    Outcome outcome;
    QMutexLocker locker(&shared->mutex);
    const QDeadlineTimer deadline(m_timeout);
    while (!shared->finished) {
        if (!shared->finishedCondition.wait(&shared->mutex, deadline))
            break;
    }
    outcome.finished = shared->finished;
    outcome.error = shared->error;
    outcome.errorString = shared->errorString;
    outcome.data = std::move(shared->data);
    return outcome;
}

Error KeychainStore::toError(const Outcome &outcome, const QString &key) const
{
    if (!outcome.finished)
        return Error::make(ErrorKind::Timeout,
                           QCoreApplication::translate("TiDesk::KeychainStore",
                                                       "the OS keychain did not answer in time"),
                           outcome.errorString);
    Error error;
    switch (outcome.error) {
    case QKeychain::NoError: return {};
    case QKeychain::EntryNotFound:
        error
            = Error::make(ErrorKind::NotFound,
                          QCoreApplication::translate("TiDesk::KeychainStore",
                                                      "no secret stored for %1 in the OS keychain")
                              .arg(key));
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        error = Error::make(
            ErrorKind::Auth,
            QCoreApplication::translate("TiDesk::KeychainStore", "the OS keychain denied access"));
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        error = Error::make(
            ErrorKind::Unsupported,
            QCoreApplication::translate("TiDesk::KeychainStore",
                                        "no OS keychain is available on this machine"));
        break;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        // Headless Linux lands here (error 7): D-Bus has no session bus / Secret Service.
        error = Error::make(
            m_available ? ErrorKind::Internal : ErrorKind::Unsupported,
            m_available
                ? QCoreApplication::translate("TiDesk::KeychainStore", "the OS keychain failed")
                : QCoreApplication::translate("TiDesk::KeychainStore",
                                              "the OS keychain is not available "
                                              "on this machine"));
        break;
    }
    error.code = int(outcome.error);
    error.detail = outcome.errorString;
#if defined(Q_OS_LINUX)
    // qtkeychain says only "Unknown error" there; name the usual cause so a DBA can act on it.
    if (outcome.error == QKeychain::OtherError
        && qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        error.detail += u"; no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set), so no "
                        u"Secret Service or KWallet can answer"_s;
#endif
    return error;
}

bool KeychainStore::probe()
{
    static const QString probeKey = u"tidesk-keychain-probe"_s;
    const Outcome written = run(Op::Write, probeKey, u"probe"_s);
    bool available = written.finished && written.error == QKeychain::NoError;
    if (available) {
        const Outcome removed = run(Op::Delete, probeKey);
        available = removed.finished && removed.error == QKeychain::NoError;
    }
    m_available = available;
    if (available)
        qCInfo(lcSecrets) << "OS keychain available for service" << m_service;
    else
        qCInfo(lcSecrets) << "no usable OS keychain: error" << int(written.error)
                          << written.errorString;
    return available;
}

QString KeychainStore::backendName() const
{
    return u"keychain"_s;
}

bool KeychainStore::isAvailable() const
{
    return m_available;
}

Result<QString> KeychainStore::read(const QString &key)
{
    Outcome outcome = run(Op::Read, key);
    if (!outcome.finished || outcome.error != QKeychain::NoError)
        return toError(outcome, key);
    QString secret = QString::fromUtf8(outcome.data);
    Crypto::secureWipe(outcome.data);
    return secret;
}

VoidResult KeychainStore::write(const QString &key, const QString &secret)
{
    if (key.isEmpty())
        return Error::make(
            ErrorKind::InvalidInput,
            QCoreApplication::translate("TiDesk::KeychainStore", "a secret needs a non-empty key"));
    const Outcome outcome = run(Op::Write, key, secret);
    if (!outcome.finished || outcome.error != QKeychain::NoError)
        return toError(outcome, key);
    return {};
}

VoidResult KeychainStore::remove(const QString &key)
{
    const Outcome outcome = run(Op::Delete, key);
    if (outcome.finished && outcome.error == QKeychain::EntryNotFound)
        return {}; // removing a missing key is not an error
    if (!outcome.finished || outcome.error != QKeychain::NoError)
        return toError(outcome, key);
    return {};
}

} // namespace TiDesk
