// RulePushDown: turns a kill rule into statements that make TiDB itself stop the runaway
// statements (reference §4.2): ALTER RESOURCE GROUP ... QUERY_LIMIT=(EXEC_ELAPSED=..., ACTION=...)
// for the busy time (v7.2+) and QUERY WATCH ADD ... SQL DIGEST ... for each digest (v7.3+).
// They are NOT equivalent to the rule, and each proposal says how it differs (caveats): TiDB
// cannot filter a QUERY_LIMIT by user/host/db/regex, a watch kills every execution of a digest
// at once whatever its run time, and a runaway kill ends the statement, never the connection.
// The caller shows the proposals and runs one only on the user's confirmation.
//
// Pure functions over their input (the dialect builds the SQL): any thread.
#pragma once

#include "common/Result.h"
#include "rules/KillRule.h"
#include "sql/Dialect.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

namespace TiDesk {

struct PushDownProposal
{
    QString statement; // the SQL to run on confirmation
    QString summary; // what the server will do, one sentence
    QStringList caveats; // how it differs from the rule
};

struct PushDownOptions
{
    QString resourceGroup = QStringLiteral("default");
    std::optional<RunawayWatch> watch; // QUERY_LIMIT's WATCH clause; unset = none
    std::optional<std::chrono::seconds> watchDuration; // unset = unlimited
};

class RulePushDown
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::RulePushDown)
public:
    // mode: the rule's effective mode on the target environment (dry-run -> ACTION=DRYRUN,
    // as does a notify rule). Unsupported when the dialect can push down none of the rule's
    // criteria (MySQL, MariaDB, TiDB before v7.2, or a rule without busy time or digest).
    [[nodiscard]] static Result<QList<PushDownProposal>>
    proposals(const KillRule &rule, RuleMode mode, const Dialect &dialect,
              const PushDownOptions &options = {});
};

} // namespace TiDesk
