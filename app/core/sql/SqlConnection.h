// SqlConnection: one MySQL-protocol connection. The ONLY file in TiDesk that includes
// mysql-connector-c++ headers (SqlConnection.cpp); connector exceptions become Error here.
//
// Threading: an instance belongs to the thread that opened it and is never shared. Every call
// blocks (network), so it is used from SqlWorker threads or QtConcurrent tasks, never the GUI.
// Call SqlConnection::initDriver() once on the main thread before any worker starts.
#pragma once

#include "common/Result.h"
#include "sql/ConnectParams.h"
#include "sql/QueryResult.h"

#include <QCoreApplication>
#include <QString>
#include <memory>

namespace TiDesk {

class ActivityLog;

class SqlConnection final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::SqlConnection)
public:
    // activityLog may be null (tests); when set, every statement is recorded there.
    explicit SqlConnection(ActivityLog *activityLog = nullptr);
    ~SqlConnection();
    SqlConnection(const SqlConnection &) = delete;
    SqlConnection &operator=(const SqlConnection &) = delete;

    // Loads the driver singleton; call once on the main thread at start-up.
    static void initDriver();

    [[nodiscard]] VoidResult open(const ConnectParams &params);
    void close();
    [[nodiscard]] bool isOpen() const;
    // Cheap liveness probe (the connector's isValid); false after a lost connection.
    [[nodiscard]] bool isAlive() const;
    // Closes and opens again with the same parameters.
    [[nodiscard]] VoidResult reconnect();

    // Runs one statement; rows are materialised. When fetchWarnings is set and the server
    // reported warnings, SHOW WARNINGS is run and its rows land in QueryResult::warnings.
    // keepRows >= 0 keeps only the first keepRows rows (the rest are read from the server and
    // counted in QueryResult::rowsNotKept): a row-limited result of an arbitrary statement.
    [[nodiscard]] Result<QueryResult> query(const QString &sql, bool fetchWarnings = false,
                                            qint64 keepRows = -1);

    // Statements sent on the current connection so far (those open() runs included; reset when
    // the connection closes): what the server's session counter Questions has counted for it.
    [[nodiscard]] quint64 statementsSent() const;
    // Server-side thread id of this connection (CONNECTION_ID()), 0 when closed.
    [[nodiscard]] quint64 connectionId() const;
    // VERSION() string read at open(), e.g. "10.11.6-MariaDB-0+deb12u1".
    [[nodiscard]] QString serverVersion() const;
    [[nodiscard]] const ConnectParams &params() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace TiDesk
