// SilenceDialog: "Silence this alert" - shows the matchers the silence will use (the alert's
// alertname, env, cluster and instance labels), a duration (1 hour, 4 hours, 1 day or a custom
// number of minutes / hours / days, with the end time it gives) and a comment, which is required.
// For a production environment an explicit confirmation checkbox must be ticked too. The dialog
// only asks: the caller sends silence() (AlertmanagerClient::createSilence) when it is accepted.
// Threading: GUI thread only.
#pragma once

#include "alerts/Alert.h"
#include "alerts/Silence.h"

#include <QDialog>

#include <chrono>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QSpinBox;

namespace TiDesk {

class SilenceDialog final : public QDialog
{
    Q_OBJECT
public:
    // Indices of the duration box.
    enum Preset { OneHour, FourHours, OneDay, Custom };
    enum Unit { Minutes, Hours, Days };

    SilenceDialog(const Alert &alert, const QString &envName, bool production,
                  QWidget *parent = nullptr);

    [[nodiscard]] Alert alert() const { return m_alert; }
    [[nodiscard]] QString envName() const { return m_envName; }
    [[nodiscard]] SilenceMatchers matchers() const { return m_matchers; }
    [[nodiscard]] std::chrono::seconds duration() const;
    [[nodiscard]] QString comment() const;
    [[nodiscard]] bool requiresConfirmation() const { return m_confirm != nullptr; }
    // Comment given, confirmation ticked where needed, matchers present.
    [[nodiscard]] bool isConfirmEnabled() const;
    // The silence to send, starting now (or why it cannot be sent).
    [[nodiscard]] Result<Silence> silence() const;

    void setDuration(Preset preset);
    void setCustomDuration(int value, Unit unit);
    void setComment(const QString &comment);

private:
    void updateState();

    Alert m_alert;
    QString m_envName;
    SilenceMatchers m_matchers;
    QComboBox *m_duration = nullptr;
    QSpinBox *m_customValue = nullptr;
    QComboBox *m_customUnit = nullptr;
    QLabel *m_until = nullptr;
    QPlainTextEdit *m_comment = nullptr;
    QCheckBox *m_confirm = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace TiDesk
