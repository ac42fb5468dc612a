// SqlKeywords: the words TiDB's lexer turns from an identifier into a keyword token, so the
// digester writes them bare instead of back-quoted (TiDB tokenMap, plus btFuncTokenMap when the
// word is directly followed by "("), and the charset names accepted in "_charset" introducers.
// Immutable static tables; any thread.
#pragma once

#include <QStringView>

namespace TiDesk::SqlKeywords {

// `lowerWord` must already be lowercase ASCII. True if TiDB's tokenMap has it.
[[nodiscard]] bool isKeyword(QStringView lowerWord);
// True if it is a builtin-function token (count, sum, ...) that only applies before "(".
[[nodiscard]] bool isBuiltinFunction(QStringView lowerWord);
// True for a known charset name (utf8mb4, latin1, binary, ...) used in "_utf8mb4'x'".
[[nodiscard]] bool isCharset(QStringView lowerName);

} // namespace TiDesk::SqlKeywords
