#include "RulePushDown.h"

using namespace Qt::StringLiterals;

namespace TiDesk {

Result<QList<PushDownProposal>> RulePushDown::proposals(const KillRule &rule, RuleMode mode,
                                                        const Dialect &dialect,
                                                        const PushDownOptions &options)
{
    if (!rule.match.busyTimeMs && rule.match.digests.isEmpty())
        return Error::make(ErrorKind::Unsupported,
                           tr("Rule \"%1\" cannot be pushed down: TiDB's runaway rules need a "
                              "busy time or an SQL digest.")
                               .arg(rule.name));
    const RunawayAction action
        = rule.isKill() && mode == RuleMode::Enforce ? RunawayAction::Kill : RunawayAction::DryRun;
    // Criteria TiDB cannot filter on: every proposal says they are dropped.
    QStringList dropped;
    if (!rule.match.users.isEmpty())
        dropped << tr("user");
    if (!rule.match.hosts.isEmpty())
        dropped << tr("host");
    if (!rule.match.dbs.isEmpty())
        dropped << tr("database");
    if (!rule.match.commands.isEmpty())
        dropped << tr("command");
    if (!rule.match.sqlRegex.isEmpty())
        dropped << tr("SQL regular expression");
    if (rule.match.memBytesAtLeast)
        dropped << tr("memory");
    QStringList common;
    if (!dropped.isEmpty())
        //: %1 = list of criteria, e.g. "user, host"
        common << tr("TiDB does not filter by %1: the statement applies to every session of the "
                     "resource group.")
                      .arg(dropped.join(u", "_s));
    if (rule.action == RuleAction::KillConnection && action == RunawayAction::Kill)
        common << tr("TiDB ends the runaway statement (error 8253/8254), not the connection.");
    if (!rule.excludeUsers.isEmpty())
        common << tr("The rule's excluded users are not excluded by the server.");

    QList<PushDownProposal> out;
    Error lastError;
    if (rule.match.busyTimeMs) {
        RunawayQueryLimit limit;
        limit.resourceGroup = options.resourceGroup;
        limit.execElapsed = std::chrono::milliseconds(qMax<qint64>(1, *rule.match.busyTimeMs));
        limit.action = action;
        limit.watch = options.watch;
        limit.watchDuration = options.watchDuration;
        const Result<QString> sql = dialect.runawayQueryLimitStatement(limit);
        if (sql) {
            PushDownProposal p;
            p.statement = *sql;
            //: %1 = resource group, %2 = seconds, %3 = "killed" or "recorded (dry run)"
            p.summary
                = tr("Every statement of resource group %1 that runs longer than %2 s is "
                     "%3 by TiDB.")
                      .arg(options.resourceGroup)
                      .arg(double(limit.execElapsed.count()) / 1000.0)
                      .arg(action == RunawayAction::Kill ? tr("killed") : tr("recorded (dry run)"));
            p.caveats = common;
            if (!rule.match.digests.isEmpty())
                p.caveats << tr("The digest filter is not part of QUERY_LIMIT: use the QUERY "
                                "WATCH proposal for it.");
            p.caveats << tr("It replaces the group's current QUERY_LIMIT, if any.");
            out << p;
        } else {
            lastError = sql.error();
        }
    }
    for (const QString &digest : rule.match.digests) {
        QueryWatchRequest w;
        w.resourceGroup = options.resourceGroup;
        w.action = action;
        w.target = QueryWatchRequest::Target::SqlDigest;
        w.value = digest;
        const Result<QString> sql = dialect.queryWatchAddStatement(w);
        if (!sql) {
            lastError = sql.error();
            continue;
        }
        PushDownProposal p;
        p.statement = *sql;
        //: %1 = digest (shortened), %2 = "killed" or "recorded (dry run)"
        p.summary
            = tr("Every execution of digest %1 is %2 by TiDB.")
                  .arg(digest.left(16))
                  .arg(action == RunawayAction::Kill ? tr("killed") : tr("recorded (dry run)"));
        p.caveats = common;
        if (rule.match.busyTimeMs)
            p.caveats << tr("A watch acts at once, whatever the run time: the busy-time "
                            "threshold does not apply.");
        p.caveats << tr("Remove it later with QUERY WATCH REMOVE <id> (the id is in "
                        "INFORMATION_SCHEMA.RUNAWAY_WATCHES).");
        out << p;
    }
    if (out.isEmpty())
        return lastError.isError()
            ? lastError
            : Error::make(ErrorKind::Unsupported,
                          tr("Rule \"%1\" cannot be pushed down.").arg(rule.name));
    return out;
}

} // namespace TiDesk
