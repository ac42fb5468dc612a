#include "AssistMessage.h"

#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace TiDesk::AssistMessage {

const QStringList &typesForExpert()
{
    static const QStringList t { QString::fromLatin1(kWelcome), QString::fromLatin1(kView),
                                 QString::fromLatin1(kStatus),  QString::fromLatin1(kResult),
                                 QString::fromLatin1(kChat),    QString::fromLatin1(kEnd) };
    return t;
}

const QStringList &typesForHost()
{
    static const QStringList t { QString::fromLatin1(kPropose), QString::fromLatin1(kSubscribe),
                                 QString::fromLatin1(kChat), QString::fromLatin1(kEnd) };
    return t;
}

QByteArray encode(const QJsonObject &message)
{
    return QJsonDocument(message).toJson(QJsonDocument::Compact);
}

Result<QJsonObject> decode(const QByteArray &body, bool forHost)
{
    if (body.size() > kMaxBytes)
        return Error::make(
            ErrorKind::InvalidInput,
            QCoreApplication::translate("TiDesk::AssistMessage",
                                        "The peer sent a message of %1 bytes; the limit is %2.")
                .arg(body.size())
                .arg(kMaxBytes));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return Error::make(ErrorKind::InvalidInput,
                           QCoreApplication::translate("TiDesk::AssistMessage",
                                                       "The peer sent a message that is not a "
                                                       "JSON object."),
                           pe.errorString());
    const QJsonObject o = doc.object();
    const QString t = o.value(u"t"_s).toString();
    const QStringList &allowed = forHost ? typesForHost() : typesForExpert();
    if (!allowed.contains(t))
        return Error::make(ErrorKind::InvalidInput,
                           //: %1 = a message type such as "propose"
                           QCoreApplication::translate(
                               "TiDesk::AssistMessage",
                               "The peer sent a message this side does not accept: \"%1\".")
                               .arg(t.left(40)));
    if (t == QLatin1String(kChat)
        && (!o.value(u"text"_s).isString() || o.value(u"text"_s).toString().size() > kMaxChatChars))
        return Error::make(ErrorKind::InvalidInput,
                           QCoreApplication::translate(
                               "TiDesk::AssistMessage",
                               "The peer sent a chat message without text or longer than %1 "
                               "characters.")
                               .arg(kMaxChatChars));
    if ((t == QLatin1String(kPropose) || t == QLatin1String(kStatus) || t == QLatin1String(kResult))
        && !o.value(u"id"_s).isDouble())
        return Error::make(
            ErrorKind::InvalidInput,
            QCoreApplication::translate("TiDesk::AssistMessage",
                                        "The peer sent a \"%1\" message without a numeric id.")
                .arg(t));
    return o;
}

} // namespace TiDesk::AssistMessage
