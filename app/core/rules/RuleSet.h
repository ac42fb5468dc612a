// RuleSet: the kill rules of one TiDesk installation plus the exclusions every rule shares,
// and their JSON file (versioned; docs/rules.md). Parsing is strict: an unknown key, a wrong
// type, an invalid regex or a duplicate name is an InvalidInput error naming the file, the rule
// and the field ("rules.json: rule \"long-selects\" (rules[0]): match.sql_regex: ...").
//
// Plain value type: any thread. load()/save() do file I/O: never on the GUI thread.
#pragma once

#include "common/Result.h"
#include "rules/KillRule.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace TiDesk {

class RuleSet
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::RuleSet)
public:
    static constexpr int kFormatVersion = 1;

    QList<KillRule> rules;
    // Never matched by any rule (wildcard patterns, case-sensitive), e.g. the DBA's own user.
    QStringList excludeUsers;
    // Replication users (wildcards): never matched. Users seen running Binlog Dump or replica
    // threads in the same snapshot are excluded too, without being listed here.
    QStringList replicationUsers;

    // AppPaths::dataDir()/rules.json
    [[nodiscard]] static QString defaultPath();

    // sourceName names the input in error messages (usually the file name).
    [[nodiscard]] static Result<RuleSet>
    fromJson(const QByteArray &json, const QString &sourceName = QStringLiteral("rules.json"));
    [[nodiscard]] QByteArray toJson() const;
    // A missing file is NotFound; anything else that is wrong is Io or InvalidInput.
    [[nodiscard]] static Result<RuleSet> load(const QString &path);
    // Atomic (QSaveFile). Validates first: an invalid set is never written.
    [[nodiscard]] VoidResult save(const QString &path) const;

    // Empty when every rule is valid and names are unique, else the first problem.
    [[nodiscard]] QString validate() const;
    [[nodiscard]] const KillRule *rule(const QString &name) const;

    bool operator==(const RuleSet &) const = default;
};

} // namespace TiDesk
