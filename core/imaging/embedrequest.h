#pragma once

#include <QString>
#include <QStringList>

// Copy a JPEG with the catalog's texts embedded, so they travel with the file
// (`vitrine-cli export --renditions`). Where each text goes, in XMP and IPTC IIM:
//   caption     -> XMP photoshop:Headline, IPTC 2:105 Headline
//   description -> XMP dc:description,      IPTC 2:120 Caption/Abstract
//   altText     -> XMP Iptc4xmpCore:AltTextAccessibility (IPTC 2021; XMP only)
//   tags        -> XMP dc:subject,          IPTC 2:25 Keywords (one per tag)
//   imageType   -> XMP vitrine:imageType (namespace https://vitrine.invalid/ns/1.0/)
// Empty texts are left out; existing metadata of the source is kept.
struct EmbedRequest final
{
    QString source;       // a JPEG (renditions are); other formats are refused
    QString destination;  // written atomically; replaced if it exists
    QString caption;
    QString altText;
    QString description;
    QStringList tags;
    QString imageType;
};
