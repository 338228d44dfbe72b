// ScriptApp, TriggerBuilder, SpreadsheetTriggerBuilder, ClockTriggerBuilder, Trigger.
// Add-on rules enforced (Editor add-on trigger restrictions): triggers only for the document
// the add-on runs in, at most one trigger of each event type per user per document, and
// time-driven triggers no more often than once an hour.
import { isImplemented } from '../notImplemented';
import { counted } from '../context';
import type { ServiceState, TriggerEvent, TriggerRecord } from './state';
import { SCOPES, enumOf, gasError, permissionError } from './util';

type GTrigger = GoogleAppsScript.Script.Trigger;

export const AuthMode = enumOf('NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL');
export const AuthorizationStatus = enumOf('REQUIRED', 'NOT_REQUIRED');
export const EventType = enumOf('CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED');
export const TriggerSource = enumOf('SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR');
export const InstallationSource = enumOf('APPS_MARKETPLACE_DOMAIN_ADD_ON', 'NONE', 'WEB_STORE_ADD_ON');
export const WeekDay = enumOf('SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY');

export const DUPLICATE_TRIGGER_MESSAGE =
  'This add-on has already created a trigger of this type for this document. An add-on can only have one trigger of each type, per user, per document.';
export const HOURLY_TRIGGER_MESSAGE =
  'Add-ons may not create time-based triggers that run more often than once an hour.';

const TRIGGER_ID = Symbol('emulator.triggerId');

export class EmuTrigger implements Pick<GTrigger, 'getEventType' | 'getHandlerFunction' | 'getTriggerSource' | 'getTriggerSourceId' | 'getUniqueId'> {
  readonly [TRIGGER_ID]: string;
  constructor(private record: TriggerRecord) {
    this[TRIGGER_ID] = record.id;
  }
  getEventType(): GoogleAppsScript.Script.EventType {
    return this.record.event as unknown as GoogleAppsScript.Script.EventType;
  }
  getHandlerFunction(): string {
    return this.record.handler;
  }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return this.record.source as unknown as GoogleAppsScript.Script.TriggerSource;
  }
  getTriggerSourceId(): string {
    return (this.record.source === 'CLOCK' ? null : this.record.sourceId) as string;
  }
  getUniqueId(): string {
    return this.record.id;
  }
}

function triggerObject(state: ServiceState, record: TriggerRecord): GTrigger {
  return counted(state.ctx.calls, 'Trigger', new EmuTrigger(record)) as unknown as GTrigger;
}

/** Adds a trigger record after checking the add-on rules. */
function install(state: ServiceState, record: Omit<TriggerRecord, 'id' | 'user'>): GTrigger {
  const user = state.ctx.currentUser();
  if (state.triggers.some((t) => t.user === user && t.sourceId === record.sourceId && t.event === record.event)) {
    throw gasError(DUPLICATE_TRIGGER_MESSAGE);
  }
  const full: TriggerRecord = { id: state.ctx.nextId('trigger-'), user, ...record };
  state.triggers.push(full);
  return triggerObject(state, full);
}

function requireFull(state: ServiceState, what: string): void {
  if (state.ctx.currentExecution().authMode !== 'FULL') throw permissionError(what, SCOPES.scriptapp);
}

export class EmuSpreadsheetTriggerBuilder implements Pick<GoogleAppsScript.Script.SpreadsheetTriggerBuilder, 'create' | 'onChange' | 'onEdit' | 'onFormSubmit' | 'onOpen'> {
  private event: TriggerEvent | null = null;
  private self!: GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
  constructor(private state: ServiceState, private handler: string, private sourceId: string) {}
  bind(self: GoogleAppsScript.Script.SpreadsheetTriggerBuilder) { this.self = self; return self; }
  private set(e: TriggerEvent) { this.event = e; return this.self; }
  onChange() { return this.set('ON_CHANGE'); }
  onEdit() { return this.set('ON_EDIT'); }
  onFormSubmit() { return this.set('ON_FORM_SUBMIT'); }
  onOpen() { return this.set('ON_OPEN'); }
  create(): GTrigger {
    requireFull(this.state, 'ScriptApp.newTrigger');
    if (!this.event) throw gasError('Trigger type not specified. Call onOpen(), onEdit(), onChange() or onFormSubmit() before create().');
    return install(this.state, { handler: this.handler, event: this.event, source: 'SPREADSHEETS', sourceId: this.sourceId });
  }
}

const EVERY_MINUTES = [1, 5, 10, 15, 30];
const EVERY_HOURS = [1, 2, 4, 6, 8, 12];

