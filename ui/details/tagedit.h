#pragma once

#include <QLineEdit>

class QCompleter;
class QStringListModel;

// Tags typed as "oak, chair, garden": the word being typed completes from the tags in use.
class TagEdit final : public QLineEdit
{
    Q_OBJECT
public:
    explicit TagEdit(QWidget *parent = nullptr);

    void setKnownTags(const QStringList &tags);
    void setTags(const QStringList &tags);
    QStringList tags() const;

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void complete(const QString &tag);
    void updatePrefix();

    QStringListModel *m_known;
    QCompleter *m_completer;
};
