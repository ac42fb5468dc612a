#include "StorageUrl.h"

#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace TiDesk::StorageUrl {

bool isSecretParameter(const QString &name)
{
    const QString n = name.trimmed().toLower();
    static const QStringList exact { u"access-key"_s, u"secret-access-key"_s, u"session-token"_s,
                                     u"sas-token"_s,  u"credentials-file"_s,  u"account-key"_s,
                                     u"access_key"_s, u"secret_access_key"_s, u"password"_s };
    if (exact.contains(n))
        return true;
    static const QStringList notSecret { u"sse-kms-key-id"_s, u"encryption-key-id"_s };
    if (notSecret.contains(n))
        return false;
    return n.contains(u"secret"_s) || n.contains(u"password"_s) || n.contains(u"token"_s)
        || n.endsWith(u"-key"_s) || n.endsWith(u"_key"_s);
}

QString redacted(const QString &url)
{
    QString out = url;
    // user:password@ in the authority: keep the user, drop the password.
    static const QRegularExpression userInfo(
        u"^([A-Za-z][A-Za-z0-9+.-]*://)([^/@?#:]*):([^/@?#]*)@"_s);
    out.replace(userInfo, u"\\1\\2:***@"_s);
    const qsizetype q = out.indexOf(u'?');
    if (q < 0)
        return out;
    QString head = out.left(q + 1);
    QString query = out.mid(q + 1);
    QString fragment;
    if (const qsizetype h = query.indexOf(u'#'); h >= 0) {
        fragment = query.mid(h);
        query = query.left(h);
    }
    QStringList parts = query.split(u'&');
    for (QString &p : parts) {
        const qsizetype eq = p.indexOf(u'=');
        const QString name = eq < 0 ? p : p.left(eq);
        if (eq >= 0 && isSecretParameter(name))
            p = name + u"=***"_s;
    }
    return head + parts.join(u'&') + fragment;
}

QString redactedInText(const QString &text)
{
    if (!text.contains(u"://"_s))
        return text;
    static const QRegularExpression url(u"[A-Za-z][A-Za-z0-9+.-]*://[^\\s'\"`]+"_s);
    QString out;
    qsizetype at = 0;
    QRegularExpressionMatchIterator it = url.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += text.mid(at, m.capturedStart() - at) + redacted(m.captured());
        at = m.capturedEnd();
    }
    return out + text.mid(at);
}

QString scheme(const QString &url)
{
    const qsizetype sep = url.indexOf(u"://"_s);
    if (sep <= 0)
        return {};
    return url.left(sep).toLower();
}

QString withParameters(const QString &url, const QString &extra)
{
    QString e = extra.trimmed();
    while (e.startsWith(u'?') || e.startsWith(u'&'))
        e.remove(0, 1);
    if (e.isEmpty())
        return url;
    return url + (url.contains(u'?') ? u'&' : u'?') + e;
}

EnvSplit credentialsToEnvironment(const QString &url)
{
    EnvSplit out { url, {} };
    if (scheme(url) != u"s3")
        return out;
    const qsizetype q = url.indexOf(u'?');
    if (q < 0)
        return out;
    static const QList<QPair<QString, QString>> names {
        { u"access-key"_s, u"AWS_ACCESS_KEY_ID"_s },
        { u"secret-access-key"_s, u"AWS_SECRET_ACCESS_KEY"_s },
        { u"session-token"_s, u"AWS_SESSION_TOKEN"_s },
    };
    QStringList kept;
    for (const QString &p : url.mid(q + 1).split(u'&', Qt::SkipEmptyParts)) {
        const qsizetype eq = p.indexOf(u'=');
        const QString name = (eq < 0 ? p : p.left(eq)).toLower();
        bool moved = false;
        for (const auto &[param, env] : names)
            if (name == param && eq >= 0) {
                out.environment << qMakePair(env,
                                             QUrl::fromPercentEncoding(p.mid(eq + 1).toUtf8()));
                moved = true;
            }
        if (!moved)
            kept << p;
    }
    out.url = url.left(q) + (kept.isEmpty() ? QString() : QString(u'?' + kept.join(u'&')));
    return out;
}

} // namespace TiDesk::StorageUrl
