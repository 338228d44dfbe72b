// The local playground: one emulated workbook running the very bundle clasp pushes
// (dist/Code.js), a Google-Sheets-like page to look at it, and an HTTP bridge that stands in
// for google.script.run in the sidebar and dialogs. Node built-ins only (http, fs, path).
//
//   npm start                      builds, then runs build/playground.cjs on 127.0.0.1:8315
//   node build/playground.cjs --port 9000 --fresh
//
// State lives in .playground/workbook.json (git-ignored). A request that may change it marks
// it unsaved; it is written (to a temp file, then renamed) at most once a second and when the
// playground closes: serialising the whole workbook (about 6 MB) after every request took most of
// the server's time in the browser tests.
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { createWorkspace, loadAddon, runFromClient } from '../emulator/index';
import type { Addon, TriggerRun, Workspace } from '../emulator/index';
import { driveRoute, sendDrive } from './drive';
import { mailRoute } from './mail';
import { formsRoute, submitForm } from './forms';
import { payLink, stripePayRoute } from './stripe';
import { EMULATOR_TEST_KEY } from '../emulator/stripe/route';
import { calendarAction, calendarPage, seedDemoCalendar } from './calendar';
import { seedDemoMeetings } from './demoMeetings';

export interface PlaygroundOptions {
  port?: number;
  host?: string;
  /** Where the workbook is persisted (default <repo>/.playground/workbook.json). */
  stateFile?: string;
  /** Ignore an existing state file and start from a new demo workbook. */
  fresh?: boolean;
  /** Folder holding Code.js and the *.html files (default <repo>/dist). */
  bundleDir?: string;
  /** Start time of a new workbook (default: now, rounded down to the minute). */
  now?: Date | string | number;
  /** Do not log requests that fail on the server side. */
  quiet?: boolean;
  /**
   * How long a change may stay unsaved, in ms (default 1000; 0 saves after every request;
   * Infinity saves only when the playground closes, as the browser tests want: they never read
   * the file back).
   */
  saveDelayMs?: number;
}

export interface Playground {
  url: string;
  port: number;
  /** The current workspace (a reset replaces it). */
  readonly workspace: Workspace;
  readonly addon: Addon;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 8315;
export const TIME_ZONE = 'Europe/Berlin';
export const OWNER = 'owner@studio.test';
const HOUR = 3600 * 1000;
const MAX_TRIGGER_HOURS = 48;
const MAX_BODY = 10 * 1024 * 1024;
const MAX_NOTICES = 30;
const SAVE_DELAY_MS = 1000;
/** Rows the page's grid draws below the last row with content (the rest come as it scrolls). */
export const GRID_MARGIN_ROWS = 40;

/** The repository root: the nearest folder above this file holding package.json. */
export function repoRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'scripts'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return path.resolve(from, '..');
    dir = up;
  }
}

// ---- time zone helpers (Intl only) ----------------------------------------------------------

interface Wall { y: number; mo: number; d: number; h: number; mi: number; s: number }

// One formatter per time zone: building an Intl.DateTimeFormat costs far more than using it, and
// every date cell of a sheet the page loads goes through wall().
const wallFormats = new Map<string, Intl.DateTimeFormat>();

function wallFormat(tz: string): Intl.DateTimeFormat {
  let format = wallFormats.get(tz);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    wallFormats.set(tz, format);
  }
  return format;
}

function wall(ms: number, tz: string): Wall {
  const parts = wallFormat(tz).formatToParts(new Date(ms));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return { y: get('year'), mo: get('month'), d: get('day'), h: get('hour') % 24, mi: get('minute'), s: get('second') };
}

function offsetAt(ms: number, tz: string): number {
  const w = wall(ms, tz);
  return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - Math.floor(ms / 1000) * 1000;
}

/** The instant when the wall clock in tz shows the given local time. */
export function zonedToUtc(y: number, mo: number, d: number, h: number, mi: number, tz: string): number {
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  const first = guess - offsetAt(guess, tz);
  return guess - offsetAt(first, tz);
}

const pad = (n: number) => String(n).padStart(2, '0');

function localInput(ms: number, tz: string): string {
  const w = wall(ms, tz);
  return `${w.y}-${pad(w.mo)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}`;
}

function localLabel(ms: number, tz: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: tz, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short',
  }).format(new Date(ms));
}

