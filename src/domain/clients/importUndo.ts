// Which rows an undo of an import may remove: only the clients the import itself wrote. The
// Import ID column alone does not say that: a row copied by hand from an imported one carries
// the import id (and often the ID) too. So each chunk keeps, on its ledger row, the ids it gave
// its clients and a short mark of the name it wrote; undo removes a row only when its id is one
// of them, and when the id appears on several rows (copied with it), only the row whose name
// still carries the mark — a copy renamed into another client stays.

export interface CreatedIds {
  /** Client ids are `${base}-0001`, `${base}-0002`, … in the order the chunk created them. */
  base: string;
  /** One mark per created client, in the same order. */
  marks: string[];
}

export function createdId(base: string, index: number): string {
  return `${base}-${String(index + 1).padStart(4, '0')}`;
}

/** A 6-hex mark of a name (FNV-1a, trimmed): enough to tell a renamed copy from the original. */
export function nameMark(name: string): string {
  let h = 0x811c9dc5;
  const text = name.trim();
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return (h >>> 8).toString(16).padStart(6, '0');
}

/** The ledger cell (JSON, so it can never read as a formula). */
export function createdIdsCell(base: string, names: readonly string[]): string {
  return JSON.stringify({ base, marks: names.map(nameMark).join(',') });
}

export function parseCreatedIds(cell: unknown): CreatedIds | null {
  if (typeof cell !== 'string' || cell.trim() === '') return null;
  try {
    const parsed = JSON.parse(cell);
    if (!parsed || typeof parsed.base !== 'string' || typeof parsed.marks !== 'string') return null;
    return { base: parsed.base, marks: parsed.marks === '' ? [] : parsed.marks.split(',') };
  } catch (_damaged) {
    return null;
  }
}

export interface ImportedRow {
  /** Sheet row number. */
  row: number;
  id: string;
  importId: string;
  name: string;
}

export interface UndoSelection {
  /** Sheet rows the import wrote, to remove (before rights and deals are considered). */
  rows: ImportedRow[];
  /** Rows carrying the import id that it did not write (copies made by hand): kept. */
  copies: number;
}

/**
 * The rows of `clients` this import wrote. `created` holds each chunk's ids; `legacy` is true when
 * some chunk was recorded before ids were kept (then its rows are known by the Import ID alone).
 */
export function rowsImportWrote(clients: readonly ImportedRow[], importId: string, created: readonly CreatedIds[], legacy: boolean): UndoSelection {
  const markOf: Record<string, string> = {};
  for (const c of created) c.marks.forEach((mark, i) => { markOf[createdId(c.base, i)] = mark; });
  const byId: Record<string, ImportedRow[]> = {};
  let copies = 0;
  const rows: ImportedRow[] = [];
  for (const r of clients) {
    if (r.importId !== importId) continue;
    if (!(r.id in markOf)) {
      if (legacy) rows.push(r);
      else copies += 1;
      continue;
    }
    (byId[r.id] = byId[r.id] || []).push(r);
  }
  for (const id of Object.keys(byId)) {
    const same = byId[id];
    if (same.length === 1) { rows.push(same[0]); continue; }
    // Copied with its ID: the one still holding the name the import wrote is the import's.
    const original = same.filter((r) => nameMark(r.name) === markOf[id])[0];
    if (original) rows.push(original);
    copies += same.length - (original ? 1 : 0);
  }
  return { rows: rows.sort((a, b) => a.row - b.row), copies };
}
