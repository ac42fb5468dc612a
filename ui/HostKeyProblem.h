// HostKeyProblem: which kind of SSH host-key refusal an Error (ErrorKind::HostKey) is, and the
// words the UI shows for it: a CHANGED key (possible man-in-the-middle), a revoked key, or an
// unknown key that was refused (strict policy, rejected or unanswered prompt). The kind comes
// from Error::code (HostKeyCheck::RefusalCode), never from the translated message; a HostKey
// error without such a code counts as Other (still a refusal).
// Static helpers; call them on the GUI thread (the words are translated).
#pragma once

#include "common/Error.h"

#include <QCoreApplication>
#include <QString>

namespace TiDesk {

class HostKeyProblem final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::HostKeyProblem)
public:
    enum class Kind { None, Changed, Revoked, Refused, Other };

    // None unless error.kind == ErrorKind::HostKey.
    [[nodiscard]] static Kind classify(const Error &error);
    // The banner headline: "SSH host key changed — possible man-in-the-middle" ...
    [[nodiscard]] static QString headline(Kind kind);
    // One sentence on what to do (never "just retry"); empty for None.
    [[nodiscard]] static QString advice(Kind kind);
    // A few words for the status pills: "Host key CHANGED" / "Host key refused".
    [[nodiscard]] static QString shortText(Kind kind);
};

} // namespace TiDesk
