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

QString CliIo::table(const QStringList &header, const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QString &h : header)
        widths.append(h.size());
    for (const QStringList &r : rows)
        for (qsizetype i = 0; i < r.size() && i < widths.size(); ++i)
            widths[i] = qMax(widths[i], r.at(i).size());
    auto line = [&](const QStringList &cells) {
        QString s;
        for (qsizetype i = 0; i < widths.size(); ++i) {
            const QString cell = i < cells.size() ? cells.at(i) : QString();
            s += (i + 1 < widths.size()) ? cell.leftJustified(widths[i] + 2) : cell;
        }
        return s;
    };
    QStringList out { line(header) };
    for (const QStringList &r : rows)
        out.append(line(r));
    return out.join(u'\n');
}

} // namespace TiDesk::Cli
