// createWorkspace(): one emulated spreadsheet with its add-on services, executions, locks,
// triggers, recorded UI, test helpers and persistence. See README.md for the member table.
import {
  AuthModeName, CallCounter, EmulatorContext, Execution, VirtualClock,
} from './context';
import { PROTECTED_EDIT_MESSAGE, SheetSnapshot, SpreadsheetModel, createSpreadsheetApp, dateToSerial, sheetValues, snapshotSheet } from './spreadsheet/index';
import { createCacheService } from './services/cache';
import { createHtmlService } from './services/html';
import { createLockService } from './services/lock';
import { createConsole, createLogger } from './services/logger';
import { createPropertiesService } from './services/properties';
import { createScriptApp } from './services/script';
import { createSession, userObject } from './services/session';
import {
  CacheEntry, LogEntry, ServiceState, TriggerRecord, UiRecorder, createUiRecorder,
} from './services/state';
import { createBrowser, createUi } from './services/ui';
import { createChartsGlobal } from './spreadsheet/charts';
import { createUtilities } from './services/utilities';
import { SeededRandom, isDate, permissionError } from './services/util';
import { DriveModel, createDriveServices } from './drive/index';
import { driveExportRoute } from './drive/exportRoute';
import { sheetsExportRoute } from './sheetsExport/route';
import { FormsModel } from './forms/model';
import { formsRoute } from './forms/route';

import { StripeModel, StripeState, stripeRoute } from './stripe/route';
import { FetchRouter, createUrlFetchApp } from './fetch/router';
import { SheetsRestJSON, SheetsRestService } from './sheetsRest/route';
import { createSheetsAdvancedService } from './sheetsRest/advanced';
import { bindContainerToDrive, containerSharing } from './container';
import { MIME_TYPE } from './services/mimeType';
import { MailModel, createMailApp } from './services/mail';
import { createGmailApp } from './services/gmail';
import { createGmailService } from './services/gmailAdvanced';
import { CalendarModel, CalendarJSON, createCalendarApp, createCalendarService, registerCalendarAppCalls, registerCalendarCalls } from './calendar/index';
import { inTimeZone } from './scriptZone';

export const DEFAULT_NOW = '2026-11-23T09:00:00Z';
export const DEFAULT_USER = 'owner@studio.test';
export const DEFAULT_TIME_ZONE = 'Europe/Berlin';
export const ADDON_NAME = 'Dealboard';

/** Hidden entry point of a loaded add-on: run a global as one execution with explicit options. */
export const RUN = Symbol.for('dealboard.emulator.run');

/** Hidden hooks of a workspace for the interleaving scheduler (interleave/scheduler.ts). */
export const EXECUTIONS = Symbol.for('dealboard.emulator.executions');

/** A handler a hand edit (or another event) fires, not yet run: the scheduler runs it. */
export interface PendingHandler {
  handler: string;
  kind: TriggerRun['kind'];
  user: string;
  authMode: AuthModeName;
  triggerId?: string;
  /** Builds the event object; call it inside the handler's execution. */
  makeEvent(): object;
}

export interface ExecutionHooks {
  /** A new execution (not yet current). */
  begin(options: ExecuteOptions): Execution;
  /** Runs fn with `execution` as the running one (Session, locks, AuthMode follow it). */
  within<T>(execution: Execution, fn: () => T): T;
  /** Ends an execution: the locks it holds are released. */
  end(execution: Execution): void;
  /** Lock key -> id of the execution holding it. */
  readonly locks: Map<string, number>;
  /** Types a value as a person would and returns the handlers the edit fires, without running them. */
  typeCell(sheet: string, row: number, col: number, value: unknown, editor?: string): { oldValue: unknown; value: unknown; handlers: PendingHandler[] };
}

export interface ExecuteOptions {
  authMode?: AuthModeName;
  user?: string;
}

