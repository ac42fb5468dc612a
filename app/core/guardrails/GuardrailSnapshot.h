// GuardrailSnapshot: what one environment's guardrails look like right now: the dialect's
// guardrail variables with their current values, TiDB's runaway query watches and SQL plan
// bindings. Parts the engine does not have are marked unsupported; parts that could not be read
// are problem lines. Produced by readGuardrails(); a value type, any thread.
#pragma once

#include "sql/Dialect.h"
#include "sql/EngineInfo.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace TiDesk {

struct GuardrailValue
{
    GuardrailVariable variable;
    QString value; // as the server shows it; null when it could not be read
};

struct RunawayWatchEntry
{
    qint64 id = 0;
    QString resourceGroup;
    QString startTime;
    QString endTime; // "UNLIMITED" or a time
    QString watch; // Exact, Similar, Plan
    QString watchText; // SQL text or digest
    QString source; // tidb-server that identified it, or "manual"
    QString action; // Kill, Cooldown, DryRun, SwitchGroup...
    QString rule; // e.g. "ElapsedTime = 60s"
};

struct SqlBinding
{
    QString originalSql;
    QString bindSql;
    QString defaultDb;
    QString status; // enabled, disabled, ...
    QString source; // manual, history, capture, evolve
    QString sqlDigest;
    QString planDigest;
    QString createTime;
};

struct GuardrailSnapshot
{
    EngineInfo engine;
    QString endpoint;
    QDateTime readAt;
    QList<GuardrailValue> values;
    bool watchesSupported = false;
    QList<RunawayWatchEntry> watches;
    bool bindingsSupported = false;
    QList<SqlBinding> bindings;
    QStringList problems; // parts that could not be read, one translated line each
};

} // namespace TiDesk

Q_DECLARE_METATYPE(TiDesk::GuardrailSnapshot)
