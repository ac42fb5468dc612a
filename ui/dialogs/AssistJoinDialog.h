// AssistJoinDialog: "Join an expert session": the expert pastes the session code the DBA gave
// (checked as it is typed with SessionCode::parse, the reason shown under it: a wrong part, a
// mistyped character caught by the check character, an expired code), gives a name (the DBA
// sees it before letting anyone in), the relay account to use (user@host:port; empty = the
// code's relay) and the SSH key for it. Join is enabled only for a valid code and a name;
// options()/code() give what AssistExpertSession needs. The name, key and known_hosts are
// remembered in AppSettings. Threading: GUI thread only.
#pragma once

#include "assist/AssistExpertSession.h"
#include "assist/SessionCode.h"

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace TiDesk {

class AssistJoinDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit AssistJoinDialog(QWidget *parent = nullptr);

    [[nodiscard]] std::optional<SessionCode> code() const { return m_parsed; }
    [[nodiscard]] AssistExpertOptions options() const;
    [[nodiscard]] bool canJoin() const;

    [[nodiscard]] QLineEdit *codeEdit() const { return m_code; }
    [[nodiscard]] QLineEdit *nameEdit() const { return m_name; }
    [[nodiscard]] QLineEdit *relayEdit() const { return m_relay; }
    [[nodiscard]] QLineEdit *keyEdit() const { return m_key; }
    [[nodiscard]] QLineEdit *knownHostsEdit() const { return m_knownHosts; }
    [[nodiscard]] QLabel *codeProblem() const { return m_codeProblem; }
    [[nodiscard]] QPushButton *joinButton() const;

    void accept() override;

private:
    void validate();
    void browse(QLineEdit *edit, const QString &title);

    std::optional<SessionCode> m_parsed;
    QLineEdit *m_code = nullptr;
    QLabel *m_codeProblem = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_relay = nullptr;
    QLabel *m_relayProblem = nullptr;
    QLineEdit *m_key = nullptr;
    QLineEdit *m_knownHosts = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace TiDesk
