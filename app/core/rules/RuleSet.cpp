#include "RuleSet.h"

#include "common/AppPaths.h"
#include "inventory/JsonReader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

// Reads one object strictly; the first problem wins and is reported with its context
// ("rule \"x\" (rules[2])") and field path ("match.busy_time_s").
class Parser
{
public:
    explicit Parser(QString source)
        : m_source(std::move(source))
    { }

    bool failed() const { return m_error.isError(); }
    Error error() const { return m_error; }
    void setContext(const QString &context) { m_context = context; }

    bool fail(const QString &field, const QString &problem)
    {
        if (m_error.isError())
            return false;
        QString where = m_source + u": "_s;
        if (!m_context.isEmpty())
            where += m_context + u": "_s;
        m_error = Error::make(ErrorKind::InvalidInput, where + field + u": "_s + problem);
        return false;
    }

    bool onlyKeys(const QJsonObject &o, const QString &path, const QStringList &allowed)
    {
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!allowed.contains(it.key()))
                //: %1 = the unknown key, %2 = the keys allowed there
                return fail(join(path, it.key()),
                            RuleSet::tr("unknown key (allowed: %1)").arg(allowed.join(u", "_s)));
        return true;
    }

    bool string(const QJsonValue &v, const QString &field, QString *out)
    {
        if (v.isUndefined() || v.isNull())
            return true;
        if (!v.isString())
            return fail(field,
                        RuleSet::tr("expected a string, got %1").arg(JsonReader::describe(v)));
        *out = v.toString();
        return true;
    }

    // A string or an array of non-empty strings.
    bool stringOrList(const QJsonValue &v, const QString &field, QStringList *out)
    {
        if (v.isUndefined() || v.isNull())
            return true;
        if (v.isString()) {
            if (v.toString().isEmpty())
                return fail(field, RuleSet::tr("must not be empty"));
            *out = QStringList { v.toString() };
            return true;
        }
        if (!v.isArray())
            return fail(field,
                        RuleSet::tr("expected a string or an array of strings, got %1")
                            .arg(JsonReader::describe(v)));
        QStringList list;
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (!a.at(i).isString() || a.at(i).toString().isEmpty())
                return fail(JsonReader::index(field, i),
                            RuleSet::tr("expected a non-empty string, got %1")
                                .arg(JsonReader::describe(a.at(i))));
            list << a.at(i).toString();
        }
        *out = list;
        return true;
    }

    bool boolean(const QJsonValue &v, const QString &field, bool *out)
    {
        if (v.isUndefined() || v.isNull())
            return true;
        if (!v.isBool())
            return fail(field,
                        RuleSet::tr("expected true or false, got %1").arg(JsonReader::describe(v)));
        *out = v.toBool();
        return true;
    }

    bool nonNegativeNumber(const QJsonValue &v, const QString &field, std::optional<double> *out)
    {
        if (v.isUndefined() || v.isNull())
            return true;
        if (!v.isDouble() || !std::isfinite(v.toDouble()) || v.toDouble() < 0)
            return fail(field,
                        RuleSet::tr("expected a number >= 0, got %1").arg(JsonReader::describe(v)));
        *out = v.toDouble();
        return true;
    }

    bool integer(const QJsonValue &v, const QString &field, qint64 min, std::optional<qint64> *out)
    {
        if (v.isUndefined() || v.isNull())
            return true;
        const double d = v.toDouble();
        // 2^53: beyond it a JSON number is no longer an exact integer.
        if (!v.isDouble() || std::floor(d) != d || d < double(min) || d > 9007199254740992.0)
            //: %1 = smallest allowed value, %2 = what the file says
            return fail(field,
                        RuleSet::tr("expected an integer >= %1, got %2")
                            .arg(min)
                            .arg(JsonReader::describe(v)));
        *out = qint64(d);
        return true;
    }

    static QString join(const QString &path, const QString &key)
    {
        return path.isEmpty() ? key : path + u'.' + key;
    }

private:
    QString m_source;
    QString m_context;
    Error m_error;
};

