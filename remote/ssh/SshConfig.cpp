#include "SshConfig.h"

#include "HostPattern.h"

#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

// Splits "keyword value", "keyword=value", "keyword = \"a b\" c" into words (quotes removed).
QStringList splitWords(const QString &line)
{
    QStringList words;
    QString cur;
    bool inQuotes = false, have = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (c == u'"') {
            inQuotes = !inQuotes;
            have = true;
        } else if (!inQuotes && (c.isSpace() || (c == u'=' && words.isEmpty()))) {
            if (have || !cur.isEmpty())
                words.append(cur);
            cur.clear();
            have = false;
        } else {
            cur.append(c);
        }
    }
    if (have || !cur.isEmpty())
        words.append(cur);
    return words;
}

QString localUser()
{
    QString u = qEnvironmentVariable("USER");
    return u.isEmpty() ? qEnvironmentVariable("LOGNAME") : u;
}

} // namespace

QString SshConfig::defaultPath()
{
    return QDir::homePath() + u"/.ssh/config"_s;
}

QString SshConfig::expandTilde(const QString &path)
{
    if (path == u"~"_s)
        return QDir::homePath();
    if (path.startsWith(u"~/"_s))
        return QDir::homePath() + path.mid(1);
    return path;
}

SshConfig SshConfig::parse(const QByteArray &text)
{
    SshConfig cfg;
    cfg.m_blocks.append(Block {}); // global options before the first Host
    for (const QByteArray &raw : text.split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        QStringList words = splitWords(line);
        if (words.isEmpty())
            continue;
        const QString keyword = words.takeFirst().toLower();
        if (keyword == u"host"_s) {
            Block b;
            b.patterns = words;
            cfg.m_blocks.append(b);
        } else if (keyword == u"match"_s) {
            Block b;
            b.isMatch = true;
            cfg.m_blocks.append(b);
        } else if (!words.isEmpty()) {
            cfg.m_blocks.last().options.append(Option { keyword, words.join(u' ') });
        }
    }
    return cfg;
}

Result<SshConfig> SshConfig::load(const QString &path)
{
    QFile f(path);
    if (!f.exists())
        return SshConfig();
    if (!f.open(QIODevice::ReadOnly))
        return Error::make(ErrorKind::Io, tr("Cannot read the SSH configuration %1.").arg(path),
                           f.errorString());
    return parse(f.readAll());
}

SshHostConfig SshConfig::resolve(const QString &alias) const
{
    QString hostName, user, port;
    QStringList identities;
    for (const Block &b : m_blocks) {
        if (b.isMatch)
            continue;
        if (!b.patterns.isEmpty() && !HostPattern::matchesList(b.patterns, alias))
            continue;
        for (const Option &o : b.options) {
            if (o.keyword == u"hostname"_s && hostName.isEmpty())
                hostName = o.value;
            else if (o.keyword == u"user"_s && user.isEmpty())
                user = o.value;
            else if (o.keyword == u"port"_s && port.isEmpty())
                port = o.value;
            else if (o.keyword == u"identityfile"_s)
                identities.append(o.value);
        }
    }

    SshHostConfig out;
    out.alias = alias;
    out.hostName = hostName.isEmpty()
        ? alias
        : QString(hostName).replace(u"%h"_s, alias).replace(u"%%"_s, u"%"_s);
    bool ok = false;
    const int p = port.toInt(&ok);
    out.port = ok && p > 0 && p < 65536 ? p : 22;
    out.user = user;
    for (QString id : std::as_const(identities)) {
        // Tokens first (a literal %% must not be re-read as a token), then ~.
        QString expanded;
        for (qsizetype i = 0; i < id.size(); ++i) {
            if (id[i] != u'%' || i + 1 == id.size()) {
                expanded.append(id[i]);
                continue;
            }
            const QChar t = id[++i];
            if (t == u'd')
                expanded += QDir::homePath();
            else if (t == u'h')
                expanded += out.hostName;
            else if (t == u'r')
                expanded += user.isEmpty() ? localUser() : user;
            else if (t == u'u')
                expanded += localUser();
            else if (t == u'%')
                expanded += u'%';
            else
                expanded += u'%' + QString(t);
        }
        expanded = expandTilde(expanded);
        if (!out.identityFiles.contains(expanded))
            out.identityFiles.append(expanded);
    }
    return out;
}

} // namespace TiDesk
