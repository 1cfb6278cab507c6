#pragma once

#include <QAbstractItemModel>
#include <QVector>

namespace chokepoint::ui {

class Document;

/**
 * Every blockable node and every countermeasure, grouped by what a censor would block: ports and
 * protocols, IP ranges, domains and DNS, CDNs and clouds, services, store listings,
 * countermeasures. Columns: the name, its state, and two check boxes (Block and Throttle; for a
 * countermeasure, Enable). Ticking a box pushes an undo command through the document
 * (STYLE.md 4); changes arriving from the document emit dataChanged for exactly the rows touched.
 */
class BlocksModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, StateColumn, BlockColumn, ThrottleColumn, ColumnCount };
    /// Data role holding the node's model index (int) on node rows, -1 on group rows.
    static constexpr int NodeIndexRole = Qt::UserRole + 1;
    /// Data role the filter searches: a node's name in the interface's language, its English
    /// name and its id; a group's title.
    static constexpr int SearchRole = Qt::UserRole + 2;

    explicit BlocksModel(Document *document, QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The row of node `nodeIndex`, or an invalid index when it is not listed.
    QModelIndex indexOfNode(int nodeIndex, int column = NameColumn) const;

    /// Reads the names in the interface's language again and sorts the rows by them (after a
    /// language change); selections and expanded rows follow their nodes.
    void retranslate();

private:
    struct Group
    {
        int key; // which group (blocksmodel.cpp)
        QString title;
        QVector<int> nodes; // model node indices, by name
    };

    /// Sorts each group's nodes by name in the interface's language and indexes their rows.
    void sortNodes();
    void nodesChanged(const QVector<int> &nodes);
    QVariant groupData(int group, int column, int role) const;
    QVariant nodeData(int node, int column, int role) const;

    Document *m_document;
    QVector<Group> m_groups;
    QVector<QPair<int, int>> m_rowOfNode; // node index → (group, row); (-1, -1) when not listed
};

} // namespace chokepoint::ui
