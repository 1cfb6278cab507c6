#include "dialogs/cutsetdialog.h"

#include "document/document.h"
#include "engine/diagramstore.h"
#include "engine/impact.h"
#include "i18n/language.h"
#include "style/palette.h"

#include <QApplication>
#include <QCollator>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <condition_variable>
#include <limits>
#include <mutex>

namespace chokepoint::ui {
namespace {

enum Column { SetColumn, SizeColumn, UsersColumn, FunctionsColumn, AppsColumn, ColumnCount };

/// The n that picks a count's plural form in tr(): a count beyond an int keeps what English and
/// Russian plurals depend on (whether it is 1, its last two digits).
int pluralCount(std::uint64_t n)
{
    return n <= static_cast<std::uint64_t>(std::numeric_limits<int>::max()) ? static_cast<int>(n)
                                                                            : static_cast<int>(n % 100 + 100);
}

bool isTargetCandidate(const Node &n)
{
    return n.kind == Kind::Function || n.kind == Kind::App || n.kind == Kind::PlatformService ||
           n.kind == Kind::Service;
}

} // namespace

CutSetDialog::CutSetDialog(Document *document, QWidget *parent)
    : QDialog(parent), m_document(document), m_target(new QComboBox(this)), m_protect(new QListWidget(this)),
      m_maxSize(new QSpinBox(this)), m_limit(new QSpinBox(this)), m_find(new QPushButton(tr("&Find"), this)),
      m_cancel(new QPushButton(tr("Cancel search"), this)), m_apply(new QPushButton(tr("&Apply selected set"), this)),
      m_progress(new QProgressBar(this)), m_summary(new QLabel(this)), m_table(new QTableWidget(this))
{
    setWindowTitle(tr("How would they block…?"));
    resize(900, 640);

    std::vector<int> order(static_cast<std::size_t>(document->nodeCount()));
    QStringList names;
    for (int i = 0; i < document->nodeCount(); ++i) {
        order[static_cast<std::size_t>(i)] = i;
        names << nodeName(document->node(i));
    }
    const QCollator collator{QLocale()};
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const Node &na = document->node(a), &nb = document->node(b);
        if (layerOf(na.kind) != layerOf(nb.kind))
            return layerOf(na.kind) > layerOf(nb.kind); // apps first
        const int byName = collator.compare(names[a], names[b]);
        return byName != 0 ? byName < 0 : a < b;
    });
    for (int i : order) {
        const Node &n = document->node(i);
        if (isTargetCandidate(n))
            m_target->addItem(QStringLiteral("%1 — %2").arg(names[i], kindName(n.kind)), i);
        if (n.kind == Kind::Function || n.kind == Kind::App) {
            auto *item = new QListWidgetItem(names[i], m_protect);
            item->setData(Qt::UserRole, i);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
    }
    m_target->setEditable(true);
    m_target->setInsertPolicy(QComboBox::NoInsert);
    m_maxSize->setRange(0, 50);
    m_maxSize->setSpecialValueText(tr("no limit"));
    m_maxSize->setValue(4);
    m_limit->setRange(1, 1000);
    m_limit->setValue(50);
    m_protect->setToolTip(tr("Keep these working as they are now: only blocks that leave them alone are shown "
                             "(the surgical block)"));

    auto *form = new QFormLayout;
    form->addRow(tr("Take down:"), m_target);
    form->addRow(tr("At most this many blocks:"), m_maxSize);
    form->addRow(tr("List at most:"), m_limit);
    form->addRow(tr("Keep working (protected):"), m_protect);
    m_protect->setMaximumHeight(140);

    m_table->setColumnCount(ColumnCount);
    m_table->setHorizontalHeaderLabels(
        {tr("Blocks"), tr("Size"), tr("Collateral users lost"), tr("Functions failed"), tr("Apps failed")});
    for (int c = 0; c < ColumnCount; ++c)
        m_table->horizontalHeader()->setSectionResizeMode(c, c == SetColumn ? QHeaderView::Stretch
                                                                            : QHeaderView::ResizeToContents);
    m_table->horizontalHeaderItem(2)->setToolTip(
        tr("Users of the functions and apps that fail besides the target and what needs it "
           "(users count disruptions, not distinct people)"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        std::vector<int> nodes;
        const int row = m_table->currentRow();
        if (m_result && row >= 0 && static_cast<std::size_t>(row) < m_result->cutSets.size()) {
            for (std::uint32_t n : m_result->cutSets[static_cast<std::size_t>(row)].nodes)
                nodes.push_back(static_cast<int>(n));
        }
        m_apply->setEnabled(!nodes.empty());
        Q_EMIT previewRequested(nodes);
    });

    m_progress->setRange(0, 100);
    m_progress->hide();
    m_cancel->hide();
    m_apply->setEnabled(false);
    m_summary->setWordWrap(true);
    m_summary->setText(tr("Pick what to take down and press Find. Each answer is a smallest set of blocks that "
                          "does it; the table shows what else each one breaks."));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_apply, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_find, &QPushButton::clicked, this, &CutSetDialog::run);
    connect(m_apply, &QPushButton::clicked, this, &CutSetDialog::applySelected);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_worker)
            m_worker->request_stop();
    });
    connect(this, &QDialog::finished, this, [this] { Q_EMIT previewRequested({}); });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    auto *row = new QHBoxLayout;
    row->addWidget(m_find);
    row->addWidget(m_progress, 1);
    row->addWidget(m_cancel);
    layout->addLayout(row);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
}

