// AssistCipherFilter: the end-to-end encryption of an established assist session as the
// AssistLink's filter: every frame the link sends is sealed by this end's FrameCipher
// (ChaCha20-Poly1305, its direction's key and sequence), every frame that arrives is opened by
// the peer direction's FrameCipher. Any failure is terminal in FrameCipher, and the link closes
// on it (fail closed). Made from an Established AssistHandshake (makeSealer/makeOpener).
// Thread: the link's (it owns the filter and calls it there only).
#pragma once

#include "AssistLinkFilter.h"
#include "FrameCipher.h"

namespace TiDesk {

class AssistCipherFilter final : public AssistLinkFilter
{
public:
    AssistCipherFilter(FrameCipher sealer, FrameCipher opener);

    [[nodiscard]] Result<QByteArray> seal(const QByteArray &frame) override;
    [[nodiscard]] Result<QByteArray> open(const QByteArray &wire) override;

private:
    FrameCipher m_sealer;
    FrameCipher m_opener;
};

} // namespace TiDesk
