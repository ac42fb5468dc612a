// TierBadge: a rounded colour pill with a short text ("PROD", "dev", "uat01"), used wherever an
// environment's tier must be recognisable at a glance. Knows nothing about environments: callers
// pass the colour and the text. The static paint() lets item delegates draw the same pill.
// Threading: GUI thread only.
#pragma once

#include <QColor>
#include <QString>
#include <QWidget>

namespace TiDesk {

class TierBadge final : public QWidget
{
    Q_OBJECT
    Q_PROPERTY(QString text READ text WRITE setText)
    Q_PROPERTY(QColor color READ color WRITE setColor)
public:
    explicit TierBadge(QWidget *parent = nullptr);
    TierBadge(const QString &text, const QColor &color, QWidget *parent = nullptr);

    [[nodiscard]] QString text() const { return m_text; }
    void setText(const QString &text);
    [[nodiscard]] QColor color() const { return m_color; }
    void setColor(const QColor &color);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // Black or white, whichever has the higher WCAG contrast on background.
    static QColor textColorFor(const QColor &background);
    // Draws a pill centred vertically in rect, left-aligned; returns the rectangle painted.
    static QRect paint(QPainter *painter, const QRect &rect, const QColor &color,
                       const QString &text, const QFont &font);
    // Size of a pill for text in font.
    static QSize pillSize(const QFont &font, const QString &text);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_text;
    QColor m_color = QColor(0x75, 0x75, 0x75);
};

} // namespace TiDesk
