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
