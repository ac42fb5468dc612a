// AuditLogChain: the host's tamper-evident log of one expert session (issue 7). Append-only
// JSON Lines; every line carries seq (1, 2, ...), session, time (UTC), kind, actor, summary,
// optionally detail, prev = SHA-256 (hex) of the previous line's exact bytes (without its
// newline; for line 1: of the genesis string + the session id) and hash = SHA-256 of the line's
// canonical content (the compact JSON of every other field, keys sorted - what QJsonDocument
// writes). A line must be byte-identical to that canonical form. verify() names the first
// broken line and why; the format and what verification proves (and does not) are in
// docs/decisions/assist-transport.md.
//
// What is written: by default ONLY a one-line summary the caller words (append()). Statement
// texts the DBA chose to keep, result rows, anything sensitive goes in only through
// appendWithDetail(), which a caller uses deliberately. Never pass secrets.
//
// The writer never rewrites: each line is one write() in append mode, flushed and fdatasync'ed.
// Before each append it checks the file is still what it wrote (same inode, size, ctime and
// last line); if not, it refuses this and every later append.
//
// Threading: thread-safe (a mutex); every call does file I/O - call it from a worker thread,
// never from the GUI thread. verify()/exportTo() are static and reentrant.
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QMutex>
#include <QString>

#include <memory>

namespace TiDesk {

enum class AuditKind { Message, Proposal, Decision, Result, Chat, System };

struct AuditVerification
{
    enum class Problem {
        None,
        Unreadable, // the file could not be read
        NotJson, // a line is not a JSON object (edited, or garbage inserted)
        Edited, // a line's bytes do not match its hash / its canonical form / the next prev
        Deleted, // seq jumps forward: lines are missing
        Reordered, // seq out of order, the missing seq comes later
        Inserted, // a duplicate or foreign line (another session, seq seen before)
        Truncated, // the last line is incomplete (cut mid-line)
        HeadMismatch, // the chain is intact but does not end where the caller's anchor says
    };

    bool ok = false;
    int lines = 0; // complete lines read
    int brokenLine = 0; // 1-based line of the first problem; 0 when ok
    Problem problem = Problem::None;
    QString reason; // one sentence, translated
    QString sessionId; // from line 1
    QString headHash; // SHA-256 of the last complete line (empty for an empty log)
    QString fileSha256; // of the whole file as read

    [[nodiscard]] static QString problemName(Problem problem); // stable, for JSON / CLI
};

class AuditLogChain
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::AuditLogChain)

public:
    // Creates the log (a System line "session log opened" is its first line) or, when the file
    // exists, verifies it and continues its chain - refusing a broken log or one of another
    // session.
    [[nodiscard]] static Result<std::unique_ptr<AuditLogChain>> open(const QString &path,
                                                                     const QString &sessionId);
    ~AuditLogChain();

    // The default: one line with a summary ("approved: KILL 42 on prod", "result: 120 rows").
    // Returns the line's seq.
    Result<qint64> append(AuditKind kind, const QString &actor, const QString &summary);
    // The explicit way to keep more than a summary (the exact statement, result rows the DBA
    // chose to keep). Everything in `detail` is written as is: never pass secrets.
    Result<qint64> appendWithDetail(AuditKind kind, const QString &actor, const QString &summary,
                                    const QJsonObject &detail);

    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] QString sessionId() const { return m_sessionId; }
    [[nodiscard]] qint64 lastSeq() const;
    // SHA-256 of the last line written: an anchor worth keeping elsewhere (shown to the expert,
    // in the export), because a chain alone cannot reveal lines cut off its end.
    [[nodiscard]] QString headHash() const;

    [[nodiscard]] static QString kindName(AuditKind kind);
    [[nodiscard]] static QString genesisHash(const QString &sessionId);
    // Verifies a log; with expectedHead, also that it ends at that line.
    [[nodiscard]] static AuditVerification verify(const QString &path,
                                                  const QString &expectedHead = {});
    [[nodiscard]] static AuditVerification verifyBytes(const QByteArray &bytes,
                                                       const QString &expectedHead = {});
    // Copies the log byte for byte to `destination` and writes `destination`.verification.json
    // (the verification of exactly those bytes). Io error when a file cannot be written.
    [[nodiscard]] static Result<AuditVerification>
    exportTo(const QString &source, const QString &destination, const QString &expectedHead = {});

private:
    AuditLogChain(QString path, QString sessionId);
    Result<qint64> write(AuditKind kind, const QString &actor, const QString &summary,
                         const QJsonObject *detail);
    [[nodiscard]] VoidResult checkUnchanged() const;
    void recordFileState();

    QString m_path;
    QString m_sessionId;
    mutable QMutex m_mutex;
    qint64 m_seq = 0;
    QString m_head; // hash of m_lastLine (genesis when empty)
    QByteArray m_lastLine; // without '\n'
    // What the file looked like after our last write.
    qint64 m_size = 0;
    quint64 m_inode = 0;
    quint64 m_device = 0;
    qint64 m_ctimeNs = 0;
    Error m_broken; // set once the file was found modified: no more appends
};

} // namespace TiDesk
