#pragma once

#include "model/types.h"

#include <QColor>
#include <QString>

namespace chokepoint::ui {

/**
 * Colours, marks and sizes shared by the map, the panels and the charts, in one place.
 * States use the Okabe–Ito colour-blind-safe palette, always together with a mark (✓ ! ✕) so
 * they read in greyscale and for every kind of colour vision.
 */
struct Palette
{
    QColor ok;
    QColor degraded;
    QColor failed;
    QColor blocked;    ///< the outline of a node a scenario blocks
    QColor throttled;
    QColor enabled;    ///< an enabled countermeasure
    QColor background;
    QColor text;
    QColor edge;
    QColor highlight;  ///< hover and selection
    QColor layerBand;  ///< the bands behind the layers
    QColor surprise;   ///< predict-then-reveal: a node that failed and nobody predicted

    QColor stateColor(State s) const { return s == State::Ok ? ok : s == State::Degraded ? degraded : failed; }

    /// The screen palette.
    static Palette screen();
    /// High contrast for washed-out projectors, still colour-blind safe.
    static Palette projector();
};

/// The mark drawn with a state: "✓", "!" or "✕".
QString stateMark(State s);
/// "ok", "degraded", "failed", translated.
QString stateName(State s);
/// A layer's name for people ("Network", "Platform", "Functions", "Apps", "Helpers").
QString layerName(Layer l);
/// A kind's name for people ("IP range", "Platform service"…).
QString kindName(Kind k);
/// The same inside a sentence: "platform service", but "IP range" and "DNS" keep their capitals.
QString kindNameInText(Kind k);

} // namespace chokepoint::ui
