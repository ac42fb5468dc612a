// AssistResult: what running an approved proposal gave (issue 7): a SQL result with at most the
// session's row limit of rows (the rest counted, not kept), the affected rows, a kill's outcome or
// a guardrail change's answer, or the error. The host sends it as one or more "result" messages
// (rows split so each fits a frame: toMessages) and the expert puts them back together
// (appendMessage). The audit log keeps summary() only. Plain value type: any thread.
#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QStringList>

namespace TiDesk {

struct AssistResult
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::AssistResult)
public:
    qint64 proposalId = 0;
    bool ok = false;
    QStringList columns;
    QList<QStringList> rows; // cells as text; a NULL is kNull
    qint64 totalRows = 0; // rows the statement returned (rows.size() of them are here)
    qint64 affectedRows = -1;
    qint64 durationMs = 0;
    QString message; // the outcome in one sentence (a kill, a SET, an error)

    static inline const QString kNull = QStringLiteral("NULL");

    [[nodiscard]] bool isTruncated() const { return totalRows > rows.size(); }
    // "120 rows in 35 ms", "1 row affected", "failed: ..." - what the audit log keeps.
    [[nodiscard]] QString summary() const;
    // The "result" messages, rows split so that each message stays under maxBytes of JSON.
    [[nodiscard]] QList<QJsonObject> toMessages(qint64 maxBytes) const;
    // Adds one "result" message; true when it was the last part (the result is complete).
    bool appendMessage(const QJsonObject &message);
};

} // namespace TiDesk

Q_DECLARE_METATYPE(TiDesk::AssistResult)
