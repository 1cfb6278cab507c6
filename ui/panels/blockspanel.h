#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
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

protected:
    void changeEvent(QEvent *event) override;

private:
    /// The texts in the interface's language (at construction and after a language change).
    void retranslate();
    /// Lists the model's scenarios, titled in the interface's language (again after one was
    /// recorded or its recording undone).
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
    QLabel *m_scenarioLabel;
    QPushButton *m_reset;
};

} // namespace chokepoint::ui
