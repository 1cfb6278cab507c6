#include "commands/foldgroupcommand.h"

#include "document/document.h"

#include <QCoreApplication>

namespace chokepoint::ui {

FoldGroupCommand::FoldGroupCommand(Document *document, QString key, QString title, bool wasFolded, bool folded)
    : QUndoCommand(folded ? QCoreApplication::translate("FoldGroupCommand", "Fold %1").arg(title)
                          : QCoreApplication::translate("FoldGroupCommand", "Unfold %1").arg(title)),
      m_document(document), m_key(std::move(key)), m_wasFolded(wasFolded), m_folded(folded)
{
}

void FoldGroupCommand::undo() { m_document->setGroupFoldedNow(m_key, m_wasFolded); }
void FoldGroupCommand::redo() { m_document->setGroupFoldedNow(m_key, m_folded); }

} // namespace chokepoint::ui
