// bench/chart_export: the time to export an impact chart as PNG (issue 6: ≤ 150 ms).
//
// Opens the shipped model offscreen with the FaceTime 2025 scenario, draws each chart kind once,
// then exports it as a 1200×750 PNG (scale 1) to a temporary file `runs` times. The time covers
// the layout at the export size, the rendering, PNG encoding and the write. Prints one JSON object:
//   {"model": …, "scenario": …, "size": "1200x750", "runs": …, "median_ms": {KIND: …}, "max_median_ms": …}
#include "charts/chartcanvas.h"
#include "charts/chartdrawing.h"
#include "charts/chartexport.h"
#include "charts/chartinput.h"
#include "document/document.h"
#include "io/jsonformat.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

using namespace chokepoint;
using namespace chokepoint::ui;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QString modelPath = argc > 1 ? QString::fromLocal8Bit(argv[1])
                                       : QStringLiteral(CHOKEPOINT_DATA_DIR "/iphone-russia.json");
    const QString scenario = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QStringLiteral("facetime-2025");
    const int runs = 25;
    const QSize size(1200, 750);

    DocumentData data;
    data.model = readJsonModel(modelPath.toStdString());
    Document doc(std::move(data));
    doc.applyScenario(scenario);
    QTemporaryDir dir;
    ChartCanvas canvas;
    canvas.resize(size);

    QJsonObject medians;
    double worst = 0;
    for (ChartKind kind : kChartKinds) {
        drawChart(&canvas, kind, chartInput(doc, doc.model().scenario("port-5223-blocked")),
                  Palette::screen());
        const QString file = dir.filePath(chartKindId(kind) + QStringLiteral(".png"));
        std::vector<double> ms;
        for (int i = 0; i < runs; ++i) {
            QElapsedTimer timer;
            timer.start();
            if (!exportChart(&canvas, file, {size, 1.0, {}})) {
                std::fprintf(stderr, "chart_export: cannot write %s\n", qPrintable(file));
                return 1;
            }
            ms.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        }
        const double m = median(ms);
        medians[chartKindId(kind)] = std::round(m * 100) / 100;
        worst = std::max(worst, m);
    }
    QJsonObject out{{"model", modelPath},
                    {"scenario", scenario},
                    {"size", QStringLiteral("%1x%2").arg(size.width()).arg(size.height())},
                    {"runs", runs},
                    {"median_ms", medians},
                    {"max_median_ms", std::round(worst * 100) / 100},
                    {"target_ms", 150}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return worst <= 150 ? 0 : 1;
}