CutSetDialog::~CutSetDialog()
{
    if (m_worker)
        m_worker->request_stop(); // the jthread joins on destruction
}

void CutSetDialog::setTarget(int nodeIndex)
{
    const int i = m_target->findData(nodeIndex);
    if (i >= 0)
        m_target->setCurrentIndex(i);
}

void CutSetDialog::setRunning(bool running)
{
    m_find->setEnabled(!running);
    m_cancel->setVisible(running);
    m_progress->setVisible(running);
    m_progress->setValue(0);
}

void CutSetDialog::run()
{
    if (m_worker)
        return;
    const int target = m_target->currentData().toInt();
    CutSetOptions options;
    options.maxSize = static_cast<std::size_t>(m_maxSize->value());
    options.limit = static_cast<std::size_t>(m_limit->value());
    for (int i = 0; i < m_protect->count(); ++i) {
        if (m_protect->item(i)->checkState() == Qt::Checked)
            options.protect.push_back(m_document->node(m_protect->item(i)->data(Qt::UserRole).toInt()).id);
    }
    QPointer<CutSetDialog> self(this);
    options.progress = [self](std::string_view, double fraction) {
        QMetaObject::invokeMethod(
            qApp, [self, fraction] {
                if (self)
                    self->m_progress->setValue(static_cast<int>(fraction * 100));
            },
            Qt::QueuedConnection);
    };
    setRunning(true);
    m_table->setRowCount(0);
    // The dialog is modal, so the document cannot change while the worker reads it.
    m_worker = std::make_unique<std::jthread>([this, self, target, options](std::stop_token stop) mutable {
        options.stop = stop;
        auto result = std::make_shared<CutSetResult>();
        QString error;
        try {
            *result = computeCutSets(m_document->model(), m_document->evaluator(), static_cast<std::size_t>(target),
                                     options);
        } catch (const Cancelled &) {
            error = tr("Cancelled.");
        } catch (const std::exception &e) {
            error = QString::fromUtf8(e.what());
        }
        QMetaObject::invokeMethod(
            qApp, [self, result, error] {
                if (self)
                    self->showResult(result, error);
            },
            Qt::QueuedConnection);
    });
}

void CutSetDialog::waitForResult()
{
    while (m_worker)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
}