/** What loadAddon returns: one function per top-level function of the bundle. */
export interface Addon {
  [name: string]: (...args: unknown[]) => unknown;
}

export interface AddonInternals {
  [RUN](name: string, args: unknown[], options: ExecuteOptions): unknown;
}

export interface TriggerRun {
  handler: string;
  kind: 'simple' | 'installable';
  triggerId?: string;
  user: string;
  ok: boolean;
  error?: { name: string; message: string };
}

export interface WorkspaceOptions {
  now?: Date | string | number;
  user?: string;
  timeZone?: string;
  /** The spreadsheet's locale (Spreadsheet.getSpreadsheetLocale), e.g. 'de_DE'; default 'en_US'. */
  locale?: string;
  spreadsheetName?: string;
  spreadsheetId?: string;
  seed?: number;
  /** A previous toJSON(); explicit options above win over what it holds. */
  state?: unknown;
  /** Print Logger/console output as it is collected (default false). */
  echoLogs?: boolean;
  /** 'throw' (default): a failing trigger handler fails editCell/runTimeTriggers after all ran;
   *  'collect': failures are only recorded in ws.triggerErrors (as Apps Script mails them). */
  triggerErrors?: 'throw' | 'collect';
  /** Google Docs created per day (Apps Script: 250 consumer, 1,500 Workspace). */
  docsCreatePerDay?: number;
  /** Email recipients per day (Apps Script: 100 consumer, 1,500 Workspace); resets at midnight Pacific. */
  mailQuota?: number;
}

export interface Workspace {
  readonly globals: Record<string, unknown>;
  readonly clock: VirtualClock;
  readonly calls: CallCounter;
  readonly ui: UiRecorder;
  readonly logs: LogEntry[];
  readonly triggerErrors: (TriggerRun & { event: string })[];
  readonly model: SpreadsheetModel;
  /** The user's Drive and Docs content (uncounted helpers: documentText, documentTables,
   *  editDocumentAsOwner, listFiles, file, renderPdf, exportDocument, linkBase). */
  readonly drive: DriveModel;
  /** The mailbox behind MailApp (uncounted helpers: sent(), message(id), failOnSend(n), remaining(user, now), dailyQuota). */
  readonly mail: MailModel;
  /** Every user's primary calendar (uncounted person helpers: addEvent, moveEvent, deleteEvent,
   *  respondAsGuest, listEvents; `invitations` Calendar mailed; `eventsCreatePerDay`). */
  readonly calendar: CalendarModel;
  readonly context: EmulatorContext;
  /** UrlFetchApp's routes: each emulated REST service registers the URLs it answers. */
  readonly fetchRoutes: FetchRouter;
  /** The Sheets REST API v4 route: spreadsheets other than the bound one (uncounted helpers). */
  readonly sheetsRest: SheetsRestService;

  /** Google Forms behind the Forms REST route (uncounted helpers: submitResponse(formId, answers)
   *  acting as the client, form, listForms, responsesOf, byPublishedId). */
  readonly forms: FormsModel;

  /** The emulated Stripe account (uncounted helpers: pay(linkId, amount?), startCheckout, failNext, allowKey, link). */
  readonly stripe: StripeModel;
  /** Set by loadAddon. */
  addon: Addon | null;
  /** Folder of the loaded bundle (HtmlService reads `${bundleDir}/${name}.html`). */
  bundleDir: string | null;
  /** The loaded add-on's sandbox (its global scope), set by loadAddon. */
  sandbox: object | null;
  setUser(email: string): void;
  currentUser(): string;
  execute<T>(fn: () => T, options?: ExecuteOptions): T;
  triggers(): TriggerRecord[];
  editCell(sheet: string, row: number, col: number, value: unknown): { oldValue: unknown; value: unknown; runs: TriggerRun[] };
  openDocument(options?: { authMode?: AuthModeName }): TriggerRun[];
  runTimeTriggers(): TriggerRun[];
  /** Uncounted snapshot of a tab; `rows` stops it after that many rows (viewRows says how many the whole view has). */
  readSheet(name: string, options?: { rows?: number }): SheetSnapshot;
  /** readSheet(name).values alone (uncounted), without computing formats, colours and validations. */
  readValues(name: string): unknown[][];
  sheetNames(): string[];
  writeRows(sheet: string, startRow: number, rows: unknown[][]): void;
  appendRows(sheet: string, rows: unknown[][]): void;
  properties(kind: 'document' | 'script' | 'user', user?: string): Record<string, string>;
  toJSON(): WorkspaceJSON;
}

