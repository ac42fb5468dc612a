// AttemptLimiter: the host's guard around one session code. The code is burned after
// kMaxFailures failed handshakes, expires at its expiry time, and is used up by the first
// successful one. Only one handshake may be in flight at a time, so parallel connections cannot
// get more than kMaxFailures guesses at the secret either. Pure logic with an injected clock;
// lives with the host's session controller, one thread at a time.
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <functional>

namespace TiDesk {

class AttemptLimiter final
{
    Q_DECLARE_TR_FUNCTIONS(TiDesk::AttemptLimiter)

public:
    static constexpr int kMaxFailures = 5;
    using Clock = std::function<QDateTime()>; // returns the current time (UTC)

    enum class State {
        Open, // an attempt may start
        Busy, // a handshake is in flight; others must wait (or be refused)
        Burned, // kMaxFailures failed handshakes
        Expired, // past the expiry
        Used, // one handshake succeeded: the code is single-use
    };

    AttemptLimiter(QDateTime expiresUtc, Clock clock, int maxFailures = kMaxFailures);

    State state() const;
    // Reserves the single in-flight slot; false (and nothing changes) unless state() is Open.
    bool beginAttempt();
    // Ends the in-flight attempt. Any handshake that did not reach Established counts as a
    // failure, whatever the reason (wrong secret, tampering, a dropped connection).
    void recordFailure();
    void recordSuccess();

    int failures() const { return m_failures; }
    int remainingAttempts() const;
    QDateTime expiresUtc() const { return m_expiresUtc; }
    // One sentence for the host's screen, e.g. "3 attempts left" or "burned after 5 ...".
    QString stateText() const;

private:
    QDateTime m_expiresUtc;
    Clock m_clock;
    int m_maxFailures = kMaxFailures;
    int m_failures = 0;
    bool m_inFlight = false;
    bool m_used = false;
};

} // namespace TiDesk
