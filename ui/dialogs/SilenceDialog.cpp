#include "SilenceDialog.h"

#include "ThemeColors.h"

#include "pages/AlertLevelDelegate.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace TiDesk {

SilenceDialog::SilenceDialog(const Alert &alert, const QString &envName, bool production,
                             QWidget *parent)
    : QDialog(parent)
    , m_alert(alert)
    , m_envName(envName)
    , m_matchers(Silence::matchersFor(alert))
{
    setObjectName(u"silenceDialog"_s);
    //: %1 = alert name
    setWindowTitle(tr("Silence %1").arg(alert.name));

    //: %1 = alert name, %2 = environment name
    auto *title = new QLabel(tr("Silence %1 in %2").arg(alert.name, envName), this);
    QFont tf = title->font();
    tf.setBold(true);
    tf.setPointSizeF(tf.pointSizeF() * 1.2);
    title->setFont(tf);
    title->setWordWrap(true);
    auto *level = new QLabel(Alert::levelDisplayName(alert.level), this);
    level->setObjectName(u"silenceLevel"_s);
    const QColor levelColor = AlertLevelDelegate::colorFor(alert.level);
    level->setStyleSheet(u"QLabel { color: %1; background: %2; border-radius: 8px; "
                         "padding: 1px 8px; font-weight: bold; }"_s.arg(
                             ThemeColors::bestTextOn(levelColor).name(), levelColor.name()));
    auto *head = new QHBoxLayout;
    head->addWidget(title, 1);
    head->addWidget(level, 0, Qt::AlignTop);

    auto *summary = new QLabel(alert.summary, this);
    summary->setWordWrap(true);

    QStringList shown;
    for (const SilenceMatcher &m : std::as_const(m_matchers))
        shown << m.toString();
    auto *matcherLabel = new QLabel(this);
    matcherLabel->setObjectName(u"silenceMatchers"_s);
    matcherLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    matcherLabel->setText(shown.isEmpty()
                              ? tr("(none: this alert has no name and cannot be silenced)")
                              : shown.join(u'\n'));
    QFont mono(u"monospace"_s);
    mono.setStyleHint(QFont::Monospace);
    matcherLabel->setFont(mono);
    matcherLabel->setAccessibleName(tr("Matchers of the silence"));
    matcherLabel->setToolTip(tr("The silence mutes every alert whose labels match all of these."));

    m_duration = new QComboBox(this);
    m_duration->setObjectName(u"silenceDuration"_s);
    m_duration->setAccessibleName(tr("Duration"));
    m_duration->addItems({ tr("1 hour"), tr("4 hours"), tr("1 day"), tr("Custom\u2026") });
    m_customValue = new QSpinBox(this);
    m_customValue->setObjectName(u"silenceCustomValue"_s);
    m_customValue->setAccessibleName(tr("Custom duration"));
    m_customValue->setRange(1, 999);
    m_customValue->setValue(2);
    m_customUnit = new QComboBox(this);
    m_customUnit->setObjectName(u"silenceCustomUnit"_s);
    m_customUnit->setAccessibleName(tr("Custom duration unit"));
    m_customUnit->addItems({ tr("minutes"), tr("hours"), tr("days") });
    m_customUnit->setCurrentIndex(Hours);
    auto *durationRow = new QHBoxLayout;
    durationRow->addWidget(m_duration);
    durationRow->addWidget(m_customValue);
    durationRow->addWidget(m_customUnit);
    durationRow->addStretch(1);
    m_until = new QLabel(this);
    m_until->setObjectName(u"silenceUntil"_s);

    m_comment = new QPlainTextEdit(this);
    m_comment->setObjectName(u"silenceComment"_s);
    m_comment->setAccessibleName(tr("Comment"));
    m_comment->setPlaceholderText(tr("Why is this alert muted? (required, e.g. a ticket number)"));
    m_comment->setTabChangesFocus(true);
    m_comment->setFixedHeight(m_comment->fontMetrics().lineSpacing() * 4 + 12);

    auto *form = new QFormLayout;
    form->addRow(tr("Matchers:"), matcherLabel);
    form->addRow(tr("Duration:"), durationRow);
    form->addRow(QString(), m_until);
    form->addRow(tr("Comment:"), m_comment);
    form->addRow(tr("Created by:"), new QLabel(Silence::currentUserName(), this));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Silence"));
    ok->setObjectName(u"silenceOk"_s);
    ok->setAccessibleName(tr("Create the silence"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (isConfirmEnabled())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(head);
    layout->addWidget(summary);
    layout->addLayout(form);
    if (production) {
        //: %1 = environment name
        m_confirm = new QCheckBox(
            tr("%1 is a PRODUCTION environment: I want to silence this alert there").arg(envName),
            this);
        m_confirm->setObjectName(u"silenceConfirmProd"_s);
        ThemeColors::setTextRole(m_confirm, ThemeColors::Role::Error);
        QFont cf = m_confirm->font();
        cf.setBold(true);
        m_confirm->setFont(cf);
        layout->addWidget(m_confirm);
        connect(m_confirm, &QCheckBox::toggled, this, &SilenceDialog::updateState);
    }
    layout->addWidget(m_buttons);

    connect(m_duration, &QComboBox::currentIndexChanged, this, &SilenceDialog::updateState);
    connect(m_customValue, &QSpinBox::valueChanged, this, &SilenceDialog::updateState);
    connect(m_customUnit, &QComboBox::currentIndexChanged, this, &SilenceDialog::updateState);
    connect(m_comment, &QPlainTextEdit::textChanged, this, &SilenceDialog::updateState);
    updateState();
    m_comment->setFocus();
    resize(560, sizeHint().height());
}

std::chrono::seconds SilenceDialog::duration() const
{
    using namespace std::chrono;
    switch (m_duration->currentIndex()) {
    case OneHour: return hours(1);
    case FourHours: return hours(4);
    case OneDay: return hours(24);
    default: break;
    }
    const int v = m_customValue->value();
    switch (m_customUnit->currentIndex()) {
    case Minutes: return minutes(v);
    case Days: return hours(24) * v;
    default: break;
    }
    return hours(v);
}

QString SilenceDialog::comment() const
{
    return m_comment->toPlainText().trimmed();
}

bool SilenceDialog::isConfirmEnabled() const
{
    return !m_matchers.isEmpty() && !comment().isEmpty() && (!m_confirm || m_confirm->isChecked());
}

Result<Silence> SilenceDialog::silence() const
{
    if (m_confirm && !m_confirm->isChecked())
        return Error::make(ErrorKind::InvalidInput,
                           tr("Confirm that you want to silence an alert of a production "
                              "environment"));
    return Silence::make(m_matchers, duration(), comment());
}

void SilenceDialog::setDuration(Preset preset)
{
    m_duration->setCurrentIndex(preset);
}

void SilenceDialog::setCustomDuration(int value, Unit unit)
{
    m_duration->setCurrentIndex(Custom);
    m_customValue->setValue(value);
    m_customUnit->setCurrentIndex(unit);
}

void SilenceDialog::setComment(const QString &comment)
{
    m_comment->setPlainText(comment);
}

void SilenceDialog::updateState()
{
    const bool custom = m_duration->currentIndex() == Custom;
    m_customValue->setVisible(custom);
    m_customUnit->setVisible(custom);
    const QDateTime until = QDateTime::currentDateTime().addSecs(duration().count());
    //: %1 = date and time the silence ends
    m_until->setText(tr("Until %1").arg(QLocale().toString(until, QLocale::ShortFormat)));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(isConfirmEnabled());
}

} // namespace TiDesk
