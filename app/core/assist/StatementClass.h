// StatementClass: what a SQL text an expert proposes would do, decided conservatively from its
// tokens (strings, quoted names and comments skipped): one read-only statement (SELECT, SHOW,
// DESCRIBE, EXPLAIN without ANALYZE, TABLE, VALUES, WITH ... SELECT) or anything else. Only the
// read-only class may be auto-approved (on a non-production environment, when the DBA chose so);
// anything the classifier is unsure about - several statements, INTO, FOR UPDATE, locking reads,
// MySQL executable comments, EXPLAIN ANALYZE (which runs the statement) - is "writes", so it
// waits for the DBA. It also says whether EXPLAIN can show the statement's plan on the card.
// Pure: any thread.
#pragma once

#include <QCoreApplication>
#include <QString>

namespace TiDesk {

class StatementClass final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::StatementClass)
public:
    enum class Kind {
        Empty, // nothing but whitespace and comments
        ReadOnly,
        Writes, // or unknown: never auto-approved
        Multiple, // more than one statement: refused outright (one card, one statement)
    };

    [[nodiscard]] static StatementClass of(const QString &sql);

    [[nodiscard]] Kind kind() const { return m_kind; }
    [[nodiscard]] bool isReadOnly() const { return m_kind == Kind::ReadOnly; }
    // The first keyword, upper case ("SELECT", "UPDATE" ...); empty for Empty.
    [[nodiscard]] QString verb() const { return m_verb; }
    // True when "EXPLAIN <statement>" shows a plan without running it (SELECT, UPDATE, DELETE,
    // INSERT, REPLACE, WITH, TABLE).
    [[nodiscard]] bool isExplainable() const { return m_explainable; }
    // Why it is not read-only, one short phrase (empty when read-only).
    [[nodiscard]] QString reason() const { return m_reason; }

private:
    Kind m_kind = Kind::Empty;
    QString m_verb;
    bool m_explainable = false;
    QString m_reason;
};

} // namespace TiDesk
