// SqlDigest: TiDB-compatible SQL normalization ("DIGEST_TEXT") and digest (SHA-256 hex of the
// normalized text), following pingcap/tidb pkg/parser/digester.go as summarized in
// ../shared/docs/tidb-reference.md §6. Lexer-level only (no parser): comments and hints dropped,
// tokens lowercased, literals -> "?", literal lists -> "...", identifiers back-quoted, tokens
// joined by single spaces. Differences from TiDB are listed in docs/decisions/sql-digest.md. Pure
// functions, linear in the input length; callable from any thread.
#pragma once

#include <QString>
#include <QStringView>

namespace TiDesk::SqlDigest {

// Normalized text of `sql` (TiDB's Normalize). Empty for empty / comment-only input.
[[nodiscard]] QString normalize(QStringView sql);

// Lowercase hex SHA-256 (64 chars) of normalize(sql) encoded as UTF-8 (TiDB's NormalizeDigest).
[[nodiscard]] QString digest(QStringView sql);

// Lowercase hex SHA-256 of an already normalized text (TiDB's DigestNormalized).
[[nodiscard]] QString digestOfNormalized(QStringView normalized);

} // namespace TiDesk::SqlDigest
