#pragma once

#include <QLabel>

namespace chokepoint::ui {

class Document;

/// The status line: blocks in force, functions and apps failed or degraded, users lost.
class StatusSummary : public QLabel
{
    Q_OBJECT

public:
    explicit StatusSummary(Document *document, QWidget *parent = nullptr);
    void refresh();

protected:
    void changeEvent(QEvent *event) override;

private:
    Document *m_document;
};

} // namespace chokepoint::ui
