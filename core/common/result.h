#pragma once

#include <QString>
#include <optional>
#include <utility>

// A value or an error message, for functions whose failure is an ordinary outcome
// (bad input, a missing file, a refused write). The message names the file or request
// and the reason, and never carries a secret. (std::expected is C++23.)
template <typename T>
class [[nodiscard]] Result final
{
public:
    Result(T value) : m_value(std::move(value)) {}
    // code: an errno value for I/O failures (ENOSPC tells a full disk), 0 otherwise.
    static Result failure(QString error, int code = 0) { Result r(std::move(error), Tag{}); r.m_code = code; return r; }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }
    const QString &error() const { return m_error; }
    int code() const { return m_code; }

private:
    struct Tag {};
    Result(QString error, Tag) : m_error(std::move(error)) {}
    std::optional<T> m_value;
    QString m_error;
    int m_code = 0;
};

// For operations that return nothing but may fail.
class [[nodiscard]] Status final
{
public:
    Status() = default;
    static Status failure(QString error, int code = 0)
    {
        Status s;
        s.m_error = std::move(error);
        s.m_failed = true;
        s.m_code = code;
        return s;
    }
    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const QString &error() const { return m_error; }
    int code() const { return m_code; }

private:
    QString m_error;
    bool m_failed = false;
    int m_code = 0;
};
