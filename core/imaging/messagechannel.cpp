#include "messagechannel.h"

#include <QtEndian>

#include <cerrno>
#include <poll.h>
#include <sys/socket.h>

MessageChannel::MessageChannel(int fd) : m_fd(fd) {}

MessageChannel::Error MessageChannel::send(const QByteArray &message, QDeadlineTimer deadline)
{
    if (message.size() > MaxMessageBytes)
        return Error::TooLarge;
    char header[4];
    qToBigEndian(quint32(message.size()), header);
    const Error error = writeAll(header, sizeof header, deadline);
    if (error != Error::None)
        return error;
    return writeAll(message.constData(), message.size(), deadline);
}

MessageChannel::Error MessageChannel::receive(QByteArray &message, QDeadlineTimer deadline)
{
    char header[4];
    Error error = readExactly(header, sizeof header, deadline);
    if (error != Error::None)
        return error;
    const quint32 size = qFromBigEndian<quint32>(header);
    if (size > MaxMessageBytes)
        return Error::TooLarge;
    message.resize(qsizetype(size));
    return readExactly(message.data(), message.size(), deadline);
}

MessageChannel::Error MessageChannel::wait(short events, QDeadlineTimer deadline)
{
    for (;;) {
        pollfd pfd{m_fd, events, 0};
        const qint64 remaining = deadline.remainingTime(); // -1 when forever
        const int timeout = remaining < 0 ? -1 : int(qMin<qint64>(remaining, 1'000'000'000));
        const int ready = ::poll(&pfd, 1, timeout);
        if (ready > 0)
            return Error::None; // readable, writable, or hung up: the next call tells which
        if (ready == 0)
            return Error::TimedOut;
        if (errno != EINTR)
            return Error::Failed;
    }
}

MessageChannel::Error MessageChannel::writeAll(const char *data, qsizetype size,
                                               QDeadlineTimer deadline)
{
    while (size > 0) {
        const Error error = wait(POLLOUT, deadline);
        if (error != Error::None)
            return error;
        const ssize_t written = ::send(m_fd, data, size_t(size), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (written < 0) {
            if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)
                continue;
            return errno == EPIPE || errno == ECONNRESET ? Error::Closed : Error::Failed;
        }
        data += written;
        size -= written;
    }
    return Error::None;
}

MessageChannel::Error MessageChannel::readExactly(char *data, qsizetype size,
                                                  QDeadlineTimer deadline)
{
    while (size > 0) {
        const Error error = wait(POLLIN, deadline);
        if (error != Error::None)
            return error;
        const ssize_t got = ::recv(m_fd, data, size_t(size), MSG_DONTWAIT);
        if (got == 0)
            return Error::Closed;
        if (got < 0) {
            if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)
                continue;
            return errno == ECONNRESET ? Error::Closed : Error::Failed;
        }
        data += got;
        size -= got;
    }
    return Error::None;
}
