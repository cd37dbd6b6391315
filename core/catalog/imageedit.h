#pragma once

#include <QString>
#include <optional>

// The user-editable text fields of an image; only the fields that are set are changed.
struct ImageEdit final
{
    std::optional<QString> caption;
    std::optional<QString> altText;
    std::optional<QString> description;
    std::optional<QString> imageType; // for example "Produktfoto"
    std::optional<bool> front;
};
