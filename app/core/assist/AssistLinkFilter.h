// AssistLinkFilter: the hook the end-to-end crypto layer plugs into an AssistLink. Every frame
// the link sends - the session's own frames, heartbeats and goodbyes alike - goes through
// seal() as plaintext (type byte + body) and leaves as what seal() returns; every frame that
// arrives goes through open() before the link looks at its type. An error from either ends the
// link at once (FilterRejected): fail closed, never fall back to plaintext. Without a filter
// frames travel as plaintext (inside the SSH channels). The link owns its filter and calls it
// on the link's thread only.
#pragma once

#include "common/Result.h"

#include <QByteArray>

namespace TiDesk {

class AssistLinkFilter
{
public:
    virtual ~AssistLinkFilter() = default;
    // Plaintext frame -> wire payload (e.g. sequence number + AEAD ciphertext + tag).
    [[nodiscard]] virtual Result<QByteArray> seal(const QByteArray &frame) = 0;
    // Wire payload -> plaintext frame; an error for a bad tag, a replayed or reordered frame.
    [[nodiscard]] virtual Result<QByteArray> open(const QByteArray &wire) = 0;
};

} // namespace TiDesk
