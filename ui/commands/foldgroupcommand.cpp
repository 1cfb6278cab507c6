#include "commands/foldgroupcommand.h"

#include "document/document.h"
#include "map/nodegroups.h"

#include <QCoreApplication>

namespace chokepoint::ui {

FoldGroupCommand::FoldGroupCommand(Document *document, QString key, bool wasFolded, bool folded)
    : Command([document, key, folded] {
          const QString title = groupTitle(document->model(), sstr(key));
          return folded ? QCoreApplication::translate("FoldGroupCommand", "Fold %1").arg(title)
                        : QCoreApplication::translate("FoldGroupCommand", "Unfold %1").arg(title);
      }),
      m_document(document), m_key(std::move(key)), m_wasFolded(wasFolded), m_folded(folded)
{
}

void FoldGroupCommand::undo() { m_document->setGroupFoldedNow(m_key, m_wasFolded); }
void FoldGroupCommand::redo() { m_document->setGroupFoldedNow(m_key, m_folded); }

} // namespace chokepoint::ui
