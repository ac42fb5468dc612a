#include "SshKeyFile.h"

#include <QFile>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace TiDesk::SshKeyFile {

namespace {

// Reads an SSH "string" (uint32 length + bytes) at *pos.
bool readString(const QByteArray &data, qsizetype *pos, QByteArray *out)
{
    if (*pos + 4 > data.size())
        return false;
    const quint32 len = qFromBigEndian<quint32>(data.constData() + *pos);
    *pos += 4;
    if (len > quint32(data.size() - *pos))
        return false;
    *out = data.mid(*pos, len);
    *pos += len;
    return true;
}

void inspectOpenSsh(const QByteArray &pem, SshKeyFileInfo *info)
{
    const QByteArray begin = "-----BEGIN OPENSSH PRIVATE KEY-----";
    const QByteArray end = "-----END OPENSSH PRIVATE KEY-----";
    const qsizetype b = pem.indexOf(begin), e = pem.indexOf(end);
    if (b < 0 || e < b)
        return;
    const QByteArray blob = QByteArray::fromBase64(
        pem.mid(b + begin.size(), e - b - begin.size()).simplified().replace(' ', ""));
    const QByteArray magic("openssh-key-v1\0", 15);
    if (!blob.startsWith(magic))
        return;
    qsizetype pos = magic.size();
    QByteArray cipher, kdf, kdfOptions, publicKey, type;
    if (!readString(blob, &pos, &cipher) || !readString(blob, &pos, &kdf)
        || !readString(blob, &pos, &kdfOptions) || pos + 4 > blob.size())
        return;
    pos += 4; // number of keys
    if (!readString(blob, &pos, &publicKey))
        return;
    qsizetype ppos = 0;
    if (readString(publicKey, &ppos, &type))
        info->keyType = QString::fromLatin1(type);
    info->encrypted = cipher != "none";
}

} // namespace

SshKeyFileInfo inspect(const QString &privateKeyPath)
{
    SshKeyFileInfo info;
    QFile f(privateKeyPath);
    if (!f.open(QIODevice::ReadOnly))
        return info;
    info.readable = true;
    const QByteArray pem = f.read(64 * 1024);
    if (pem.contains("BEGIN OPENSSH PRIVATE KEY")) {
        inspectOpenSsh(pem, &info);
    } else if (pem.contains("BEGIN RSA PRIVATE KEY")) {
        info.keyType = u"ssh-rsa"_s;
        info.encrypted = pem.contains("ENCRYPTED");
    } else if (pem.contains("BEGIN EC PRIVATE KEY")) {
        info.keyType
            = u"ecdsa-sha2-nistp256"_s; // the curve is in the DER body; the family is what matters
        info.encrypted = pem.contains("ENCRYPTED");
    } else if (pem.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
        info.encrypted = true;
    }
    if (info.keyType.isEmpty()) {
        QFile pub(privateKeyPath + u".pub"_s);
        if (pub.open(QIODevice::ReadOnly))
            info.keyType = QString::fromLatin1(pub.readLine().split(' ').value(0)).trimmed();
    }
    return info;
}

} // namespace TiDesk::SshKeyFile