function isDateValue(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** What a person sees in the edit box of a cell. */
function editText(v: unknown, tz: string): string {
  if (v === '' || v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(v);
  if (isDateValue(v)) {
    const ms = v.getTime();
    if (Number.isNaN(ms)) return '';
    const w = wall(ms, tz);
    const day = `${w.y}-${pad(w.mo)}-${pad(w.d)}`;
    return w.h || w.mi || w.s ? `${day} ${pad(w.h)}:${pad(w.mi)}` : day;
  }
  return String(v);
}

function kindOf(v: unknown): string {
  if (v === '' || v === null || v === undefined) return '';
  if (typeof v === 'number') return 'n';
  if (typeof v === 'boolean') return 'b';
  if (isDateValue(v)) return 'd';
  return 's';
}

function jsonValue(v: unknown): unknown {
  if (isDateValue(v)) return { $date: Number.isNaN(v.getTime()) ? null : v.toISOString() };
  if (v === undefined) return '';
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return v;
}

// ---- the session: workspace + add-on + what the page shows ----------------------------------

interface Notice {
  seq: number;
  kind: 'toast' | 'alert' | 'prompt' | 'error' | 'trigger';
  title: string;
  message: string;
  timeoutSeconds: number;
}

interface PanelState { index: number; open: boolean; version: number }

class Session {
  ws!: Workspace;
  addon!: Addon;
  sidebar: PanelState = { index: -1, open: false, version: 0 };
  dialog: PanelState = { index: -1, open: false, version: 0 };
  notices: Notice[] = [];
  /** The playground's origin: Drive and Docs links made from now on open here (see drive.ts). */
  linkBase: string | null = null;
  private seq = 0;
  private seen = { toasts: 0, alerts: 0, prompts: 0, sidebars: 0, dialogs: 0 };
  private saveTimer: NodeJS.Timeout | null = null;
  private unsaved = false;

  constructor(
    private readonly bundle: string,
    private readonly stateFile: string,
    private readonly startNow?: PlaygroundOptions['now'],
    private readonly saveDelayMs = SAVE_DELAY_MS,
  ) {}

  open(fresh: boolean): void {
    let state: unknown = null;
    if (!fresh && fs.existsSync(this.stateFile)) {
      try {
        state = JSON.parse(fs.readFileSync(this.stateFile, 'utf8'));
      } catch (e) {
        console.error(`Playground: ignoring unreadable ${this.stateFile}: ${(e as Error).message}`);
      }
    }
    if (state) {
      try {
        this.ws = createWorkspace({ state, triggerErrors: 'collect' });
        this.addon = loadAddon(this.ws, this.bundle);
      } catch (e) {
        console.error(`Playground: could not restore ${this.stateFile} (${(e as Error).message}); starting a new demo workbook.`);
        state = null;
      }
    }
    if (!state) this.createDemo();
    this.ws.drive.linkBase = this.linkBase;
    this.seen = { toasts: 0, alerts: 0, prompts: 0, sidebars: 0, dialogs: 0 };
    this.sidebar = { index: -1, open: false, version: this.sidebar.version + 1 };
    this.dialog = { index: -1, open: false, version: this.dialog.version + 1 };
    // The menu is not part of the saved state: record it as opening the document would.
    this.addon.onOpen({ authMode: 'FULL' });
    this.harvest();
    this.save();
  }

  private createDemo(): void {
    const now = this.startNow ?? Math.floor(Date.now() / 60000) * 60000;
    this.ws = createWorkspace({ now, timeZone: TIME_ZONE, user: OWNER, triggerErrors: 'collect' });
    this.addon = loadAddon(this.ws, this.bundle);
    this.addon.setupWorkbook();
    this.addon.loadDemoData();
    seedDemoCalendar(this.ws, this.timeZone);
    seedDemoMeetings(this.ws, this.addon, ['anna@studio.test', 'boris@studio.test'], OWNER);
  }

  /** Saves within saveDelayMs: the changes of a burst of requests are written once. */
  saveSoon(): void {
    if (this.saveDelayMs <= 0) return this.save();
    this.unsaved = true;
    if (this.saveTimer || !Number.isFinite(this.saveDelayMs)) return;
    this.saveTimer = setTimeout(() => this.save(), this.saveDelayMs);
    // A pending save does not keep Node alive: close() writes it.
    this.saveTimer.unref();
  }

  /** Writes a pending save now (the playground is closing). */
  flush(): void {
    if (this.unsaved) this.save();
  }

  save(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    this.unsaved = false;
    fs.mkdirSync(path.dirname(this.stateFile), { recursive: true });
    const tmp = `${this.stateFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(this.ws.toJSON()));
    fs.renameSync(tmp, this.stateFile);
  }

  get timeZone(): string {
    return this.ws.model.timeZone || TIME_ZONE;
  }

  notice(kind: Notice['kind'], title: string, message: string, timeoutSeconds = 6): void {
    this.notices.push({ seq: ++this.seq, kind, title, message, timeoutSeconds });
    if (this.notices.length > MAX_NOTICES) this.notices.splice(0, this.notices.length - MAX_NOTICES);
  }

  /** Turns what the add-on recorded since the last look into notices and panel changes. */
  harvest(runs: TriggerRun[] = []): void {
    const ui = this.ws.ui;
    for (const t of ui.toasts.slice(this.seen.toasts)) this.notice('toast', t.title, t.message, t.timeoutSeconds);
    for (const a of ui.alerts.slice(this.seen.alerts)) this.notice('alert', a.title || 'Alert', `${a.prompt} (answered ${a.response})`, 10);
    for (const p of ui.prompts.slice(this.seen.prompts)) this.notice('prompt', p.title || 'Prompt', `${p.prompt} (answered ${p.response})`, 10);
    for (const r of runs) {
      if (!r.ok) this.notice('trigger', `Trigger ${r.handler} failed`, r.error ? `${r.error.name}: ${r.error.message}` : 'failed', 12);
    }
    this.seen.toasts = ui.toasts.length;
    this.seen.alerts = ui.alerts.length;
    this.seen.prompts = ui.prompts.length;
    if (ui.sidebars.length > this.seen.sidebars) {
      this.sidebar = { index: ui.sidebars.length - 1, open: true, version: this.sidebar.version + 1 };
    }
    if (ui.dialogs.length > this.seen.dialogs) {
      this.dialog = { index: ui.dialogs.length - 1, open: true, version: this.dialog.version + 1 };
    }
    this.seen.sidebars = ui.sidebars.length;
    this.seen.dialogs = ui.dialogs.length;
  }

  users(): { email: string; name: string; role: string; active: boolean }[] {
    const out: { email: string; name: string; role: string; active: boolean }[] = [];
    if (this.ws.sheetNames().includes('Users')) {
      const values = this.ws.readSheet('Users').values;
      const header = (values[0] ?? []).map((h) => String(h).trim().toLowerCase());
      const col = (name: string) => header.indexOf(name);
      const e = col('email');
      if (e >= 0) {
        for (const row of values.slice(1)) {
          const email = String(row[e] ?? '').trim();
          if (!email) continue;
          const active = col('active') >= 0 ? row[col('active')] !== false && String(row[col('active')]).toUpperCase() !== 'FALSE' : true;
          out.push({
            email,
            name: col('name') >= 0 ? String(row[col('name')] ?? '') : '',
            role: col('role') >= 0 ? String(row[col('role')] ?? '') : '',
            active,
          });
        }
      }
    }
    const me = this.ws.currentUser();
    if (!out.some((u) => u.email.toLowerCase() === me.toLowerCase())) out.unshift({ email: me, name: '', role: '', active: true });
    return out;
  }

  tabs(): { name: string; color: string | null; hidden: boolean }[] {
    const model = this.ws.model as unknown as { sheets?: { name: string; tabColor: string | null; hidden: boolean }[] };
    if (Array.isArray(model.sheets)) return model.sheets.map((s) => ({ name: s.name, color: s.tabColor ?? null, hidden: !!s.hidden }));
    return this.ws.sheetNames().map((name) => {
      const s = this.ws.readSheet(name);
      return { name, color: s.tabColor, hidden: s.hidden };
    });
  }

  /** The cell a script selected (Range.activate): the page moves there, as Sheets does. */
  selection(): { sheet: string; row: number; col: number } | null {
    const active = (this.ws.model as unknown as { activeRange?: { sheetId: number; row: number; col: number } | null }).activeRange;
    const sheet = active ? this.ws.model.sheetById(active.sheetId) : undefined;
    return active && sheet ? { sheet: sheet.name, row: active.row, col: active.col } : null;
  }

  state(): object {
    const ui = this.ws.ui;
    const now = this.ws.clock.millis();
    const tz = this.timeZone;
    const sb = this.sidebar.open ? ui.sidebars[this.sidebar.index] : undefined;
    const dl = this.dialog.open ? ui.dialogs[this.dialog.index] : undefined;
    const menu = ui.menus.map((m) => ({ title: m.title, items: menuItems(m.items) }));
    return {
      user: this.ws.currentUser(),
      users: this.users(),
      now: new Date(now).toISOString(),
      nowLocal: localInput(now, tz),
      nowLabel: localLabel(now, tz),
      timeZone: tz,
      spreadsheetName: this.ws.model.name,
      tabs: this.tabs(),
      menu,
      sidebar: sb ? { title: sb.title || 'Dealboard', url: `/ui/sidebar?v=${this.sidebar.version}`, width: 300 } : null,
      dialog: dl ? {
        title: dl.title, width: dl.width ?? 600, height: dl.height ?? 400, modal: dl.modal,
        url: `/ui/dialog?v=${this.dialog.version}`,
      } : null,
      notices: this.notices.slice(-10),
      selection: this.selection(),
      triggers: this.ws.triggers().map((t) => ({ handler: t.handler, event: t.event, everyHours: t.everyHours ?? null })),
    };
  }

  /**
   * A tab as the page's grid draws it. With `rows`, only its first rows are sent: at least
   * `rows`, and the rows with content plus GRID_MARGIN_ROWS (the grid draws the rest as it
   * scrolls); `rows` stays the size of the whole view, `sentRows` says how many came.
   */
  sheet(name: string, rows?: number): object | null {
    if (!this.ws.sheetNames().some((n) => n === name)) return null;
    const window = rows === undefined ? {} : { rows: Math.max(rows, this.ws.model.requireSheet(name).lastRow() + GRID_MARGIN_ROWS) };
    const s = this.ws.readSheet(name, window);
    const tz = this.timeZone;
    const validations = s.validations.map((r) => r.map((v) => {
      if (!v) return null;
      if (v.type === 'CHECKBOX') return { type: 'CHECKBOX' };
      if (v.type === 'VALUE_IN_LIST') {
        const list = Array.isArray(v.values[0]) ? (v.values[0] as unknown[]).map((x) => editText(x, tz)) : [];
        return { type: 'LIST', list };
      }
      if (v.type === 'VALUE_IN_RANGE') return { type: 'LIST', list: [] };
      return { type: v.type };
    }));
    return {
      name,
      rows: s.viewRows,
      sentRows: s.values.length,
      contentRows: s.contentRows,
      cols: s.values.reduce((m, r) => Math.max(m, r.length), 0),
      values: s.values.map((r) => r.map(jsonValue)),
      displayValues: s.displayValues,
      editValues: s.values.map((r) => r.map((v) => editText(v, tz))),
      kinds: s.values.map((r) => r.map(kindOf)),
      backgrounds: s.backgrounds,
      fontColors: s.fontColors,
      fontWeights: s.fontWeights,
      notes: s.notes,
      validations,
      frozenRows: s.frozenRows,
      columnWidths: s.columnWidths,
      hiddenColumns: s.hiddenColumns,
      tabColor: s.tabColor,
      hidden: s.hidden,
      protections: s.protections,
    };
  }

  /** One add-on global as a menu click: one execution, FULL authorization. */
  runMenu(functionName: string): { ok: true; value: unknown } | { ok: false; error: { name: string; message: string } } {
    const name = String(functionName || '');
    const fn = this.addon[name];
    if (!name || name.endsWith('_') || !Object.prototype.hasOwnProperty.call(this.addon, name) || typeof fn !== 'function') {
      return { ok: false, error: { name: 'ScriptError', message: `Script function not found: ${name}` } };
    }
    try {
      const value = fn({ authMode: 'FULL' });
      this.harvest();
      return { ok: true, value: safeJson(value) };
    } catch (e) {
      this.harvest();
      const err = errorInfo(e);
      this.notice('error', `Error in ${name}`, err.message, 12);
      return { ok: false, error: err };
    }
  }

  /** Moves the clock; every whole hour crossed fires the time-driven triggers once (at most 48). */
  moveClock(targetMs: number): { hours: number; runs: number; failed: number } {
    const clock = this.ws.clock;
    const from = clock.millis();
    if (!(targetMs > from)) {
      clock.set(targetMs);
      return { hours: 0, runs: 0, failed: 0 };
    }
    const firstHour = Math.floor(from / HOUR) + 1;
    const lastHour = Math.floor(targetMs / HOUR);
    const runs: TriggerRun[] = [];
    for (let h = Math.max(firstHour, lastHour - MAX_TRIGGER_HOURS + 1); h <= lastHour; h++) {
      clock.set(h * HOUR);
      runs.push(...this.ws.runTimeTriggers());
    }
    clock.set(targetMs);
    this.harvest(runs);
    return { hours: Math.max(0, lastHour - firstHour + 1), runs: runs.length, failed: runs.filter((r) => !r.ok).length };
  }
}

type MenuItemOut = { caption: string; functionName: string } | { separator: true } | { title: string; items: MenuItemOut[] };

function menuItems(items: unknown[]): MenuItemOut[] {
  return items.map((i) => {
    const item = i as { caption?: string; functionName?: string; separator?: boolean; submenu?: { title: string; items: unknown[] } };
    if (item.submenu) return { title: item.submenu.title, items: menuItems(item.submenu.items) };
    if (item.separator) return { separator: true };
    return { caption: String(item.caption), functionName: String(item.functionName) };
  });
}

function errorInfo(e: unknown): { name: string; message: string } {
  if (e && typeof e === 'object' && 'message' in e) {
    const err = e as { name?: unknown; message?: unknown };
    return { name: String(err.name ?? 'Error'), message: String(err.message) };
  }
  return { name: 'Error', message: String(e) };
}

function safeJson(v: unknown): unknown {
  try {
    return v === undefined ? null : JSON.parse(JSON.stringify(v, (_k, x) => (isDateValue(x) ? x.toISOString() : x)));
  } catch {
    return null;
  }
}

// ---- HTML of the sidebar and dialogs, with the bridge ----------------------------------------

/** Puts a script first in <head> (or first in the document when there is no head). */
export function injectFirstInHead(html: string, script: string): string {
  const tag = `<script>${script.replace(/<\/script/gi, '<\\/script')}</script>`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  const htmlTag = /<html(\s[^>]*)?>/i.exec(html);
  if (htmlTag) {
    const at = htmlTag.index + htmlTag[0].length;
    return `${html.slice(0, at)}<head>${tag}</head>${html.slice(at)}`;
  }
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  if (doctype) return `${doctype[0]}<head>${tag}</head>${html.slice(doctype[0].length)}`;
  return `<head>${tag}</head>${html}`;
}

// ---- HTTP ------------------------------------------------------------------------------------

class HttpError extends Error {
  constructor(readonly status: number, message: string) { super(message); }
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  send(res, status, JSON.stringify(body), 'application/json; charset=utf-8');
}

function readBody(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new HttpError(413, 'Request body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (!text.trim()) return resolve({});
      try {
        const body = JSON.parse(text) as unknown;
        if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Error('not an object');
        resolve(body as Record<string, unknown>);
      } catch {
        reject(new HttpError(400, 'Body must be a JSON object'));
      }
    });
    req.on('error', reject);
  });
}

const STATIC: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/index.html': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/playground.css': { file: 'playground.css', type: 'text/css; charset=utf-8' },
  '/playground.js': { file: 'playground.js', type: 'text/javascript; charset=utf-8' },
  '/bridge.js': { file: 'bridge.js', type: 'text/javascript; charset=utf-8' },
};

function intOf(v: unknown, what: string): number {
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) throw new HttpError(400, `${what} must be a whole number from 1`);
  return n;
}

/** Parses 'yyyy-mm-ddThh:mm' (workbook time zone) or an ISO instant with a zone. */
function parseClockTarget(v: unknown, tz: string): number {
  const s = String(v ?? '').trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?$/.exec(s);
  if (m) return zonedToUtc(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), tz);
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) throw new HttpError(400, `Not a date-time: ${s}`);
  return ms;
}

export async function startPlayground(options: PlaygroundOptions = {}): Promise<Playground> {
  const root = repoRoot();
  const pageDir = path.join(root, 'scripts', 'playground', 'page');
  const bundleDir = path.resolve(root, options.bundleDir ?? 'dist');
  const bundle = path.join(bundleDir, 'Code.js');
  if (!fs.existsSync(bundle)) throw new Error(`No add-on bundle at ${bundle}: run npm run build first.`);
  const stateFile = path.resolve(root, options.stateFile ?? path.join('.playground', 'workbook.json'));
  const host = options.host ?? '127.0.0.1';

  const session = new Session(bundle, stateFile, options.now, options.saveDelayMs);
  session.open(!!options.fresh);

  const bridgeScript = () => fs.readFileSync(path.join(pageDir, 'bridge.js'), 'utf8');

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://playground.local');
    const route = url.pathname;
    const method = req.method ?? 'GET';

    if (method === 'GET' && STATIC[route]) {
      const { file, type } = STATIC[route];
      return send(res, 200, fs.readFileSync(path.join(pageDir, file)), type);
    }
    if (method === 'GET' && route === '/favicon.ico') return send(res, 204, '', 'image/x-icon');
    // Sample files to try the client import with (issue 14): /samples/old-client-base.csv
    if (method === 'GET' && /^\/samples\/[\w.-]+\.(csv|xlsx)$/.test(route) && fs.existsSync(path.join(root, 'scripts', 'playground', 'samples', route.slice(9)))) {
      return send(res, 200, fs.readFileSync(path.join(root, 'scripts', 'playground', 'samples', route.slice(9))), route.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    }

    if (method === 'GET' && (route === '/ui/sidebar' || route === '/ui/dialog')) {
      const list = route === '/ui/sidebar' ? session.ws.ui.sidebars : session.ws.ui.dialogs;
      const panel = route === '/ui/sidebar' ? session.sidebar : session.dialog;
      const entry = panel.index >= 0 ? list[panel.index] : list[list.length - 1];
      if (!entry) return send(res, 404, '<!doctype html><p style="font:13px sans-serif;color:#5f6368">Nothing is shown here yet.</p>', 'text/html; charset=utf-8');
      return send(res, 200, injectFirstInHead(entry.content, bridgeScript()), 'text/html; charset=utf-8');
    }

    if (method === 'GET') {
      const page = calendarPage(session.ws, url, session.timeZone);
      if (page) return send(res, page.status, page.body, page.type);
    }

    if (method === 'GET') {
      const drive = driveRoute(session.ws, url, session.linkBase ?? '');
      if (drive) return sendDrive(res, drive);
      const mail = mailRoute(session.ws, url);
      if (mail) return sendDrive(res, mail);
      const form = formsRoute(session.ws, url);
      if (form) return sendDrive(res, form);
      const pay = stripePayRoute(session.ws, url);
      if (pay) return sendDrive(res, pay);
    }

    if (method === 'GET' && route === '/api/state') return sendJson(res, 200, session.state());
    if (method === 'GET' && route.startsWith('/api/sheet/')) {
      const name = decodeURIComponent(route.slice('/api/sheet/'.length));
      const rows = url.searchParams.get('rows');
      if (rows !== null && !/^\d{1,6}$/.test(rows)) throw new HttpError(400, 'rows must be a whole number');
      const sheet = session.sheet(name, rows === null ? undefined : Number(rows));
      if (!sheet) throw new HttpError(404, `No sheet named "${name}"`);
      return sendJson(res, 200, sheet);
    }

    if (method !== 'POST') throw new HttpError(route.startsWith('/api/') ? 405 : 404, `Not found: ${method} ${route}`);
    const body = await readBody(req);
    let out: unknown;
    switch (route) {
      case '/api/calendar/move':
      case '/api/calendar/delete':
        out = calendarAction(session.ws, route, body);
        break;
      case '/api/forms/submit':
        // The client answering the brief (issue 25): a refusal of the form is the client's 400.
        try {
          out = submitForm(session.ws, body);
        } catch (e) {
          throw new HttpError(400, (e as Error).message);
        }
        break;
      case '/api/stripe/pay':
        // The client paying on the Payment Link's page (issue 22): a closed link is the client's 400.
        try {
          out = payLink(session.ws, body);
        } catch (e) {
          throw new HttpError(400, (e as Error).message);
        }
        break;
      case '/api/menu':
        out = session.runMenu(String(body.functionName ?? ''));
        break;
      case '/api/run': {
        const fn = String(body.fn ?? '');
        const args = body.args === undefined ? [] : body.args;
        if (!Array.isArray(args)) throw new HttpError(400, 'args must be an array');
        out = runFromClient(session.ws, session.addon, fn, args);
        session.harvest();
        break;
      }
      case '/api/edit': {
        const sheet = String(body.sheet ?? '');
        if (!session.ws.sheetNames().includes(sheet)) throw new HttpError(404, `No sheet named "${sheet}"`);
        const row = intOf(body.row, 'row');
        const col = intOf(body.col, 'col');
        let value: unknown = body.value ?? '';
        if (typeof value === 'string') {
          const snap = session.ws.readSheet(sheet);
          const validation = snap.validations[row - 1]?.[col - 1];
          if (validation && validation.type === 'CHECKBOX' && /^(true|false)$/i.test(value.trim())) value = /^true$/i.test(value.trim());
        } else if (typeof value !== 'number' && typeof value !== 'boolean') {
          throw new HttpError(400, 'value must be text, a number or a boolean');
        }
        // Text is typed as a person would: the emulator parses numbers, TRUE/FALSE and
        // yyyy-mm-dd[ hh:mm] dates (in the spreadsheet's time zone), unless the cell is plain text.
        let result: ReturnType<typeof session.ws.editCell>;
        try {
          result = session.ws.editCell(sheet, row, col, value);
        } catch (error) {
          // A protected cell refuses a person who is not its editor, as the Sheets editor does.
          if (error instanceof Error && /protected cell/.test(error.message)) throw new HttpError(403, error.message);
          throw error;
        }
        session.harvest(result.runs);
        const failed = result.runs.filter((r) => !r.ok);
        out = { ok: true, value: jsonValue(result.value), runs: result.runs.map((r) => ({ handler: r.handler, ok: r.ok, error: r.error ?? null })), failed: failed.length };
        break;
      }
      case '/api/user': {
        const email = String(body.email ?? '').trim();
        if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new HttpError(400, 'email must be an email address');
        session.ws.setUser(email);
        // Panels belong to whoever looks at them: reload them for the new user.
        session.sidebar.version++;
        session.dialog.version++;
        out = { ok: true, user: email };
        break;
      }
      case '/api/clock': {
        const from = session.ws.clock.millis();
        let target: number;
        if (body.set !== undefined && body.set !== null && body.set !== '') target = parseClockTarget(body.set, session.timeZone);
        else {
          const minutes = Number(body.advanceMinutes);
          if (!Number.isFinite(minutes)) throw new HttpError(400, 'advanceMinutes must be a number');
          target = from + Math.round(minutes) * 60000;
        }
        out = { ok: true, ...session.moveClock(target), now: session.ws.clock.now().toISOString() };
        break;
      }
      case '/api/close': {
        const panel = body.panel === 'dialog' ? session.dialog : session.sidebar;
        panel.open = false;
        out = { ok: true };
        break;
      }
      case '/api/reset':
        session.notices = [];
        session.open(true);
        out = { ok: true };
        break;
      default:
        throw new HttpError(404, `Not found: POST ${route}`);
    }
    session.saveSoon();
    sendJson(res, 200, out);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      if (status === 500 && !options.quiet) console.error('Playground error:', e);
      if (!res.headersSent) sendJson(res, status, { ok: false, error: errorInfo(e) });
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port ?? DEFAULT_PORT;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  // Only now is the port known: documents generated from here on link to this server.
  session.linkBase = url.replace(/\/$/, '');
  session.ws.drive.linkBase = session.linkBase;

  return {
    url,
    port,
    get workspace() { return session.ws; },
    get addon() { return session.addon; },
    close: () => new Promise<void>((resolve) => {
      session.flush();
      server.close(() => resolve());
      server.closeAllConnections?.();
    }),
  };
}

function argValue(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at >= 0) return args[at + 1];
  const eq = args.find((a) => a.startsWith(`${name}=`));
  return eq ? eq.slice(name.length + 1) : undefined;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const port = Number(argValue(args, '--port') ?? process.env.PORT ?? DEFAULT_PORT);
  startPlayground({
    port: Number.isInteger(port) && port >= 0 ? port : DEFAULT_PORT,
    host: argValue(args, '--host') ?? '127.0.0.1',
    stateFile: argValue(args, '--state'),
    fresh: args.includes('--fresh'),
  }).then(
    (pg) => {
      console.log(`Dealboard playground: ${pg.url}`);
      // The emulated Stripe account's test key, for the owner's Stripe key dialog (issue 22: pay links open the playground's pay page).
      console.log(`Emulated Stripe test key (menu Dealboard → Stripe key (online payments)): ${EMULATOR_TEST_KEY}`);
      const stop = () => { void pg.close().then(() => process.exit(0)); };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (e: unknown) => {
      console.error(`Playground failed to start: ${(e as Error).message ?? e}`);
      process.exit(1);
    },
  );
}
