// ImportInput: the checks every importer runs on its raw input before parsing it: not empty,
// not huge, not binary, valid UTF-8. Pure functions, any thread (readFile does file I/O, so
// not on the GUI thread).
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace TiDesk {

class ImportInput final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::ImportInput)
public:
    // Inventory files are a few KB; anything this big is the wrong file (or an attack).
    static constexpr qint64 kMaxBytes = 16 * 1024 * 1024;

    // Reads a file, refusing directories, unreadable and over-sized files before reading them.
    [[nodiscard]] static Result<QByteArray> readFile(const QString &path);
    // Checks and decodes content (a leading UTF-8 BOM is dropped). sourceName names the file
    // in messages ("topology.yaml").
    [[nodiscard]] static Result<QString> decodeText(const QByteArray &content,
                                                    const QString &sourceName);
    // "topology.yaml" from "/home/x/topology.yaml"; "input" when empty.
    [[nodiscard]] static QString displayName(const QString &sourcePath);
    // 1-based line and column of a byte offset into content (for parsers that report offsets).
    static void lineAndColumn(const QByteArray &content, qsizetype offset, int *line, int *column);
};

} // namespace TiDesk
