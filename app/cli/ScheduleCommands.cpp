#include "ScheduleCommands.h"

#include "backup/ScheduleSet.h"
#include "backup/SystemdTimerExport.h"
#include "cli/CliContext.h"
#include "common/AppPaths.h"
#include "inventory/InventoryStore.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace TiDesk::Cli {

namespace {

void jsonOut(const QJsonObject &o)
{
    CliIo::outRaw(QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n');
}

QString localText(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s) : u"-"_s;
}

// "mon,thu@23:30" -> days and time; false when malformed.
bool parseWeekly(const QString &text, QList<int> *days, int *hour, int *minute)
{
    const qsizetype at = text.indexOf(u'@');
    if (at <= 0 || !BackupSchedule::parseTime(text.mid(at + 1), hour, minute))
        return false;
    for (const QString &name : text.left(at).split(u',')) {
        const int day = BackupSchedule::dayFromName(name);
        if (day == 0 || days->contains(day))
            return false;
        *days << day;
    }
    std::sort(days->begin(), days->end());
    return true;
}

} // namespace

QString ScheduleCommands::usage()
{
    return tr("Usage: tidesk-cli [global options] backup schedule list\n"
              "       tidesk-cli [global options] backup schedule add ID --env ENV --kind KIND\n"
              "           (--daily HH:MM | --weekly DAYS@HH:MM | --hourly MM)\n"
              "           [--keep N] [--target DIR] [--timezone TZ] [--disabled]\n"
              "       tidesk-cli [global options] backup schedule remove ID\n"
              "       tidesk-cli [global options] backup schedule export-timer DIR [--cli PATH]\n"
              "KIND: logical, physical, br or sql. DAYS: mon,tue,...,sun separated by commas.\n"
              "--keep N keeps the newest N succeeded backups of the environment and kind (0 = "
              "all).\n"
              "Times are the machine's local time unless --timezone names an IANA zone.\n"
              "The schedules are in backup-schedules.json in the data directory ($TIDESK_HOME).");
}

int ScheduleCommands::usageError(const QString &message)
{
    return m_ctx.fail(Error::make(ErrorKind::InvalidInput, message), ExitUsage);
}

int ScheduleCommands::run(const QStringList &args)
{
    if (args.isEmpty() || args.first() == u"--help" || args.first() == u"-h") {
        CliIo::out(usage());
        return args.isEmpty() ? ExitUsage : ExitOk;
    }
    const QString command = args.first();
    if (command == u"list")
        return list(args.mid(1));
    if (command == u"add")
        return add(args.mid(1));
    if (command == u"remove")
        return remove(args.mid(1));
    if (command == u"export-timer")
        return exportTimer(args.mid(1));
    return usageError(tr("unknown backup schedule command '%1' (try: list, add, remove, "
                         "export-timer)")
                          .arg(command));
}

int ScheduleCommands::list(const QStringList &args)
{
    if (!args.isEmpty())
        return usageError(tr("unexpected argument '%1'").arg(args.first()));
    const QString path = ScheduleSet::defaultPath();
    const Result<ScheduleSet> set = ScheduleSet::loadOrEmpty(path);
    if (!set)
        return m_ctx.fail(set.error(), ExitInvalidInput);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_ctx.json()) {
        QJsonArray list;
        for (const BackupSchedule &s : set->schedules) {
            QJsonObject o = s.toJson();
            o.insert(u"description"_s, s.description());
            const QDateTime next = s.enabled ? s.nextRunAfter(now) : QDateTime();
            o.insert(u"next_run"_s,
                     next.isValid() ? QJsonValue(next.toString(Qt::ISODateWithMs))
                                    : QJsonValue(QJsonValue::Null));
            list.append(o);
        }
        jsonOut(QJsonObject { { u"path"_s, path }, { u"schedules"_s, list } });
        return ExitOk;
    }
    if (set->schedules.isEmpty()) {
        //: %1 = path of backup-schedules.json
        CliIo::out(tr("No backup schedules (%1).").arg(path));
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const BackupSchedule &s : set->schedules)
        rows << QStringList { s.id,
                              s.envName,
                              BackupJob::kindName(s.kind),
                              s.description(),
                              s.keep > 0 ? QString::number(s.keep) : tr("all"),
                              s.enabled ? tr("yes") : tr("no"),
                              s.enabled ? localText(s.nextRunAfter(now)) : u"-"_s,
                              s.target.isEmpty() ? u"-"_s : s.target };
    CliIo::out(CliIo::table({ tr("ID"), tr("ENV"), tr("KIND"), tr("WHEN"), tr("KEEP"),
                              tr("ENABLED"), tr("NEXT (LOCAL)"), tr("TARGET") },
                            rows));
    return ExitOk;
}

