#include "commands/setnodeactioncommand.h"

#include "document/document.h"

namespace chokepoint::ui {

SetNodeActionCommand::SetNodeActionCommand(Document *document, QString nodeId, std::uint8_t after,
                                           CommandText text)
    : Command(std::move(text)), m_document(document), m_nodeId(std::move(nodeId)), m_other(after)
{
}

void SetNodeActionCommand::swap()
{
    const auto index = m_document->indexOf(m_nodeId);
    if (!index)
        return;
    const std::uint8_t current = m_document->flags(*index);
    m_document->setFlagsNow(*index, m_other);
    m_other = current;
}

} // namespace chokepoint::ui
