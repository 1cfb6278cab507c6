#pragma once

#include <QString>
#include <QUndoCommand>
#include <functional>

namespace chokepoint::ui {

/**
 * How an undo command names itself in the history ("Block APNs"). A function rather than a
 * string, so that the name can be told again when the interface's language changes: it reads the
 * model through stable ids, as the commands do, and never holds pointers into it.
 */
using CommandText = std::function<QString()>;

/**
 * The base of Chokepoint's undo commands: a QUndoCommand whose text follows the interface's
 * language (Document::retranslate()). The text plays no part in undo and redo.
 */
class Command : public QUndoCommand
{
public:
    explicit Command(CommandText text) : m_text(std::move(text)) { setText(m_text()); }

    /// Names the command again, in the current language.
    void retranslate() { setText(m_text()); }

private:
    CommandText m_text;
};

} // namespace chokepoint::ui