int ScheduleCommands::add(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption envOpt(u"env"_s, tr("environment"), u"env"_s);
    const QCommandLineOption kindOpt(u"kind"_s, tr("logical, physical, br or sql"), u"kind"_s);
    const QCommandLineOption dailyOpt(u"daily"_s, tr("every day at HH:MM"), u"time"_s);
    const QCommandLineOption weeklyOpt(u"weekly"_s, tr("DAYS@HH:MM, e.g. mon,thu@23:30"),
                                       u"days@time"_s);
    const QCommandLineOption hourlyOpt(u"hourly"_s, tr("every hour at minute MM"), u"minute"_s);
    const QCommandLineOption keepOpt(u"keep"_s, tr("keep the newest N backups (0 = all)"), u"n"_s);
    const QCommandLineOption targetOpt(u"target"_s, tr("backup directory or URL override"),
                                       u"dir"_s);
    const QCommandLineOption zoneOpt(u"timezone"_s, tr("IANA time zone (default: local)"), u"tz"_s);
    const QCommandLineOption disabledOpt(u"disabled"_s, tr("add it switched off"));
    p.addOptions({ envOpt, kindOpt, dailyOpt, weeklyOpt, hourlyOpt, keepOpt, targetOpt, zoneOpt,
                   disabledOpt });
    if (!p.parse(QStringList { u"tidesk-cli backup schedule add"_s } + args))
        return usageError(p.errorText());
    if (p.positionalArguments().size() != 1)
        return usageError(tr("add needs exactly one schedule ID.\n%1").arg(usage()));

    BackupSchedule s;
    s.id = p.positionalArguments().first();
    if (!BackupSchedule::isValidId(s.id))
        return usageError(tr("the schedule ID must be a plain name (letters, digits, '.', '_', "
                             "'-'; at most 64), got '%1'")
                              .arg(s.id));
    if (!p.isSet(envOpt) || p.value(envOpt).trimmed().isEmpty())
        return usageError(tr("--env is required"));
    s.envName = p.value(envOpt).trimmed();
    const auto kind = BackupJob::kindFromName(p.value(kindOpt));
    if (!p.isSet(kindOpt) || !kind || !BackupSchedule::isSchedulableKind(*kind))
        return usageError(tr("--kind must be logical, physical, br or sql"));
    s.kind = *kind;

    const int frequencies
        = int(p.isSet(dailyOpt)) + int(p.isSet(weeklyOpt)) + int(p.isSet(hourlyOpt));
    if (frequencies != 1)
        return usageError(tr("give exactly one of --daily HH:MM, --weekly DAYS@HH:MM, "
                             "--hourly MM"));
    if (p.isSet(dailyOpt)) {
        s.frequency = BackupSchedule::Frequency::Daily;
        if (!BackupSchedule::parseTime(p.value(dailyOpt), &s.hour, &s.minute))
            return usageError(
                tr("--daily needs a time HH:MM (00:00 to 23:59), got '%1'").arg(p.value(dailyOpt)));
    } else if (p.isSet(weeklyOpt)) {
        s.frequency = BackupSchedule::Frequency::Weekly;
        if (!parseWeekly(p.value(weeklyOpt), &s.weekdays, &s.hour, &s.minute))
            return usageError(tr("--weekly needs DAYS@HH:MM such as mon,thu@23:30, got '%1'")
                                  .arg(p.value(weeklyOpt)));
    } else {
        s.frequency = BackupSchedule::Frequency::Hourly;
        bool ok = false;
        s.hour = 0;
        s.minute = p.value(hourlyOpt).toInt(&ok);
        if (!ok || s.minute < 0 || s.minute > 59)
            return usageError(
                tr("--hourly needs a minute from 0 to 59, got '%1'").arg(p.value(hourlyOpt)));
    }
    if (p.isSet(keepOpt)) {
        bool ok = false;
        s.keep = p.value(keepOpt).toInt(&ok);
        if (!ok || s.keep < 0)
            return usageError(tr("--keep needs a number >= 0 (0 keeps every backup)"));
    }
    s.target = p.value(targetOpt);
    s.timeZone = p.value(zoneOpt).trimmed();
    s.enabled = !p.isSet(disabledOpt);
    s.createdAt = QDateTime::currentDateTimeUtc();
    if (const QString problem = s.validate(); !problem.isEmpty())
        return m_ctx.fail(
            Error::make(ErrorKind::InvalidInput, tr("schedule \"%1\": %2").arg(s.id, problem)),
            ExitInvalidInput);

    if (!m_ctx.app().services().inventory) {
        if (const VoidResult opened = m_ctx.open(); !opened)
            return m_ctx.fail(opened.error(), ExitInvalidInput);
    }
    const Result<Environment> env = m_ctx.app().services().inventory->findByName(s.envName);
    if (!env)
        return m_ctx.fail(env.error(), ExitInvalidInput);
    s.envName = env->name; // the inventory's spelling: jobs are matched by it

    const QString path = ScheduleSet::defaultPath();
    Result<ScheduleSet> set = ScheduleSet::loadOrEmpty(path);
    if (!set)
        return m_ctx.fail(set.error(), ExitInvalidInput);
    if (const VoidResult added = set->add(s); !added)
        return m_ctx.fail(added.error(), ExitInvalidInput);
    if (const VoidResult saved = set->save(path); !saved)
        return m_ctx.fail(saved.error(), ExitFailure);

    const QDateTime next = s.enabled ? s.nextRunAfter(s.createdAt) : QDateTime();
    if (m_ctx.json()) {
        QJsonObject o = s.toJson();
        o.insert(u"description"_s, s.description());
        o.insert(u"next_run"_s,
                 next.isValid() ? QJsonValue(next.toString(Qt::ISODateWithMs))
                                : QJsonValue(QJsonValue::Null));
        jsonOut(QJsonObject { { u"path"_s, path }, { u"schedule"_s, o } });
        return ExitOk;
    }
    if (s.enabled)
        //: %1 = schedule id, %2 = env, %3 = description ("Daily at 02:00"), %4 = local time
        CliIo::out(tr("Added schedule %1 (%2): %3; first run %4 (local time).")
                       .arg(s.id, s.envName, s.description(), localText(next)));
    else
        CliIo::out(
            tr("Added schedule %1 (%2): %3; disabled.").arg(s.id, s.envName, s.description()));
    return ExitOk;
}

