// The mutable, persisted state behind the non-spreadsheet services. workspace.ts owns one.
import type { EmulatorContext } from '../context';

export type ButtonName = 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';

export type MenuItemRecord =
  | { caption: string; functionName: string }
  | { separator: true }
  | { submenu: MenuRecord };

export interface MenuRecord {
  title: string;
  items: MenuItemRecord[];
}

export interface UiRecorder {
  menus: MenuRecord[];
  sidebars: { title: string; content: string; width: number; user: string }[];
  dialogs: { title: string; content: string; width: number | null; height: number | null; modal: boolean; user: string }[];
  alerts: { title: string; prompt: string; buttons: string; response: ButtonName }[];
  prompts: { title: string; prompt: string; buttons: string; response: ButtonName; text: string }[];
  toasts: { message: string; title: string; timeoutSeconds: number }[];
  /** Queues the answer of the next alert() or prompt() (default: OK for alerts, CANCEL and '' for prompts). */
  queueResponse(response: { button?: ButtonName; text?: string }): void;
  /** Removes and returns the next queued answer. */
  takeResponse(): { button?: ButtonName; text?: string } | undefined;
  clear(): void;
}

export function createUiRecorder(): UiRecorder {
  const queue: { button?: ButtonName; text?: string }[] = [];
  const ui: UiRecorder = {
    menus: [], sidebars: [], dialogs: [], alerts: [], prompts: [], toasts: [],
    queueResponse(r) { queue.push(r); },
    takeResponse() { return queue.shift(); },
    clear() {
      ui.menus.length = 0; ui.sidebars.length = 0; ui.dialogs.length = 0;
      ui.alerts.length = 0; ui.prompts.length = 0; ui.toasts.length = 0; queue.length = 0;
    },
  };
  return ui;
}

export type TriggerEvent = 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT' | 'CLOCK';

export interface TriggerRecord {
  id: string;
  handler: string;
  event: TriggerEvent;
  source: 'SPREADSHEETS' | 'CLOCK';
  /** The spreadsheet for spreadsheet triggers; the document the add-on runs in for clock triggers. */
  sourceId: string;
  /** The user who created it; the trigger runs as this user. */
  user: string;
  everyHours?: number;
  everyMinutes?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  onWeekDay?: string;
  onMonthDay?: number;
  at?: string;
  after?: number;
  timeZone?: string;
}

export interface CacheEntry {
  value: string;
  expiresAt: number;
  seq: number;
}

export interface LogEntry {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug' | 'Logger';
  message: string;
  at: string;
  execution: number;
}

export interface ServiceState {
  ctx: EmulatorContext;
  addonName: string;
  spreadsheetId: () => string;
  ui: UiRecorder;
  properties: { document: Map<string, string>; script: Map<string, string>; user: Map<string, Map<string, string>> };
  caches: { document: Map<string, CacheEntry>; script: Map<string, CacheEntry>; user: Map<string, Map<string, CacheEntry>> };
  cacheSeq: { n: number };
  /** lock key → id of the execution that holds it. */
  locks: Map<string, number>;
  triggers: TriggerRecord[];
  logs: LogEntry[];
  echoLogs: boolean;
  /** Folder of the loaded bundle, for HtmlService.createHtmlOutputFromFile. */
  bundleDir: () => string | null;
  /** The loaded add-on's global scope (templates may call its functions), if any. */
  scriptScope?: () => object | null;
  random: () => number;
}
