#include "viewer/viewerinfobar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

#include <cmath>

namespace {

QLabel *newLabel(const QString &accessibleName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setAccessibleName(accessibleName);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

ViewerInfoBar::ViewerInfoBar(QWidget *parent)
    : QWidget(parent),
      m_title(newLabel(tr("Caption"), this)),
      m_position(newLabel(tr("Position"), this)),
      m_zoom(newLabel(tr("Zoom"), this))
{
    setAutoFillBackground(true);
    QPalette colours = palette();
    colours.setColor(QPalette::Window, QColor(0x26, 0x26, 0x29));
    colours.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    setPalette(colours);

    // A long caption is cut, never widens the window; the whole text is in the tooltip.
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_zoom->setMinimumWidth(m_zoom->fontMetrics().horizontalAdvance(tr("1600 % (fit)")));
    m_zoom->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 12, 6);
    layout->setSpacing(24);
    layout->addWidget(m_title, 1);
    layout->addWidget(m_position);
    layout->addWidget(m_zoom);
}

void ViewerInfoBar::setTitle(const QString &title)
{
    m_title->setText(title);
    m_title->setToolTip(title);
}

void ViewerInfoBar::setPosition(int index, int count)
{
    m_position->setText(count > 0 ? tr("%1 of %2").arg(QLocale().toString(index + 1), QLocale().toString(count))
                                  : QString());
}

void ViewerInfoBar::setZoom(double zoom, bool fitted)
{
    const QString percent = QLocale().toString(qRound(zoom * 100.0));
    m_zoom->setText(fitted ? tr("%1 % (fit)").arg(percent) : tr("%1 %").arg(percent));
}

void ViewerInfoBar::clearZoom()
{
    m_zoom->clear();
}

QString ViewerInfoBar::title() const
{
    return m_title->text();
}

QString ViewerInfoBar::positionText() const
{
    return m_position->text();
}

QString ViewerInfoBar::zoomText() const
{
    return m_zoom->text();
}
