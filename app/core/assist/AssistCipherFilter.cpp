#include "AssistCipherFilter.h"

namespace TiDesk {

AssistCipherFilter::AssistCipherFilter(FrameCipher sealer, FrameCipher opener)
    : m_sealer(std::move(sealer))
    , m_opener(std::move(opener))
{ }

Result<QByteArray> AssistCipherFilter::seal(const QByteArray &frame)
{
    return m_sealer.seal(frame);
}

Result<QByteArray> AssistCipherFilter::open(const QByteArray &wire)
{
    return m_opener.open(wire);
}

} // namespace TiDesk
