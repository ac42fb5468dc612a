#include "AttemptLimiter.h"

#include <utility>

using namespace Qt::StringLiterals;

namespace TiDesk {

AttemptLimiter::AttemptLimiter(QDateTime expiresUtc, Clock clock, int maxFailures)
    : m_expiresUtc(std::move(expiresUtc))
    , m_clock(std::move(clock))
    , m_maxFailures(maxFailures > 0 ? maxFailures : 1)
{ }

AttemptLimiter::State AttemptLimiter::state() const
{
    if (m_used)
        return State::Used;
    if (m_failures >= m_maxFailures)
        return State::Burned;
    // A handshake already in flight may finish; expiry only stops new ones.
    if (m_inFlight)
        return State::Busy;
    if (!m_clock || m_clock() >= m_expiresUtc)
        return State::Expired;
    return State::Open;
}

bool AttemptLimiter::beginAttempt()
{
    if (state() != State::Open)
        return false;
    m_inFlight = true;
    return true;
}

void AttemptLimiter::recordFailure()
{
    if (!m_inFlight)
        return;
    m_inFlight = false;
    ++m_failures;
}

void AttemptLimiter::recordSuccess()
{
    if (!m_inFlight)
        return;
    m_inFlight = false;
    m_used = true;
}

int AttemptLimiter::remainingAttempts() const
{
    switch (state()) {
    case State::Open:
    case State::Busy: return m_maxFailures - m_failures;
    case State::Burned:
    case State::Expired:
    case State::Used: break;
    }
    return 0;
}

QString AttemptLimiter::stateText() const
{
    switch (state()) {
    case State::Open: return tr("%n attempt(s) left", nullptr, remainingAttempts());
    case State::Busy: return tr("An expert is connecting.");
    case State::Burned:
        return tr("The code is burned after %n wrong attempt(s); open a new session.", nullptr,
                  m_failures);
    case State::Expired: return tr("The code expired; open a new session.");
    case State::Used: return tr("The code was used; it cannot be used again.");
    }
    return {};
}

} // namespace TiDesk
