#pragma once

#include "catalog/entity.h"

#include <QDialog>

class CatalogThread;
class QLineEdit;
class QListWidget;
class QTimer;

// "Link to…": finds an entity of any kind by key or name, as the user types; the search
// runs on the catalog thread.
class EntityChooser final : public QDialog
{
    Q_OBJECT
public:
    EntityChooser(CatalogThread *catalog, QWidget *parent = nullptr);
    qint64 chosenEntityId() const;
    void accept() override;

private:
    void search();
    void show(int generation, const QList<Entity> &entities);

    CatalogThread *m_catalog;
    QLineEdit *m_filter;
    QListWidget *m_list;
    QTimer *m_delay;
    int m_generation = 0;
    int m_shownGeneration = 0;
    bool m_acceptWhenShown = false;
};
