// AssistRelayText: the relay of an expert session as the DBA types it ("dba@bastion:22",
// "bastion", "[::1]:2222") read into the user / host / port of SshConnectOptions, with a
// one-sentence reason when it cannot be read. The start form and the join dialog share it.
// Threading: any thread (pure functions; texts go through tr()).
#pragma once

#include "SshConnectOptions.h"

#include <QCoreApplication>
#include <QString>

namespace TiDesk {

class AssistRelayText final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::AssistRelayText)
public:
    // Fills relay->user/host/port from text (port 22 when absent). False with *why when text
    // is not [user@]host[:port]. Empty text is not valid.
    static bool parse(const QString &text, SshConnectOptions *relay, QString *why = nullptr);
    // "user@host:port"
    static QString format(const SshConnectOptions &relay);
};

} // namespace TiDesk