type ClockMethods =
  | 'after' | 'at' | 'atDate' | 'atHour' | 'create' | 'everyDays' | 'everyHours' | 'everyMinutes' | 'everyWeeks'
  | 'inTimezone' | 'nearMinute' | 'onMonthDay' | 'onWeekDay';

export class EmuClockTriggerBuilder implements Pick<GoogleAppsScript.Script.ClockTriggerBuilder, ClockMethods> {
  private spec: Partial<TriggerRecord> = {};
  private self!: GoogleAppsScript.Script.ClockTriggerBuilder;
  constructor(private state: ServiceState, private handler: string) {}
  bind(self: GoogleAppsScript.Script.ClockTriggerBuilder) { this.self = self; return self; }
  private set(p: Partial<TriggerRecord>) { Object.assign(this.spec, p); return this.self; }
  private int(v: unknown, method: string, min: number, max: number): number {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw gasError(`Invalid argument: ${method}`);
    return n;
  }
  after(ms: number) { return this.set({ after: this.int(ms, 'after', 0, Number.MAX_SAFE_INTEGER) }); }
  at(date: GoogleAppsScript.Base.Date) { return this.set({ at: new Date((date as unknown as Date).getTime()).toISOString() }); }
  atDate(year: number, month: number, day: number) {
    const d = new Date(Date.UTC(year, month - 1, day));
    return this.set({ at: d.toISOString() });
  }
  atHour(hour: number) { return this.set({ atHour: this.int(hour, 'atHour', 0, 23) }); }
  everyDays(n: number) { return this.set({ everyDays: this.int(n, 'everyDays', 1, 365) }); }
  everyHours(n: number) {
    const h = Number(n);
    if (!EVERY_HOURS.includes(h)) throw gasError('Invalid argument: everyHours. The value must be 1, 2, 4, 6, 8 or 12.');
    return this.set({ everyHours: h });
  }
  everyMinutes(n: number) {
    const m = Number(n);
    if (!EVERY_MINUTES.includes(m)) throw gasError('Invalid argument: everyMinutes. The value must be 1, 5, 10, 15 or 30.');
    return this.set({ everyMinutes: m });
  }
  everyWeeks(n: number) { return this.set({ everyWeeks: this.int(n, 'everyWeeks', 1, 52) }); }
  inTimezone(tz: string) { return this.set({ timeZone: String(tz) }); }
  nearMinute(minute: number) { return this.set({ nearMinute: this.int(minute, 'nearMinute', 0, 59) }); }
  onMonthDay(day: number) { return this.set({ onMonthDay: this.int(day, 'onMonthDay', 1, 31) }); }
  onWeekDay(day: GoogleAppsScript.Base.Weekday) { return this.set({ onWeekDay: String(day) }); }
  create(): GTrigger {
    requireFull(this.state, 'ScriptApp.newTrigger');
    const s = this.spec;
    if (s.everyMinutes === undefined && s.everyHours === undefined && s.everyDays === undefined &&
        s.everyWeeks === undefined && s.at === undefined && s.after === undefined) {
      throw gasError('Invalid trigger: a time-based trigger needs a schedule (everyMinutes, everyHours, everyDays, everyWeeks, at or after).');
    }
    if (s.everyMinutes !== undefined || (s.after !== undefined && s.after < 3600000)) throw gasError(HOURLY_TRIGGER_MESSAGE);
    return install(this.state, { handler: this.handler, event: 'CLOCK', source: 'CLOCK', sourceId: this.state.spreadsheetId(), ...s });
  }
}

export class EmuTriggerBuilder implements Pick<GoogleAppsScript.Script.TriggerBuilder, 'forSpreadsheet' | 'timeBased'> {
  constructor(private state: ServiceState, private handler: string) {}
  forSpreadsheet(sheet: unknown): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    const ss = sheet as { getId?: () => string };
    const id = ss && typeof ss === 'object' && isImplemented(ss, 'getId') ? ss.getId!() : String(sheet);
    if (id !== this.state.spreadsheetId()) {
      throw gasError('Add-ons can only create triggers for the document in which the add-on is used.');
    }
    const b = new EmuSpreadsheetTriggerBuilder(this.state, this.handler, id);
    return b.bind(counted(this.state.ctx.calls, 'SpreadsheetTriggerBuilder', b) as unknown as GoogleAppsScript.Script.SpreadsheetTriggerBuilder);
  }
  timeBased(): GoogleAppsScript.Script.ClockTriggerBuilder {
    const b = new EmuClockTriggerBuilder(this.state, this.handler);
    return b.bind(counted(this.state.ctx.calls, 'ClockTriggerBuilder', b) as unknown as GoogleAppsScript.Script.ClockTriggerBuilder);
  }
}

