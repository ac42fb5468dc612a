// ConnectionCheck: "Test connection" for the UI. start() reads the SQL password from the
// credential store and runs checkEnvironment() on the pool (both may block); the text functions
// turn a CheckResult into the sentences the page, the dialog and the status bar show, and
// showIn() puts a result into a MessageBanner (a refused SSH host key as a Critical banner).
// Threading: start() is called on the GUI thread and returns at once; the work runs on
// services.pool and touches only services.secrets and services.activityLog (thread-safe).
// Continue on the GUI thread with QFutureWatcher or future.then(context, ...).
#pragma once

#include "CoreServices.h"
#include "sql/EnvironmentCheck.h"

#include <QCoreApplication>
#include <QFuture>
#include <optional>

namespace TiDesk {

class MessageBanner;

class ConnectionCheck final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::ConnectionCheck)
public:
    // password: the value to use; std::nullopt = read env.passwordSecretKey() from services.secrets
    // on the worker (a missing secret means an empty password). sshSecret likewise for
    // env.sshPassphraseSecretKey() (bastion key passphrase or password) when env.ssh.enabled.
    static QFuture<CheckResult> start(const CoreServices &services, const Environment &env,
                                      std::optional<QString> password = std::nullopt,
                                      std::optional<QString> sshSecret = std::nullopt);

    // "MariaDB 10.11.6 answered in 3 ms via 127.0.0.1:3306", and through a bastion
    // "... from 10.0.1.4:3306 via ssh root@10.0.0.1:22"
    static QString successText(const CheckResult &result);
    // "Cannot connect to prod: <message>"
    static QString errorText(const CheckResult &result);
    // Endpoint, error code, and a hint what to check, on one or two lines.
    static QString errorDetail(const CheckResult &result);
    // Short text for the status bar: "prod: MariaDB 10.11.6, 3 ms" / "prod: unreachable".
    static QString statusText(const CheckResult &result);
    // What to check for an error kind (one sentence).
    static QString hintFor(ErrorKind kind);
    // Shows the result: success; an error with an optional retry button (retryText); or, for a
    // refused SSH host key, a Critical banner headed by HostKeyProblem::headline() with the full
    // explanation and NO retry button (retrying must not look like the way past a changed key).
    static void showIn(MessageBanner *banner, const CheckResult &result,
                       const QString &retryText = {});
};

} // namespace TiDesk
