// AuditLogChain: a written log verifies; one edited byte in a middle line, a deleted line, two
// swapped lines, an inserted duplicate, a rewritten line with a recomputed hash, a cut last
// line, a removed last line (only the head anchor sees it) - each found at the right line with
// the right problem; summaries by default, detail only when passed; the writer refuses to
// append after the file changed underneath it; reopen continues the chain; export copies the
// exact bytes and writes a verification summary.
#include "assist/AuditLogChain.h"
#include "common/Crypto.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace TiDesk;

using Problem = AuditVerification::Problem;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

// Lines without their newlines; the file ends with one.
QList<QByteArray> linesOf(const QByteArray &bytes)
{
    QList<QByteArray> l = bytes.split('\n');
    l.removeLast();
    return l;
}

QByteArray joinLines(const QList<QByteArray> &lines)
{
    return lines.join('\n') + '\n';
}

} // namespace

class TestAuditLogChain : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;

    // A log with 7 lines: the opening system line and 6 appended.
    QString makeLog(QString *head = nullptr)
    {
        const QString path = m_dir.filePath(u"log%1.jsonl"_s.arg(++m_n));
        auto log = AuditLogChain::open(path, u"sess-%1"_s.arg(m_n));
        if (!log.ok())
            return {};
        (*log)->append(AuditKind::Message, u"expert"_s, u"hello"_s).value();
        (*log)->append(AuditKind::Proposal, u"expert"_s, u"run SQL on uat01"_s).value();
        (*log)->append(AuditKind::Decision, u"dba"_s, u"approved proposal 1"_s).value();
        (*log)->append(AuditKind::Result, u"tidesk"_s, u"120 rows in 35 ms"_s).value();
        (*log)->append(AuditKind::Chat, u"dba"_s, u"thanks \u00e9\u4e2d\"quoted\"\n2nd"_s).value();
        (*log)->append(AuditKind::System, u"tidesk"_s, u"session ended"_s).value();
        if (head)
            *head = (*log)->headHash();
        return path;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void appendAndVerify()
    {
        QString head;
        const QString path = makeLog(&head);
        QVERIFY(!path.isEmpty());
        const AuditVerification v = AuditLogChain::verify(path, head);
        QVERIFY2(v.ok, qPrintable(v.reason));
        QCOMPARE(v.lines, 7);
        QCOMPARE(v.brokenLine, 0);
        QCOMPARE(v.headHash, head);
        const QList<QByteArray> lines = linesOf(readAll(path));
        QCOMPARE(lines.size(), 7);
        QCOMPARE(v.headHash, Crypto::sha256Hex(lines.last()));
        const QJsonObject first = QJsonDocument::fromJson(lines.at(0)).object();
        QCOMPARE(first.value(u"seq"_s).toInteger(), 1);
        QCOMPARE(first.value(u"kind"_s).toString(), u"system"_s);
        QCOMPARE(first.value(u"prev"_s).toString(), AuditLogChain::genesisHash(v.sessionId));
        const QStringList kinds { u"system"_s, u"message"_s, u"proposal"_s, u"decision"_s,
                                  u"result"_s, u"chat"_s,    u"system"_s };
        for (int i = 0; i < lines.size(); ++i) {
            const QJsonObject o = QJsonDocument::fromJson(lines.at(i)).object();
            QCOMPARE(o.value(u"seq"_s).toInteger(), i + 1);
            QCOMPARE(o.value(u"kind"_s).toString(), kinds.at(i));
            QVERIFY(o.value(u"time"_s).toString().endsWith(u'Z')); // UTC
            QCOMPARE(o.value(u"hash"_s).toString().size(), 64);
            if (i > 0)
                QCOMPARE(o.value(u"prev"_s).toString(), Crypto::sha256Hex(lines.at(i - 1)));
        }
        // The chat line's quotes, newline and non-ASCII survive as JSON escapes / UTF-8.
        QCOMPARE(QJsonDocument::fromJson(lines.at(5)).object().value(u"summary"_s).toString(),
                 u"thanks \u00e9\u4e2d\"quoted\"\n2nd"_s);
    }

    void summaryOnlyUnlessDetailIsPassed()
    {
        const QString path = m_dir.filePath(u"detail.jsonl"_s);
        auto log = AuditLogChain::open(path, u"sess-detail"_s);
        QVERIFY(log.ok());
        QVERIFY((*log)->append(AuditKind::Result, u"tidesk"_s, u"3 rows"_s).ok());
        QJsonObject detail;
        detail.insert(u"statement"_s, u"SELECT 1"_s);
        QVERIFY((*log)->appendWithDetail(AuditKind::Result, u"tidesk"_s, u"1 row"_s, detail).ok());
        const QList<QByteArray> lines = linesOf(readAll(path));
        QCOMPARE(lines.size(), 3);
        QVERIFY(!QJsonDocument::fromJson(lines.at(1)).object().contains(u"detail"_s));
        QCOMPARE(QJsonDocument::fromJson(lines.at(2))
                     .object()
                     .value(u"detail"_s)
                     .toObject()
                     .value(u"statement"_s)
                     .toString(),
                 u"SELECT 1"_s);
        QVERIFY(AuditLogChain::verify(path).ok);
    }

    void oneEditedByteInAMiddleLine()
    {
        const QString path = makeLog();
        QByteArray bytes = readAll(path);
        // Line 4's summary "approved proposal 1" -> "approved proposal 2".
        const qsizetype at = bytes.indexOf("approved proposal 1") + 18;
        QVERIFY(at > 18);
        bytes[at] = '2';
        writeAll(path, bytes);
        const AuditVerification v = AuditLogChain::verify(path);
        QVERIFY(!v.ok);
        QCOMPARE(v.brokenLine, 4);
        QCOMPARE(v.problem, Problem::Edited);
        qInfo("edited byte: line %d: %s", v.brokenLine, qPrintable(v.reason));
    }

    void editedByteBreakingTheJson()
    {
        const QString path = makeLog();
        QList<QByteArray> lines = linesOf(readAll(path));
        lines[2][0] = '['; // no longer an object
        writeAll(path, joinLines(lines));
        const AuditVerification v = AuditLogChain::verify(path);
        QCOMPARE(v.brokenLine, 3);
        QCOMPARE(v.problem, Problem::NotJson);
    }

    void whitespaceOnlyEditIsAnEdit()
    {
        const QString path = makeLog();
        QList<QByteArray> lines = linesOf(readAll(path));
        lines[6].replace("\"kind\":", "\"kind\": "); // same JSON, different bytes (last line)
        writeAll(path, joinLines(lines));
        const AuditVerification v = AuditLogChain::verify(path);
        QCOMPARE(v.brokenLine, 7);
        QCOMPARE(v.problem, Problem::Edited);
    }

    void rewrittenLineWithRecomputedHash()
    {
        // Someone who knows the format edits line 3 and recomputes ITS hash: line 4 no longer
        // follows it.
        const QString path = makeLog();
        QList<QByteArray> lines = linesOf(readAll(path));
        QJsonObject o = QJsonDocument::fromJson(lines.at(2)).object();
        o.insert(u"summary"_s, u"run nothing"_s);
        o.remove(u"hash"_s);
        o.insert(u"hash"_s, Crypto::sha256Hex(QJsonDocument(o).toJson(QJsonDocument::Compact)));
        lines[2] = QJsonDocument(o).toJson(QJsonDocument::Compact);
        writeAll(path, joinLines(lines));
        const AuditVerification v = AuditLogChain::verify(path);
        QCOMPARE(v.brokenLine, 4);
        QCOMPARE(v.problem, Problem::Edited);
    }

    void deletedLine()
    {
        const QString path = makeLog();
        QList<QByteArray> lines = linesOf(readAll(path));
        lines.removeAt(3);
        writeAll(path, joinLines(lines));
        const AuditVerification v = AuditLogChain::verify(path);
        QCOMPARE(v.brokenLine, 4);
        QCOMPARE(v.problem, Problem::Deleted);
        qInfo("deleted line: line %d: %s", v.brokenLine, qPrintable(v.reason));
    }

    void swappedLines()
    {
        const QString path = makeLog();
        QList<QByteArray> lines = linesOf(readAll(path));
        lines.swapItemsAt(2, 3);
        writeAll(path, joinLines(lines));
        const AuditVerification v = AuditLogChain::verify(path);
        QCOMPARE(v.brokenLine, 3);
        QCOMPARE(v.problem, Problem::Reordered);
        qInfo("swapped lines: line %d: %s", v.brokenLine, qPrintable(v.reason));
    }

    void insertedDuplicateAndForeignLines()
    {
        const QString path = makeLog();
        QList<QByteArray> lines = linesOf(readAll(path));
        QList<QByteArray> dup = lines;
        dup.insert(3, lines.at(1));
        writeAll(path, joinLines(dup));
        AuditVerification v = AuditLogChain::verify(path);
        QCOMPARE(v.brokenLine, 4);
        QCOMPARE(v.problem, Problem::Inserted);
        // A valid line from ANOTHER session's log at the right position.
        const QList<QByteArray> other = linesOf(readAll(makeLog()));
        QList<QByteArray> foreign = lines;
        foreign[4] = other.at(4);
        writeAll(path, joinLines(foreign));
        v = AuditLogChain::verify(path);
        QCOMPARE(v.brokenLine, 5);
        QCOMPARE(v.problem, Problem::Inserted);
        // An empty line.
        QList<QByteArray> blank = lines;
        blank.insert(2, QByteArray());
        writeAll(path, joinLines(blank));
        v = AuditLogChain::verify(path);
        QCOMPARE(v.brokenLine, 3);
        QCOMPARE(v.problem, Problem::Inserted);
    }

    void truncatedLastLine()
    {
        const QString path = makeLog();
        const QByteArray bytes = readAll(path);
        writeAll(path, bytes.left(bytes.size() - 20));
        const AuditVerification v = AuditLogChain::verify(path);
        QCOMPARE(v.brokenLine, 7);
        QCOMPARE(v.problem, Problem::Truncated);
        QCOMPARE(v.lines, 6); // the complete lines before it are fine
    }

    void removedLastLineNeedsTheAnchor()
    {
        QString head;
        const QString path = makeLog(&head);
        QList<QByteArray> lines = linesOf(readAll(path));
        lines.removeLast();
        writeAll(path, joinLines(lines));
        // The chain alone cannot tell (documented limit) ...
        QVERIFY(AuditLogChain::verify(path).ok);
        // ... the head hash kept elsewhere does.
        const AuditVerification v = AuditLogChain::verify(path, head);
        QVERIFY(!v.ok);
        QCOMPARE(v.problem, Problem::HeadMismatch);
    }

    void refusesToAppendAfterExternalAppend()
    {
        const QString path = m_dir.filePath(u"ext-append.jsonl"_s);
        auto log = AuditLogChain::open(path, u"s"_s);
        QVERIFY(log.ok());
        QVERIFY((*log)->append(AuditKind::Chat, u"dba"_s, u"one"_s).ok());
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::Append));
            f.write("a forged line\n");
        }
        const QByteArray before = readAll(path);
        auto r = (*log)->append(AuditKind::Chat, u"dba"_s, u"two"_s);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Io);
        qInfo("external append: %s", qPrintable(r.error().message));
        QCOMPARE(readAll(path), before); // nothing written
        // And it stays refused (even if the file were put back).
        QVERIFY(!(*log)->append(AuditKind::Chat, u"dba"_s, u"three"_s).ok());
    }

    void refusesToAppendAfterSameSizeEdit()
    {
        const QString path = m_dir.filePath(u"ext-edit.jsonl"_s);
        auto log = AuditLogChain::open(path, u"s"_s);
        QVERIFY(log.ok());
        QVERIFY((*log)->append(AuditKind::Chat, u"dba"_s, u"abc"_s).ok());
        QVERIFY((*log)->append(AuditKind::Chat, u"dba"_s, u"last"_s).ok());
        // Past the file system's timestamp granularity, so the change time moves.
        QThread::msleep(30);
        QByteArray bytes = readAll(path);
        bytes[bytes.indexOf("\"abc\"") + 1] = 'X'; // middle line, same size
        {
            QFile f(path); // in place (same inode), like a careful editor
            QVERIFY(f.open(QIODevice::ReadWrite));
            QCOMPARE(f.write(bytes), bytes.size());
        }
        auto r = (*log)->append(AuditKind::Chat, u"dba"_s, u"more"_s);
        QVERIFY(!r.ok());
        QCOMPARE(readAll(path), bytes);
    }

    void refusesToAppendAfterReplaceOrTruncate()
    {
        const QString path = m_dir.filePath(u"ext-replace.jsonl"_s);
        auto log = AuditLogChain::open(path, u"s"_s);
        QVERIFY(log.ok());
        QVERIFY((*log)->append(AuditKind::Chat, u"dba"_s, u"one"_s).ok());
        const QByteArray bytes = readAll(path);
        QVERIFY(QFile::remove(path));
        writeAll(path, bytes); // same content, another file
        QVERIFY(!(*log)->append(AuditKind::Chat, u"dba"_s, u"two"_s).ok());

        const QString path2 = m_dir.filePath(u"ext-trunc.jsonl"_s);
        auto log2 = AuditLogChain::open(path2, u"s"_s);
        QVERIFY(log2.ok());
        QVERIFY((*log2)->append(AuditKind::Chat, u"dba"_s, u"one"_s).ok());
        QVERIFY(QFile::resize(path2, QFileInfo(path2).size() - 5));
        QVERIFY(!(*log2)->append(AuditKind::Chat, u"dba"_s, u"two"_s).ok());
    }

    void reopenContinuesTheChain()
    {
        const QString path = m_dir.filePath(u"reopen.jsonl"_s);
        {
            auto log = AuditLogChain::open(path, u"sess-r"_s);
            QVERIFY(log.ok());
            QCOMPARE((*log)->append(AuditKind::Chat, u"dba"_s, u"before"_s).value(), 2);
        }
        {
            auto log = AuditLogChain::open(path, u"sess-r"_s);
            QVERIFY2(log.ok(), qPrintable(log.error().toString()));
            QCOMPARE((*log)->lastSeq(), 2);
            QCOMPARE((*log)->append(AuditKind::Chat, u"dba"_s, u"after"_s).value(), 3);
        }
        QCOMPARE(AuditLogChain::verify(path).lines, 3);
        QVERIFY(AuditLogChain::verify(path).ok);
        QVERIFY(!AuditLogChain::open(path, u"another-session"_s).ok());
        // A broken log is not continued.
        QList<QByteArray> lines = linesOf(readAll(path));
        lines.removeAt(1);
        writeAll(path, joinLines(lines));
        const auto broken = AuditLogChain::open(path, u"sess-r"_s);
        QVERIFY(!broken.ok());
        qInfo("reopen broken: %s", qPrintable(broken.error().message));
    }

    void exportCopiesAndSummarises()
    {
        QString head;
        const QString path = makeLog(&head);
        const QString dest = m_dir.filePath(u"export-ok.jsonl"_s);
        auto r = AuditLogChain::exportTo(path, dest, head);
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QVERIFY(r->ok);
        QCOMPARE(readAll(dest), readAll(path));
        const QJsonObject s
            = QJsonDocument::fromJson(readAll(dest + u".verification.json"_s)).object();
        QCOMPARE(s.value(u"ok"_s).toBool(), true);
        QCOMPARE(s.value(u"lines"_s).toInt(), 7);
        QCOMPARE(s.value(u"headHash"_s).toString(), head);
        QCOMPARE(s.value(u"fileSha256"_s).toString(), Crypto::sha256Hex(readAll(path)));
        QCOMPARE(s.value(u"anchorChecked"_s).toBool(), true);

        // A tampered log exports too (evidence), with the finding in the summary.
        QList<QByteArray> lines = linesOf(readAll(path));
        lines.removeAt(2);
        writeAll(path, joinLines(lines));
        const QString dest2 = m_dir.filePath(u"export-bad.jsonl"_s);
        auto r2 = AuditLogChain::exportTo(path, dest2);
        QVERIFY(r2.ok());
        QVERIFY(!r2->ok);
        const QJsonObject s2
            = QJsonDocument::fromJson(readAll(dest2 + u".verification.json"_s)).object();
        QCOMPARE(s2.value(u"ok"_s).toBool(), false);
        QCOMPARE(s2.value(u"brokenLine"_s).toInt(), 3);
        QCOMPARE(s2.value(u"problem"_s).toString(), u"deleted"_s);
    }
};

QTEST_GUILESS_MAIN(TestAuditLogChain)
#include "tst_auditlogchain.moc"