export interface WorkspaceJSON {
  kind: 'dealboard-emulator-workspace';
  version: 1;
  now: string;
  user: string;
  timeZone: string;
  random: number;
  spreadsheet: unknown;
  properties: { document: Record<string, string>; script: Record<string, string>; user: Record<string, Record<string, string>> };
  caches: { document: Record<string, CacheEntry>; script: Record<string, CacheEntry>; user: Record<string, Record<string, CacheEntry>> };
  cacheSeq: number;
  triggers: TriggerRecord[];
  /** Absent in states saved before Drive was emulated: such a state starts with an empty Drive. */
  drive?: unknown;
  /** Absent in states saved before MailApp was emulated. */
  mail?: unknown;
  /** Absent in states saved before Calendar was emulated. */
  calendar?: CalendarJSON;
  /** State of emulated REST services (FetchRoute.key -> its toJSON()). */
  fetchServices?: Record<string, unknown>;
}

/** A Date constructor for the sandbox: `new Date()`, `Date()` and `Date.now()` follow the clock. */
export function virtualDate(clock: VirtualClock): DateConstructor {
  return new Proxy(Date, {
    construct(target, args, newTarget) {
      return Reflect.construct(target, args.length === 0 ? [clock.millis()] : args, newTarget);
    },
    apply() {
      return new Date(clock.millis()).toString();
    },
    get(target, prop, receiver) {
      if (prop === 'now') return function now() { return clock.millis(); };
      return Reflect.get(target, prop, receiver);
    },
  });
}

function mapOf(o: Record<string, string> | undefined): Map<string, string> {
  return new Map(Object.entries(o ?? {}).map(([k, v]) => [k, String(v)]));
}

function eventValue(v: unknown, timeZone: string): string | undefined {
  if (v === '' || v === undefined || v === null) return undefined;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDate(v)) return String(dateToSerial(v, timeZone));
  return String(v);
}

function errorInfo(e: unknown): { name: string; message: string } {
  if (e && typeof e === 'object' && 'message' in e) {
    const err = e as { name?: unknown; message?: unknown };
    return { name: String(err.name ?? 'Error'), message: String(err.message) };
  }
  return { name: 'Error', message: String(e) };
}

