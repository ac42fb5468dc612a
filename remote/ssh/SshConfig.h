// SshConfig: the subset of ~/.ssh/config TiDesk honours so a bastion can be named by its alias:
// Host blocks with `*`/`?` patterns and `!negation`, HostName (with %h), Port, User and
// IdentityFile (~, %d, %h, %r, %u, %%; several allowed). Like OpenSSH, the first value found
// for a keyword wins (put specific Host blocks first), lines before the first Host apply to
// all hosts, and Match blocks are skipped (not evaluated). Unknown keywords are ignored.
// A parsed SshConfig is an immutable value: any thread.
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace TiDesk {

// What to connect to for an alias, after ~/.ssh/config.
struct SshHostConfig
{
    QString alias; // what the user typed
    QString hostName; // HostName, or the alias itself
    int port = 22;
    QString user; // empty: not configured (the caller picks a default)
    QStringList identityFiles; // expanded absolute paths, in file order
};

class SshConfig
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::SshConfig)

public:
    SshConfig() = default;

    // A missing file is an empty config (every alias resolves to itself).
    [[nodiscard]] static Result<SshConfig> load(const QString &path);
    [[nodiscard]] static SshConfig parse(const QByteArray &text);
    // ~/.ssh/config
    [[nodiscard]] static QString defaultPath();

    [[nodiscard]] SshHostConfig resolve(const QString &alias) const;

    // "~/x" -> "$HOME/x"; other paths unchanged.
    [[nodiscard]] static QString expandTilde(const QString &path);

private:
    struct Option
    {
        QString keyword; // lower case
        QString value;
    };
    struct Block
    {
        QStringList patterns; // empty = before the first Host (applies to all)
        bool isMatch = false; // a Match block: never applied
        QList<Option> options;
    };

    QList<Block> m_blocks;
};

} // namespace TiDesk
