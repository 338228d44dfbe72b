// Ui (SpreadsheetApp.getUi()) and Menu: everything is recorded into ws.ui. Works in AuthMode.NONE.
import { counted } from '../context';
import { htmlOutputOf } from './html';
import type { ButtonName, MenuItemRecord, MenuRecord, ServiceState } from './state';
import { enumOf, gasError } from './util';

type GUi = GoogleAppsScript.Base.Ui;
type GMenu = GoogleAppsScript.Base.Menu;

export const Button = enumOf('CLOSE', 'OK', 'CANCEL', 'YES', 'NO');
export const ButtonSet = enumOf('OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL');

const MENU = Symbol('emulator.menu');

export class EmuMenu implements Pick<GMenu, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'> {
  readonly [MENU]: MenuRecord;
  private self!: GMenu;
  constructor(private state: ServiceState, title: string) {
    this[MENU] = { title, items: [] };
  }
  bind(self: GMenu): GMenu { this.self = self; return self; }
  addItem(caption: string, functionName: string): GMenu {
    if (typeof caption !== 'string' || typeof functionName !== 'string') throw gasError('Invalid argument: caption');
    this[MENU].items.push({ caption, functionName });
    return this.self;
  }
  addSeparator(): GMenu {
    this[MENU].items.push({ separator: true });
    return this.self;
  }
  addSubMenu(menu: GMenu): GMenu {
    const record = (menu as unknown as { [MENU]?: MenuRecord })[MENU];
    if (!record) throw gasError('Invalid argument: menu');
    this[MENU].items.push({ submenu: record });
    return this.self;
  }
  addToUi(): void {
    const copy = copyMenu(this[MENU]);
    const menus = this.state.ui.menus;
    const at = menus.findIndex((m) => m.title === copy.title);
    if (at >= 0) menus[at] = copy;
    else menus.push(copy);
  }
}

function copyMenu(m: MenuRecord): MenuRecord {
  return {
    title: m.title,
    items: m.items.map((i): MenuItemRecord => ('submenu' in i ? { submenu: copyMenu(i.submenu) } : { ...i })),
  };
}

type UiMethods = 'alert' | 'createAddonMenu' | 'createMenu' | 'prompt' | 'showModalDialog' | 'showModelessDialog' | 'showSidebar';

function defaultAlertAnswer(buttons: string): ButtonName {
  if (buttons === 'YES_NO' || buttons === 'YES_NO_CANCEL') return 'YES';
  return 'OK';
}

export class EmuUi implements Pick<GUi, UiMethods> {
  readonly Button = Button as unknown as typeof GoogleAppsScript.Base.Button;
  readonly ButtonSet = ButtonSet as unknown as typeof GoogleAppsScript.Base.ButtonSet;
  constructor(private state: ServiceState) {}

  private args(a: unknown, b: unknown, c: unknown): { title: string; prompt: string; buttons: string } {
    if (c !== undefined) return { title: String(a), prompt: String(b), buttons: String(c) };
    if (b !== undefined) return { title: '', prompt: String(a), buttons: String(b) };
    return { title: '', prompt: String(a), buttons: 'OK' };
  }

  alert(a: string, b?: unknown, c?: unknown): GoogleAppsScript.Base.Button {
    const { title, prompt, buttons } = this.args(a, b, c);
    if (!(buttons in ButtonSet)) throw gasError('Invalid argument: buttons');
    const queued = this.state.ui.takeResponse();
    const response = queued?.button ?? defaultAlertAnswer(buttons);
    this.state.ui.alerts.push({ title, prompt, buttons, response });
    return response as unknown as GoogleAppsScript.Base.Button;
  }

  prompt(a: string, b?: unknown, c?: unknown): GoogleAppsScript.Base.PromptResponse {
    const { title, prompt, buttons } = this.args(a, b, c);
    if (!(buttons in ButtonSet)) throw gasError('Invalid argument: buttons');
    const queued = this.state.ui.takeResponse();
    const response: ButtonName = queued?.button ?? (queued ? 'OK' : 'CANCEL');
    const text = queued?.text ?? '';
    this.state.ui.prompts.push({ title, prompt, buttons, response, text });
    const answer = {
      getResponseText: () => text,
      getSelectedButton: () => response as unknown as GoogleAppsScript.Base.Button,
    };
    return counted(this.state.ctx.calls, 'PromptResponse', answer);
  }

