#include "StdinLines.h"

#include <QSocketNotifier>

#include <cerrno>
#include <unistd.h>

namespace TiDesk::Cli {

StdinLines::StdinLines(QObject *parent)
    : QObject(parent)
{
    m_notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &StdinLines::onReadable);
}

StdinLines::~StdinLines() = default;

void StdinLines::onReadable()
{
    char chunk[4096];
    const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    if (n <= 0) {
        m_notifier->setEnabled(false);
        m_atEnd = true;
        if (!m_buffer.isEmpty()) {
            emit lineRead(QString::fromUtf8(m_buffer));
            m_buffer.clear();
        }
        emit finished();
        return;
    }
    m_buffer.append(chunk, n);
    qsizetype nl = 0;
    while ((nl = m_buffer.indexOf('\n')) >= 0) {
        QByteArray line = m_buffer.left(nl);
        m_buffer.remove(0, nl + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        emit lineRead(QString::fromUtf8(line));
    }
}

} // namespace TiDesk::Cli
