#include "RuleDecision.h"

using namespace Qt::StringLiterals;

namespace TiDesk {

QString RuleDecision::targetText() const
{
    QString text = session.key() + u' ' + session.user + u'@' + session.host;
    if (!session.info.isEmpty()) {
        QString sql = session.info.simplified();
        if (sql.size() > 120)
            sql = sql.left(120) + u"..."_s;
        text += u" ("_s + sql + u')';
    }
    return text;
}

} // namespace TiDesk