export function createWorkspace(options: WorkspaceOptions = {}): Workspace {
  const saved = options.state === undefined ? null
    : ((typeof options.state === 'string' ? JSON.parse(options.state) : options.state) as WorkspaceJSON);
  if (saved && saved.kind !== 'dealboard-emulator-workspace') throw new Error('Not a serialised workspace (toJSON())');

  const clock = new VirtualClock(options.now ?? saved?.now ?? DEFAULT_NOW);
  const calls = new CallCounter();
  const timeZone = options.timeZone ?? saved?.timeZone ?? DEFAULT_TIME_ZONE;
  let defaultUser = options.user ?? saved?.user ?? DEFAULT_USER;
  const random = new SeededRandom(saved?.random ?? (options.seed ?? 20261123) | 0);
  const model = saved
    ? SpreadsheetModel.fromJSON(saved.spreadsheet)
    : new SpreadsheetModel({
      id: options.spreadsheetId ?? `ss-${random.hex(24)}`,
      name: options.spreadsheetName ?? 'Dealboard',
      timeZone,
      locale: options.locale,
    });
  if (saved && options.locale) model.locale = options.locale;

  // The user the workspace starts with created the spreadsheet: its owner, who may always edit protected ranges.
  if (!model.owner) model.owner = defaultUser;

  // One Drive per workspace: the add-on's user owns what it creates (drive.file scope). Its ids
  // come from its own seed, so adding Drive did not shift the ids the spreadsheet side draws.
  const drive = saved?.drive !== undefined
    ? DriveModel.fromJSON(saved.drive)
    : new DriveModel({ seed: ((saved?.random ?? options.seed ?? 20261123) ^ 0x0d51e) >>> 0, owner: defaultUser, docsCreatePerDay: options.docsCreatePerDay });
  if (options.docsCreatePerDay !== undefined) drive.docsCreatePerDay = options.docsCreatePerDay;
  bindContainerToDrive(model, drive);

  const mail = saved?.mail !== undefined ? MailModel.fromJSON(saved.mail) : new MailModel({ dailyQuota: options.mailQuota });
  if (options.mailQuota !== undefined) mail.dailyQuota = options.mailQuota;
  mail.now = () => clock.now();

  const stack: Execution[] = [];
  let nextExecution = 1;
  const currentExecution = (): Execution =>
    stack[stack.length - 1] ?? { id: 0, user: defaultUser, authMode: 'FULL' };

  const ctx: EmulatorContext = {
    clock,
    calls,
    currentExecution,
    requireAuthorization(what: string) {
      if (currentExecution().authMode === 'NONE') throw permissionError(what);
    },
    currentUser: () => currentExecution().user,
    timeZone: () => timeZone,
    nextId: (prefix: string) => `${prefix}${random.hex(24)}`,
  };

  const ui = createUiRecorder();
  const logs: LogEntry[] = [];
  const userMaps = <T>(o: Record<string, Record<string, T>> | undefined, conv: (x: Record<string, T>) => Map<string, T>) =>
    new Map(Object.entries(o ?? {}).map(([u, m]) => [u, conv(m)]));
  const cacheMap = (o: Record<string, CacheEntry> | undefined) => new Map(Object.entries(o ?? {}));

  const ws = {} as Workspace;
  const state: ServiceState = {
    ctx,
    addonName: ADDON_NAME,
    spreadsheetId: () => model.id,
    ui,
    properties: {
      document: mapOf(saved?.properties.document),
      script: mapOf(saved?.properties.script),
      user: userMaps(saved?.properties.user, mapOf),
    },
    caches: {
      document: cacheMap(saved?.caches.document),
      script: cacheMap(saved?.caches.script),
      user: userMaps(saved?.caches.user, cacheMap),
    },
    cacheSeq: { n: saved?.cacheSeq ?? 0 },
    locks: new Map(),
    triggers: (saved?.triggers ?? []).map((t) => ({ ...t })),
    logs,
    echoLogs: options.echoLogs ?? false,
    bundleDir: () => ws.bundleDir,
    scriptScope: () => ws.sandbox,
    random: () => random.next(),
  };

  const uiObject = createUi(state);
  // Other spreadsheets of this Drive (the Sheets REST API's and SpreadsheetApp.create's), saved with the workspace.
  const sheetsRest = new SheetsRestService(drive, () => clock.now(), () => timeZone, saved?.fetchServices?.sheetsRest as SheetsRestJSON | undefined);
  for (const id of sheetsRest.ids()) bindContainerToDrive(sheetsRest.spreadsheet(id)!, drive, true);
  const SpreadsheetApp = createSpreadsheetApp(ctx, model, {
    getUi: () => uiObject,
    toast: (message, title, timeoutSeconds) => {
      ui.toasts.push({ message: String(message), title: title === undefined ? '' : String(title), timeoutSeconds: timeoutSeconds ?? 5 });
    },
    created: (made) => { bindContainerToDrive(made, drive, true); sheetsRest.adopt(made); },
    lookup: (id) => sheetsRest.spreadsheet(id),
    sharing: containerSharing(drive),
  }) as GoogleAppsScript.Spreadsheet.SpreadsheetApp;

  const globals: Record<string, unknown> = {
    SpreadsheetApp,
    HtmlService: createHtmlService(state),
    PropertiesService: createPropertiesService(state),
    CacheService: createCacheService(state),
    LockService: createLockService(state),
    ScriptApp: createScriptApp(state),
    Session: createSession(state),
    Utilities: createUtilities(state),
    Browser: createBrowser(state),
    Charts: createChartsGlobal(),
    Logger: createLogger(state),
    console: createConsole(state),
    Date: virtualDate(clock),
  };
  const fetchRouter = new FetchRouter();
  fetchRouter.register(driveExportRoute(drive));
  fetchRouter.register(sheetsRest);
  fetchRouter.register(sheetsExportRoute((id) => (id === '' || id === model.id ? model : sheetsRest.spreadsheet(id)), drive, () => clock.now()));

  const forms = FormsModel.fromJSON(saved?.fetchServices?.forms, drive, () => clock.now());
  fetchRouter.register(formsRoute(forms));

  // Payment links follow the Drive's linkBase (as the forms' responder links do): the playground's pay page.
  const stripe = new StripeModel(() => clock.millis(), (saved?.fetchServices?.stripe as StripeState | undefined) ?? null, () => drive.linkBase);
  fetchRouter.register(stripeRoute(stripe));
  const driveServices = createDriveServices(ctx, drive);
  Object.assign(globals, {
    Drive: driveServices.Drive,
    Docs: driveServices.Docs,
    DriveApp: driveServices.DriveApp,
    DocumentApp: driveServices.DocumentApp,
    UrlFetchApp: createUrlFetchApp(ctx, fetchRouter),
    MimeType: MIME_TYPE,
    // The Sheets advanced service: the same spreadsheets as the Sheets REST route, called in-process.
    Sheets: createSheetsAdvancedService(ctx, sheetsRest),
  });
  globals.MailApp = createMailApp(ctx, mail);
  globals.GmailApp = createGmailApp(ctx, mail);
  // The Gmail advanced service, over the same mailbox (services/gmailAdvanced.ts).
  globals.Gmail = createGmailService(ctx, mail);
  registerCalendarCalls();
  const calendarSeed = ((saved?.random ?? options.seed ?? 20261123) ^ 0xca1e) >>> 0;
  const calendar = saved?.calendar !== undefined
    ? CalendarModel.fromJSON(saved.calendar, () => timeZone, () => clock.millis())
    : new CalendarModel(calendarSeed, () => timeZone, () => clock.millis());
  globals.Calendar = createCalendarService(ctx, calendar);
  registerCalendarAppCalls();
  globals.CalendarApp = createCalendarApp(ctx, calendar);

  const triggerErrors: (TriggerRun & { event: string })[] = [];
  const throwTriggerErrors = (options.triggerErrors ?? 'throw') === 'throw';

  function begin(opts: ExecuteOptions = {}): Execution {
    return { id: nextExecution++, user: opts.user ?? defaultUser, authMode: opts.authMode ?? 'FULL' };
  }
  function within<T>(execution: Execution, fn: () => T): T {
    stack.push(execution);
    try {
      return inTimeZone(timeZone, fn);
    } finally {
      const at = stack.lastIndexOf(execution);
      if (at >= 0) stack.splice(at, 1);
    }
  }
  function end(execution: Execution): void {
    for (const [key, holder] of [...state.locks]) if (holder === execution.id) state.locks.delete(key);
  }

  function execute<T>(fn: () => T, opts: ExecuteOptions = {}): T {
    const execution = begin(opts);
    try {
      return within(execution, fn);
    } finally {
      end(execution);
    }
  }

  /** Runs one handler of the loaded add-on as its own execution; failures are recorded. */
  function fire(handler: string, kind: TriggerRun['kind'], event: string, user: string, authMode: AuthModeName,
    makeEvent: () => object, triggerId?: string): TriggerRun {
    const run: TriggerRun = { handler, kind, user, ok: true, ...(triggerId ? { triggerId } : {}) };
    try {
      const addon = ws.addon as (Addon & AddonInternals) | null;
      if (!addon || typeof addon[handler] !== 'function') {
        throw Object.assign(new Error(`Script function not found: ${handler}`), { name: 'Exception' });
      }
      const e = calls.uncounted(makeEvent);
      addon[RUN](handler, [e], { user, authMode });
    } catch (err) {
      run.ok = false;
      run.error = errorInfo(err);
      triggerErrors.push({ ...run, event });
    }
    return run;
  }

  function finish(runs: TriggerRun[]): TriggerRun[] {
    const failed = runs.find((r) => !r.ok);
    if (failed && throwTriggerErrors) {
      const err = new Error(`Trigger handler ${failed.handler} failed: ${failed.error?.message}`);
      err.name = failed.error?.name ?? 'Error';
      throw err;
    }
    return runs;
  }

  const activeSpreadsheet = () => SpreadsheetApp.getActiveSpreadsheet();

  function typeCell(sheet: string, row: number, col: number, value: unknown, editor: string = defaultUser) {
    // As in Sheets: a protected cell refuses a person who is not among its editors (nothing changes, no trigger fires).
    if (calls.uncounted(() => model.protectionRefusing(sheet, row, col, editor))) throw new Error(PROTECTED_EDIT_MESSAGE);
    const oldValue = calls.uncounted(() => model.setCellValue(sheet, row, col, value));
    const sheetName = calls.uncounted(() => model.requireSheet(sheet).name);
    const newValue = calls.uncounted(() => activeSpreadsheet().getSheetByName(sheetName)!.getRange(row, col).getValue());
    const event = (authMode: AuthModeName, triggerUid?: string) => () => {
      const ss = activeSpreadsheet();
      const e: Record<string, unknown> = {
        authMode,
        range: ss.getSheetByName(sheetName)!.getRange(row, col),
        source: ss,
        user: userObject(state, editor),
      };
      const v = eventValue(newValue, model.timeZone);
      const o = eventValue(oldValue, model.timeZone);
      if (v !== undefined) e.value = v;
      if (o !== undefined) e.oldValue = o;
      if (triggerUid) e.triggerUid = triggerUid;
      return e;
    };
    const handlers: PendingHandler[] = [];
    if (ws.addon && typeof ws.addon.onEdit === 'function') {
      handlers.push({ handler: 'onEdit', kind: 'simple', user: editor, authMode: 'LIMITED', makeEvent: event('LIMITED') });
    }
    for (const t of state.triggers.filter((x) => x.event === 'ON_EDIT' && x.sourceId === model.id)) {
      handlers.push({ handler: t.handler, kind: 'installable', user: t.user, authMode: 'FULL', makeEvent: event('FULL', t.id), triggerId: t.id });
    }
    return { oldValue, value: newValue, handlers };
  }
  const hooks: ExecutionHooks = { begin, within, end, locks: state.locks, typeCell };

  Object.assign(ws, {
    globals,
    clock,
    calls,
    ui,
    logs,
    triggerErrors,
    model,
    drive,
    mail,
    calendar,
    context: ctx,
    fetchRoutes: fetchRouter,
    sheetsRest,

    forms,

    stripe,
    addon: null,
    bundleDir: null,
    sandbox: null,
    setUser(email: string) { defaultUser = String(email); },
    currentUser: () => currentExecution().user,
    execute,
    triggers: () => state.triggers.map((t) => ({ ...t })),

    editCell(sheet: string, row: number, col: number, value: unknown) {
      const typed = typeCell(sheet, row, col, value, defaultUser);
      const runs = typed.handlers.map((h) => fire(h.handler, h.kind, 'ON_EDIT', h.user, h.authMode, h.makeEvent, h.triggerId));
      return { oldValue: typed.oldValue, value: typed.value, runs: finish(runs) };
    },

    openDocument(opts: { authMode?: AuthModeName } = {}) {
      const user = defaultUser;
      const authMode = opts.authMode ?? 'LIMITED';
      const event = (mode: AuthModeName, triggerUid?: string) => () => {
        const e: Record<string, unknown> = { authMode: mode, user: userObject(state, user) };
        if (mode !== 'NONE') e.source = activeSpreadsheet();
        if (triggerUid) e.triggerUid = triggerUid;
        return e;
      };
      const runs: TriggerRun[] = [];
      if (ws.addon && typeof ws.addon.onOpen === 'function') runs.push(fire('onOpen', 'simple', 'ON_OPEN', user, authMode, event(authMode)));
      for (const t of state.triggers.filter((x) => x.event === 'ON_OPEN' && x.sourceId === model.id)) {
        runs.push(fire(t.handler, 'installable', 'ON_OPEN', t.user, 'FULL', event('FULL', t.id), t.id));
      }
      return finish(runs);
    },

    runTimeTriggers() {
      const runs: TriggerRun[] = [];
      for (const t of state.triggers.filter((x) => x.event === 'CLOCK')) {
        const makeEvent = () => {
          const d = clock.now();
          return {
            authMode: 'FULL', triggerUid: t.id, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1,
            'day-of-month': d.getUTCDate(), 'day-of-week': d.getUTCDay() === 0 ? 7 : d.getUTCDay(),
            hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), timezone: 'UTC',
          };
        };
        runs.push(fire(t.handler, 'installable', 'CLOCK', t.user, 'FULL', makeEvent, t.id));
      }
      return finish(runs);
    },

    readSheet: (name: string, options?: { rows?: number }) => calls.uncounted(() => snapshotSheet(model, name, clock.now(), options)),
    readValues: (name: string) => calls.uncounted(() => sheetValues(model, name, clock.now())),
    sheetNames: () => model.sheetNames(),
    writeRows: (sheet: string, startRow: number, rows: unknown[][]) => calls.uncounted(() => model.writeRows(sheet, startRow, rows)),
    appendRows: (sheet: string, rows: unknown[][]) => calls.uncounted(() => model.appendRows(sheet, rows)),
    properties(kind: 'document' | 'script' | 'user', user?: string) {
      const store = kind === 'user' ? state.properties.user.get(user ?? defaultUser) : state.properties[kind];
      return Object.fromEntries(store ?? []);
    },

    toJSON(): WorkspaceJSON {
      const obj = <T>(m: Map<string, T>) => Object.fromEntries(m);
      const perUser = <T>(m: Map<string, Map<string, T>>) => Object.fromEntries([...m].map(([u, s]) => [u, obj(s)]));
      return {
        kind: 'dealboard-emulator-workspace',
        version: 1,
        now: clock.now().toISOString(),
        user: defaultUser,
        timeZone,
        random: random.state,
        spreadsheet: model.toJSON(),
        properties: { document: obj(state.properties.document), script: obj(state.properties.script), user: perUser(state.properties.user) },
        caches: { document: obj(state.caches.document), script: obj(state.caches.script), user: perUser(state.caches.user) },
        cacheSeq: state.cacheSeq.n,
        triggers: state.triggers.map((t) => ({ ...t })),
        drive: drive.toJSON(),
        mail: mail.toJSON(),
        calendar: calendar.toJSON(),
        fetchServices: fetchRouter.toJSON(),
      };
    },
  });
  Object.defineProperty(ws, EXECUTIONS, { value: hooks, enumerable: false });
  return ws;
}
