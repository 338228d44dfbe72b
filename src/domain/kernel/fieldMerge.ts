// Field-level merge of one write against the version the person read (issue 21, item 4): a card
// saved after someone else changed the row keeps what was typed. A field the other change did
// not touch is written; a field both changed, to different values, is a conflict the person
// settles (theirs and yours side by side); a field both set to the same value needs nothing.

/** A cell's value as the card shows it: text, a number, a tick, an ISO instant or day, or nothing. */
export type PlainValue = string | number | boolean | null;

export interface FieldConflict {
  field: string;
  /** What the person typed (as sent). */
  yours: PlainValue;
  /** What the row holds now (as the card would show it). */
  theirs: PlainValue;
}

export interface MergeOutcome {
  /** Fields to write: the other change left them as the person read them. */
  apply: string[];
  /** Fields both changed to the same value: nothing to write, nothing to ask. */
  same: string[];
  conflicts: FieldConflict[];
}

/** Empty text, null and undefined are one "nothing"; numbers and ticks compare by value. */
export function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === null || v === undefined || v === '' ? '' : typeof v === 'string' ? `s:${v}` : JSON.stringify(v));
  return norm(a) === norm(b);
}

/**
 * Three-way merge per field. `base` holds what the person read for each field they changed; a
 * field without a base value cannot be proven untouched, so it is a conflict (never a silent
 * overwrite).
 */
export function mergeFields(
  yours: Readonly<Record<string, PlainValue>>,
  base: Readonly<Record<string, unknown>>,
  theirs: Readonly<Record<string, PlainValue>>,
): MergeOutcome {
  const out: MergeOutcome = { apply: [], same: [], conflicts: [] };
  for (const field of Object.keys(yours)) {
    const known = Object.prototype.hasOwnProperty.call(base, field);
    if (sameValue(theirs[field], yours[field])) out.same.push(field);
    else if (known && sameValue(theirs[field], base[field])) out.apply.push(field);
    else out.conflicts.push({ field, yours: yours[field], theirs: theirs[field] === undefined ? null : theirs[field] });
  }
  return out;
}
