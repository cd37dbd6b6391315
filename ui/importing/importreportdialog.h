#pragma once

#include "import/importreport.h"

#include <QDialog>

class QTreeWidget;
class QTreeWidgetItem;

// After an import that did not bring in every file: which file, what happened and why;
// a duplicate names the image it matched and its entities, and a double click (or
// Enter, or "Show image") shows that image.
class ImportReportDialog final : public QDialog
{
    Q_OBJECT
public:
    ImportReportDialog(const ImportReport &report, QWidget *parent = nullptr);
    static QString summary(const ImportReport &report);
    // Worth showing: something failed, was a duplicate or was skipped.
    static bool needsAttention(const ImportReport &report);

signals:
    void showImageRequested(qint64 imageId);

private:
    void addItem(const ImportItemResult &item);
    void showSelected();

    QTreeWidget *m_list;
};