bool parseRule(Parser &p, const QJsonObject &o, KillRule *rule)
{
    static const QStringList keys {
        u"name"_s,   u"enabled"_s, u"scope"_s,     u"match"_s,   u"exclude_users"_s,
        u"action"_s, u"mode"_s,    u"env_modes"_s, u"victims"_s, u"max_kills_per_minute"_s,
        u"comment"_s
    };
    if (!p.onlyKeys(o, {}, keys))
        return false;
    if (!p.boolean(o.value(u"enabled"_s), u"enabled"_s, &rule->enabled))
        return false;

    const QJsonValue scopeValue = o.value(u"scope"_s);
    if (!scopeValue.isObject())
        return p.fail(u"scope"_s, RuleSet::tr("required object is missing (environments, tiers)"));
    const QJsonObject scope = scopeValue.toObject();
    if (!p.onlyKeys(scope, u"scope"_s, { u"environments"_s, u"tiers"_s })
        || !p.stringOrList(scope.value(u"environments"_s), u"scope.environments"_s,
                           &rule->scope.environments))
        return false;
    QStringList tierNames;
    if (!p.stringOrList(scope.value(u"tiers"_s), u"scope.tiers"_s, &tierNames))
        return false;
    for (qsizetype i = 0; i < tierNames.size(); ++i) {
        bool ok = false;
        const Tier t = Environment::tierFromName(tierNames.at(i), &ok);
        if (!ok)
            return p.fail(JsonReader::index(u"scope.tiers"_s, i),
                          RuleSet::tr("expected dev, test, uat, prod or custom, got \"%1\"")
                              .arg(tierNames.at(i)));
        rule->scope.tiers << t;
    }

    const QJsonValue matchValue = o.value(u"match"_s);
    if (!matchValue.isObject())
        return p.fail(u"match"_s, RuleSet::tr("required object is missing"));
    const QJsonObject m = matchValue.toObject();
    if (!p.onlyKeys(m, u"match"_s,
                    { u"busy_time_s"_s, u"user"_s, u"host"_s, u"db"_s, u"command"_s, u"digest"_s,
                      u"sql_regex"_s, u"mem_bytes"_s }))
        return false;
    std::optional<double> busy;
    std::optional<qint64> mem;
    if (!p.nonNegativeNumber(m.value(u"busy_time_s"_s), u"match.busy_time_s"_s, &busy)
        || !p.stringOrList(m.value(u"user"_s), u"match.user"_s, &rule->match.users)
        || !p.stringOrList(m.value(u"host"_s), u"match.host"_s, &rule->match.hosts)
        || !p.stringOrList(m.value(u"db"_s), u"match.db"_s, &rule->match.dbs)
        || !p.stringOrList(m.value(u"command"_s), u"match.command"_s, &rule->match.commands)
        || !p.stringOrList(m.value(u"digest"_s), u"match.digest"_s, &rule->match.digests)
        || !p.string(m.value(u"sql_regex"_s), u"match.sql_regex"_s, &rule->match.sqlRegex)
        || !p.integer(m.value(u"mem_bytes"_s), u"match.mem_bytes"_s, 0, &mem))
        return false;
    if (busy)
        rule->match.busyTimeMs = qint64(std::llround(*busy * 1000.0));
    rule->match.memBytesAtLeast = mem;

    if (!p.stringOrList(o.value(u"exclude_users"_s), u"exclude_users"_s, &rule->excludeUsers))
        return false;

    QString text;
    if (o.contains(u"action"_s)) {
        if (!p.string(o.value(u"action"_s), u"action"_s, &text))
            return false;
        const auto a = KillRule::actionFromName(text);
        if (!a)
            return p.fail(u"action"_s,
                          RuleSet::tr("expected notify, kill-query or kill-connection, got \"%1\"")
                              .arg(text));
        rule->action = *a;
    }
    if (o.contains(u"mode"_s)) {
        if (!p.string(o.value(u"mode"_s), u"mode"_s, &text))
            return false;
        const auto md = KillRule::modeFromName(text);
        if (!md)
            return p.fail(u"mode"_s,
                          RuleSet::tr("expected dry-run or enforce, got \"%1\"").arg(text));
        rule->mode = *md;
    }
    if (const QJsonValue envModes = o.value(u"env_modes"_s);
        !envModes.isUndefined() && !envModes.isNull()) {
        if (!envModes.isObject())
            return p.fail(u"env_modes"_s,
                          RuleSet::tr("expected an object {\"environment\": \"dry-run\" | "
                                      "\"enforce\"}, got %1")
                              .arg(JsonReader::describe(envModes)));
        const QJsonObject em = envModes.toObject();
        for (auto it = em.begin(); it != em.end(); ++it) {
            const QString field = u"env_modes."_s + it.key();
            const auto md = it.value().isString() ? KillRule::modeFromName(it.value().toString())
                                                  : std::nullopt;
            if (!md)
                return p.fail(field,
                              RuleSet::tr("expected dry-run or enforce, got %1")
                                  .arg(JsonReader::describe(it.value())));
            rule->envModes.insert(it.key(), *md);
        }
    }
    if (o.contains(u"victims"_s)) {
        if (!p.string(o.value(u"victims"_s), u"victims"_s, &text))
            return false;
        const auto v = KillRule::victimsFromName(text);
        if (!v)
            return p.fail(u"victims"_s,
                          RuleSet::tr("expected all or oldest, got \"%1\"").arg(text));
        rule->victims = *v;
    }
    std::optional<qint64> perMinute;
    if (!p.integer(o.value(u"max_kills_per_minute"_s), u"max_kills_per_minute"_s, 1, &perMinute))
        return false;
    if (perMinute)
        rule->maxKillsPerMinute = int(qMin<qint64>(*perMinute, 1000000));

    rule->compile();
    if (const QString problem = rule->validate(); !problem.isEmpty()) {
        const qsizetype colon = problem.indexOf(u": "_s);
        return p.fail(problem.left(colon), problem.mid(colon + 2));
    }
    return true;
}

