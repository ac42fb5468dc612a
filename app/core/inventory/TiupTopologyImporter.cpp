#include "TiupTopologyImporter.h"

#include "ImportInput.h"
#include "TiupSpecReader.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace TiDesk {

Result<EnvironmentList> TiupTopologyImporter::import(const QByteArray &content,
                                                     const QString &sourcePath,
                                                     const ImportOptions &options)
{
    const QString source = ImportInput::displayName(sourcePath);
    const Result<QString> text = ImportInput::decodeText(content, source);
    if (!text)
        return text.error();

    QString name = options.name.trimmed();
    if (name.isEmpty()) {
        const QString base = QFileInfo(sourcePath).completeBaseName();
        if (!base.isEmpty() && base.compare(u"topology"_s, Qt::CaseInsensitive) != 0
            && base != u"input")
            name = base;
    }
    if (name.isEmpty()) {
        return Error::make(ErrorKind::InvalidInput,
                           QCoreApplication::translate(
                               "TiDesk::TiupTopologyImporter",
                               "%1 does not name its cluster: give the environment a name.")
                               .arg(source));
    }

    const TiupSpecReader reader(source);
    const Result<std::shared_ptr<YAML::Node>> spec = reader.parse(text.value());
    if (!spec)
        return spec.error();
    Result<Environment> env = reader.readSpecification(*spec.value(), {}, name, {}, options);
    if (!env)
        return env.error();
    return EnvironmentList { std::move(env).value() };
}

} // namespace TiDesk
