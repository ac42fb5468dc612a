#include "Sas.h"

#include <QtEndian>

using namespace Qt::StringLiterals;

namespace TiDesk {

Sas Sas::fromTranscriptHash(const QByteArray &transcriptHash)
{
    Sas sas;
    if (transcriptHash.size() < 8)
        return sas;
    const quint64 value = qFromBigEndian<quint64>(transcriptHash.constData()) % 1000000u;
    sas.m_digits = u"%1"_s.arg(value, kDigits, 10, QLatin1Char('0'));
    return sas;
}

QString Sas::text() const
{
    if (!isValid())
        return {};
    return m_digits.left(3) + u' ' + m_digits.mid(3);
}

} // namespace TiDesk
