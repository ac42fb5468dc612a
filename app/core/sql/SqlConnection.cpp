// The only translation unit that includes mysql-connector-c++ (legacy JDBC API, 1.1.12 on
// libmariadb). Behaviour found by experiment against MariaDB 10.11 (see the class header):
//  - TLS: OPT_SSL_MODE=SSL_MODE_REQUIRED does NOT turn TLS on; sslEnforce=true does. Every mode,
//    including verify modes, silently falls back to plain TCP when the server has no TLS, so
//    after connecting we check Ssl_cipher ourselves for Required/VerifyCa/VerifyIdentity.
//  - A wrong CA fails with 2026 "TLS/SSL error: self-signed certificate in certificate chain".
//  - Read timeout: 2013 "Lost connection" after OPT_READ_TIMEOUT seconds (no retry multiplier);
//    on a TLS connection the same timeout (and a server going away) is 2026
//    "TLS/SSL error: Connection timed out (110)" instead.
//  - Unreachable host: 2013 "...handshake: reading initial communication packet, system error: 110"
//    after OPT_CONNECT_TIMEOUT; closed port: 2002 at once; unknown host: 2005.
#include "SqlConnection.h"

#include "backup/StorageUrl.h"

#include "common/Logging.h"
#include "sql/ActivityLog.h"
#include "sql/EndpointRouter.h"

#include <cppconn/connection.h>
#include <cppconn/datatype.h>
#include <cppconn/driver.h>
#include <cppconn/exception.h>
#include <cppconn/metadata.h>
#include <cppconn/resultset.h>
#include <cppconn/resultset_metadata.h>
#include <cppconn/statement.h>
#include <mysql_driver.h>

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cmath>
#include <string>

using namespace Qt::StringLiterals;

namespace TiDesk {

namespace {

sql::mysql::MySQL_Driver *driver()
{
    static sql::mysql::MySQL_Driver *const d = sql::mysql::get_mysql_driver_instance();
    return d;
}

// The connector wants threadInit()/threadEnd() around use on each thread; count connections
// per thread so a thread with two connections is not torn down by the first close().
thread_local int t_connectionsOnThread = 0;

void threadAcquire()
{
    if (t_connectionsOnThread++ == 0)
        driver()->threadInit();
}

void threadRelease()
{
    if (t_connectionsOnThread > 0 && --t_connectionsOnThread == 0)
        driver()->threadEnd();
}

int toSeconds(int ms)
{
    return qMax(1, int(std::ceil(ms / 1000.0)));
}

sql::SQLString toSql(const QString &s)
{
    const QByteArray utf8 = s.toUtf8();
    return sql::SQLString(std::string(utf8.constData(), size_t(utf8.size())));
}

QString fromStd(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size())); // invalid bytes become U+FFFD
}

enum class Phase { Connect, Query };

bool mentionsTls(const QString &text)
{
    return text.contains(u"SSL"_s, Qt::CaseInsensitive)
        || text.contains(u"TLS"_s, Qt::CaseInsensitive)
        || text.contains(u"certificate"_s, Qt::CaseInsensitive);
}

