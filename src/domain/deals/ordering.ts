// Cards are ordered by a fractional position so that a move rewrites only the moved row.
export const POSITION_STEP = 1024;
const MIN_GAP = 1e-6;

/**
 * The position for a card dropped at `index` among `others` (the target column's other
 * cards, in order). Returns null when the neighbours are too close and the column needs
 * renumbering.
 */
export function positionAt(others: readonly number[], index: number): number | null {
  const at = Math.max(0, Math.min(index, others.length));
  const before = at > 0 ? others[at - 1] : undefined;
  const after = at < others.length ? others[at] : undefined;
  if (before === undefined && after === undefined) return POSITION_STEP;
  if (before === undefined) return (after as number) - POSITION_STEP;
  if (after === undefined) return before + POSITION_STEP;
  if (after - before < MIN_GAP) return null;
  return (before + after) / 2;
}

/** Fresh, evenly spaced positions for a column in its current order. */
export function renumber(count: number): number[] {
  const positions: number[] = [];
  for (let i = 0; i < count; i++) positions.push((i + 1) * POSITION_STEP);
  return positions;
}
