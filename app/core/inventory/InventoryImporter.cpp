#include "InventoryImporter.h"

#include "ImportInput.h"
#include "InventoryJson.h"
#include "TiupDisplayImporter.h"
#include "TiupMetaImporter.h"
#include "TiupTopologyImporter.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace TiDesk {

InventoryFormat InventoryImporter::guessFormat(const QString &fileName, const QByteArray &content)
{
    const QFileInfo fi(fileName);
    const QString suffix = fi.suffix().toLower();
    const QByteArray trimmed = content.trimmed();
    const bool looksJson = trimmed.startsWith('{') || trimmed.startsWith("\xEF\xBB\xBF{");

    if (looksJson || suffix == u"json") {
        const QJsonObject o
            = QJsonDocument::fromJson(trimmed.startsWith('{') ? trimmed : trimmed.mid(3)).object();
        if (o.contains(u"cluster_meta"_s) || o.contains(u"instances"_s))
            return InventoryFormat::TiupDisplayJson;
        if (o.contains(u"format"_s) || o.contains(u"environments"_s))
            return InventoryFormat::TiDeskJson;
        // Unparseable JSON: let the TiDesk parser report the line.
        if (o.isEmpty())
            return InventoryFormat::TiDeskJson;
        return InventoryFormat::Unknown;
    }

    // YAML: look at the top-level keys (lines starting in column 0) rather than parsing twice.
    static const QRegularExpression topKey(u"^([A-Za-z_][A-Za-z0-9_]*)\\s*:"_s,
                                           QRegularExpression::MultilineOption);
    QStringList keys;
    for (auto it = topKey.globalMatch(QString::fromUtf8(content.left(1024 * 1024))); it.hasNext();)
        keys << it.next().captured(1);
    if (keys.contains(u"topology"_s)
        || fi.fileName().compare(u"meta.yaml"_s, Qt::CaseInsensitive) == 0)
        return InventoryFormat::TiupMeta;
    for (const QString &k : keys) {
        if (k.endsWith(u"_servers"_s) || k == u"global"_s || k == u"server_configs"_s)
            return InventoryFormat::TiupTopology;
    }
    if (suffix == u"yaml" || suffix == u"yml")
        return InventoryFormat::TiupTopology;
    return InventoryFormat::Unknown;
}

QString InventoryImporter::formatName(InventoryFormat format)
{
    switch (format) {
    case InventoryFormat::Unknown: return u"unknown"_s;
    case InventoryFormat::TiDeskJson: return u"tidesk-json"_s;
    case InventoryFormat::TiupTopology: return u"tiup-topology"_s;
    case InventoryFormat::TiupMeta: return u"tiup-meta"_s;
    case InventoryFormat::TiupDisplayJson: return u"tiup-display"_s;
    }
    return u"unknown"_s;
}

InventoryFormat InventoryImporter::formatFromName(const QString &name, bool *ok)
{
    for (InventoryFormat f : { InventoryFormat::TiDeskJson, InventoryFormat::TiupTopology,
                               InventoryFormat::TiupMeta, InventoryFormat::TiupDisplayJson }) {
        if (formatName(f) == name.trimmed().toLower()) {
            if (ok)
                *ok = true;
            return f;
        }
    }
    if (ok)
        *ok = name.trimmed().isEmpty() || name.trimmed().toLower() == u"auto";
    return InventoryFormat::Unknown;
}

Result<EnvironmentList> InventoryImporter::importData(const QByteArray &content,
                                                      const QString &sourcePath,
                                                      const ImportOptions &options,
                                                      InventoryFormat format)
{
    const QString source = ImportInput::displayName(sourcePath);
    // Run the generic checks first so a binary or empty file gets that message, not "unknown".
    if (const Result<QString> text = ImportInput::decodeText(content, source); !text)
        return text.error();
    if (format == InventoryFormat::Unknown)
        format = guessFormat(sourcePath, content);
    switch (format) {
    case InventoryFormat::TiDeskJson: return InventoryJson::fromJson(content, sourcePath);
    case InventoryFormat::TiupTopology:
        return TiupTopologyImporter::import(content, sourcePath, options);
    case InventoryFormat::TiupMeta: return TiupMetaImporter::import(content, sourcePath, options);
    case InventoryFormat::TiupDisplayJson:
        return TiupDisplayImporter::import(content, sourcePath, options);
    case InventoryFormat::Unknown: break;
    }
    return Error::make(ErrorKind::InvalidInput,
                       QCoreApplication::translate(
                           "TiDesk::InventoryImporter",
                           "Cannot tell what kind of file %1 is: expected a TiDesk JSON "
                           "inventory, a TiUP topology.yaml or meta.yaml, or the output of "
                           "`tiup cluster display --format json`.")
                           .arg(source));
}

Result<EnvironmentList> InventoryImporter::importFile(const QString &path,
                                                      const ImportOptions &options,
                                                      InventoryFormat format)
{
    const Result<QByteArray> data = ImportInput::readFile(path);
    if (!data)
        return data.error();
    return importData(data.value(), path, options, format);
}

} // namespace TiDesk
