// Where a moved card goes: between the neighbours the sidebar showed it next to. Ordering is
// cosmetic (the version check guards the data), so the server need not read the column.
import { positionAt } from '../../domain/deals/ordering';
import { InputError } from '../kernel/validate';

export interface SeenNeighbours {
  /** Position of the card shown just above the drop point, null at the top. */
  before: number | null;
  /** Position of the card shown just below it, null at the bottom. */
  after: number | null;
}

function side(value: unknown, what: string): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number' || !isFinite(value)) throw new InputError(`The position of the card ${what} must be a number.`);
  return value;
}

/** Validates what the sidebar sent; null when it sent nothing (older sidebars). */
export function requireNeighbours(value: unknown): SeenNeighbours | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || Array.isArray(value)) throw new InputError('The neighbours of a moved card must be an object.');
  const v = value as Record<string, unknown>;
  return { before: side(v.before, 'above'), after: side(v.after, 'below') };
}

/** The position between the two, or null when they are out of order or too close to split. */
export function positionBetween(seen: SeenNeighbours): number | null {
  if (seen.before !== null && seen.after !== null && seen.after <= seen.before) return null;
  const list: number[] = [];
  if (seen.before !== null) list.push(seen.before);
  if (seen.after !== null) list.push(seen.after);
  return positionAt(list, seen.before !== null ? 1 : 0);
}
