#include "CliIo.h"

#include <QFile>
#include <QTextStream>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace TiDesk::Cli {

std::optional<QString> CliIo::nextStdinLine()
{
    if (!m_stdinRead) {
        m_stdinRead = true;
        QFile in;
        if (in.open(stdin, QIODevice::ReadOnly)) {
            const QByteArray all = in.readAll();
            m_stdinLines = QString::fromUtf8(all).split(u'\n');
            // A trailing newline leaves an empty last element that is not a line.
            if (!m_stdinLines.isEmpty() && m_stdinLines.last().isEmpty())
                m_stdinLines.removeLast();
            for (QString &l : m_stdinLines)
                if (l.endsWith(u'\r'))
                    l.chop(1);
        }
    }
    if (m_nextLine >= m_stdinLines.size())
        return std::nullopt;
    return m_stdinLines.at(m_nextLine++);
}

bool CliIo::stdinIsTerminal()
{
    return ::isatty(STDIN_FILENO) == 1;
}

std::optional<QString> CliIo::promptLine(const QString &prompt)
{
    std::fputs(prompt.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
    QByteArray line;
    int c = 0;
    while ((c = std::fgetc(stdin)) != EOF && c != '\n')
        line.append(char(c));
    if (c == EOF && line.isEmpty())
        return std::nullopt;
    return QString::fromUtf8(line);
}

std::optional<QString> CliIo::promptHidden(const QString &prompt)
{
    FILE *tty = std::fopen("/dev/tty", "r+");
    if (!tty)
        return std::nullopt;
    const int fd = ::fileno(tty);
    termios old {};
    const bool haveTermios = ::tcgetattr(fd, &old) == 0;
    if (haveTermios) {
        termios noEcho = old;
        noEcho.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(fd, TCSAFLUSH, &noEcho);
    }
    std::fputs(prompt.toLocal8Bit().constData(), tty);
    std::fflush(tty);
    QByteArray line;
    int c = 0;
    while ((c = std::fgetc(tty)) != EOF && c != '\n')
        line.append(char(c));
    if (haveTermios)
        ::tcsetattr(fd, TCSAFLUSH, &old);
    std::fputs("\n", tty);
    std::fclose(tty);
    QString result = QString::fromUtf8(line);
    line.fill('\0');
    return result;
}

void CliIo::out(const QString &text)
{
    const QByteArray b = text.toUtf8() + '\n';
    std::fwrite(b.constData(), 1, size_t(b.size()), stdout);
    std::fflush(stdout);
}

void CliIo::err(const QString &text)
{
    const QByteArray b = text.toUtf8() + '\n';
    std::fwrite(b.constData(), 1, size_t(b.size()), stderr);
    std::fflush(stderr);
}

void CliIo::outRaw(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

namespace {

// Terminal columns of s: East Asian wide characters (CJK, Hangul, full-width forms) take two,
// so a translated header such as "名称" lines up with the ASCII cells below it.
qsizetype displayWidth(const QString &s)
{
    qsizetype w = 0;
    for (const char32_t c : s.toUcs4()) {
        const bool wide = (c >= 0x1100 && c <= 0x115F)
            || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F) || (c >= 0xAC00 && c <= 0xD7A3)
            || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F)
            || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6)
            || (c >= 0x20000 && c <= 0x3FFFD);
        w += wide ? 2 : 1;
    }
    return w;
}

} // namespace

QString CliIo::table(const QStringList &header, const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QString &h : header)
        widths.append(displayWidth(h));
    for (const QStringList &r : rows)
        for (qsizetype i = 0; i < r.size() && i < widths.size(); ++i)
            widths[i] = qMax(widths[i], displayWidth(r.at(i)));
    auto line = [&](const QStringList &cells) {
        QString s;
        for (qsizetype i = 0; i < widths.size(); ++i) {
            const QString cell = i < cells.size() ? cells.at(i) : QString();
            s += cell;
            if (i + 1 < widths.size())
                s += QString(widths[i] + 2 - displayWidth(cell), u' ');
        }
        return s;
    };
    QStringList out { line(header) };
    for (const QStringList &r : rows)
        out.append(line(r));
    return out.join(u'\n');
}

} // namespace TiDesk::Cli
