#pragma once

#include "common/result.h"
#include "imaging/renditionspec.h"
#include "storage/workspace.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class ImagingPool;

// The demo workspace a new user can start from: a few products, customers and a job with
// captioned, tagged images, made from the images shipped in resources/demo (installed to
// share/vitrine/demo). What goes where is described by the folder's demo.json.
class DemoWorkspace final
{
    Q_DECLARE_TR_FUNCTIONS(DemoWorkspace)
public:
    DemoWorkspace() = delete;

    static QString defaultName(); // "Demo"
    // VITRINE_DEMO_DIR if set, else <applicationDirPath>/../share/vitrine/demo if it holds
    // a demo.json, else the source tree's resources/demo (for programs run from the build
    // tree). Touches the file system: not for the GUI thread.
    static QString defaultImageFolder();

    // Creates the workspace, its entities, imports the images on the pool and sets their
    // captions, tags, types and links. Blocking (seconds): run it off the GUI thread.
    // Refuses an existing workspace; on any failure the half-made workspace is removed
    // again and the message names the file and the reason.
    static Result<Workspace> create(const QString &dataDir, const QString &imageFolder, ImagingPool &pool,
                                    const QString &name = defaultName(),
                                    const QList<RenditionSpec> &renditions = RenditionSpec::defaults());
};