void CutSetDialog::showResult(std::shared_ptr<CutSetResult> result, QString error)
{
    if (m_worker) {
        m_worker->join();
        m_worker.reset();
    }
    setRunning(false);
    if (!error.isEmpty()) {
        m_summary->setText(error);
        Q_EMIT finished(false);
        return;
    }
    m_result = std::move(result);
    const QString target =
        nodeName(m_document->node(m_document->indexOf(qstr(m_result->target)).value_or(0)));
    if (!m_result->reachable || m_result->count == 0) {
        m_summary->setText(m_result->targetState == State::Failed
                               ? tr("%1 has already failed.").arg(target)
                               : tr("No set of blocks can take down %1 under these conditions.").arg(target));
    } else {
        QStringList sizes;
        for (std::size_t s = 1; s < m_result->bySize.size(); ++s) {
            if (m_result->bySize[s])
                sizes << tr("%L1 of size %2").arg(m_result->bySize[s]).arg(s);
        }
        m_summary->setText(
            tr("<b>%L1</b> minimal way(s) to take down %2 (%3). %4", nullptr, pluralCount(m_result->count))
                .arg(m_result->count)
                .arg(target.toHtmlEscaped(), sizes.join(QStringLiteral(", ")),
                     m_result->truncated ? tr("Showing the first %1.").arg(m_result->cutSets.size())
                                         : QString()));
    }
    // Each listed set's functions and apps failed, from the incremental evaluator.
    Evaluator probe(m_document->evaluator());
    static const std::vector<std::string> kNoTargets;
    m_table->setRowCount(static_cast<int>(m_result->cutSets.size()));
    for (std::size_t r = 0; r < m_result->cutSets.size(); ++r) {
        const CutSet &set = m_result->cutSets[r];
        QStringList names;
        std::vector<std::pair<Vertex, std::uint8_t>> saved;
        for (std::uint32_t n : set.nodes) {
            names << nodeName(m_document->node(static_cast<int>(n)));
            const Vertex v = m_document->graph().vertexOf(n);
            saved.emplace_back(v, probe.flags(v));
            probe.setFlags(v, static_cast<std::uint8_t>(probe.flags(v) | kBlocked));
        }
        const Impact impact = computeImpact(m_document->model(), probe, kNoTargets);
        for (auto it = saved.rbegin(); it != saved.rend(); ++it)
            probe.setFlags(it->first, it->second);
        const int row = static_cast<int>(r);
        m_table->setItem(row, SetColumn, new QTableWidgetItem(names.join(QStringLiteral(" + "))));
        auto number = [](qint64 v) {
            auto *item = new QTableWidgetItem(QLocale().toString(v));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            return item;
        };
        m_table->setItem(row, SizeColumn, number(static_cast<qint64>(set.nodes.size())));
        m_table->setItem(row, UsersColumn, number(set.collateralUsers));
        m_table->setItem(row, FunctionsColumn, number(impact.all.functions.failed));
        m_table->setItem(row, AppsColumn, number(impact.all.apps.failed));
    }
    Q_EMIT finished(true);
}

void CutSetDialog::applySelected()
{
    const int row = m_table->currentRow();
    if (!m_result || row < 0 || static_cast<std::size_t>(row) >= m_result->cutSets.size())
        return;
    Actions actions = m_document->actions();
    QStringList ids;
    for (std::uint32_t n : m_result->cutSets[static_cast<std::size_t>(row)].nodes) {
        actions.push_back(Action{m_document->node(static_cast<int>(n)).id, ActionType::Block, Json::object()});
        ids << qstr(m_document->node(static_cast<int>(n)).id);
    }
    Document *document = m_document;
    m_document->applyActions(actions, m_document->scenarioId(), [document, ids] {
        QStringList names;
        for (const QString &id : ids)
            names << nodeName(document->node(document->indexOf(id).value_or(0)));
        return tr("Block %1").arg(names.join(QStringLiteral(" + ")));
    });
    Q_EMIT previewRequested({});
    accept();
}

} // namespace chokepoint::ui
