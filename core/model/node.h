#pragma once

#include "model/source.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace chokepoint {

/// The logic a node applies to its hard and fallback dependencies (DESIGN.md §3).
struct Gate
{
    GateKind kind = GateKind::All;
    int k = 0; ///< only for GateKind::AtLeast

    friend bool operator==(const Gate &, const Gate &) = default;
};

/// The evidence an edge carries; most edges of a synthetic model carry none, so it is held apart.
struct DependencyEvidence
{
    std::string note;
    std::string date;
    Sources sources;
    Confidence confidence = Confidence::Unset;
    Json extra = Json::object();

    friend bool operator==(const DependencyEvidence &, const DependencyEvidence &) = default;
};

/// One edge: this node depends on `node`.
class Dependency
{
public:
    Dependency() = default;
    Dependency(std::string nodeId, DepType depType) : node(std::move(nodeId)), type(depType) {}
    Dependency(const Dependency &other);
    Dependency &operator=(const Dependency &other);
    Dependency(Dependency &&) noexcept = default;
    Dependency &operator=(Dependency &&) noexcept = default;
    ~Dependency() = default;

    std::string node;
    DepType type = DepType::Hard;

    /// The edge's evidence, or null when it has none (a bare "ID" in JSON).
    const DependencyEvidence *evidence() const { return m_evidence.get(); }
    /// The edge's evidence, created empty on first use.
    DependencyEvidence &mutableEvidence();
    bool hasEvidence() const { return m_evidence != nullptr; }

    friend bool operator==(const Dependency &a, const Dependency &b);

private:
    std::unique_ptr<DependencyEvidence> m_evidence;
};

/// A service, app, function or piece of infrastructure in the dependency graph (DESIGN.md §2).
struct Node
{
    std::string id;
    std::string name;
    Kind kind = Kind::Service;
    Gate gate;
    std::vector<Dependency> dependsOn;
    bool blockable = false;
    std::int64_t users = 0;
    std::string category;
    std::string owner;
    std::string description;
    Sources sources;
    Confidence confidence = Confidence::Unset;
    std::vector<std::string> tags;
    // Both are null until they hold something: a million nodes with two empty JSON objects each
    // cost 200 MB and a third of a second to make. Null reads as empty (find, contains,
    // iteration, empty()), and operator[] turns it into an object.
    Json i18n;  ///< null, or {"ru": {"name": …, "description": …}}
    Json extra; ///< null, or the fields this version does not know, kept on round trip

    /// The name in `lang` when the node carries one, else the default name.
    const std::string &displayName(std::string_view lang = {}) const;

    friend bool operator==(const Node &, const Node &) = default;
};

} // namespace chokepoint
