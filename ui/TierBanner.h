// TierBanner: the full-width strip at the top of the main window that says which environment
// the DBA is working on. Production is loud (white on red, tall, bold); other tiers are a
// subtle tinted strip in the tier colour. Nothing selected: hidden. Colours come from
// TierStyle::bannerColors() for the current palette and are rebuilt on a palette change.
// Threading: GUI thread only.
#pragma once

#include "inventory/Environment.h"

#include <QColor>
#include <QWidget>

class QLabel;

namespace TiDesk {

class TierBanner final : public QWidget
{
    Q_OBJECT
public:
    explicit TierBanner(QWidget *parent = nullptr);

    void setEnvironment(const Environment &env);
    void clearEnvironment();

    [[nodiscard]] QString text() const;
    [[nodiscard]] QColor backgroundColor() const { return m_background; }
    [[nodiscard]] bool isProduction() const { return m_production; }
    [[nodiscard]] QColor textColor() const { return m_text; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void applyColors();

    Environment m_env;
    bool m_hasEnv = false;
    QLabel *m_label = nullptr;
    QLabel *m_hint = nullptr;
    QColor m_background;
    QColor m_accent;
    QColor m_text;
    bool m_production = false;
};

} // namespace TiDesk
