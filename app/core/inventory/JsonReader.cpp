#include "JsonReader.h"

#include "ImportInput.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

using namespace Qt::StringLiterals;

namespace TiDesk {

Result<QJsonObject> JsonReader::parseObject(const QByteArray &content)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(content, &pe);
    if (pe.error != QJsonParseError::NoError) {
        int line = 0;
        int column = 0;
        ImportInput::lineAndColumn(content, pe.offset, &line, &column);
        return Error::make(ErrorKind::InvalidInput,
                           tr("%1 line %2, column %3: invalid JSON: %4")
                               .arg(m_sourceName)
                               .arg(line)
                               .arg(column)
                               .arg(pe.errorString()));
    }
    if (!doc.isObject()) {
        return Error::make(ErrorKind::InvalidInput,
                           tr("%1: expected a JSON object at the top level.").arg(m_sourceName));
    }
    return doc.object();
}

bool JsonReader::fail(const QString &path, const QString &problem, ErrorKind kind)
{
    if (!m_error.isError()) {
        m_error = Error::make(kind,
                              path.isEmpty() ? tr("%1: %2").arg(m_sourceName, problem)
                                             : tr("%1: %2: %3").arg(m_sourceName, path, problem));
    }
    return false;
}

QString JsonReader::join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + u'.' + key;
}

QString JsonReader::index(const QString &path, qsizetype i)
{
    return path + u'[' + QString::number(i) + u']';
}

QString JsonReader::describe(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return u"null"_s;
    case QJsonValue::Bool: return v.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double: return QString::number(v.toDouble(), 'g', 17);
    case QJsonValue::String: {
        QString s = v.toString();
        if (s.size() > 40)
            s = s.left(40) + u"..."_s;
        return u'"' + s + u'"';
    }
    case QJsonValue::Array: return tr("an array");
    case QJsonValue::Object: return tr("an object");
    case QJsonValue::Undefined: break;
    }
    return tr("nothing");
}

bool JsonReader::string(const QJsonObject &o, const QString &key, const QString &path, QString *out,
                        bool required)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return required ? fail(join(path, key), tr("required field is missing")) : true;
    if (!v.isString())
        return fail(join(path, key), tr("expected a string, got %1").arg(describe(v)));
    *out = v.toString();
    return true;
}

bool JsonReader::integer(const QJsonObject &o, const QString &key, const QString &path, int *out,
                         int min, int max, bool required)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return required ? fail(join(path, key), tr("required field is missing")) : true;
    const double d = v.toDouble();
    if (!v.isDouble() || std::floor(d) != d)
        return fail(join(path, key), tr("expected an integer, got %1").arg(describe(v)));
    if (d < min || d > max)
        return fail(join(path, key), tr("%1 is outside %2-%3").arg(describe(v)).arg(min).arg(max));
    *out = int(d);
    return true;
}

bool JsonReader::boolean(const QJsonObject &o, const QString &key, const QString &path, bool *out)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isBool())
        return fail(join(path, key), tr("expected true or false, got %1").arg(describe(v)));
    *out = v.toBool();
    return true;
}

bool JsonReader::object(const QJsonObject &o, const QString &key, const QString &path,
                        QJsonObject *out, bool required)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return required ? fail(join(path, key), tr("required field is missing")) : true;
    if (!v.isObject())
        return fail(join(path, key), tr("expected an object, got %1").arg(describe(v)));
    *out = v.toObject();
    return true;
}

bool JsonReader::array(const QJsonObject &o, const QString &key, const QString &path,
                       QJsonArray *out, bool required)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return required ? fail(join(path, key), tr("required field is missing")) : true;
    if (!v.isArray())
        return fail(join(path, key), tr("expected an array, got %1").arg(describe(v)));
    *out = v.toArray();
    return true;
}

bool JsonReader::stringList(const QJsonObject &o, const QString &key, const QString &path,
                            QStringList *out)
{
    QJsonArray a;
    if (!array(o, key, path, &a))
        return false;
    QStringList list;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!a.at(i).isString())
            return fail(index(join(path, key), i),
                        tr("expected a string, got %1").arg(describe(a.at(i))));
        list.append(a.at(i).toString());
    }
    if (o.contains(key) && !o.value(key).isNull())
        *out = list;
    return true;
}

} // namespace TiDesk
