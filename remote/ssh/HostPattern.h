// HostPattern: OpenSSH host pattern matching, shared by known_hosts and ~/.ssh/config.
// `*` and `?` wildcards, case-insensitive; a pattern list ("a,b" or "a b") with `!negation`
// matches when some positive pattern matches and no negated one does. Pure; any thread.
#pragma once

#include <QString>
#include <QStringList>

namespace TiDesk::HostPattern {

// One pattern, no negation: "*.prod.example.com", "db-?", "[10.0.0.1]:2222".
[[nodiscard]] bool matches(QStringView pattern, QStringView text);

// A list as written in a file ("bastion,!bastion-old,10.0.*").
[[nodiscard]] bool matchesList(const QStringList &patterns, const QString &text);

} // namespace TiDesk::HostPattern
