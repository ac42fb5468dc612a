#include "ImportInput.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace TiDesk {

QString ImportInput::displayName(const QString &sourcePath)
{
    const QString name = QFileInfo(sourcePath).fileName();
    return name.isEmpty() ? u"input"_s : name;
}

void ImportInput::lineAndColumn(const QByteArray &content, qsizetype offset, int *line, int *column)
{
    offset = std::clamp<qsizetype>(offset, 0, content.size());
    int l = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (content.at(i) == '\n') {
            ++l;
            lineStart = i + 1;
        }
    }
    *line = l;
    // Columns count characters, not bytes: decode the partial line.
    *column = int(QString::fromUtf8(content.mid(lineStart, offset - lineStart)).size()) + 1;
}

Result<QByteArray> ImportInput::readFile(const QString &path)
{
    const QFileInfo fi(path);
    const QString name = displayName(path);
    if (!fi.exists())
        return Error::make(ErrorKind::NotFound, tr("%1 does not exist.").arg(path));
    if (!fi.isFile())
        return Error::make(ErrorKind::InvalidInput, tr("%1 is not a regular file.").arg(path));
    if (fi.size() > kMaxBytes) {
        return Error::make(ErrorKind::InvalidInput,
                           tr("%1 is too large to be an inventory (%2 MiB; the limit is %3 MiB).")
                               .arg(name)
                               .arg(double(fi.size()) / (1024 * 1024), 0, 'f', 1)
                               .arg(kMaxBytes / (1024 * 1024)));
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error::make(ErrorKind::Io, tr("Could not read %1.").arg(path), f.errorString());
    // Read one byte past the limit: the file may have grown since stat().
    QByteArray data = f.read(kMaxBytes + 1);
    if (f.error() != QFileDevice::NoError)
        return Error::make(ErrorKind::Io, tr("Could not read %1.").arg(path), f.errorString());
    if (data.size() > kMaxBytes) {
        return Error::make(ErrorKind::InvalidInput,
                           tr("%1 is too large to be an inventory (the limit is %2 MiB).")
                               .arg(name)
                               .arg(kMaxBytes / (1024 * 1024)));
    }
    return data;
}

Result<QString> ImportInput::decodeText(const QByteArray &content, const QString &sourceName)
{
    if (content.size() > kMaxBytes) {
        return Error::make(ErrorKind::InvalidInput,
                           tr("%1 is too large to be an inventory (the limit is %2 MiB).")
                               .arg(sourceName)
                               .arg(kMaxBytes / (1024 * 1024)));
    }
    if (content.trimmed().isEmpty())
        return Error::make(ErrorKind::InvalidInput, tr("%1 is empty.").arg(sourceName));
    if (const qsizetype nul = content.indexOf('\0'); nul >= 0) {
        int line = 0;
        int column = 0;
        lineAndColumn(content, nul, &line, &column);
        return Error::make(ErrorKind::InvalidInput,
                           tr("%1 is a binary file, not a text inventory (NUL byte on line %2).")
                               .arg(sourceName)
                               .arg(line));
    }
    QByteArray bytes = content;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    // Decode line by line to name the first bad line.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        int lineNo = 1;
        for (const QByteArray &line : bytes.split('\n')) {
            QStringDecoder lineDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            (void)QString(lineDecoder.decode(line));
            if (lineDecoder.hasError())
                break;
            ++lineNo;
        }
        return Error::make(ErrorKind::InvalidInput,
                           tr("%1 line %2: the file is not UTF-8 text (convert it to UTF-8 first).")
                               .arg(sourceName)
                               .arg(lineNo));
    }
    return text;
}

} // namespace TiDesk