  createAddonMenu(): GMenu {
    return this.menu(this.state.addonName);
  }
  createMenu(caption: string): GMenu {
    return this.menu(String(caption));
  }
  private menu(title: string): GMenu {
    const m = new EmuMenu(this.state, title);
    return m.bind(counted(this.state.ctx.calls, 'Menu', m) as unknown as GMenu);
  }

  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.dialog(userInterface, title, true);
  }
  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.dialog(userInterface, title, false);
  }
  private dialog(userInterface: unknown, title: string, modal: boolean): void {
    const out = htmlOutputOf(userInterface);
    this.state.ui.dialogs.push({
      title: String(title), content: out.content, width: out.width, height: out.height, modal,
      user: this.state.ctx.currentUser(),
    });
  }
  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    const out = htmlOutputOf(userInterface);
    // Sidebars are always 300 px wide, whatever setWidth said.
    this.state.ui.sidebars.push({ title: out.title, content: out.content, width: 300, user: this.state.ctx.currentUser() });
  }
}

export function createUi(state: ServiceState): GUi {
  return counted(state.ctx.calls, 'Ui', new EmuUi(state)) as unknown as GUi;
}

// ---- Browser (the legacy dialog service of container-bound scripts) -------------------------
// inputBox/msgBox answer from the same queue as Ui.prompt/alert (ws.ui.respond) and are recorded
// in ws.ui.prompts / ws.ui.alerts. Their answers are strings: inputBox returns the text, or
// "cancel" for a cancelled or dismissed dialog; msgBox the lower-case button text.
export const BrowserButtons = enumOf('OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL');

function browserArgs(method: string, args: unknown[]): { title: string; prompt: string; buttons: string } {
  const typeName = (v: unknown) => (typeof v === 'string' ? (v in BrowserButtons ? 'ButtonSet' : 'String') : v === null || v === undefined ? 'null' : typeof v === 'number' ? 'number' : 'Object');
  const bad = () => gasError(`The parameters (${args.map(typeName).join(',')}) don't match the method signature for Browser.${method}.`);
  const [a, b, c] = args;
  if (args.length === 1 && typeof a === 'string') return { title: '', prompt: a, buttons: 'OK' };
  if (args.length === 2 && typeof a === 'string' && typeof b === 'string' && b in BrowserButtons) return { title: '', prompt: a, buttons: b };
  if (args.length === 3 && typeof a === 'string' && typeof b === 'string' && typeof c === 'string' && c in BrowserButtons) return { title: a, prompt: b, buttons: c };
  throw bad();
}

export function createBrowser(state: ServiceState): GoogleAppsScript.Base.Browser {
  const browser = {
    Buttons: BrowserButtons,
    /** "Pops up a dialog box with a text input box in the user's browser." */
    inputBox(...args: unknown[]): string {
      const { title, prompt, buttons } = browserArgs('inputBox', args);
      const queued = state.ui.takeResponse();
      const response: ButtonName = queued?.button ?? (queued ? 'OK' : 'CANCEL');
      const text = queued?.text ?? '';
      state.ui.prompts.push({ title, prompt, buttons, response, text });
      return response === 'CANCEL' || response === 'CLOSE' ? 'cancel' : text;
    },
    /** "Pops up a dialog box with the given message and an OK button in the user's browser." */
    msgBox(...args: unknown[]): string {
      const { title, prompt, buttons } = browserArgs('msgBox', args);
      const queued = state.ui.takeResponse();
      const response = queued?.button ?? defaultAlertAnswer(buttons);
      state.ui.alerts.push({ title, prompt, buttons, response });
      return response === 'CLOSE' ? 'cancel' : response.toLowerCase();
    },
  };
  return counted(state.ctx.calls, 'Browser', browser) as unknown as GoogleAppsScript.Base.Browser;
}