QJsonValue listValue(const QStringList &list)
{
    if (list.size() == 1)
        return list.first();
    return QJsonArray::fromStringList(list);
}

QJsonObject ruleToJson(const KillRule &r)
{
    QJsonObject scope;
    if (!r.scope.environments.isEmpty())
        scope.insert(u"environments"_s, QJsonArray::fromStringList(r.scope.environments));
    if (!r.scope.tiers.isEmpty()) {
        QStringList tiers;
        for (Tier t : r.scope.tiers)
            tiers << Environment::tierName(t);
        scope.insert(u"tiers"_s, QJsonArray::fromStringList(tiers));
    }
    QJsonObject m;
    if (r.match.busyTimeMs)
        m.insert(u"busy_time_s"_s, double(*r.match.busyTimeMs) / 1000.0);
    if (!r.match.users.isEmpty())
        m.insert(u"user"_s, listValue(r.match.users));
    if (!r.match.hosts.isEmpty())
        m.insert(u"host"_s, listValue(r.match.hosts));
    if (!r.match.dbs.isEmpty())
        m.insert(u"db"_s, listValue(r.match.dbs));
    if (!r.match.commands.isEmpty())
        m.insert(u"command"_s, listValue(r.match.commands));
    if (!r.match.digests.isEmpty())
        m.insert(u"digest"_s, listValue(r.match.digests));
    if (!r.match.sqlRegex.isEmpty())
        m.insert(u"sql_regex"_s, r.match.sqlRegex);
    if (r.match.memBytesAtLeast)
        m.insert(u"mem_bytes"_s, double(*r.match.memBytesAtLeast));
    QJsonObject o { { u"name"_s, r.name },
                    { u"enabled"_s, r.enabled },
                    { u"scope"_s, scope },
                    { u"match"_s, m },
                    { u"action"_s, KillRule::actionName(r.action) },
                    { u"mode"_s, KillRule::modeName(r.mode) },
                    { u"victims"_s, KillRule::victimsName(r.victims) },
                    { u"max_kills_per_minute"_s, r.maxKillsPerMinute } };
    if (!r.excludeUsers.isEmpty())
        o.insert(u"exclude_users"_s, QJsonArray::fromStringList(r.excludeUsers));
    if (!r.envModes.isEmpty()) {
        QJsonObject em;
        for (auto it = r.envModes.cbegin(); it != r.envModes.cend(); ++it)
            em.insert(it.key(), KillRule::modeName(it.value()));
        o.insert(u"env_modes"_s, em);
    }
    return o;
}

} // namespace

QString RuleSet::defaultPath()
{
    return AppPaths::dataDir() + u"/rules.json"_s;
}