type ScriptAppMethods =
  | 'deleteTrigger' | 'getOAuthToken' | 'getProjectTriggers' | 'getScriptId' | 'getUserTriggers' | 'newTrigger'
  | 'getInstallationSource' | 'getIdentityToken' | 'invalidateAuth';

export class EmuScriptApp implements Pick<GoogleAppsScript.Script.ScriptApp, ScriptAppMethods> {
  readonly AuthMode = AuthMode as unknown as typeof GoogleAppsScript.Script.AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus as unknown as typeof GoogleAppsScript.Script.AuthorizationStatus;
  readonly EventType = EventType as unknown as typeof GoogleAppsScript.Script.EventType;
  readonly TriggerSource = TriggerSource as unknown as typeof GoogleAppsScript.Script.TriggerSource;
  readonly InstallationSource = InstallationSource as unknown as typeof GoogleAppsScript.Script.InstallationSource;
  readonly WeekDay = WeekDay as unknown as typeof GoogleAppsScript.Base.Weekday;
  constructor(private state: ServiceState) {}

  newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    requireFull(this.state, 'ScriptApp.newTrigger');
    if (typeof functionName !== 'string' || functionName === '') throw gasError('Invalid argument: functionName');
    return counted(this.state.ctx.calls, 'TriggerBuilder', new EmuTriggerBuilder(this.state, functionName)) as unknown as GoogleAppsScript.Script.TriggerBuilder;
  }
  getProjectTriggers(): GTrigger[] {
    requireFull(this.state, 'ScriptApp.getProjectTriggers');
    const user = this.state.ctx.currentUser();
    return this.state.triggers.filter((t) => t.user === user).map((t) => triggerObject(this.state, t));
  }
  getUserTriggers(document: unknown): GTrigger[] {
    requireFull(this.state, 'ScriptApp.getUserTriggers');
    const doc = document as { getId?: () => string };
    const id = doc && isImplemented(doc, 'getId') ? doc.getId!() : String(document);
    const user = this.state.ctx.currentUser();
    return this.state.triggers.filter((t) => t.user === user && t.sourceId === id).map((t) => triggerObject(this.state, t));
  }
  deleteTrigger(trigger: GTrigger): void {
    requireFull(this.state, 'ScriptApp.deleteTrigger');
    const id = trigger && (trigger as unknown as { [TRIGGER_ID]?: string })[TRIGGER_ID];
    if (!id) throw gasError('Invalid argument: trigger');
    const at = this.state.triggers.findIndex((t) => t.id === id && t.user === this.state.ctx.currentUser());
    if (at >= 0) this.state.triggers.splice(at, 1);
  }
  getOAuthToken(): string {
    return `emulator-oauth-token.${Buffer.from(this.state.ctx.currentUser()).toString('base64url')}`;
  }
  getIdentityToken(): string {
    return '';
  }
  getScriptId(): string {
    return 'emulator-script-id';
  }
  getInstallationSource(): GoogleAppsScript.Script.InstallationSource {
    return InstallationSource.WEB_STORE_ADD_ON as unknown as GoogleAppsScript.Script.InstallationSource;
  }
  invalidateAuth(): void {}
  /** "Gets an object that determines whether the user needs to authorize this script to use one or
   *  more services" — the emulator's user has authorised the script: NOT_REQUIRED, no URL. */
  getAuthorizationInfo(authMode: unknown): GoogleAppsScript.Script.AuthorizationInfo {
    if (authMode === undefined || !Object.prototype.hasOwnProperty.call(AuthMode, String(authMode))) throw gasError('Invalid argument: authMode');
    return counted(this.state.ctx.calls, 'AuthorizationInfo', {
      getAuthorizationStatus: () => AuthorizationStatus.NOT_REQUIRED as unknown as GoogleAppsScript.Script.AuthorizationStatus,
      getAuthorizationUrl: () => null as unknown as string,
    }) as GoogleAppsScript.Script.AuthorizationInfo;
  }
}

export function createScriptApp(state: ServiceState): GoogleAppsScript.Script.ScriptApp {
  return counted(state.ctx.calls, 'ScriptApp', new EmuScriptApp(state)) as unknown as GoogleAppsScript.Script.ScriptApp;
}
