#pragma once

#include <QByteArray>
#include <QDeadlineTimer>

// Length-prefixed messages (4-byte big-endian length, then the bytes) over a connected
// socket, with deadlines. Uses poll() and send(MSG_NOSIGNAL), so a dead peer is an error
// value, never a SIGPIPE. Does not own the descriptor.
class MessageChannel final
{
public:
    enum class Error { None, Closed, TimedOut, TooLarge, Failed };

    static constexpr qint64 MaxMessageBytes = 8 * 1024 * 1024;

    explicit MessageChannel(int fd);

    Error send(const QByteArray &message, QDeadlineTimer deadline);
    Error receive(QByteArray &message, QDeadlineTimer deadline);

private:
    Error wait(short events, QDeadlineTimer deadline);
    Error writeAll(const char *data, qsizetype size, QDeadlineTimer deadline);
    Error readExactly(char *data, qsizetype size, QDeadlineTimer deadline);

    int m_fd = -1;
};
