// StorageUrl: backup destinations (BR / SQL BACKUP storage URLs such as
// s3://bucket/path?access-key=..&secret-access-key=..) made safe to show, log and keep in history:
// every credential query parameter's value becomes "***" and a user:password in the authority is
// dropped. Used for job history, the activity log and the UI; the real URL stays in memory only
// for the statement or command that needs it. Pure functions: any thread.
#pragma once

#include <QString>
#include <QStringList>

namespace TiDesk::StorageUrl {

// The query parameters treated as secrets (case-insensitive): access-key, secret-access-key,
// session-token, sas-token, credentials-file, account-key, and any name containing
// "secret", "password", "token" or "key" except the non-secret ones TiDB documents
// (sse-kms-key-id, storage-class ...).
[[nodiscard]] bool isSecretParameter(const QString &name);

// The URL with secret values replaced by *** (parameters kept, so the DBA sees what was set).
[[nodiscard]] QString redacted(const QString &url);

// Every storage URL inside a text (a statement such as BACKUP DATABASE * TO 's3://..?..', a
// command line) redacted; the rest of the text unchanged.
[[nodiscard]] QString redactedInText(const QString &text);

// The scheme ("s3", "gcs", "azure", "local", "hdfs", ...), lowercase; empty when none.
[[nodiscard]] QString scheme(const QString &url);

// url with extra query parameters (the secret part kept in the credential store, e.g.
// "access-key=AK&secret-access-key=SK") appended; url itself when extra is empty.
[[nodiscard]] QString withParameters(const QString &url, const QString &extra);

// BR reads S3 credentials from the environment: an s3:// URL's access-key, secret-access-key and
// session-token parameters become AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN
// and leave the URL, so they never appear on a command line. Other URLs are returned as they are.
struct EnvSplit
{
    QString url;
    QList<QPair<QString, QString>> environment; // NAME, value (secret)
};
[[nodiscard]] EnvSplit credentialsToEnvironment(const QString &url);

} // namespace TiDesk::StorageUrl
