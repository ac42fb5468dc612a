#include "KnownHosts.h"

#include "HostPattern.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

QByteArray hmacSha1(const QByteArray &salt, const QString &token)
{
    return QMessageAuthenticationCode::hash(token.toUtf8(), salt, QCryptographicHash::Sha1);
}

// "|1|salt|hash" -> (salt, hash); false when malformed.
bool parseHashed(const QString &field, QByteArray *salt, QByteArray *hash)
{
    const QStringList parts = field.split(u'|');
    if (parts.size() != 4 || parts[1] != u"1"_s)
        return false;
    *salt = QByteArray::fromBase64(parts[2].toLatin1());
    *hash = QByteArray::fromBase64(parts[3].toLatin1());
    return salt->size() == 20 && hash->size() == 20;
}

} // namespace

QString KnownHosts::hostToken(const QString &host, int port)
{
    if (port == 22 || port <= 0)
        return host;
    return u"[%1]:%2"_s.arg(host).arg(port);
}

QString KnownHosts::fingerprint(const QByteArray &keyBlob)
{
    const QByteArray digest = QCryptographicHash::hash(keyBlob, QCryptographicHash::Sha256);
    return u"SHA256:"_s
        + QString::fromLatin1(
               digest.toBase64(QByteArray::Base64Encoding | QByteArray::OmitTrailingEquals));
}

KnownHosts KnownHosts::parse(const QByteArray &text, const QString &path)
{
    KnownHosts kh;
    kh.m_path = path;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines[i]).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        QStringList fields = line.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts);
        Entry e;
        e.lineNumber = int(i + 1);
        e.line = line;
        if (fields.value(0).startsWith(u'@')) {
            e.marker = fields.takeFirst();
            if (e.marker != u"@revoked"_s)
                continue; // @cert-authority: host certificates are not supported by libssh2 1.10
        }
        if (fields.size() < 3)
            continue;
        const QString &hosts = fields[0];
        if (hosts.startsWith(u"|1|"_s)) {
            if (!parseHashed(hosts, &e.salt, &e.hash))
                continue;
        } else {
            e.patterns = hosts.split(u',', Qt::SkipEmptyParts);
        }
        e.keyType = fields[1];
        e.key = QByteArray::fromBase64(fields[2].toLatin1());
        if (e.key.isEmpty())
            continue;
        kh.m_entries.append(std::move(e));
    }
    return kh;
}

Result<KnownHosts> KnownHosts::load(const QString &path)
{
    QFile f(path);
    if (!f.exists())
        return parse({}, path);
    if (!f.open(QIODevice::ReadOnly))
        return Error::make(ErrorKind::Io, tr("Cannot read the known hosts file %1.").arg(path),
                           f.errorString());
    return parse(f.readAll(), path);
}

bool KnownHosts::entryMatchesHost(const Entry &e, const QString &token)
{
    if (e.isHashed())
        return hmacSha1(e.salt, token) == e.hash;
    return HostPattern::matchesList(e.patterns, token);
}

KnownHosts::Lookup KnownHosts::lookup(const QString &host, int port, const QString &keyType,
                                      const QByteArray &key) const
{
    const QString token = hostToken(host, port);
    Lookup result;
    bool mismatch = false;
    for (const Entry &e : m_entries) {
        if (!entryMatchesHost(e, token))
            continue;
        if (e.marker == u"@revoked"_s) {
            if (e.key == key) { // a revoked key never matches, whatever else says
                result.status = Status::Mismatch;
                result.entry = e;
                return result;
            }
            continue;
        }
        if (e.keyType != keyType) {
            if (!result.otherKeyTypes.contains(e.keyType))
                result.otherKeyTypes.append(e.keyType);
            continue;
        }
        if (e.key == key) {
            result.status = Status::Match;
            result.entry = e;
            mismatch = false;
            break;
        }
        if (!mismatch) { // report the first conflicting line, like ssh
            mismatch = true;
            result.entry = e;
        }
    }
    if (mismatch)
        result.status = Status::Mismatch;
    if (result.status != Status::NotFound)
        result.otherKeyTypes.clear();
    return result;
}

QStringList KnownHosts::keyTypesFor(const QString &host, int port) const
{
    const QString token = hostToken(host, port);
    QStringList types;
    for (const Entry &e : m_entries) {
        if (e.marker.isEmpty() && !types.contains(e.keyType) && entryMatchesHost(e, token))
            types.append(e.keyType);
    }
    return types;
}

QString KnownHosts::formatEntry(const QString &host, int port, const QString &keyType,
                                const QByteArray &key, bool hashed)
{
    QString hostField = hostToken(host, port);
    if (hashed) {
        QByteArray salt(20, Qt::Uninitialized);
        QRandomGenerator::system()->generate(salt.begin(), salt.end());
        hostField = u"|1|"_s + QString::fromLatin1(salt.toBase64()) + u'|'
            + QString::fromLatin1(hmacSha1(salt, hostField).toBase64());
    }
    return hostField + u' ' + keyType + u' ' + QString::fromLatin1(key.toBase64());
}

VoidResult KnownHosts::append(const QString &path, const QString &host, int port,
                              const QString &keyType, const QByteArray &key, bool hashed)
{
    const QFileInfo info(path);
    if (!info.dir().exists()) {
        if (!QDir().mkpath(info.absolutePath()))
            return Error::make(ErrorKind::Io,
                               tr("Cannot create the directory %1.").arg(info.absolutePath()));
        QFile::setPermissions(info.absolutePath(),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    QByteArray content;
    const bool existed = info.exists();
    if (existed) {
        QFile in(path);
        if (!in.open(QIODevice::ReadOnly))
            return Error::make(ErrorKind::Io, tr("Cannot read the known hosts file %1.").arg(path),
                               in.errorString());
        content = in.readAll();
        if (!content.isEmpty() && !content.endsWith('\n'))
            content.append('\n');
    }
    content += formatEntry(host, port, keyType, key, hashed).toUtf8() + '\n';

    QSaveFile out(path); // write to a temporary file, fsync, rename: never a half-written file
    if (!out.open(QIODevice::WriteOnly) || out.write(content) != content.size() || !out.commit())
        return Error::make(ErrorKind::Io, tr("Cannot write the known hosts file %1.").arg(path),
                           out.errorString());
    if (!existed)
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return {};
}

} // namespace TiDesk
