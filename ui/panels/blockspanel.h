#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace chokepoint::ui {

class BlocksModel;
class Document;

/// The left panel: the scenario chooser, a reset button, a filter box and the blocks tree.
class BlocksPanel : public QWidget
{
    Q_OBJECT

public:
    explicit BlocksPanel(Document *document, QWidget *parent = nullptr);

    BlocksModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QComboBox *scenarioChooser() const { return m_scenarios; }
    void setFilter(const QString &text);

Q_SIGNALS:
    /// A node row was clicked.
    void nodeActivated(int nodeIndex);

private:
    /// Lists the model's scenarios (again, after one was recorded or its recording undone).
    void fillScenarios();
    void syncScenario(const QString &scenarioId);
    /// Scrolls the list to the first node with an action in force.
    void scrollToFirstAction();

    Document *m_document;
    BlocksModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTreeView *m_view;
    QComboBox *m_scenarios;
    QLineEdit *m_filter;
};

} // namespace chokepoint::ui