// Connector exception -> Error with a sentence a DBA can act on; the raw text goes to detail.
Error mapError(int code, const QString &sqlState, const QString &raw, Phase phase, qint64 elapsedMs,
               const ConnectParams &p)
{
    Error e;
    e.code = code;
    e.sqlState = sqlState;
    e.detail = raw;
    const QString hostPort = p.host + u':' + QString::number(p.port);
    const qint64 connectBudgetMs = toSeconds(p.connectTimeoutMs) * 1000LL;
    const qint64 readBudgetMs = toSeconds(p.readTimeoutMs) * 1000LL;

    switch (code) {
    case 1045:
    case 1698:
        e.kind = ErrorKind::Auth;
        e.message = QCoreApplication::translate("TiDesk::SqlConnection",
                                                "Wrong user name or password for %1")
                        .arg(p.displayAddress());
        return e;
    case 1044:
        e.kind = ErrorKind::Auth;
        e.message = QCoreApplication::translate("TiDesk::SqlConnection",
                                                "%1 may not use this database: %2")
                        .arg(p.displayAddress(), raw);
        return e;
    case 1969:
    case 3024:
        e.kind = ErrorKind::Timeout;
        e.message = QCoreApplication::translate(
            "TiDesk::SqlConnection",
            "The server stopped the statement: it ran longer than the session's time limit");
        return e;
    case 1317:
        e.kind = ErrorKind::Cancelled;
        e.message = QCoreApplication::translate("TiDesk::SqlConnection",
                                                "The statement was cancelled (KILL QUERY)");
        return e;
    case 2026:
        if (phase == Phase::Connect) {
            e.kind = ErrorKind::Tls;
            e.message
                = QCoreApplication::translate("TiDesk::SqlConnection", "TLS with %1 failed: %2")
                      .arg(hostPort, raw);
            return e;
        }
        // On an established TLS connection the transport reports timeouts and lost connections
        // as 2026 ("TLS/SSL error: Connection timed out (110)"): treat it like 2013 below.
        break;
    default: break;
    }
    if (phase == Phase::Connect && code >= 2000 && code < 3000 && mentionsTls(raw)) {
        e.kind = ErrorKind::Tls;
        e.message = QCoreApplication::translate("TiDesk::SqlConnection", "TLS with %1 failed: %2")
                        .arg(hostPort, raw);
        return e;
    }
    switch (code) {
    case 2002:
    case 2003:
        if (elapsedMs >= connectBudgetMs * 9 / 10) {
            e.kind = ErrorKind::Timeout;
            e.message = QCoreApplication::translate("TiDesk::SqlConnection",
                                                    "Cannot reach %1: no answer within %2 s")
                            .arg(hostPort)
                            .arg(connectBudgetMs / 1000);
        } else {
            e.kind = ErrorKind::Connection;
            e.message = QCoreApplication::translate("TiDesk::SqlConnection",
                                                    "Cannot reach %1: connection refused")
                            .arg(hostPort);
        }
        return e;
    case 2005:
        e.kind = ErrorKind::Connection;
        e.message = QCoreApplication::translate("TiDesk::SqlConnection",
                                                "Cannot reach %1: unknown host name")
                        .arg(hostPort);
        return e;
    case 2006:
    case 2013:
    case 2026: // only reached in the query phase (see above)
    case 2055:
    case 1927: // MariaDB ER_CONNECTION_KILLED
        if (phase == Phase::Connect) {
            if (elapsedMs >= connectBudgetMs * 9 / 10) {
                e.kind = ErrorKind::Timeout;
                e.message = QCoreApplication::translate("TiDesk::SqlConnection",
                                                        "Cannot reach %1: no answer within %2 s")
                                .arg(hostPort)
                                .arg(connectBudgetMs / 1000);
            } else {
                e.kind = ErrorKind::Connection;
                e.message
                    = QCoreApplication::translate(
                          "TiDesk::SqlConnection",
                          "Cannot reach %1: the server closed the connection during the handshake")
                          .arg(hostPort);
            }
        } else if ((code == 2013 || code == 2026) && elapsedMs >= readBudgetMs * 9 / 10) {
            e.kind = ErrorKind::Timeout;
            e.message = QCoreApplication::translate("TiDesk::SqlConnection",
                                                    "No answer from %1 within %2 s; the statement "
                                                    "may still be running on the server")
                            .arg(hostPort)
                            .arg(readBudgetMs / 1000);
        } else {
            e.kind = ErrorKind::Connection;
            e.message
                = QCoreApplication::translate("TiDesk::SqlConnection", "Lost the connection to %1")
                      .arg(hostPort);
        }
        return e;
    default: break;
    }
    if (code >= 2000 && code < 3000) {
        e.kind = ErrorKind::Connection;
        e.message
            = QCoreApplication::translate("TiDesk::SqlConnection", "Connection problem with %1: %2")
                  .arg(hostPort, raw);
        return e;
    }
    e.kind = ErrorKind::Server;
    e.message = raw;
    return e;
}

bool isSignedInt(int type)
{
    switch (type) {
    case sql::DataType::TINYINT:
    case sql::DataType::SMALLINT:
    case sql::DataType::MEDIUMINT:
    case sql::DataType::INTEGER:
    case sql::DataType::BIGINT:
    case sql::DataType::YEAR: return true;
    default: return false;
    }
}

