#pragma once

#include "document/document.h"
#include "model/node.h"
#include "style/palette.h"

#include <QCoreApplication>
#include <QGraphicsItem>
#include <QStaticText>

namespace chokepoint::ui {

/// What predict-then-reveal put on a node: a guess, then how the guess fared.
enum class NodeMark { None, Predicted, Hit, Partial, Wrong, Surprise };

/**
 * One node on the map: a rounded box filled with a tint of its state's colour, a strip on the left
 * holding the state's mark (✓ ! ✕), its kind in small type and its name on up to two lines.
 * What the user put on it shows as an outline and a badge, so it reads in greyscale too: blocked is
 * a thick black outline and a "BLOCKED" badge, throttled a dashed reddish-purple one, an enabled
 * countermeasure a blue one; a countermeasure nobody switched on is drawn grey and dashed, "OFF",
 * rather than as a failure. Gates are drawn with cut corners.
 *
 * In predict-then-reveal a node carries a mark: a class's guess that it fails (a dotted ring and
 * a "FAILS?" badge), then after the reveal a hit, a partial hit, a wrong guess, or a surprise (a
 * thick ring and a "SURPRISE" badge: it failed and nobody said so).
 *
 * The item only paints: the scene sets its state, and interaction lives in MapController.
 * Its position is the node's centre.
 */
class NodeItem : public QGraphicsItem
{
    Q_DECLARE_TR_FUNCTIONS(NodeItem)

public:
    enum { Type = UserType + 1 };

    NodeItem(int index, const Node &node, const Palette *palette);

    int type() const override { return Type; }
    int index() const { return m_index; }
    Kind kind() const { return m_kind; }

    State state() const { return m_state; }
    NodeAction action() const { return m_action; }
    bool isPreviewed() const { return m_previewed; }
    bool isHovered() const { return m_hovered; }
    /// True for a countermeasure that is not enabled: drawn "off", not "failed".
    bool isOff() const { return m_kind == Kind::Countermeasure && m_action != NodeAction::Enable; }

    void setState(State state);
    void setAction(NodeAction action);
    /// Marks the node as part of a would-be cut set ("WOULD BLOCK").
    void setPreviewed(bool previewed);
    void setHovered(bool hovered);
    NodeMark mark() const { return m_mark; }
    void setMark(NodeMark mark);
    /**
     * Shows the way from `from` to the node's state: at 0 it is drawn in `from`'s colours and
     * mark, at 1 in its own; in between the colours blend (the map's fade when a step is applied).
     */
    void setFade(State from, double progress);
    double fade() const { return m_fade; }
    /// Names the node again in the interface's language: its name, kind line and tooltip.
    void retranslate(const Node &node);
    /// Called after the palette the item points to changed.
    void paletteChanged() { update(); }

    /// The box, without badges and rings, in item coordinates.
    static QRectF boxRect();

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QPainterPath outlinePath() const;
    void paintBadge(QPainter *painter, const QString &text, const QColor &background, const QColor &foreground,
                    bool left) const;
    void updateToolTip();
    void paintMark(QPainter *painter) const;

    int m_index;
    Kind m_kind;
    const Palette *m_palette;
    QString m_name;
    QString m_kindText;
    QStaticText m_kindLine;
    std::vector<QStaticText> m_nameLines;
    State m_state = State::Ok;
    NodeAction m_action = NodeAction::None;
    bool m_previewed = false;
    bool m_hovered = false;
    NodeMark m_mark = NodeMark::None;
    State m_fadeFrom = State::Ok;
    double m_fade = 1.0;
};

} // namespace chokepoint::ui
