#pragma once

#include <QString>

#include <cstddef>

// A file's bytes mapped read-only, so an upload body is sent from the page cache without a
// copy in the benchmark's own memory.
class MappedFile final
{
public:
    explicit MappedFile(const QString &path);
    ~MappedFile();
    Q_DISABLE_COPY_MOVE(MappedFile)

    bool isValid() const { return m_data != nullptr; }
    const char *data() const { return m_data; }
    std::size_t size() const { return m_size; }

private:
    const char *m_data = nullptr;
    std::size_t m_size = 0;
};
