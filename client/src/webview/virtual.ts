/**
 * The node list's window: which rows to put in the DOM for a scroll position. Pure (no DOM): the
 * page passes the height of every section header and row (measured once rendered, estimated
 * before) and the part of the list in view plus overscan; the rest of the list is held by spacers.
 */

/** A group (header, then its rows), or the flat list (no header). Heights in CSS pixels. */
export interface SectionHeights {
  head: number;
  rows: ArrayLike<number>;
}

export interface WindowPlan {
  /** Height of the sections wholly above the window (one spacer). */
  top: number;
  /** Height of the sections wholly below it. */
  bottom: number;
  /** Sections in the window, each with the rows [first, last) to render and the heights of the rows left out above and below. */
  sections: { index: number; first: number; last: number; padTop: number; padBottom: number }[];
  /** Height of the whole list. */
  total: number;
}

/**
 * The sections and rows that intersect [from, to) (offsets from the list's top), at most `maxRows`
 * rows. A section in the window is rendered with its header even when only its rows are in view.
 */
export function planWindow(sections: SectionHeights[], from: number, to: number, maxRows: number): WindowPlan {
  const plan: WindowPlan = { top: 0, bottom: 0, sections: [], total: 0 };
  let y = 0;
  let budget = maxRows;
  for (let s = 0; s < sections.length; s++) {
    const sec = sections[s];
    const start = y;
    let h = sec.head;
    for (let i = 0; i < sec.rows.length; i++) h += sec.rows[i];
    const end = start + h;
    y = end;
    if (end <= from) {
      plan.top += h;
      continue;
    }
    if (start >= to || budget <= 0) {
      plan.bottom += h;
      continue;
    }
    let r = start + sec.head;
    let first = 0;
    let padTop = 0;
    while (first < sec.rows.length && r + sec.rows[first] <= from) {
      r += sec.rows[first];
      padTop += sec.rows[first];
      first++;
    }
    let last = first;
    while (last < sec.rows.length && r < to && budget > 0) {
      r += sec.rows[last];
      last++;
      budget--;
    }
    plan.sections.push({ index: s, first, last, padTop, padBottom: end - r });
  }
  plan.total = y;
  return plan;
}

/** Offset from the list's top of row `row` of section `section`. */
export function rowOffset(sections: SectionHeights[], section: number, row: number): number {
  let y = 0;
  for (let s = 0; s < section; s++) {
    y += sections[s].head;
    for (let i = 0; i < sections[s].rows.length; i++) y += sections[s].rows[i];
  }
  y += sections[section].head;
  for (let i = 0; i < row; i++) y += sections[section].rows[i];
  return y;
}
