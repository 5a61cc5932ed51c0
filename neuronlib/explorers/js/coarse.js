// coarse.js: heat maps drawn coarse at once and sharp after the paint (the layer and regions
// explorers, whose full maps would take most of a frame on a slow machine).

function nlCoarseFirst(draw) {
  // Returns (theme, rest) => void: draw(theme, false) now, with the map on a grid half as fine,
  // then draw(theme, true), the full grid, once that frame is painted (nlAfterPaint; a newer
  // move drops it). A move shows within its frame; the figure at rest is the full one. A draw
  // that is no move (rest: mount, theme, idle) is full at once.
  let latest = 0;
  return (theme, rest) => {
    const mine = ++latest;
    if (rest) return draw(theme, true);
    draw(theme, false);
    nlAfterPaint(() => mine === latest && draw(theme, true));
  };
}
