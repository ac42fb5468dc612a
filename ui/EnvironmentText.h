// EnvironmentText: translated display names for Environment enums (TLS modes, engine overrides)
// and one-line summaries (endpoints, SSH bastion), shared by the page and the dialog.
// Threading: any thread (pure functions).
#pragma once

#include "inventory/Environment.h"

#include <QCoreApplication>
#include <QString>

namespace TiDesk {

class EnvironmentText final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::EnvironmentText)
public:
    static QString tlsMode(TlsMode mode);
    static QString tlsModeHelp(TlsMode mode);
    static QString engineOverride(EngineOverride engine);
    // "10.0.0.1:4000 (tidb-1)"
    static QString endpoint(const SqlEndpoint &ep);
    // "deploy@bastion:22 (key ~/.ssh/id_ed25519)" or "not used"
    static QString sshBastion(const SshBastion &ssh);
};

} // namespace TiDesk
