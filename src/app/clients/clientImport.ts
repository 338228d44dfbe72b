// Import of an existing client base from CSV or XLSX: upload (parsed once, held in the cache in
// pages), a dry run, then resumable chunks and an undo.
//
// Safe against a kill at any point: the file's id is a hash of its content (uploading it again
// resumes it), every created client carries the import id and its file row (a rerun of a chunk
// skips rows already there), and a chunk records what it fills in existing clients on the
// Imports tab *before* it writes (undo restores exactly those cells). The cursor lives in
// document properties.
//
// The sidebar drives the chunks while it is open; an unfinished import is also on a short
// "pending" list in document properties, and the hourly trigger runs its chunks from the
// stored cursor (continueImports), so an import whose sidebar was closed finishes by itself.
// Both take the document lock and read the cursor inside it: a chunk is never run twice.
import { CLIENTS, DEALS, IMPORTS } from '../../workbook/schema';
import { defaultGroup } from '../../domain/clients/clientGroups';
import { DecodedRecord, DecodedRow, decodeRow, encodeRow, isDate, readBack } from '../../workbook/codec';
import { HeaderMap } from '../../workbook/headers';
import { Table, appendRecords, readTable, updateRows } from '../../workbook/table';
import { parseCsv } from '../../domain/clients/csv';
import { ColumnMapping, IMPORT_FIELDS, IMPORT_FIELD_LABELS, guessMapping, mappingProblems } from '../../domain/clients/importMapping';
import { ClientDraft, KnownClient, PlanOptions, RowPlan, planImport, summarize } from '../../domain/clients/importPlan';
import { XLSX_LIMITS, readXlsxRows } from '../../domain/clients/xlsxRead';
import { ZipEntry, inflatedRefusal, zipRefusal } from '../../domain/clients/zipDirectory';
import { canEditClient, canImportClients, canUndoImport } from '../../domain/clients/clientRights';
import { Actor, isSupervisor, sameEmail } from '../../domain/kernel/roles';
import { UseCaseContext } from '../kernel/session';
import { Ports } from '../../ports';
import { ClientIndexStore, currentGeneration, forgetClientIndex } from './clientIndex';
import { utf8Bytes } from '../../domain/kernel/jsonShards';
import { KnownBase, forgetKnown, keepKnownRead, keptOf, knownOfKept, loadKnown, rememberKnown, sameKept } from './importKnown';
import { readWholeRows } from '../../workbook/rows';
import { DryRunResult, DryRunRow, ImportPrepared, ImportProgress, ImportSummary, ImportUndoResult } from '../contracts/clients';
import { appendActivities } from '../kernel/audit';
import { mapHeaders, requireColumns, requireSchemaColumns } from '../../workbook/headers';
import { createdId, createdIdsCell, parseCreatedIds, rowsImportWrote, CreatedIds } from '../../domain/clients/importUndo';
import { missingTabError } from '../../workbook/errors';
import { InputError, requirePlainObject, requireText } from '../kernel/validate';

/** Zip archives through Utilities (an XLSX is one). */
export interface ZipPort {
  /** The table of contents of a base64 zip, read without inflating anything; null when it is not a zip. */
  directory(base64: string): ZipEntry[] | null;
  /** The text of every file in a base64 zip. */
  unzip(base64: string): { path: string; text: string }[];
  /** A base64 zip of text files. */
  zip(parts: { path: string; content: string }[], name: string): string;
}

export const MAX_IMPORT_ROWS = 20000;
/** Columns a file may have (the header travels in one cache value and is mapped by hand). */
export const MAX_IMPORT_COLUMNS = XLSX_LIMITS.columns;
const MAX_UPLOAD_CHARS = 30 * 1024 * 1024;
const PAGE_ROWS = 500;
/** UTF-8 bytes of a page (a cache value holds 100 KB). */
const PAGE_BYTES = 90000;
/** Pages per chunk: one chunk is one call (one execution), one read of Clients and one block append. */
export const CHUNK_PAGES = 4;
const SIX_HOURS = 21600;
const KEY = 'dealboard:import:';

interface StagedMeta {
  fileName: string;
  header: string[];
  rowCount: number;
  /** File row of each page's first row. */
  pageStarts: number[];
}

interface Cursor {
  fileName: string;
  mapping: ColumnMapping;
  nextPage: number;
  pages: number;
  rowCount: number;
  rowsDone: number;
  created: number;
  merged: number;
  refused: number;
  skipped: number;
  done: boolean;
  undone?: boolean;
  /** Who started the import: their clients' default manager, the ledger's "by" (also when the trigger runs a chunk). */
  by?: string;
  /** Why the background run stopped (the file is no longer held), or absent. */
  stalled?: string;
}

/** Unfinished imports the hourly trigger continues (document properties, a JSON list of ids). */
export const PENDING_KEY = 'dealboard:imports:pending';
/** The hourly trigger starts no chunk after this much of its execution (Apps Script stops one at 6 minutes). */
export const BACKGROUND_BUDGET_MS = 4 * 60 * 1000;

