// SshKeyFile: what kind of private key a file holds, read without the passphrase (the public
// part of an OpenSSH key is stored in clear; PEM files say it in their header; a neighbouring
// .pub file is the fallback). Used to explain RSA refusals before libssh2 fails obscurely.
// Pure file reading; any thread.
#pragma once

#include <QString>

namespace TiDesk {

struct SshKeyFileInfo
{
    bool readable = false;
    QString keyType; // "ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa" ...; empty = unknown
    bool encrypted = false; // needs a passphrase
    [[nodiscard]] bool isRsa() const { return keyType == QLatin1String("ssh-rsa"); }
};

namespace SshKeyFile {
[[nodiscard]] SshKeyFileInfo inspect(const QString &privateKeyPath);
} // namespace SshKeyFile

} // namespace TiDesk
