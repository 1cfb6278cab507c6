#pragma once

#include <QWidget>

class QTextBrowser;

namespace chokepoint::ui {

class Document;

/**
 * The right panel: the selected node's name, kind, owner, state, users and description; why it
 * is failed or degraded (the chain from the blocks to it, in sentences) and what would restore
 * it; its dependencies and dependants (click to select); its sources with grade, date and
 * confidence.
 */
class Inspector : public QWidget
{
    Q_OBJECT

public:
    explicit Inspector(Document *document, QWidget *parent = nullptr);

    void setNode(int nodeIndex); ///< -1 shows a short guide
    int node() const { return m_node; }
    /// The text shown, for tests.
    QString plainText() const;

Q_SIGNALS:
    void nodeActivated(int nodeIndex);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    QString html() const;
    /// With no node selected: the scenario (or the user's own actions) and what they take down.
    QString overviewHtml() const;
    QString linkTo(const std::string &id) const;

    Document *m_document;
    QTextBrowser *m_browser;
    int m_node = -1;
};

} // namespace chokepoint::ui
