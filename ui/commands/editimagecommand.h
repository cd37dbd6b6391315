#pragma once

#include "catalog/imageedit.h"
#include "commands/catalogcommand.h"

#include <QCoreApplication>
#include <memory>

// Changes an image's caption, alt text, description, type or front flag; undo puts back
// the values the fields had just before.
class EditImageCommand final : public CatalogCommand
{
    Q_DECLARE_TR_FUNCTIONS(EditImageCommand)

public:
    EditImageCommand(CommandContext context, qint64 imageId, ImageEdit edit);
    void redo() override;
    void undo() override;

private:
    qint64 m_imageId;
    ImageEdit m_edit;
    std::shared_ptr<ImageEdit> m_before;
};
