// AppPaths: where TiDesk keeps its files. TIDESK_HOME overrides everything (tests, the demo,
// several profiles side by side); otherwise the XDG data and config directories are used.
// Pure functions over the environment; safe from any thread.
#pragma once

#include <QString>

namespace TiDesk::AppPaths {

// $TIDESK_HOME, else QStandardPaths::AppDataLocation (e.g. ~/.local/share/TiDesk). Created on
// demand.
QString dataDir();
QString defaultInventoryPath(); // dataDir()/inventory.sqlite
QString defaultVaultPath(); // dataDir()/secrets.vault
QString settingsPath(); // dataDir()/settings.ini
QString logDir(); // dataDir()/logs

} // namespace TiDesk::AppPaths
