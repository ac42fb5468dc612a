#include "AssistRelayText.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace TiDesk {

bool AssistRelayText::parse(const QString &text, SshConnectOptions *relay, QString *why)
{
    auto fail = [why](const QString &reason) {
        if (why)
            *why = reason;
        return false;
    };
    const QString t = text.trimmed();
    if (t.isEmpty())
        return fail(tr("Name the relay: an SSH server you and the expert can both reach "
                       "(user@host:port)."));
    // The same shape SessionCode accepts for its relay field.
    static const QRegularExpression re(
        u"^(?:([A-Za-z0-9._-]+)@)?(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+)(?::(\\d{1,5}))?$"_s);
    const QRegularExpressionMatch m = re.match(t);
    if (!m.hasMatch())
        return fail(tr("The relay must look like user@host:port (the port may be left out)."));
    const uint port = m.hasCaptured(3) ? m.captured(3).toUInt() : 22u;
    if (port == 0 || port > 65535)
        return fail(tr("The relay's port must be a number from 1 to 65535."));
    QString host = m.captured(2);
    if (host.startsWith(u'['))
        host = host.mid(1, host.size() - 2);
    if (relay) {
        relay->user = m.captured(1);
        relay->host = host;
        relay->port = int(port);
    }
    return true;
}

QString AssistRelayText::format(const SshConnectOptions &relay)
{
    QString host = relay.host.contains(u':') ? u'[' + relay.host + u']' : relay.host;
    if (!relay.user.isEmpty())
        host = relay.user + u'@' + host;
    return host + u':' + QString::number(relay.port);
}

} // namespace TiDesk
