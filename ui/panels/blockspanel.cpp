#include "panels/blockspanel.h"

#include "document/document.h"
#include "i18n/language.h"
#include "panels/blocksmodel.h"

#include <QComboBox>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>
#include <utility>

namespace chokepoint::ui {

BlocksPanel::BlocksPanel(Document *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_model(new BlocksModel(document, this)),
      m_proxy(new QSortFilterProxyModel(this)), m_view(new QTreeView(this)), m_scenarios(new QComboBox(this)),
      m_filter(new QLineEdit(this)), m_scenarioLabel(new QLabel(this)), m_reset(new QPushButton(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    m_scenarioLabel->setBuddy(m_scenarios);
    // Scenario titles run long (longer still in Russian): the list shows them whole, the box
    // does not widen the dock for them.
    m_scenarios->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_scenarios->setMinimumContentsLength(16);
    fillScenarios();
    connect(document, &Document::scenariosChanged, this, &BlocksPanel::fillScenarios);
    connect(m_scenarios, &QComboBox::activated, this,
            [this](int i) { m_document->applyScenario(m_scenarios->itemData(i).toString()); });
    connect(document, &Document::scenarioChanged, this, &BlocksPanel::syncScenario);
    syncScenario(document->scenarioId());

    connect(m_reset, &QPushButton::clicked, document, &Document::clearActions);

    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, &BlocksPanel::setFilter);
    retranslate();

    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterRole(BlocksModel::SearchRole); // a name in either language, or an id
    m_view->setModel(m_proxy);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(BlocksModel::NameColumn, QHeaderView::Stretch);
    for (int c : {BlocksModel::StateColumn, BlocksModel::BlockColumn, BlocksModel::ThrottleColumn})
        m_view->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_view->expandAll();
    connect(m_view, &QTreeView::clicked, this, [this](const QModelIndex &index) {
        const int node = index.data(BlocksModel::NodeIndexRole).toInt();
        if (node >= 0)
            Q_EMIT nodeActivated(node);
    });

    layout->addWidget(m_scenarioLabel);
    layout->addWidget(m_scenarios);
    auto *row = new QHBoxLayout;
    row->addWidget(m_filter, 1);
    row->addWidget(m_reset);
    layout->addLayout(row);
    layout->addWidget(m_view, 1);
}

void BlocksPanel::setFilter(const QString &text)
{
    m_proxy->setFilterFixedString(text);
    m_view->expandAll();
}

void BlocksPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        fillScenarios();
        m_model->retranslate();
        m_view->expandAll();
    }
    QWidget::changeEvent(event);
}

void BlocksPanel::retranslate()
{
    m_scenarioLabel->setText(tr("&Scenario"));
    m_scenarios->setToolTip(tr("Apply one of the model's scenarios: its blocks replace the current ones"));
    m_reset->setText(tr("&Reset"));
    m_reset->setToolTip(tr("Lift every block, throttle and countermeasure (undoable)"));
    m_filter->setPlaceholderText(tr("Filter blocks…"));
}

void BlocksPanel::fillScenarios()
{
    const QSignalBlocker blocker(m_scenarios);
    m_scenarios->clear();
    m_scenarios->addItem(tr("None — nothing blocked"), QString());
    for (const Scenario &s : m_document->model().scenarios) {
        const QString title = scenarioTitle(s);
        m_scenarios->addItem(
            s.date.empty() || s.date == "n.d." ? title : QStringLiteral("%1 (%2)").arg(title, qstr(s.date)),
            qstr(s.id));
        m_scenarios->setItemData(m_scenarios->count() - 1, scenarioDescription(s), Qt::ToolTipRole);
    }
    const int i = m_scenarios->findData(m_document->scenarioId());
    m_scenarios->setCurrentIndex(i < 0 ? 0 : i);
}

void BlocksPanel::syncScenario(const QString &scenarioId)
{
    const QSignalBlocker blocker(m_scenarios);
    const int i = m_scenarios->findData(scenarioId);
    m_scenarios->setCurrentIndex(i < 0 ? 0 : i);
    if (!scenarioId.isEmpty())
        scrollToFirstAction();
}

void BlocksPanel::scrollToFirstAction()
{
    // The list is long (a hundred and more rows): a new scenario brings its first action into view.
    QModelIndex first;
    auto before = [](const QModelIndex &a, const QModelIndex &b) {
        return std::pair(a.parent().row(), a.row()) < std::pair(b.parent().row(), b.row());
    };
    for (int i = 0; i < m_document->nodeCount(); ++i) {
        if (m_document->action(i) == NodeAction::None)
            continue;
        const QModelIndex row = m_proxy->mapFromSource(m_model->indexOfNode(i));
        if (row.isValid() && (!first.isValid() || before(row, first)))
            first = row;
    }
    if (first.isValid())
        m_view->scrollTo(first, QAbstractItemView::PositionAtTop);
}

} // namespace chokepoint::ui
