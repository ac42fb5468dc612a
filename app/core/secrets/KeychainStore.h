// KeychainStore: secrets in the OS keychain (Secret Service / KWallet / macOS Keychain /
// Windows Credential Store) through qtkeychain. Service name "TiDesk".
//
// Threading: every call blocks the CALLING thread until its qtkeychain job finishes (or times
// out), so call from worker threads only, never the GUI thread. The jobs themselves all run on
// one process-wide "tidesk-keychain" thread with an event loop: qtkeychain queues every job in
// a process-global JobExecutor that lives on the thread of the first job and talks to later jobs
// through queued signals, so running jobs on whichever pool thread calls (local event loops)
// would stall or crash once a second thread is used. Thread-safe; the job thread is stopped when
// QCoreApplication is destroyed. probe() tells whether a backend answers (headless machines have
// none: qtkeychain error 7, OtherError, from D-Bus).
#pragma once

#include "secrets/CredentialStore.h"

#include <atomic>
#include <chrono>

namespace TiDesk {

class KeychainStore final : public CredentialStore
{
public:
    explicit KeychainStore(QString service = QStringLiteral("TiDesk"));

    // Writes and deletes a probe entry; false when no keychain backend answers.
    [[nodiscard]] bool probe();

    QString backendName() const override;
    bool isAvailable() const override; // result of the last probe()
    Result<QString> read(const QString &key) override;
    VoidResult write(const QString &key, const QString &secret) override;
    VoidResult remove(const QString &key) override;

private:
    enum class Op { Read, Write, Delete };
    struct Outcome;
    [[nodiscard]] Outcome run(Op op, const QString &key, const QString &secret = {}) const;
    [[nodiscard]] Error toError(const Outcome &outcome, const QString &key) const;

    QString m_service;
    std::atomic_bool m_available = false;
    std::chrono::milliseconds m_timeout { 30'000 }; // D-Bus' own default call timeout is 25 s
};

} // namespace TiDesk
