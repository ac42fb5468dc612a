// InventoryImporter: the front door for importing a file into the inventory. Guesses the
// format from the content (and the file name as a hint) and runs the matching importer.
// Pure functions, any thread; importFile reads the file, so not on the GUI thread.
#pragma once

#include "common/Result.h"
#include "inventory/Environment.h"
#include "inventory/ImportOptions.h"

#include <QByteArray>
#include <QString>

namespace TiDesk {

enum class InventoryFormat {
    Unknown, // as a parameter: guess
    TiDeskJson, // InventoryJson
    TiupTopology, // TiupTopologyImporter
    TiupMeta, // TiupMetaImporter
    TiupDisplayJson, // TiupDisplayImporter
};

class InventoryImporter final
{
public:
    // Unknown when nothing fits. Content decides; the name only breaks ties and picks the
    // parser for a file too broken to tell (so its error names the right line).
    [[nodiscard]] static InventoryFormat guessFormat(const QString &fileName,
                                                     const QByteArray &content);
    // Stable ids: tidesk-json, tiup-topology, tiup-meta, tiup-display.
    [[nodiscard]] static QString formatName(InventoryFormat format);
    [[nodiscard]] static InventoryFormat formatFromName(const QString &name, bool *ok = nullptr);

    // All or nothing. format Unknown = guessFormat().
    [[nodiscard]] static Result<EnvironmentList>
    importData(const QByteArray &content, const QString &sourcePath,
               const ImportOptions &options = {},
               InventoryFormat format = InventoryFormat::Unknown);
    [[nodiscard]] static Result<EnvironmentList>
    importFile(const QString &path, const ImportOptions &options = {},
               InventoryFormat format = InventoryFormat::Unknown);
};

} // namespace TiDesk