QVariant readCell(sql::ResultSet &rs, unsigned col, int type, bool isSigned, unsigned precision)
{
    if (rs.isNull(col))
        return {};
    if (isSignedInt(type))
        return isSigned ? QVariant::fromValue<qint64>(qint64(rs.getInt64(col)))
                        : QVariant::fromValue<quint64>(quint64(rs.getUInt64(col)));
    switch (type) {
    case sql::DataType::BIT: return QVariant::fromValue<quint64>(quint64(rs.getUInt64(col)));
    case sql::DataType::REAL:
    case sql::DataType::DOUBLE: return QVariant(double(rs.getDouble(col)));
    case sql::DataType::DECIMAL:
    case sql::DataType::NUMERIC: {
        // Exact decimals that fit a double's 15 significant digits become double, others stay text.
        const QString text = fromStd(rs.getString(col).asStdString());
        if (precision <= 15) {
            bool ok = false;
            const double d = text.toDouble(&ok);
            if (ok)
                return QVariant(d);
        }
        return QVariant(text);
    }
    case sql::DataType::BINARY:
    case sql::DataType::VARBINARY:
    case sql::DataType::LONGVARBINARY:
    case sql::DataType::GEOMETRY: {
        const std::string s = rs.getString(col).asStdString();
        return QVariant(QByteArray(s.data(), qsizetype(s.size())));
    }
    default: return QVariant(fromStd(rs.getString(col).asStdString()));
    }
}

} // namespace

struct SqlConnection::Private
{
    ActivityLog *activityLog = nullptr;
    ConnectParams params;
    std::unique_ptr<sql::Connection> conn;
    quint64 connectionId = 0;
    quint64 statementsSent = 0;
    QString serverVersion;
    bool threadAcquired = false;

    void record(const QString &statement, qint64 ms, qint64 rows, bool ok, const QString &result,
                const QDateTime &startedAt)
    {
        if (!activityLog)
            return;
        ActivityEntry e;
        e.startedAt = startedAt;
        e.envName = params.envName;
        e.endpoint = params.viaSsh() ? params.displayAddress() + u" via "_s + params.viaText()
                                     : params.displayAddress();
        // A storage URL's credentials (BACKUP ... TO 's3://..?secret-access-key=..') never reach
        // the log.
        e.statement = StorageUrl::redactedInText(statement);
        e.durationMs = ms;
        e.rows = rows;
        e.ok = ok;
        e.result = StorageUrl::redactedInText(result); // servers echo the statement in errors
        activityLog->record(std::move(e));
    }

    void drop()
    {
        if (conn) {
            try {
                conn->close();
            } catch (const std::exception &) {
                // already gone: nothing to release on the server
            }
            conn.reset();
        }
        connectionId = 0;
        statementsSent = 0;
        if (threadAcquired) {
            threadRelease();
            threadAcquired = false;
        }
    }
};

SqlConnection::SqlConnection(ActivityLog *activityLog)
    : d(std::make_unique<Private>())
{
    d->activityLog = activityLog;
}

SqlConnection::~SqlConnection()
{
    close();
}

void SqlConnection::initDriver()
{
    (void)driver();
}

