#include "TiupMetaImporter.h"

#include "ImportInput.h"
#include "TiupSpecReader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace TiDesk {

Result<EnvironmentList> TiupMetaImporter::import(const QByteArray &content,
                                                 const QString &sourcePath,
                                                 const ImportOptions &options)
{
    const QString source = ImportInput::displayName(sourcePath);
    const Result<QString> text = ImportInput::decodeText(content, source);
    if (!text)
        return text.error();

    QString name = options.name.trimmed();
    if (name.isEmpty()) {
        const QFileInfo fi(sourcePath);
        if (fi.fileName().compare(u"meta.yaml"_s, Qt::CaseInsensitive) == 0) {
            // Only trust the directory when the path has one (not "meta.yaml" alone).
            if (sourcePath.contains(u'/'))
                name = fi.absoluteDir().dirName();
        } else {
            name = fi.completeBaseName();
        }
    }
    if (name.isEmpty() || name == u"input")
        return Error::make(
            ErrorKind::InvalidInput,
            tr("%1 does not name its cluster: give the environment a name.").arg(source));

    const TiupSpecReader reader(source);
    const Result<std::shared_ptr<YAML::Node>> parsed = reader.parse(text.value());
    if (!parsed)
        return parsed.error();
    try {
        const YAML::Node &root = *parsed.value();
        const YAML::Node topology = root["topology"];
        if (!topology.IsDefined() || topology.IsNull())
            return reader.fieldError(root, u"topology"_s,
                                     tr("required field is missing (is this a TiUP meta.yaml?)"));
        if (!topology.IsMap())
            return reader.fieldError(topology, u"topology"_s, tr("expected a mapping"));
        const Result<QString> version
            = reader.optionalString(root, "tidb_version", u"tidb_version"_s);
        if (!version)
            return version.error();
        Result<Environment> env
            = reader.readSpecification(topology, u"topology."_s, name, version->trimmed(), options);
        if (!env)
            return env.error();
        return EnvironmentList { std::move(env).value() };
    } catch (const YAML::Exception &e) {
        return Error::make(ErrorKind::InvalidInput,
                           tr("%1: %2").arg(source, QString::fromStdString(e.what())));
    }
}

} // namespace TiDesk
