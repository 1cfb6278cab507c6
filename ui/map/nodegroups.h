#pragma once

#include "model/model.h"

#include <QString>
#include <string>
#include <vector>

namespace chokepoint::ui {

/// Nodes of one kind and one category ("app/messaging"): what the map can fold into one box.
struct NodeGroup
{
    std::string key;      ///< "<kind>/<category>", stable across sessions (kept in view settings)
    Kind kind = Kind::App;
    std::string category;
    std::vector<int> members; ///< node indices ordered by name, then id; the first is the anchor
};

/// The key of the group `node` belongs to, or "" when it has no category.
std::string groupKeyOf(const Node &node);

/**
 * Every group of two or more nodes sharing kind and category, ordered by key. A pure function of
 * the model: the layout and the scene both use it, so a folded group sits where its anchor (the
 * first member) was laid out.
 */
std::vector<NodeGroup> groupNodes(const Model &model);

/**
 * A group's name for people, in the interface's language: its category (categoryName) and its
 * kind in the plural ("Messaging apps"; in Russian "Приложения: мессенджеры"), or the kind alone
 * when the category only repeats it ("CDNs").
 */
QString groupTitle(const Model &model, Kind kind, const std::string &category);
/// The same from a group's key ("app/messaging"); "" when the key names no kind.
QString groupTitle(const Model &model, const std::string &key);

} // namespace chokepoint::ui
