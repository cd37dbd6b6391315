#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

struct ImageRecord;
class FileStore;

// What the viewer needs to show one image: where its files are and how big it really is.
// Made on the GUI thread from a catalog record; read from on a pool thread.
struct ViewerImage final
{
    qint64 id = 0;
    QString title;               // the caption, else the original's file name
    QSize uprightSize;           // the original once oriented: the geometry zoom refers to
    QStringList renditionPaths;  // largest first (they are stored upright)
    QString originalPath;        // stored as shot
    int exifOrientation = 1;
    int quarterTurns = 0;        // the user's rotation, clockwise

    static ViewerImage fromRecord(const ImageRecord &record, const FileStore &store);
    // True when both show the same pixels (a caption edit, not a rotation).
    bool samePixels(const ViewerImage &other) const;
};
