#include "EngineInfo.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

QVersionNumber versionOf(const QString &a, const QString &b, const QString &c)
{
    return QVersionNumber({ a.toInt(), b.toInt(), c.toInt() });
}

} // namespace

EngineInfo EngineInfo::parse(const QString &versionString)
{
    EngineInfo info;
    info.versionString = versionString;
    const QString s = versionString.trimmed();

    // Order matters: TiDB first (its prefix looks like MySQL), then MariaDB (whose 10.x
    // handshake prefix "5.5.5-" also looks like MySQL), MySQL last.
    static const QRegularExpression tidbRe(
        u"^(\\d+)\\.(\\d+)\\.(\\d+)-TiDB-v?(\\d+)\\.(\\d+)\\.(\\d+)(?:-(.+))?$"_s);
    static const QRegularExpression mariaRe(
        u"^(?:5\\.5\\.5-)?(\\d+)\\.(\\d+)\\.(\\d+)-MariaDB(?:-(.+))?$"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression mysqlRe(u"^(\\d+)\\.(\\d+)\\.(\\d+)(?:-(.+))?$"_s);

    if (const auto m = tidbRe.match(s); m.hasMatch()) {
        info.engine = Engine::TiDB;
        info.mysqlCompatVersion = versionOf(m.captured(1), m.captured(2), m.captured(3));
        info.version = versionOf(m.captured(4), m.captured(5), m.captured(6));
        info.suffix = m.captured(7);
    } else if (const auto m2 = mariaRe.match(s); m2.hasMatch()) {
        info.engine = Engine::MariaDB;
        info.version = versionOf(m2.captured(1), m2.captured(2), m2.captured(3));
        info.suffix = m2.captured(4);
    } else if (const auto m3 = mysqlRe.match(s); m3.hasMatch()) {
        info.engine = Engine::MySQL;
        info.version = versionOf(m3.captured(1), m3.captured(2), m3.captured(3));
        info.suffix = m3.captured(4);
    }
    return info;
}

QString EngineInfo::releaseVersionFromTidbVersion(const QString &tidbVersionText)
{
    // Multi-line "Key: value" text; the line order changed between releases, so go by key.
    const QStringList lines = tidbVersionText.split(u'\n');
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        const qsizetype colon = line.indexOf(u':');
        if (colon <= 0)
            continue;
        if (line.left(colon).trimmed().compare(u"Release Version"_s, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

QString EngineInfo::engineName(Engine e)
{
    switch (e) {
    case Engine::TiDB: return u"tidb"_s;
    case Engine::MySQL: return u"mysql"_s;
    case Engine::MariaDB: return u"mariadb"_s;
    case Engine::Unknown: break;
    }
    return u"unknown"_s;
}

QString EngineInfo::engineDisplayName(Engine e)
{
    switch (e) {
    case Engine::TiDB: return u"TiDB"_s;
    case Engine::MySQL: return u"MySQL"_s;
    case Engine::MariaDB: return u"MariaDB"_s;
    case Engine::Unknown: break;
    }
    return u"Unknown"_s;
}

Engine EngineInfo::engineFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == u"tidb")
        return Engine::TiDB;
    if (n == u"mysql")
        return Engine::MySQL;
    if (n == u"mariadb")
        return Engine::MariaDB;
    return Engine::Unknown;
}

QString EngineInfo::displayString() const
{
    switch (engine) {
    case Engine::TiDB: return u"TiDB v"_s + version.toString();
    case Engine::MySQL: return u"MySQL "_s + version.toString();
    case Engine::MariaDB: return u"MariaDB "_s + version.toString();
    case Engine::Unknown: break;
    }
    return versionString.isEmpty() ? u"Unknown"_s : u"Unknown ("_s + versionString + u')';
}

bool EngineInfo::isAtLeast(int major, int minor, int patch) const
{
    return !version.isNull() && version >= QVersionNumber({ major, minor, patch });
}

} // namespace TiDesk
