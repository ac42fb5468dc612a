#include "AssistLogReplay.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace TiDesk {

QList<AssistLogFile> AssistLogReplay::list(const QString &directory)
{
    QList<AssistLogFile> out;
    const QDir dir(directory);
    if (directory.isEmpty() || !dir.exists())
        return out;
    const QFileInfoList infos
        = dir.entryInfoList({ u"*.jsonl"_s }, QDir::Files | QDir::Readable, QDir::NoSort);
    for (const QFileInfo &fi : infos)
        out.append({ fi.absoluteFilePath(), fi.lastModified().toUTC(), fi.size() });
    std::sort(out.begin(), out.end(), [](const AssistLogFile &a, const AssistLogFile &b) {
        if (a.modifiedUtc != b.modifiedUtc)
            return a.modifiedUtc > b.modifiedUtc;
        return a.path > b.path; // the names start with the UTC start time
    });
    return out;
}

AssistLogContent AssistLogReplay::read(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        AssistLogContent c;
        c.path = path;
        c.readError = f.errorString();
        c.verification = AuditLogChain::verify(path); // names the problem (Unreadable)
        return c;
    }
    return parse(f.readAll(), path);
}

AssistLogContent AssistLogReplay::parse(const QByteArray &bytes, const QString &path)
{
    AssistLogContent c;
    c.path = path;
    c.verification = AuditLogChain::verifyBytes(bytes);
    QList<QByteArray> raw = bytes.split('\n');
    if (!raw.isEmpty() && raw.last().isEmpty())
        raw.removeLast(); // the newline that ends the last line
    c.lines.reserve(raw.size());
    int number = 0;
    for (const QByteArray &text : std::as_const(raw)) {
        AssistLogLine line;
        line.line = ++number;
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(text, &err);
        if (err.error == QJsonParseError::NoError && doc.isObject()) {
            const QJsonObject o = doc.object();
            line.isJson = true;
            line.seq = o.value(u"seq"_s).toInteger(-1);
            line.timeUtc = QDateTime::fromString(o.value(u"time"_s).toString(), Qt::ISODateWithMs);
            line.kind = o.value(u"kind"_s).toString();
            line.actor = o.value(u"actor"_s).toString();
            line.summary = o.value(u"summary"_s).toString();
            line.detail = o.value(u"detail"_s).toObject();
            line.prev = o.value(u"prev"_s).toString();
            line.hash = o.value(u"hash"_s).toString();
        } else {
            line.summary = QString::fromUtf8(text);
        }
        c.lines.append(line);
    }
    return c;
}

} // namespace TiDesk
