#include "PdClient.h"

#include "health/TopologyParser.h"
#include "net/HttpError.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <memory>

using namespace Qt::StringLiterals;

namespace TiDesk {

PdClient::PdClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{ }

void PdClient::fetch(const QUrl &pdUrl, Callback callback)
{
    struct State
    {
        Answer answer;
        int left = 3;
        Callback callback;
    };
    auto state = std::make_shared<State>();
    state->callback = std::move(callback);
    const QString shown = pdUrl.toString(QUrl::RemoveUserInfo);
    if (!pdUrl.isValid() || pdUrl.host().isEmpty()
        || (pdUrl.scheme() != u"http" && pdUrl.scheme() != u"https")) {
        state->answer.problems
            << tr("'%1' is not a PD URL (expected http://pd-host:2379)").arg(shown);
        state->callback(state->answer);
        return;
    }
    QString base = pdUrl.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    const std::chrono::milliseconds timeout = m_timeout;
    auto get = [&](const QString &path, QByteArray Answer::*field) {
        QUrl url = pdUrl;
        url.setPath(base + path);
        QNetworkRequest request(url);
        request.setRawHeader("Accept", "application/json");
        request.setTransferTimeout(int(timeout.count()));
        QNetworkReply *reply = m_network->get(request);
        connect(reply, &QNetworkReply::finished, this, [reply, state, field, path, shown, timeout] {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (reply->error() != QNetworkReply::NoError && status == 0) {
                state->answer.problems
                    << httpTransportError(reply, u"PD"_s, shown, timeout).message;
            } else if (status != 200) {
                //: %1 = API path, %2 = HTTP status code
                state->answer.problems << tr("PD API %1 answered HTTP %2").arg(path).arg(status);
            } else {
                state->answer.*field = reply->readAll();
            }
            if (--state->left == 0)
                state->callback(state->answer);
        });
    };
    get(u"/pd/api/v1/health"_s, &Answer::health);
    get(u"/pd/api/v1/members"_s, &Answer::members);
    get(u"/pd/api/v1/stores"_s, &Answer::stores);
}

void PdClient::merge(ClusterTopology &topo, const Answer &answer)
{
    topo.problems << answer.problems;
    auto apply = [&topo](const QByteArray &body, auto parse) {
        if (body.isEmpty())
            return;
        if (const Result<int> r = parse(topo.nodes, body); !r)
            topo.problems << r.error().message;
    };
    apply(answer.stores, &TopologyParser::applyPdStores);
    apply(answer.health, &TopologyParser::applyPdHealth);
    apply(answer.members, &TopologyParser::applyPdMembers);
}

} // namespace TiDesk
