// The peer for `./run bench startup`: the smallest Qt Widgets program (a window with a label),
// printing "shown" at its first paint, so the same harness measures both.
#include <QApplication>
#include <QLabel>
#include <QPaintEvent>
#include <cstdio>

namespace {
class Label : public QLabel
{
public:
    using QLabel::QLabel;

protected:
    void paintEvent(QPaintEvent *e) override
    {
        QLabel::paintEvent(e);
        if (!m_reported) {
            m_reported = true;
            std::puts("shown");
            std::fflush(stdout);
        }
    }

private:
    bool m_reported = false;
};
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    Label label(QStringLiteral("minimal"));
    label.resize(1200, 800);
    label.show();
    return app.exec();
}
