#include "inventory/LocalSandbox.h"

#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {
constexpr qint64 kMaxEnvFileBytes = 1024 * 1024;
}

QString LocalSandbox::defaultDir()
{
    const QString dir = qEnvironmentVariable("TIDESK_SANDBOX_DIR");
    return dir.isEmpty() ? u"/tmp/tidesk-sandbox"_s : dir;
}

QHash<QString, QString> LocalSandbox::parseEnvFile(const QByteArray &content)
{
    QHash<QString, QString> values;
    const QList<QByteArray> lines = content.split('\n');
    for (const QByteArray &raw : lines) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const qsizetype eq = line.indexOf(u'=');
        if (eq <= 0)
            continue;
        QString key = line.left(eq).trimmed();
        if (key.startsWith(u"export "_s))
            key = key.mid(7).trimmed();
        bool validKey = !key.isEmpty() && !key.front().isDigit();
        for (const QChar c : std::as_const(key))
            validKey = validKey && (c.isLetterOrNumber() || c == u'_') && c.unicode() < 128;
        if (!validKey)
            continue;
        QString value = line.mid(eq + 1).trimmed();
        if (value.size() >= 2 && (value.front() == u'"' || value.front() == u'\'')
            && value.back() == value.front())
            value = value.mid(1, value.size() - 2);
        values.insert(key, value);
    }
    return values;
}

std::optional<LocalSandbox> LocalSandbox::find(const QString &dir)
{
    QFile f(QDir(dir).filePath(u"sandbox.env"_s));
    if (f.size() > kMaxEnvFileBytes || !f.open(QIODevice::ReadOnly))
        return std::nullopt;
    LocalSandbox s;
    s.m_dir = dir;
    s.m_values = parseEnvFile(f.read(kMaxEnvFileBytes));
    if (s.inventoryPath().isEmpty())
        return std::nullopt;
    return s;
}

QString LocalSandbox::inventoryPath() const
{
    return value(u"DEMO_INVENTORY"_s);
}

QStringList LocalSandbox::environmentNames() const
{
    QStringList names = value(u"SANDBOX_ENVS"_s).split(u' ', Qt::SkipEmptyParts);
    const QString tidb = value(u"DEMO_TIDB_ENV"_s);
    if (!tidb.isEmpty() && !names.contains(tidb))
        names.append(tidb);
    return names;
}

QString LocalSandbox::adminPassword() const
{
    return value(u"ADMIN_PASSWORD"_s);
}

} // namespace TiDesk
