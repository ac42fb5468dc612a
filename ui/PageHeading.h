// PageHeading: the top line of an environment page — the page title ("Sessions — prod") in large
// bold type and the environment's tier badge (PROD in red ...) — plus the one way pages make their
// headline (the biggest, boldest line: the number that matters) and colour it. Shared by the
// sessions, slow-query, rules and guardrails pages so they look alike.
// Threading: GUI thread only.
#pragma once

#include "inventory/Environment.h"

#include <QColor>
#include <QWidget>

class QLabel;

namespace TiDesk {

class TierBadge;

class PageHeading final : public QWidget
{
    Q_OBJECT
public:
    explicit PageHeading(const QString &title, QWidget *parent = nullptr);

    void setTitle(const QString &title);
    [[nodiscard]] QString title() const;
    // Shows env's tier badge next to the title.
    void setEnvironment(const Environment &env);

    // A word-wrapped bold label `scale` times the normal font size.
    [[nodiscard]] static QLabel *makeHeadline(const QString &objectName,
                                              const QString &accessibleName, double scale,
                                              QWidget *parent);
    // color invalid: the palette's normal text colour.
    static void setHeadlineColor(QLabel *headline, const QColor &color);

private:
    QLabel *m_title = nullptr;
    TierBadge *m_badge = nullptr;
};

} // namespace TiDesk
