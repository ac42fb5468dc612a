// JsonReader: strict, path-aware reading of a JSON document for the importers. Parse errors
// name the line and column; type errors name the field path
// ("inventory.json: environments[2].endpoints[0].port: expected an integer, got \"abc\"").
// Keeps the first error only. Value type used on one thread at a time.
#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace TiDesk {

class JsonReader final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::JsonReader)
public:
    explicit JsonReader(QString sourceName)
        : m_sourceName(std::move(sourceName))
    { }

    // Parses content (already checked by ImportInput) whose top level must be an object.
    [[nodiscard]] Result<QJsonObject> parseObject(const QByteArray &content);

    // Each reader leaves *out untouched when the key is absent or null. A wrong type records an
    // error and returns false; a missing required key does too.
    bool string(const QJsonObject &o, const QString &key, const QString &path, QString *out,
                bool required = false);
    bool integer(const QJsonObject &o, const QString &key, const QString &path, int *out, int min,
                 int max, bool required = false);
    bool boolean(const QJsonObject &o, const QString &key, const QString &path, bool *out);
    bool object(const QJsonObject &o, const QString &key, const QString &path, QJsonObject *out,
                bool required = false);
    bool array(const QJsonObject &o, const QString &key, const QString &path, QJsonArray *out,
               bool required = false);
    bool stringList(const QJsonObject &o, const QString &key, const QString &path,
                    QStringList *out);

    // Records an error at path (the first one wins) and returns false.
    bool fail(const QString &path, const QString &problem,
              ErrorKind kind = ErrorKind::InvalidInput);
    [[nodiscard]] bool hasError() const { return m_error.isError(); }
    [[nodiscard]] const Error &error() const { return m_error; }

    static QString join(const QString &path, const QString &key);
    static QString index(const QString &path, qsizetype i); // "path[i]"
    // "\"abc\"", "12.5", "true", "an array", "an object", "null" - for messages.
    static QString describe(const QJsonValue &v);

private:
    QString m_sourceName;
    Error m_error;
};

} // namespace TiDesk
