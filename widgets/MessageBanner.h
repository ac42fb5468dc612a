// MessageBanner: an inline message strip (info / success / warning / error) shown above the
// content it concerns, with a close button and an optional action button ("Retry", "Unlock…").
// Pages use it for recoverable errors instead of modal message boxes. Hidden until showMessage().
// Critical is for the rare message that must not be missed (a possible attack): white on solid
// red with a larger headline. Colours derive from the palette and follow a theme switch.
// Threading: GUI thread only.
#pragma once

#include <QString>
#include <QWidget>

class QLabel;
class QPushButton;
class QToolButton;

namespace TiDesk {

class MessageBanner final : public QWidget
{
    Q_OBJECT
public:
    enum class Kind { Info, Success, Warning, Error, Critical };
    Q_ENUM(Kind)

    explicit MessageBanner(QWidget *parent = nullptr);

    // Shows the banner. detail is a second, smaller line (raw server text, a hint); actionText
    // adds a button that emits actionTriggered().
    void showMessage(Kind kind, const QString &text, const QString &detail = {},
                     const QString &actionText = {});
    // Hides the banner and forgets the message.
    void clear();

    [[nodiscard]] Kind kind() const { return m_kind; }
    [[nodiscard]] QString text() const;
    [[nodiscard]] QString detail() const;
    [[nodiscard]] bool isClosable() const { return m_closable; }
    void setClosable(bool closable);
    // The colours as painted now (they follow the palette).
    [[nodiscard]] QColor backgroundColor() const;
    [[nodiscard]] QColor textColor() const;

signals:
    void actionTriggered();
    void closed();

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void applyColors();

    Kind m_kind = Kind::Info;
    bool m_closable = true;
    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QLabel *m_detail = nullptr;
    QPushButton *m_action = nullptr;
    QToolButton *m_close = nullptr;
};

} // namespace TiDesk
