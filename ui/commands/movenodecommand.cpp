#include "commands/movenodecommand.h"

#include "commands/commandids.h"
#include "document/document.h"
#include "i18n/language.h"

#include <QCoreApplication>

namespace chokepoint::ui {

MoveNodeCommand::MoveNodeCommand(Document *document, QString nodeId, NodePosition from, NodePosition to)
    : Command([document, nodeId] {
          const auto index = document->indexOf(nodeId);
          return QCoreApplication::translate("MoveNodeCommand", "Move %1")
              .arg(index ? nodeName(document->node(*index)) : nodeId);
      }),
      m_document(document), m_nodeId(std::move(nodeId)), m_from(from), m_to(to)
{
}

void MoveNodeCommand::undo() { m_document->setPositionNow(m_nodeId, m_from); }
void MoveNodeCommand::redo() { m_document->setPositionNow(m_nodeId, m_to); }
int MoveNodeCommand::id() const { return kMoveNodeId; }

bool MoveNodeCommand::mergeWith(const QUndoCommand *other)
{
    const auto *move = static_cast<const MoveNodeCommand *>(other);
    if (move->m_nodeId != m_nodeId)
        return false;
    m_to = move->m_to;
    setObsolete(m_from == m_to);
    return true;
}

} // namespace chokepoint::ui
