#pragma once

#include <QPointer>
#include <QWidget>

class QPushButton;
class QTextBrowser;

namespace chokepoint::ui {

class Document;

/**
 * The presenter's notes (issue 7): the current step of the scenario's timeline, its notes, what
 * comes next and the scenario's description, for the teacher's eyes only. With a second screen
 * attached it fills the screen the presentation is not on; otherwise it is a small window kept
 * on top in a corner. It follows the document on its own. "Edit Notes…" writes the current step's
 * notes in the interface's language (one undoable edit, saved with the document).
 */
class PresenterNotes : public QWidget
{
    Q_OBJECT

public:
    explicit PresenterNotes(Document *document, QWidget *parent = nullptr);

    void setDocument(Document *document);
    /// True when a screen other than `window`'s is attached.
    static bool hasSecondScreen(const QWidget *window);
    /// Moves to the screen `window` is not on (maximized), or to a corner of its screen.
    void placeBeside(const QWidget *window);
    void refresh();
    /// What the notes say, as plain text (tests).
    QString plainText() const;
    /// Asks for the current step's notes and writes them.
    void editNotes();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QPointer<Document> m_document;
    QTextBrowser *m_text;
    QPushButton *m_edit;
};

} // namespace chokepoint::ui
