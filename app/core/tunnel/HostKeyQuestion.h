// HostKeyQuestion: "this bastion presented a host key known_hosts does not hold yet: trust it?"
// Sent by BastionTunnels (policy Ask) to whoever can ask the DBA (the GUI's HostKeyDialog), and
// answered with BastionTunnels::answerHostKey(id, ...). Plain value; any thread.
#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace TiDesk {

struct HostKeyQuestion
{
    quint64 id = 0;
    QString bastion; // "root@10.0.0.1:22" or "jump (root@10.0.0.1:22)"
    QString host; // what was dialled (HostName)
    int port = 22;
    QString keyType; // "ssh-ed25519"
    QString fingerprint; // "SHA256:..."
    QString knownHostsFile; // where an accepted key is stored
    QStringList environments; // environments waiting for this bastion
};

} // namespace TiDesk

Q_DECLARE_METATYPE(TiDesk::HostKeyQuestion)