Result<RuleSet> RuleSet::fromJson(const QByteArray &json, const QString &sourceName)
{
    QJsonParseError perr {};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &perr);
    if (perr.error != QJsonParseError::NoError) {
        // Line and column of the offset, for a person editing the file.
        const QByteArray head = json.left(perr.offset);
        const qsizetype line = head.count('\n') + 1;
        const qsizetype column = perr.offset - (head.lastIndexOf('\n') + 1) + 1;
        //: %1 = file, %2 = line, %3 = column, %4 = the JSON parser's message
        return Error::make(ErrorKind::InvalidInput,
                           tr("%1: line %2, column %3: %4")
                               .arg(sourceName)
                               .arg(line)
                               .arg(column)
                               .arg(perr.errorString()));
    }
    if (!doc.isObject())
        return Error::make(ErrorKind::InvalidInput,
                           tr("%1: the top level must be an object").arg(sourceName));
    const QJsonObject top = doc.object();
    Parser p(sourceName);
    if (!p.onlyKeys(top, {}, { u"version"_s, u"exclude"_s, u"rules"_s, u"comment"_s }))
        return p.error();
    const QJsonValue version = top.value(u"version"_s);
    if (!version.isDouble())
        return Error::make(ErrorKind::InvalidInput,
                           tr("%1: version: required (this TiDesk writes %2)")
                               .arg(sourceName)
                               .arg(kFormatVersion));
    if (version.toDouble() != double(kFormatVersion))
        //: %1 = file, %2 = version in the file, %3 = the version this TiDesk reads
        return Error::make(ErrorKind::InvalidInput,
                           tr("%1: version: %2 is not supported (this TiDesk reads version %3; "
                              "a newer TiDesk wrote this file?)")
                               .arg(sourceName)
                               .arg(version.toDouble())
                               .arg(kFormatVersion));
    RuleSet set;
    if (const QJsonValue ex = top.value(u"exclude"_s); !ex.isUndefined() && !ex.isNull()) {
        if (!ex.isObject()) {
            p.fail(u"exclude"_s, tr("expected an object, got %1").arg(JsonReader::describe(ex)));
            return p.error();
        }
        const QJsonObject e = ex.toObject();
        if (!p.onlyKeys(e, u"exclude"_s, { u"users"_s, u"replication_users"_s })
            || !p.stringOrList(e.value(u"users"_s), u"exclude.users"_s, &set.excludeUsers)
            || !p.stringOrList(e.value(u"replication_users"_s), u"exclude.replication_users"_s,
                               &set.replicationUsers))
            return p.error();
    }
    const QJsonValue rulesValue = top.value(u"rules"_s);
    if (!rulesValue.isArray()) {
        p.fail(u"rules"_s, tr("required array is missing"));
        return p.error();
    }
    const QJsonArray rules = rulesValue.toArray();
    QSet<QString> names;
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const QString at = JsonReader::index(u"rules"_s, i);
        if (!rules.at(i).isObject()) {
            p.fail(at, tr("expected an object, got %1").arg(JsonReader::describe(rules.at(i))));
            return p.error();
        }
        const QJsonObject o = rules.at(i).toObject();
        KillRule rule;
        if (!p.string(o.value(u"name"_s), at + u".name"_s, &rule.name))
            return p.error();
        if (rule.name.trimmed().isEmpty()) {
            p.fail(at + u".name"_s, tr("required, and must not be empty"));
            return p.error();
        }
        //: error context: %1 = rule name, %2 = its position, e.g. rules[2]
        p.setContext(tr("rule \"%1\" (%2)").arg(rule.name, at));
        if (names.contains(rule.name)) {
            p.fail(u"name"_s, tr("another rule has the same name"));
            return p.error();
        }
        names.insert(rule.name);
        if (!parseRule(p, o, &rule))
            return p.error();
        set.rules << rule;
        p.setContext({});
    }
    return set;
}

QByteArray RuleSet::toJson() const
{
    QJsonArray rulesArray;
    for (const KillRule &r : rules)
        rulesArray.append(ruleToJson(r));
    QJsonObject top { { u"version"_s, kFormatVersion }, { u"rules"_s, rulesArray } };
    if (!excludeUsers.isEmpty() || !replicationUsers.isEmpty())
        top.insert(u"exclude"_s,
                   QJsonObject {
                       { u"users"_s, QJsonArray::fromStringList(excludeUsers) },
                       { u"replication_users"_s, QJsonArray::fromStringList(replicationUsers) } });
    return QJsonDocument(top).toJson(QJsonDocument::Indented);
}

Result<RuleSet> RuleSet::load(const QString &path)
{
    QFile f(path);
    if (!f.exists())
        return Error::make(ErrorKind::NotFound, tr("The rules file %1 does not exist.").arg(path));
    if (!f.open(QIODevice::ReadOnly))
        return Error::make(ErrorKind::Io, tr("Cannot read the rules file %1.").arg(path),
                           f.errorString());
    return fromJson(f.readAll(), QFileInfo(path).fileName());
}

VoidResult RuleSet::save(const QString &path) const
{
    if (const QString problem = validate(); !problem.isEmpty())
        return Error::make(ErrorKind::InvalidInput, problem);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Error::make(ErrorKind::Io, tr("Cannot write the rules file %1.").arg(path),
                           f.errorString());
    const QByteArray data = toJson();
    if (f.write(data) != data.size() || !f.commit())
        return Error::make(ErrorKind::Io, tr("Cannot write the rules file %1.").arg(path),
                           f.errorString());
    return {};
}

QString RuleSet::validate() const
{
    QSet<QString> names;
    for (const KillRule &r : rules) {
        if (const QString problem = r.validate(); !problem.isEmpty())
            //: %1 = rule name, %2 = "field: problem"
            return tr("rule \"%1\": %2").arg(r.name, problem);
        if (names.contains(r.name))
            return tr("rule \"%1\": name: another rule has the same name").arg(r.name);
        names.insert(r.name);
    }
    return {};
}

const KillRule *RuleSet::rule(const QString &name) const
{
    for (const KillRule &r : rules)
        if (r.name == name)
            return &r;
    return nullptr;
}

} // namespace TiDesk
