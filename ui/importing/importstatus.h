#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

// The status bar's import part: "Importing 12 of 40" with a bar and a cancel button,
// hidden when no import runs.
class ImportStatus final : public QWidget
{
    Q_OBJECT
public:
    explicit ImportStatus(QWidget *parent = nullptr);

    void begin(int total);
    void setProgress(int done, int total);
    void end();

signals:
    void cancelRequested();

private:
    QLabel *m_label;
    QProgressBar *m_bar;
    QToolButton *m_cancel;
};