const text = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));

/** A short id from the file's content: the same file uploaded again is the same import. */
export function importIdOf(content: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < content.length; i++) {
    const c = content.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `IMP-${h1.toString(16).padStart(8, '0')}${(h2 >>> 16).toString(16).padStart(4, '0')}`;
}

function requireImporter(ctx: UseCaseContext): void {
  if (!canImportClients(ctx.actor)) throw new InputError('Executors cannot import clients; ask a manager.');
}

function requireImportId(value: unknown): string {
  if (typeof value !== 'string' || !/^IMP-[0-9a-f]{12}$/.test(value)) throw new InputError('The import is missing or not an import id.');
  return value;
}

function cursorOf(ctx: UseCaseContext, importId: string): Cursor | null {
  const raw = ctx.ports.store.get(KEY + importId);
  if (!raw) return null;
  try { return JSON.parse(raw) as Cursor; } catch (_damaged) { return null; }
}

function progressOf(importId: string, c: Cursor): ImportProgress {
  return {
    importId, fileName: c.fileName, rowCount: c.rowCount, rowsDone: c.rowsDone, created: c.created, merged: c.merged,
    refused: c.refused, skipped: c.skipped, done: c.done, undone: c.undone === true,
    background: !c.done && c.undone !== true && !c.stalled, stalled: c.stalled || '',
  };
}

function pendingIds(ctx: UseCaseContext): string[] {
  const raw = ctx.ports.store.get(PENDING_KEY);
  if (!raw) return [];
  try {
    const list = JSON.parse(raw);
    return Array.isArray(list) ? list.filter((id) => typeof id === 'string' && /^IMP-[0-9a-f]{12}$/.test(id)) : [];
  } catch (_damaged) {
    return [];
  }
}

/** One property read: the imports waiting for the hourly run (the scheduler's cheap skip). */
export function pendingImportIds(ports: Ports): string[] {
  return pendingIds({ ports } as UseCaseContext);
}

function setPending(ctx: UseCaseContext, importId: string, pending: boolean): void {
  const list = pendingIds(ctx);
  const at = list.indexOf(importId);
  if (pending === (at >= 0)) return;
  if (pending) list.push(importId);
  else list.splice(at, 1);
  if (list.length === 0) ctx.ports.store.remove(PENDING_KEY);
  else ctx.ports.store.put(PENDING_KEY, JSON.stringify(list));
}

