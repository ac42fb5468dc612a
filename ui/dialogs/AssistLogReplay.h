// AssistLogReplay: what the session-log viewer (AssistLogDialog) shows, read off the GUI thread:
// the expert-session logs of a directory (newest first) and one log replayed line by line (seq,
// time, kind, actor, summary, detail) together with AuditLogChain's verification of exactly the
// bytes that were read. Lines that are not JSON are kept as raw text, so a broken log still
// shows where it breaks.
// Threading: the static functions do file I/O: call them on a pool thread (QtConcurrent); the
// values they return are plain and safe to hand to the GUI thread.
#pragma once

#include "assist/AuditLogChain.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace TiDesk {

struct AssistLogFile
{
    QString path;
    QDateTime modifiedUtc;
    qint64 sizeBytes = 0;
};

struct AssistLogLine
{
    int line = 0; // 1-based line of the file
    qint64 seq = -1; // -1 when the line is not a JSON object with a seq
    QDateTime timeUtc; // invalid when absent
    QString kind; // "message", "proposal", ... as written
    QString actor;
    QString summary; // for a line that is not JSON: its raw text
    QJsonObject detail;
    QString prev;
    QString hash;
    bool isJson = false;
};

struct AssistLogContent
{
    QString path;
    AuditVerification verification;
    QList<AssistLogLine> lines;
    QString readError; // the file could not be read (then lines is empty)
};

class AssistLogReplay final
{
public:
    // The *.jsonl files of `directory`, newest first (modification time, then name). A missing
    // directory is an empty list.
    [[nodiscard]] static QList<AssistLogFile> list(const QString &directory);
    // Reads the file once, verifies those bytes and splits them into lines.
    [[nodiscard]] static AssistLogContent read(const QString &path);
    // The same for bytes already read (tests, and read()).
    [[nodiscard]] static AssistLogContent parse(const QByteArray &bytes, const QString &path = {});
};

} // namespace TiDesk
