#pragma once

#include "commands/catalogcommand.h"

#include <QCoreApplication>
#include <QStringList>
#include <memory>

// Replaces an image's tags; undo puts back the tags it had.
class TagsCommand final : public CatalogCommand
{
    Q_DECLARE_TR_FUNCTIONS(TagsCommand)

public:
    TagsCommand(CommandContext context, qint64 imageId, QStringList tags);
    void redo() override;
    void undo() override;

private:
    qint64 m_imageId;
    QStringList m_tags;
    std::shared_ptr<QStringList> m_before;
};