export function prepareImport(ctx: UseCaseContext, store: ClientIndexStore, zip: ZipPort, uploadArg: unknown): ImportPrepared {
  requireImporter(ctx);
  const upload = requirePlainObject(uploadArg, 'The file');
  const fileName = requireText(upload.fileName, 'The file name', 200);
  if (upload.kind !== 'csv' && upload.kind !== 'xlsx') throw new InputError('Upload a .csv or .xlsx file.');
  if (typeof upload.content !== 'string' || upload.content === '') throw new InputError('The file is empty.');
  if (upload.content.length > MAX_UPLOAD_CHARS) throw new InputError('The file is larger than 30 MB; split it.');
  let rows: string[][];
  if (upload.kind === 'csv') {
    rows = parseCsv(upload.content).rows;
  } else {
    const notXlsx = `${fileName} is not an .xlsx workbook (an old .xls must be saved as .xlsx or CSV first).`;
    let entries: ZipEntry[] | null;
    try { entries = zip.directory(upload.content); } catch (_notBase64) { entries = null; }
    if (!entries) throw new InputError(notXlsx);
    // Measured before unzip inflates anything: a zip bomb never gets inflated.
    const tooBig = zipRefusal(entries);
    if (tooBig) throw new InputError(`${fileName} cannot be imported: ${tooBig}`);
    let parts: { path: string; text: string }[];
    try {
      parts = zip.unzip(upload.content);
    } catch (_notZip) {
      throw new InputError(notXlsx);
    }
    const grew = inflatedRefusal(parts.map((p) => p.text.length));
    if (grew) throw new InputError(`${fileName} cannot be imported: ${grew}`);
    try {
      rows = readXlsxRows(parts);
    } catch (error) {
      throw new InputError(`${fileName}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  while (rows.length > 0 && rows[0].every((c) => c.trim() === '')) rows.shift();
  const columns = rows.reduce((max, r) => Math.max(max, r.length), 0);
  if (columns > MAX_IMPORT_COLUMNS) {
    throw new InputError(`${fileName} has ${columns.toLocaleString('en-US')} columns; an import reads at most ${MAX_IMPORT_COLUMNS}. Delete the columns you do not need (or save only the client list) and upload it again.`);
  }
  if (rows.length < 2) throw new InputError(`${fileName} has no rows under its header.`);
  const header = rows[0].map((h) => h.trim());
  const width = rows.reduce((max, r) => Math.max(max, r.length), header.length);
  while (header.length < width) header.push('');
  const data = rows.slice(1).map((r) => (r.length < width ? r.concat(new Array(width - r.length).fill('')) : r));
  while (data.length > 0 && data[data.length - 1].every((c) => c.trim() === '')) data.pop();
  if (data.length > MAX_IMPORT_ROWS) throw new InputError(`${fileName} has ${data.length} rows; at most ${MAX_IMPORT_ROWS} can be imported at once. Split the file.`);

  const importId = importIdOf(`${upload.kind}:${upload.content}`);
  const values: Record<string, string> = {};
  const pageStarts: number[] = [];
  let page: string[][] = [];
  let size = 0;
  const flush = () => {
    values[`${KEY}${importId}:${pageStarts.length - 1}`] = JSON.stringify(page);
    page = [];
    size = 0;
  };
  data.forEach((row, i) => {
    const json = utf8Bytes(JSON.stringify(row)) + 1;
    if (json > PAGE_BYTES) throw new InputError(`Row ${i + 2} of ${fileName} holds more than 90 KB of text; shorten it or split its cells.`);
    if (page.length > 0 && (page.length >= PAGE_ROWS || size + json > PAGE_BYTES)) flush();
    if (page.length === 0) pageStarts.push(i + 2);
    page.push(row);
    size += json;
  });
  if (page.length > 0) flush();
  const meta: StagedMeta = { fileName, header, rowCount: data.length, pageStarts };
  values[`${KEY}${importId}:meta`] = JSON.stringify(meta);
  store.putAll(values, SIX_HOURS);
  const cursor = cursorOf(ctx, importId);
  return {
    importId, fileName, header, sample: data.slice(0, 5), rowCount: data.length, mapping: guessMapping(header),
    fields: IMPORT_FIELDS.map((key) => ({ key, label: IMPORT_FIELD_LABELS[key] })),
    progress: cursor && !cursor.undone ? progressOf(importId, cursor) : null,
  };
}

function stagedMeta(store: ClientIndexStore, importId: string): StagedMeta {
  const got = store.getAll([`${KEY}${importId}:meta`]);
  const raw = got[`${KEY}${importId}:meta`];
  if (!raw) throw new InputError('The uploaded file is no longer held (uploads are kept for 6 hours). Upload it again: rows already imported are kept and skipped.');
  return JSON.parse(raw) as StagedMeta;
}

function stagedPages(store: ClientIndexStore, importId: string, from: number, to: number): string[][][] {
  const keys: string[] = [];
  for (let p = from; p < to; p++) keys.push(`${KEY}${importId}:${p}`);
  const got = store.getAll(keys);
  return keys.map((k) => {
    if (!got[k]) throw new InputError('Part of the uploaded file is no longer held. Upload it again: rows already imported are kept and skipped.');
    return JSON.parse(got[k]) as string[][];
  });
}

function checkedMapping(mappingArg: unknown, width: number): ColumnMapping {
  if (!Array.isArray(mappingArg)) throw new InputError('The column mapping is missing.');
  const problems = mappingProblems(mappingArg, width);
  if (problems.length > 0) throw new InputError(problems.join(' '));
  return mappingArg as ColumnMapping;
}

function planOptions(ctx: UseCaseContext, importer: Actor = ctx.actor): PlanOptions {
  return {
    country: ctx.config.settings.defaultCountry,
    groups: ctx.config.settings.clientGroups,
    defaultManager: importer.email,
    team: ctx.config.team.map((m) => ({ email: m.email, name: m.name })),
    importer,
  };
}

/**
 * The person whose import this is, with their role today: a chunk the hourly trigger runs (as
 * the owner) applies the importer's rights, not the owner's.
 */
function importerOf(ctx: UseCaseContext, email: string): Actor {
  if (sameEmail(email, ctx.actor.email)) return ctx.actor;
  const member = ctx.config.team.filter((m) => sameEmail(m.email, email))[0];
  if (!member || !member.active || member.role === 'executor') {
    throw new InputError(`${email}, who started this import, may no longer import clients; a head or the owner can undo it or import the file again.`);
  }
  return { email: member.email, name: member.name, role: member.role };
}

function knownClients(table: Table): KnownClient[] {
  return table.rows.map((r) => knownOf(r));
}

function knownOf(r: DecodedRow): KnownClient {
  const x = r.record;
  return {
    id: text(x.id), name: text(x.name), company: text(x.company), contact: text(x.contact), phone: text(x.phone),
    phoneE164: text(x.phoneE164), otherPhones: text(x.otherPhones), email: text(x.email), otherEmails: text(x.otherEmails),
    group: text(x.group), address: text(x.address), city: text(x.city), manager: text(x.manager),
    preferences: text(x.preferences), notes: text(x.notes), callBack: x.callBack === true,
    importId: text(x.importId), importRow: typeof x.importRow === 'number' ? x.importRow : null,
  };
}

/** A row as getValues reads it back after it was written (the apostrophe of formula-safe text is not stored). */
function asReadBack(ctx: UseCaseContext, map: HeaderMap, cells: readonly unknown[], row: number): DecodedRecord {
  return decodeRow(CLIENTS, map, cells.map(readBack), row, ctx.ports.dates, []).record;
}

interface Targets {
  /** The clients this chunk's rows merge into, read whole, by id. */
  rowById: Record<string, DecodedRow>;
  /** The same rows by sheet row. */
  rowAt: Record<number, DecodedRow>;
  /** Those rows, for updateRows (rows not read are holes it never writes across). */
  table: Table;
}

/**
 * The existing clients the plan merges into, read whole (one read per block of near rows) and
 * checked to still hold the kept match columns; null when one does not (the kept list is stale).
 */
function readTargets(ctx: UseCaseContext, base: KnownBase, plans: RowPlan[]): Targets | null {
  const ids: Record<string, true> = {};
  for (const p of plans) if (p.action === 'merge' && p.into) ids[p.into] = true;
  const picked = base.clients.filter((k) => ids[k[1]]);
  const table = readWholeRows(ctx.ports.sheets, CLIENTS, base.header, ctx.ports.dates, picked.map((k) => k[0]));
  const rowById: Record<string, DecodedRow> = {};
  const rowAt: Record<number, DecodedRow> = {};
  for (const k of picked) {
    const at = k[0] - 2;
    const row = table.raw[at] && table.decodeAt ? table.decodeAt(at) : null;
    if (!row || !sameKept(keptOf(k[0], row.record), k)) return null;
    // Two rows with one id (a copy made by hand): the last one is the target, as when Clients was read whole.
    rowById[k[1]] = row;
    rowAt[k[0]] = row;
  }
  return { rowById, rowAt, table };
}

const DRY_RUN_CREATED_SHOWN = 30;
const DRY_RUN_ROWS_SHOWN = 400;

export function dryRunImport(ctx: UseCaseContext, store: ClientIndexStore, importIdArg: unknown, mappingArg: unknown): DryRunResult {
  requireImporter(ctx);
  const importId = requireImportId(importIdArg);
  const meta = stagedMeta(store, importId);
  const mapping = checkedMapping(mappingArg, meta.header.length);
  const pages = stagedPages(store, importId, 0, meta.pageStarts.length);
  const rows = ([] as string[][]).concat(...pages);
  // Noted before Clients is read: the match columns are kept for the first chunk only under them.
  const generation = currentGeneration(store);
  const lastRow = store.clientsLastRow();
  const clients = readTable(ctx.ports.sheets, CLIENTS, ctx.ports.dates);
  const known = knownClients(clients);
  const started = cursorOf(ctx, importId);
  const nextPage = started && !started.undone && !started.done ? started.nextPage : 0;
  if (!started || !started.done || started.undone) {
    keepKnownRead(store, importId, clients.rows.map((r) => keptOf(r.row, r.record)), generation, lastRow, nextPage);
  }
  const names: Record<string, string> = {};
  for (const k of known) names[k.id] = k.name || '';
  const plans = planImport(rows, 2, mapping, known, importId, planOptions(ctx));
  const byRow: Record<number, RowPlan> = {};
  for (const p of plans) byRow[p.row] = p;
  let createdShown = 0;
  let warnings = 0;
  const shown: DryRunRow[] = [];
  for (const p of plans) {
    warnings += p.warnings.length;
    if (p.action === 'skip' && p.reason === 'empty row') continue;
    if (p.action === 'create' && p.warnings.length === 0 && createdShown++ >= DRY_RUN_CREATED_SHOWN) continue;
    if (shown.length >= DRY_RUN_ROWS_SHOWN) break;
    shown.push({
      row: p.row, action: p.action, name: p.draft.name, phone: p.draft.phone, email: p.draft.email, reason: p.reason,
      warnings: p.warnings,
      into: p.into ? `${names[p.into] || p.into}` : p.intoRow ? `${byRow[p.intoRow] ? byRow[p.intoRow].draft.name : ''} (row ${p.intoRow} of this file)` : '',
      fills: p.fills ? Object.keys(p.fills).filter((k) => k !== 'phoneE164') : [],
    });
  }
  return { importId, summary: summarize(plans), rows: shown, warnings };
}

/** A client record of a draft; a row without a group gets the default group ("new", or the list's first). */
function draftRecord(d: ClientDraft, fallbackGroup: string): Record<string, unknown> {
  return {
    name: d.name, company: d.company, contact: d.contact, phone: d.phone, phoneE164: d.phoneE164, otherPhones: d.otherPhones,
    email: d.email, otherEmails: d.otherEmails, group: d.group || fallbackGroup, address: d.address, city: d.city, manager: d.manager,
    preferences: d.preferences, notes: d.notes, callBack: d.callBack,
  };
}

/** One chunk of the import (CHUNK_PAGES pages); call again until `done`. */
export function runImportChunk(ctx: UseCaseContext, store: ClientIndexStore, importIdArg: unknown, mappingArg: unknown): ImportProgress {
  requireImporter(ctx);
  const importId = requireImportId(importIdArg);
  return ctx.ports.lock.withDocumentLock(() => chunkLocked(ctx, store, importId, mappingArg, false) as ImportProgress);
}

/**
 * The hourly trigger's part: runs the chunks of every unfinished import from its stored cursor
 * until it is done or `budgetMs` of the execution (from `startedAt`) have gone. Each chunk takes
 * the document lock and reads the cursor inside it, as the sidebar's calls do. An import whose
 * file is no longer held is marked stalled (the sidebar says so; uploading it again resumes).
 */
export function continueImports(ctx: UseCaseContext, store: ClientIndexStore, startedAt: number, budgetMs = BACKGROUND_BUDGET_MS): ImportProgress[] {
  if (!canImportClients(ctx.actor)) return [];
  const results: ImportProgress[] = [];
  for (const importId of pendingIds(ctx)) {
    let progress: ImportProgress | null = null;
    while (ctx.ports.clock.now().getTime() - startedAt < budgetMs) {
      try {
        progress = ctx.ports.lock.withDocumentLock(() => chunkLocked(ctx, store, importId, null, true));
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        progress = ctx.ports.lock.withDocumentLock(() => stall(ctx, importId, error.message));
      }
      if (!progress || progress.done || progress.stalled) break;
    }
    if (progress) results.push(progress);
  }
  return results;
}

/** The trigger cannot go on with this import: say why on its cursor and take it off the pending list. */
function stall(ctx: UseCaseContext, importId: string, why: string): ImportProgress | null {
  // The cursor says "stalled" before the import leaves the list: a kill in between leaves it
  // listed, and the next run stalls it again, never an unfinished import nobody continues.
  const cursor = cursorOf(ctx, importId);
  if (cursor) {
    cursor.stalled = why;
    ctx.ports.store.put(KEY + importId, JSON.stringify(cursor));
  }
  setPending(ctx, importId, false);
  return cursor ? progressOf(importId, cursor) : null;
}

function chunkLocked(ctx: UseCaseContext, store: ClientIndexStore, importId: string, mappingArg: unknown, background: boolean): ImportProgress | null {
  let cursor = cursorOf(ctx, importId);
  if (background && (!cursor || cursor.undone || cursor.done)) {
    // Finished, undone or never started since it was listed: nothing for the trigger to do.
    setPending(ctx, importId, false);
    return cursor ? progressOf(importId, cursor) : null;
  }
  if (cursor && cursor.done && !cursor.undone) return progressOf(importId, cursor);
  const meta = stagedMeta(store, importId);
  if (!cursor || cursor.undone) {
    cursor = {
      fileName: meta.fileName, mapping: checkedMapping(mappingArg, meta.header.length), nextPage: 0, pages: meta.pageStarts.length,
      rowCount: meta.rowCount, rowsDone: 0, created: 0, merged: 0, refused: 0, skipped: 0, done: false, by: ctx.actor.email,
    };
    // Listed, then kept, before anything is written, so a run killed in its first chunk is
    // continued too. In this order: a kill between the two leaves a listed import without a
    // cursor (nothing written; the trigger drops it), never a cursor nobody continues.
    setPending(ctx, importId, true);
    ctx.ports.store.put(KEY + importId, JSON.stringify(cursor));
  }
  const importerEmail = cursor.by || ctx.actor.email;
  if (!background && !isSupervisor(ctx.actor) && !sameEmail(importerEmail, ctx.actor.email)) {
    throw new InputError(`This import was started by ${importerEmail}; only they, a head or the owner may continue it.`);
  }
  const importerActor = importerOf(ctx, importerEmail);
  const importer = importerActor.email;
  const wasStalled = !!cursor.stalled;
  // Going again after a stall (the file uploaded again): back on the list before the cursor
  // forgets the stall, for the same reason.
  if (wasStalled) setPending(ctx, importId, true);
  const from = cursor.nextPage;
  const to = Math.min(cursor.pages, from + CHUNK_PAGES);
  const rows = ([] as string[][]).concat(...stagedPages(store, importId, from, to));
  const options = planOptions(ctx, importerActor);
  // Issue 26: matched on the nine match columns kept across chunks (importKnown.ts); only the
  // clients a row merges into are read whole (their empty fields decide what is filled).
  let base = loadKnown(ctx.ports, store, importId, from);
  let plans = planImport(rows, meta.pageStarts[from], cursor.mapping, base.clients.map(knownOfKept), importId, options);
  let targets = readTargets(ctx, base, plans);
  if (!targets) {
    // A kept row no longer holds what was kept (moved without the edit trigger): read afresh.
    base = loadKnown(ctx.ports, store, importId, from, true);
    plans = planImport(rows, meta.pageStarts[from], cursor.mapping, base.clients.map(knownOfKept), importId, options);
    const again = readTargets(ctx, base, plans);
    // Changed again between two reads a moment apart (typed into while this ran): the next try reads afresh.
    if (!again) throw new Error('Clients changed while the import was reading it; run the import again.');
    targets = again;
  }
  const rowById = targets.rowById;
  if (Object.keys(rowById).length > 0) {
    const rowAt = targets.rowAt;
    const full = base.clients.map((k) => (rowAt[k[0]] ? knownOf(rowAt[k[0]]) : knownOfKept(k)));
    plans = planImport(rows, meta.pageStarts[from], cursor.mapping, full, importId, options);
  }
  const clients = { tab: CLIENTS, map: base.map };
  const now = ctx.moment.now;
  const fallbackGroup = defaultGroup(ctx.config.settings.clientGroups);

  const createdByRow: Record<number, Record<string, unknown>> = {};
  const creates: Record<string, unknown>[] = [];
  // One fresh id per chunk, numbered per client: 2,000 ids without 2,000 Utilities.getUuid calls.
  // The ledger keeps the base and the names, so undo removes exactly these rows (importUndo.ts).
  const idBase = ctx.ports.ids.next(CLIENTS.idPrefix);
  for (const p of plans) {
    if (p.action !== 'create') continue;
    const record = {
      id: createdId(idBase, creates.length), ...draftRecord(p.draft, fallbackGroup), createdAt: now, version: 1, updatedAt: now,
      updatedBy: importer, importId, importRow: p.row,
    };
    createdByRow[p.row] = record;
    creates.push(record);
  }
  // Merges into clients already in the base: the same target may be hit by several rows.
  const fillsById: Record<string, Record<string, unknown>> = {};
  for (const p of plans) {
    if (p.action !== 'merge' || !p.fills) continue;
    if (p.intoRow !== undefined) {
      // Into a client this chunk creates: the plan already folded the fills into its draft.
      const target = plans.filter((q) => q.row === p.intoRow)[0];
      if (target && createdByRow[p.intoRow]) Object.assign(createdByRow[p.intoRow], draftRecord(target.draft, fallbackGroup));
      continue;
    }
    if (!p.into || !rowById[p.into]) continue;
    fillsById[p.into] = { ...(fillsById[p.into] || {}), ...p.fills };
  }
  const filled: { id: string; before: Record<string, unknown>; after: Record<string, unknown> }[] = [];
  const patches: { row: DecodedRow; patch: Record<string, unknown> }[] = [];
  for (const id of Object.keys(fillsById)) {
    const row = rowById[id];
    const after = fillsById[id];
    if (Object.keys(after).length === 0) continue;
    const before: Record<string, unknown> = {};
    for (const k of Object.keys(after)) before[k] = row.record[k] == null ? '' : row.record[k];
    filled.push({ id, before, after });
    const version = typeof row.record.version === 'number' ? row.record.version : 0;
    patches.push({ row, patch: { ...after, version: version + 1, updatedAt: now, updatedBy: importer } });
  }
  const summary = summarize(plans);
  // Write-ahead: what this chunk fills is on record before anything is written.
  const ledger = readLedgerHeader(ctx);
  appendRecords(ctx.ports.sheets, ledger, [{
    id: ctx.ports.ids.next(IMPORTS.idPrefix), importId, fileName: cursor.fileName, chunk: from / CHUNK_PAGES + 1,
    created: creates.length, merged: summary.merge, refused: summary.refuse, filled: JSON.stringify(filled), at: now, by: importer,
    createdIds: createdIdsCell(idBase, creates.map((c) => text(c.name))),
  }], ctx.ports.dates);
  // One block, without the columns on its right that are blank in every created client (issue 26).
  const written = appendRecords(ctx.ports.sheets, clients, creates, ctx.ports.dates, { trimBlankRight: true });
  if (patches.length > 0) updateRows(ctx.ports.sheets, targets.table, patches, ctx.ports.dates);

  cursor.nextPage = to;
  cursor.rowsDone += rows.length;
  // Rows a killed run of this chunk had already created count as created, not skipped.
  const resumed = plans.filter((p) => p.action === 'skip' && p.reason === 'already imported').length;
  cursor.created += creates.length + resumed;
  cursor.merged += summary.merge;
  cursor.refused += summary.refuse;
  cursor.skipped += summary.skip - resumed;
  cursor.done = to >= cursor.pages;
  cursor.undone = false;
  delete cursor.stalled;
  ctx.ports.store.put(KEY + importId, JSON.stringify(cursor));
  // Done: off the pending list, after the cursor says so (a kill in between leaves a done import
  // listed, which the trigger drops).
  if (cursor.done) setPending(ctx, importId, false);
  if (cursor.done) {
    forgetClientIndex(store);
    forgetKnown(store, importId);
  } else {
    // What the next chunk matches on: the kept clients as this chunk left them.
    const patchAt: Record<number, { row: DecodedRow; patch: Record<string, unknown> }> = {};
    for (const p of patches) patchAt[p.row.row] = p;
    const kept = base.clients.map((k) => {
      const p = patchAt[k[0]];
      if (!p) return k;
      // The patched cells as they will read back; the others as read.
      const after = asReadBack(ctx, base.map, encodeRow(CLIENTS, base.map, p.patch, ctx.ports.dates, targets.table.raw[k[0] - 2]), k[0]);
      const record: Record<string, unknown> = { ...p.row.record };
      for (const key of Object.keys(p.patch)) record[key] = after[key];
      return keptOf(k[0], record);
    });
    written.forEach((cells, i) => kept.push(keptOf(base.lastRow + 1 + i, asReadBack(ctx, base.map, cells, base.lastRow + 1 + i))));
    rememberKnown(store, importId, base, kept, base.lastRow + creates.length, to);
  }
  if (cursor.done) {
    appendActivities(ctx.ports, importer, [{
      kind: 'audit',
      summary: `Import ${importId} of ${cursor.fileName}: ${cursor.created} clients created, ${cursor.merged} rows merged, ${cursor.refused} refused${background ? ' (finished by the hourly trigger)' : ''}`,
    }]);
  }
  return progressOf(importId, cursor);
}

/** Only the header of the Imports tab (one row): the chunk appends to it, never reads it whole. */
function readLedgerHeader(ctx: UseCaseContext): Pick<Table, 'tab' | 'map'> {
  const header = ctx.ports.sheets.readHeader(IMPORTS.name);
  if (header === null) throw missingTabError('Imports');
  const map = mapHeaders(IMPORTS, header);
  requireSchemaColumns(IMPORTS, map);
  // Without it undo could not tell the import's clients from copies made by hand.
  requireColumns(IMPORTS, map, ['createdIds']);
  return { tab: IMPORTS, map };
}

/**
 * An import's progress, for the person who started it, a head or the owner (who may undo it).
 * Anyone else gets what an unknown id gets: nothing tells them the import exists, whose it is,
 * its file name or its counts.
 */
export function importProgress(ctx: UseCaseContext, importIdArg: unknown): ImportProgress | null {
  const importId = requireImportId(importIdArg);
  const cursor = cursorOf(ctx, importId);
  if (!cursor || !canUndoImport(ctx.actor, typeof cursor.by === 'string' ? cursor.by : '')) return null;
  return progressOf(importId, cursor);
}

/**
 * Removes the clients the import created (except those deals now refer to, and those the caller
 * may not edit) and puts back the cells its merges filled, where they still hold what the import
 * wrote. Only the importer, a head or the owner may undo; rows copied by hand from imported ones
 * (they carry the import id) are not the import's and stay.
 */
export function undoImport(ctx: UseCaseContext, store: ClientIndexStore, importIdArg: unknown): ImportUndoResult {
  requireImporter(ctx);
  const importId = requireImportId(importIdArg);
  return ctx.ports.lock.withDocumentLock(() => {
    const ledger = readTable(ctx.ports.sheets, IMPORTS, ctx.ports.dates);
    const entries = ledger.rows.filter((r) => text(r.record.importId) === importId && !isDate(r.record.undoneAt));
    const cursor = cursorOf(ctx, importId);
    const importedBy = entries.length > 0 ? text(entries[0].record.by) : cursor && cursor.by ? cursor.by : '';
    if (!canUndoImport(ctx.actor, importedBy)) {
      throw new InputError('Only the person who made this import, a head or the owner may undo it.');
    }
    const clients = readTable(ctx.ports.sheets, CLIENTS, ctx.ports.dates);
    const deals = readTable(ctx.ports.sheets, DEALS, ctx.ports.dates);
    const referenced: Record<string, true> = {};
    for (const d of deals.rows) if (d.record.clientId) referenced[text(d.record.clientId)] = true;
    const rowById: Record<string, DecodedRow> = {};
    const rowAt: Record<number, DecodedRow> = {};
    for (const r of clients.rows) { rowById[text(r.record.id)] = r; rowAt[r.row] = r; }
    const mayEdit = (row: DecodedRow) => canEditClient(ctx.actor, { manager: text(row.record.manager) });
    let notYours = 0;

    // Restore merges, newest chunk first, only where the cell still holds the import's value.
    const patches: Record<number, { row: DecodedRow; patch: Record<string, unknown> }> = {};
    let restored = 0;
    const untouched: Record<string, true> = {};
    for (const entry of entries.slice().reverse()) {
      let filled: { id: string; before: Record<string, unknown>; after: Record<string, unknown> }[] = [];
      try { filled = JSON.parse(text(entry.record.filled) || '[]'); } catch (_damaged) { filled = []; }
      for (const f of filled) {
        const row = rowById[f.id];
        if (!row || text(row.record.importId) === importId) continue;
        // The rights of editing the card: a client now someone else's keeps what it holds.
        if (!mayEdit(row)) { untouched[f.id] = true; continue; }
        for (const key of Object.keys(f.after)) {
          const now = row.record[key];
          const current = patches[row.row] && key in patches[row.row].patch ? patches[row.row].patch[key] : now;
          if (String(current == null ? '' : current) !== String(f.after[key])) continue;
          patches[row.row] = patches[row.row] || { row, patch: {} };
          patches[row.row].patch[key] = f.before[key];
          restored += 1;
        }
      }
    }
    notYours += Object.keys(untouched).length;
    const patchList = Object.keys(patches).map((k) => patches[Number(k)]);
    for (const p of patchList) {
      const version = typeof p.row.record.version === 'number' ? p.row.record.version : 0;
      Object.assign(p.patch, { version: version + 1, updatedAt: ctx.moment.now, updatedBy: ctx.actor.email });
    }
    if (patchList.length > 0) updateRows(ctx.ports.sheets, clients, patchList, ctx.ports.dates);

    const created: CreatedIds[] = [];
    let legacy = false;
    for (const entry of entries) {
      const ids = parseCreatedIds(entry.record.createdIds);
      if (ids) created.push(ids);
      else if (typeof entry.record.created === 'number' && entry.record.created > 0) legacy = true;
    }
    const wrote = rowsImportWrote(clients.rows.map((r) => ({
      row: r.row, id: text(r.record.id), importId: text(r.record.importId), name: text(r.record.name),
    })), importId, created, legacy);
    const doomed: number[] = [];
    let kept = 0;
    for (const w of wrote.rows) {
      if (referenced[w.id]) { kept += 1; continue; }
      if (!mayEdit(rowAt[w.row])) { notYours += 1; continue; }
      doomed.push(w.row);
    }
    // Bottom-up, one deleteRows per run of adjacent rows.
    doomed.sort((a, b) => b - a);
    let i = 0;
    while (i < doomed.length) {
      let j = i;
      while (j + 1 < doomed.length && doomed[j + 1] === doomed[j] - 1) j++;
      ctx.ports.sheets.deleteRows(CLIENTS.name, doomed[j], j - i + 1);
      i = j + 1;
    }
    if (entries.length > 0) updateRows(ctx.ports.sheets, ledger, entries.map((row) => ({ row, patch: { undoneAt: ctx.moment.now } })), ctx.ports.dates);
    if (cursor) {
      cursor.undone = true;
      cursor.done = false;
      delete cursor.stalled;
      ctx.ports.store.put(KEY + importId, JSON.stringify(cursor));
    }
    setPending(ctx, importId, false);
    forgetClientIndex(store);
    const keptWhy = [
      kept ? `${kept} kept because deals refer to them` : '',
      notYours ? `${notYours} left as they are because they are now another manager's` : '',
      wrote.copies ? `${wrote.copies} copies made by hand kept` : '',
    ].filter(Boolean);
    appendActivities(ctx.ports, ctx.actor.email, [{
      kind: 'audit',
      summary: `Import ${importId} undone: ${doomed.length} clients removed, ${restored} merged cells restored${keptWhy.length ? `, ${keptWhy.join(', ')}` : ''}`,
    }]);
    return { importId, removed: doomed.length, restored, kept, notYours, copies: wrote.copies };
  });
}

