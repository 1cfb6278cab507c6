#pragma once

#include "model/types.h"
#include "style/palette.h"

#include <QCoreApplication>
#include <QGraphicsItem>
#include <QStaticText>
#include <array>

namespace chokepoint::ui {

/**
 * A folded group ("Messaging apps (1,250)"): a stack of cards in its worst member's state colour,
 * with that state's mark, the counts per state and a bar of their shares. Double-clicking it
 * unfolds it (MapController). Its position is its anchor member's.
 */
class GroupItem : public QGraphicsItem
{
    Q_DECLARE_TR_FUNCTIONS(GroupItem)

public:
    enum { Type = UserType + 3 };

    GroupItem(int group, const QString &title, const Palette *palette);

    int type() const override { return Type; }
    int group() const { return m_group; }
    QString title() const { return m_title; }
    /// Names the group again (after a language change).
    void setTitle(const QString &title);

    /// Members per state, indexed by State (failed, degraded, ok).
    void setCounts(const std::array<int, 3> &counts);
    const std::array<int, 3> &counts() const { return m_counts; }
    int memberCount() const { return m_counts[0] + m_counts[1] + m_counts[2]; }
    /// The worst state of any member.
    State worstState() const;
    /// How many members a would-be cut set blocks.
    void setPreviewed(int members);
    void setHovered(bool hovered);
    void paletteChanged() { update(); }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void updateText();

    int m_group;
    QString m_title;
    const Palette *m_palette;
    std::array<int, 3> m_counts{0, 0, 0};
    int m_previewed = 0;
    bool m_hovered = false;
    QStaticText m_titleText;
    QString m_countText;
};

} // namespace chokepoint::ui