VoidResult SqlConnection::open(const ConnectParams &params)
{
    close();
    d->params = params;

    // Behind a bastion the connector dials the local end of an SSH tunnel instead.
    QString dialHost = params.host;
    int dialPort = params.port;
    const QString via = params.viaText();
    if (params.viaSsh()) {
        const QDateTime routeStartedAt = QDateTime::currentDateTime();
        QElapsedTimer routeTimer;
        routeTimer.start();
        Result<DialAddress> routed = params.router
            ? params.router->route(params)
            : Result<DialAddress>(Error::make(
                ErrorKind::InvalidInput,
                tr("%1 is behind an SSH bastion, but no SSH tunnel service is available")
                    .arg(params.displayAddress())));
        if (!routed) {
            d->record(u"-- connect "_s + params.displayAddress() + u" via "_s + via,
                      routeTimer.elapsed(), -1, false, routed.error().message, routeStartedAt);
            qCInfo(lcSql).noquote() << "ssh route failed:" << routed.error().toString();
            return routed.error();
        }
        dialHost = routed->host;
        dialPort = routed->port;
    }

    sql::ConnectOptionsMap opts;
    const QString host = dialHost.contains(u':') ? u'[' + dialHost + u']' : dialHost;
    opts["hostName"] = toSql(u"tcp://"_s + host + u':' + QString::number(dialPort));
    opts["userName"] = toSql(params.user);
    opts["password"] = toSql(params.password);
    if (!params.database.isEmpty())
        opts["schema"] = toSql(params.database);
    opts["OPT_CONNECT_TIMEOUT"] = toSeconds(params.connectTimeoutMs);
    opts["OPT_READ_TIMEOUT"] = toSeconds(params.readTimeoutMs);
    opts["OPT_WRITE_TIMEOUT"] = toSeconds(params.writeTimeoutMs);
    opts["OPT_CHARSET_NAME"] = sql::SQLString("utf8mb4");

    const TlsSettings &tls = params.tls;
    switch (tls.mode) {
    case TlsMode::Disabled: opts["OPT_SSL_MODE"] = int(sql::SSL_MODE_DISABLED); break;
    case TlsMode::Preferred:
    case TlsMode::Required:
        opts["sslEnforce"] = true; // TLS if the server offers it; no certificate check
        break;
    case TlsMode::VerifyCa: opts["OPT_SSL_MODE"] = int(sql::SSL_MODE_VERIFY_CA); break;
    case TlsMode::VerifyIdentity: opts["OPT_SSL_MODE"] = int(sql::SSL_MODE_VERIFY_IDENTITY); break;
    }
    if (tls.mode != TlsMode::Disabled) {
        if (!tls.caFile.isEmpty() && tls.mode != TlsMode::Required
            && tls.mode != TlsMode::Preferred)
            opts["sslCA"] = toSql(tls.caFile);
        if (!tls.certFile.isEmpty())
            opts["sslCert"] = toSql(tls.certFile);
        if (!tls.keyFile.isEmpty())
            opts["sslKey"] = toSql(tls.keyFile);
    }
    if ((tls.mode == TlsMode::VerifyCa || tls.mode == TlsMode::VerifyIdentity)
        && tls.caFile.isEmpty()) {
        return Error::make(
            ErrorKind::Tls,
            tr("TLS verification for %1 needs a CA file").arg(params.displayAddress()));
    }

    const QString connectText = u"-- connect "_s + params.displayAddress()
        + (via.isEmpty() ? QString() : u" via "_s + via) + u" (TLS "_s
        + Environment::tlsModeName(tls.mode) + u')';
    const QDateTime startedAt = QDateTime::currentDateTime();
    QElapsedTimer timer;
    timer.start();
    threadAcquire();
    d->threadAcquired = true;
    try {
        d->conn.reset(driver()->connect(opts));
    } catch (const sql::SQLException &ex) {
        Error err = mapError(ex.getErrorCode(), QString::fromStdString(ex.getSQLState()),
                             fromStd(ex.what()), Phase::Connect, timer.elapsed(), params);
        if (params.viaSsh() && params.router)
            err = params.router->explainFailure(params, err);
        d->record(connectText, timer.elapsed(), -1, false, err.message, startedAt);
        qCInfo(lcSql).noquote() << "connect failed:" << err.toString();
        d->drop();
        return err;
    } catch (const std::exception &ex) {
        const Error err
            = Error::make(ErrorKind::Internal, tr("Connector failure"), fromStd(ex.what()));
        d->record(connectText, timer.elapsed(), -1, false, err.message, startedAt);
        d->drop();
        return err;
    }
    d->record(connectText, timer.elapsed(), -1, true,
              QCoreApplication::translate("TiDesk::SqlConnection", "OK"), startedAt);

    auto idRes = query(u"SELECT CONNECTION_ID() AS id, VERSION() AS version"_s);
    if (!idRes) {
        const Error err = idRes.error();
        d->drop();
        return err;
    }
    d->connectionId = idRes->value(0, u"id"_s).toULongLong();
    d->serverVersion = idRes->value(0, u"version"_s).toString();

    if (tls.mode == TlsMode::Required || tls.mode == TlsMode::VerifyCa
        || tls.mode == TlsMode::VerifyIdentity) {
        // The connector falls back to plain TCP silently when the server has no TLS.
        auto cipher = query(u"SHOW SESSION STATUS LIKE 'Ssl_cipher'"_s);
        const QString name = cipher ? cipher->value(0, u"Value"_s).toString() : QString();
        if (name.isEmpty()) {
            d->drop();
            return Error::make(ErrorKind::Tls,
                               tr("%1 did not start TLS, but this environment requires it")
                                   .arg(params.host + u':' + QString::number(params.port)),
                               cipher ? QString() : cipher.error().toString());
        }
    }
    return {};
}