int ScheduleCommands::remove(const QStringList &args)
{
    if (args.size() != 1 || args.first().startsWith(u'-'))
        return usageError(tr("remove needs exactly one schedule ID.\n%1").arg(usage()));
    const QString path = ScheduleSet::defaultPath();
    Result<ScheduleSet> set = ScheduleSet::loadOrEmpty(path);
    if (!set)
        return m_ctx.fail(set.error(), ExitInvalidInput);
    if (const VoidResult removed = set->remove(args.first()); !removed)
        return m_ctx.fail(removed.error(), ExitInvalidInput);
    if (const VoidResult saved = set->save(path); !saved)
        return m_ctx.fail(saved.error(), ExitFailure);
    if (m_ctx.json())
        jsonOut(QJsonObject { { u"path"_s, path }, { u"removed"_s, args.first() } });
    else
        CliIo::out(tr("Removed schedule %1.").arg(args.first()));
    return ExitOk;
}

int ScheduleCommands::exportTimer(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption cliOpt(u"cli"_s, tr("absolute path of tidesk-cli (default: this one)"),
                                    u"path"_s);
    p.addOption(cliOpt);
    if (!p.parse(QStringList { u"tidesk-cli backup schedule export-timer"_s } + args))
        return usageError(p.errorText());
    if (p.positionalArguments().size() != 1)
        return usageError(tr("export-timer needs exactly one DIR.\n%1").arg(usage()));
    const QString path = ScheduleSet::defaultPath();
    const Result<ScheduleSet> set = ScheduleSet::loadOrEmpty(path);
    if (!set)
        return m_ctx.fail(set.error(), ExitInvalidInput);
    SystemdTimerExport::Options options;
    options.cliPath = p.isSet(cliOpt) ? p.value(cliOpt) : QCoreApplication::applicationFilePath();
    // Always explicit: a system unit runs as another user with another home.
    options.tideskHome = AppPaths::dataDir();
    const Result<QStringList> written = SystemdTimerExport::write(
        p.positionalArguments().first(), *set, options, QDateTime::currentDateTimeUtc());
    if (!written)
        return m_ctx.fail(written.error(),
                          written.error().kind == ErrorKind::Io ? ExitFailure : ExitInvalidInput);
    qsizetype enabled = 0;
    for (const BackupSchedule &s : set->schedules)
        enabled += s.enabled ? 1 : 0;
    if (m_ctx.json()) {
        jsonOut(QJsonObject { { u"files"_s, QJsonArray::fromStringList(*written) },
                              { u"schedules"_s, enabled } });
        return ExitOk;
    }
    //: %1 = the two unit files, %n = enabled schedules
    CliIo::out(tr("Wrote %1 (%n enabled schedule(s)).", nullptr, int(enabled))
                   .arg(written->join(tr(" and "))));
    //: %1 = the two unit files separated by spaces
    CliIo::out(tr("To run them on this host without TiDesk open:\n"
                  "  sudo cp %1 /etc/systemd/system/\n"
                  "  sudo systemctl daemon-reload\n"
                  "  sudo systemctl enable --now tidesk-backup.timer\n"
                  "(or copy them to ~/.config/systemd/user/ and use systemctl --user).")
                   .arg(written->join(u' ')));
    return ExitOk;
}

} // namespace TiDesk::Cli
