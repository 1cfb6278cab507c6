// bench/ui_toggle: the time from a toggle to the repainted map.
//
// Opens a model offscreen in a MapView fitted to 1400×900, then toggles blockable nodes in turn
// through the Document (block, then lift the block). Each toggle is timed twice over:
//  - median_ms / p95_ms / max_ms: what the window does — the toggle, then the event loop runs
//    until the posted repaint of the changed region has been painted (QGraphicsView's minimal
//    viewport updates);
//  - full_median_ms / full_p95_ms: the worst case — the toggle, then the whole viewport repainted
//    synchronously (viewport()->repaint(): every visible item drawn);
//  - update_p95_ms: the toggle alone (engine, undo command, items told what changed), no painting.
// Prints one JSON line per model.
// With no argument it measures the shipped model and a generated ecosystem of 10,000 apps.
// Targets (issue 5): p95 ≤ 16 ms on the shipped model, ≤ 50 ms on 10,000 apps.
#include "document/document.h"
#include "io/jsonformat.h"
#include "map/mapscene.h"
#include "map/mapview.h"
#include "model/generator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

using namespace chokepoint;
using namespace chokepoint::ui;

namespace {

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const auto k = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(k, v.size() - 1)];
}

QJsonObject measure(const QString &name, DocumentData data, int maxToggles)
{
    QElapsedTimer timer;
    timer.start();
    Document doc(std::move(data));
    doc.applyScenario(QString()); // start from no actions
    MapScene scene(&doc);
    MapView view;
    view.setScene(&scene);
    view.resize(1400, 900);
    view.show();
    view.fitAll();
    QApplication::processEvents();
    view.viewport()->repaint();
    const double openMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;

    std::vector<int> blockable;
    for (int i = 0; i < doc.nodeCount(); ++i)
        if (doc.node(i).blockable)
            blockable.push_back(i);
    // On a big model, an even sample: every k-th blockable node.
    const std::size_t stride = std::max<std::size_t>(1, blockable.size() / static_cast<std::size_t>(maxToggles));
    std::vector<double> samples, full, update;
    for (std::size_t k = 0; k < blockable.size(); k += stride) {
        const QString id = qstr(doc.node(blockable[k]).id);
        for (NodeAction action : {NodeAction::Block, NodeAction::None}) {
            timer.restart();
            doc.setNodeAction(id, action);
            update.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
            QApplication::processEvents(); // the scene's changed() → the view's update → paint
            samples.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        }
        for (NodeAction action : {NodeAction::Block, NodeAction::None}) {
            timer.restart();
            doc.setNodeAction(id, action);
            view.viewport()->repaint();
            full.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
            QApplication::processEvents(); // drop the queued partial update before the next sample
        }
    }
    auto round2 = [](double v) { return std::round(v * 100) / 100; };
    QJsonObject o;
    o.insert(QStringLiteral("model"), name);
    o.insert(QStringLiteral("nodes"), doc.nodeCount());
    o.insert(QStringLiteral("items"), scene.nodeItemCount() + scene.groupItemCount() + scene.edgeItemCount());
    o.insert(QStringLiteral("open_ms"), round2(openMs));
    o.insert(QStringLiteral("toggles"), static_cast<int>(samples.size()));
    o.insert(QStringLiteral("median_ms"), round2(percentile(samples, 0.5)));
    o.insert(QStringLiteral("p95_ms"), round2(percentile(samples, 0.95)));
    o.insert(QStringLiteral("max_ms"), round2(percentile(samples, 1.0)));
    o.insert(QStringLiteral("update_p95_ms"), round2(percentile(update, 0.95)));
    o.insert(QStringLiteral("full_median_ms"), round2(percentile(full, 0.5)));
    o.insert(QStringLiteral("full_p95_ms"), round2(percentile(full, 0.95)));
    return o;
}

void print(const QJsonObject &o)
{
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Time from a toggle to the repainted map."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("model"), QStringLiteral("A JSON model (default: the shipped one)."));
    QCommandLineOption apps(QStringLiteral("apps"), QStringLiteral("Measure a generated ecosystem of N apps."),
                            QStringLiteral("N"));
    QCommandLineOption maxToggles(QStringLiteral("max-toggles"),
                                  QStringLiteral("Toggle at most about N nodes (an even sample)."), QStringLiteral("N"),
                                  QStringLiteral("500"));
    parser.addOptions({apps, maxToggles});
    parser.process(app);
    const int most = std::max(1, parser.value(maxToggles).toInt());

    try {
        const QStringList files = parser.positionalArguments();
        const bool defaults = files.isEmpty() && !parser.isSet(apps);
        if (defaults || !files.isEmpty()) {
            const QString file = files.isEmpty() ? QStringLiteral(CHOKEPOINT_DATA_DIR "/iphone-russia.json") : files.front();
            DocumentData data;
            data.model = readJsonModel(sstr(file));
            print(measure(QFileInfo(file).fileName(), std::move(data), most));
        }
        if (defaults || parser.isSet(apps)) {
            const int n = defaults ? 10000 : parser.value(apps).toInt();
            DocumentData data;
            data.model = generateEcosystem(static_cast<std::size_t>(n), 1);
            print(measure(QStringLiteral("generate --apps %1").arg(n), std::move(data), most));
        }
    } catch (const std::exception &e) {
        std::fprintf(stderr, "ui_toggle: %s\n", e.what());
        return 1;
    }
    return 0;
}
