// ./run bench startup: cold start of tidesk to its window shown, with 200 environments in the
// inventory, next to a minimal Qt Widgets program on the same machine. Both are measured the
// same way: from QProcess::start() to the "shown" line the program prints at its first paint.
// Prints figures only; never asserts a time.
#include "inventory/InventoryStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>

using namespace TiDesk;
using namespace Qt::StringLiterals;

namespace {

constexpr int kEnvironments = 200;
constexpr int kRuns = 7;

bool populate(const QString &path)
{
    auto store = InventoryStore::open(path);
    if (!store) {
        std::fprintf(stderr, "cannot create inventory: %s\n", qPrintable(store.error().toString()));
        return false;
    }
    const Tier tiers[] = { Tier::Dev, Tier::Test, Tier::Uat, Tier::Prod };
    EnvironmentList envs;
    for (int i = 0; i < kEnvironments; ++i) {
        Environment env;
        env.id = QUuid::createUuid();
        env.tier = tiers[i % 4];
        env.name = u"%1-%2"_s.arg(Environment::tierName(env.tier)).arg(i, 3, 10, QLatin1Char('0'));
        env.endpoints = { SqlEndpoint { u"10.0.%1.%2"_s.arg(i / 250).arg(i % 250 + 1), 4000, {} } };
        env.user = u"dba"_s;
        env.tags = { u"bench"_s, u"region-%1"_s.arg(i % 5) };
        envs.append(env);
    }
    const auto saved = (*store)->saveAll(envs);
    if (!saved) {
        std::fprintf(stderr, "cannot save inventory: %s\n", qPrintable(saved.error().toString()));
        return false;
    }
    return true;
}

// Milliseconds from start() to the line "shown" on stdout; -1 on failure.
qint64 measure(const QString &program, const QStringList &args, const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::SeparateChannels);
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    qint64 ms = -1;
    QByteArray out;
    while (t.elapsed() < 30000 && p.state() != QProcess::NotRunning) {
        p.waitForReadyRead(50);
        out += p.readAllStandardOutput();
        if (out.contains("shown")) {
            ms = t.elapsed();
            break;
        }
    }
    p.kill();
    p.waitForFinished(5000);
    if (ms < 0)
        std::fprintf(stderr, "%s did not report 'shown': %s\n", qPrintable(program),
                     p.readAllStandardError().constData());
    return ms;
}

qint64 median(QList<qint64> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? -1 : v.at(v.size() / 2);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir home;
    const QString inventory = home.path() + u"/inventory.sqlite"_s;
    if (!populate(inventory))
        return 1;

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"TIDESK_HOME"_s, home.path());
    if (!env.contains(u"QT_QPA_PLATFORM"_s) && !env.contains(u"DISPLAY"_s))
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);

    QList<qint64> tidesk, minimal;
    for (int i = 0; i < kRuns; ++i) {
        tidesk.append(measure(
            QStringLiteral(TIDESK_GUI_BINARY),
            { u"--inventory"_s, inventory, u"--secrets"_s, u"vault"_s, u"--report-shown"_s }, env));
        minimal.append(measure(QStringLiteral(TIDESK_MINIMAL_BINARY), {}, env));
    }
    if (tidesk.contains(-1) || minimal.contains(-1))
        return 1;
    const qint64 t = median(tidesk), m = median(minimal);
    std::printf("environments: %d, runs: %d, platform: %s\n", kEnvironments, kRuns,
                qPrintable(env.value(u"QT_QPA_PLATFORM"_s, u"xcb"_s)));
    std::printf("startup_ms: %lld\n", static_cast<long long>(t));
    std::printf("minimal_qt_widgets_startup_ms: %lld\n", static_cast<long long>(m));
    std::printf("ratio: %.2f\n", m > 0 ? double(t) / double(m) : 0.0);
    return 0;
}