void SqlConnection::close()
{
    d->drop();
}

bool SqlConnection::isOpen() const
{
    return d->conn != nullptr;
}

bool SqlConnection::isAlive() const
{
    if (!d->conn)
        return false;
    try {
        return !d->conn->isClosed() && d->conn->isValid();
    } catch (const std::exception &) {
        return false;
    }
}

VoidResult SqlConnection::reconnect()
{
    const ConnectParams p = d->params;
    return open(p);
}

Result<QueryResult> SqlConnection::query(const QString &sqlText, bool fetchWarnings,
                                         qint64 keepRows)
{
    const QDateTime startedAt = QDateTime::currentDateTime();
    if (!d->conn) {
        Error e = Error::make(ErrorKind::Connection,
                              tr("Not connected to %1").arg(d->params.displayAddress()));
        d->record(sqlText, 0, -1, false, e.message, startedAt);
        return e;
    }
    QueryResult result;
    QElapsedTimer timer;
    timer.start();
    ++d->statementsSent;
    try {
        std::unique_ptr<sql::Statement> stmt(d->conn->createStatement());
        const bool hasResultSet = stmt->execute(toSql(sqlText));
        if (hasResultSet) {
            std::unique_ptr<sql::ResultSet> rs(stmt->getResultSet());
            sql::ResultSetMetaData *md = rs->getMetaData();
            const unsigned n = md->getColumnCount();
            QList<int> types;
            QList<bool> signs;
            QList<unsigned> precisions;
            for (unsigned i = 1; i <= n; ++i) {
                result.columns << fromStd(md->getColumnLabel(i).asStdString());
                types << md->getColumnType(i);
                signs << md->isSigned(i);
                precisions << md->getPrecision(i);
            }
            while (rs->next()) {
                if (keepRows >= 0 && result.rows.size() >= keepRows) {
                    ++result.rowsNotKept;
                    continue;
                }
                QVariantList row;
                row.reserve(n);
                for (unsigned i = 1; i <= n; ++i)
                    row << readCell(*rs, i, types.at(i - 1), signs.at(i - 1), precisions.at(i - 1));
                result.rows << std::move(row);
            }
        } else {
            result.affectedRows = qint64(stmt->getUpdateCount());
        }
    } catch (const sql::SQLException &ex) {
        Error err = mapError(ex.getErrorCode(), QString::fromStdString(ex.getSQLState()),
                             fromStd(ex.what()), Phase::Query, timer.elapsed(), d->params);
        if (d->params.viaSsh() && d->params.router && err.kind == ErrorKind::Connection)
            err = d->params.router->explainFailure(d->params, err);
        d->record(sqlText, timer.elapsed(), -1, false, err.toString(), startedAt);
        return err;
    } catch (const std::exception &ex) {
        const Error err
            = Error::make(ErrorKind::Internal, tr("Connector failure"), fromStd(ex.what()));
        d->record(sqlText, timer.elapsed(), -1, false, err.toString(), startedAt);
        return err;
    }
    result.durationMs = timer.elapsed();
    const qint64 rows
        = result.hasResultSet() ? result.rows.size() + result.rowsNotKept : result.affectedRows;
    d->record(sqlText, result.durationMs, rows, true,
              result.hasResultSet() ? QCoreApplication::translate("TiDesk::SqlConnection",
                                                                  "%n row(s)", nullptr, int(rows))
                                    : QCoreApplication::translate("TiDesk::SqlConnection", "OK"),
              startedAt);

    if (fetchWarnings) {
        auto w = query(u"SHOW WARNINGS"_s);
        if (w) {
            for (int r = 0; r < w->rows.size(); ++r) {
                SqlWarning sw;
                sw.level = w->value(r, u"Level"_s).toString();
                sw.code = w->value(r, u"Code"_s).toInt();
                sw.message = w->value(r, u"Message"_s).toString();
                result.warnings << sw;
            }
        }
    }
    return result;
}

quint64 SqlConnection::statementsSent() const
{
    return d->statementsSent;
}

quint64 SqlConnection::connectionId() const
{
    return d->conn ? d->connectionId : 0;
}

QString SqlConnection::serverVersion() const
{
    return d->serverVersion;
}

const ConnectParams &SqlConnection::params() const
{
    return d->params;
}

} // namespace TiDesk
