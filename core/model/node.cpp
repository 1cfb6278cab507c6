#include "model/node.h"

namespace chokepoint {

Dependency::Dependency(const Dependency &other)
    : node(other.node), type(other.type),
      m_evidence(other.m_evidence ? std::make_unique<DependencyEvidence>(*other.m_evidence) : nullptr)
{
}

Dependency &Dependency::operator=(const Dependency &other)
{
    if (this != &other) {
        Dependency copy(other);
        *this = std::move(copy);
    }
    return *this;
}

DependencyEvidence &Dependency::mutableEvidence()
{
    if (!m_evidence)
        m_evidence = std::make_unique<DependencyEvidence>();
    return *m_evidence;
}

bool operator==(const Dependency &a, const Dependency &b)
{
    if (a.node != b.node || a.type != b.type)
        return false;
    static const DependencyEvidence kNone;
    const DependencyEvidence &ea = a.m_evidence ? *a.m_evidence : kNone;
    const DependencyEvidence &eb = b.m_evidence ? *b.m_evidence : kNone;
    return ea == eb;
}

const std::string &Node::displayName(std::string_view lang) const
{
    if (!lang.empty()) {
        auto it = i18n.find(lang);
        if (it != i18n.end() && it->is_object()) {
            auto n = it->find("name");
            if (n != it->end() && n->is_string())
                return n->get_ref<const std::string &>();
        }
    }
    return name;
}

} // namespace chokepoint
