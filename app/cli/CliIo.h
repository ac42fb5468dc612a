// CliIo: terminal input and output for tidesk-cli. Secrets come from standard input
// (--vault-pass-stdin / --password-stdin: one per line, vault passphrase first) or from an
// interactive prompt with echo off; never from the command line, where `ps` would show them.
// Main thread only (the CLI has no other thread that touches the terminal).
#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace TiDesk::Cli {

class CliIo final
{
public:
    // Reads the next line of standard input (all of stdin is read once, on first use).
    // std::nullopt when stdin has no further line.
    std::optional<QString> nextStdinLine();
    // Prompts on the controlling terminal with echo off; nullopt when there is no terminal.
    static std::optional<QString> promptHidden(const QString &prompt);
    static bool stdinIsTerminal();
    // Prints prompt on stderr and reads one line from standard input (echo on): confirmations.
    // nullopt at end of input. Call only when stdinIsTerminal().
    static std::optional<QString> promptLine(const QString &prompt);

    static void out(const QString &text); // stdout, newline appended
    static void err(const QString &text); // stderr, newline appended
    static void outRaw(const QByteArray &bytes);

    // Plain text table with a header row, columns padded to their widest cell.
    static QString table(const QStringList &header, const QList<QStringList> &rows);

private:
    bool m_stdinRead = false;
    QStringList m_stdinLines;
    int m_nextLine = 0;
};

} // namespace TiDesk::Cli