/** Earlier imports from the Imports tab, newest first, so one can be undone without its file. */
export function listImports(ctx: UseCaseContext): ImportSummary[] {
  requireImporter(ctx);
  const ledger = readTable(ctx.ports.sheets, IMPORTS, ctx.ports.dates);
  const byId: Record<string, ImportSummary> = {};
  const order: string[] = [];
  for (const r of ledger.rows) {
    const id = text(r.record.importId);
    if (!/^IMP-[0-9a-f]{12}$/.test(id)) continue;
    // A manager sees (and may undo) their own imports; head and owner see all.
    if (!isSupervisor(ctx.actor) && !sameEmail(text(r.record.by), ctx.actor.email)) continue;
    let s = byId[id];
    if (!s) {
      s = byId[id] = { importId: id, fileName: text(r.record.fileName), at: null, by: text(r.record.by), created: 0, merged: 0, refused: 0, undone: true, done: false, rowsDone: 0, rowCount: 0, stalled: '' };
      order.push(id);
    }
    const at = isDate(r.record.at) ? r.record.at.toISOString() : null;
    if (at && (!s.at || at > s.at)) s.at = at;
    s.created += typeof r.record.created === 'number' ? r.record.created : 0;
    s.merged += typeof r.record.merged === 'number' ? r.record.merged : 0;
    s.refused += typeof r.record.refused === 'number' ? r.record.refused : 0;
    if (!isDate(r.record.undoneAt)) s.undone = false;
  }
  for (const id of order) {
    const cursor = cursorOf(ctx, id);
    byId[id].done = !!cursor && cursor.done;
    if (cursor) Object.assign(byId[id], { rowsDone: cursor.rowsDone, rowCount: cursor.rowCount, stalled: cursor.stalled || '' });
  }
  return order.map((id) => byId[id]).sort((a, b) => String(b.at).localeCompare(String(a.at))).slice(0, 20);
}
