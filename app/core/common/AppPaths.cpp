#include "AppPaths.h"

#include <QDir>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace TiDesk::AppPaths {

QString dataDir()
{
    QString dir = qEnvironmentVariable("TIDESK_HOME");
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + u"/.local/share/TiDesk"_s;
    QDir().mkpath(dir);
    return dir;
}

QString defaultInventoryPath()
{
    return dataDir() + u"/inventory.sqlite"_s;
}
QString defaultVaultPath()
{
    return dataDir() + u"/secrets.vault"_s;
}
QString settingsPath()
{
    return dataDir() + u"/settings.ini"_s;
}

QString logDir()
{
    const QString dir = dataDir() + u"/logs"_s;
    QDir().mkpath(dir);
    return dir;
}

} // namespace TiDesk::AppPaths
