// Issue 11 item 14: the menu shows what the role may do; an owner action run by anyone else
// is refused with a plain sentence (an alert), not "Error in loadDemoData", and writes nothing.
import { demoWorkspace, freshWorkspace } from './harness';
import { menuFor } from '../../src/domain/kernel/menu';

const OWNER_ITEMS = ['setupWorkbook', 'loadDemoData'];

function menuFunctions(ws: any): string[] {
  const menu = ws.ui.menus[ws.ui.menus.length - 1];
  return menu.items.map((i: { functionName?: string }) => i.functionName).filter(Boolean);
}

describe('menu by role', () => {
  it('a manager opening the document (role known) is not offered owner actions; the owner is', () => {
    const manager = demoWorkspace(80, 'anna@studio.test');
    manager.addon.onOpen({ authMode: 'FULL' });
    const items = menuFunctions(manager.ws);
    expect(items).toContain('openBoard');
    for (const item of OWNER_ITEMS) expect(items).not.toContain(item);
    const owner = demoWorkspace(80, 'owner@studio.test');
    owner.addon.onOpen({ authMode: 'FULL' });
    expect(menuFunctions(owner.ws)).toEqual(expect.arrayContaining(OWNER_ITEMS));
  });

  it('in AuthMode.NONE the role is unknown: every item is listed', () => {
    const { ws, addon } = freshWorkspace();
    addon.onOpen({ authMode: 'NONE' });
    expect(menuFunctions(ws)).toEqual(expect.arrayContaining(OWNER_ITEMS));
  });

  it('leaves no dangling separator for a non-owner', () => {
    const entries = menuFor('executor');
    expect(entries[entries.length - 1]).not.toBe('separator');
    expect(entries.map((e) => (e === 'separator' ? e : e.functionName))).not.toContain('sendQueuedMailNow');
    expect(menuFor('manager').map((e) => (e === 'separator' ? e : e.functionName))).toContain('sendQueuedMailNow');
  });
});

describe('owner actions refused with a plain sentence', () => {
  it('a manager running Load demo data or Set up workbook gets an alert and nothing is written', () => {
    const { ws, addon } = demoWorkspace(80, 'anna@studio.test');
    const before = JSON.stringify(ws.readSheet('Users').values);
    const alerts: string[] = [];
    expect(addon.loadDemoData()).toBeNull();
    expect(addon.setupWorkbook()).toBeNull();
    for (const entry of ws.ui.alerts || ws.ui.dialogs || []) alerts.push(JSON.stringify(entry));
    expect(alerts.join('\n')).toContain('Only the owner can load demo data. You are signed in as a manager: ask the owner (Users tab) to do it.');
    expect(alerts.join('\n')).toContain('Only the owner can set up the workbook.');
    expect(JSON.stringify(ws.readSheet('Users').values)).toBe(before);
  });

  it('setup of an empty workbook is open to whoever runs it first (they become the owner)', () => {
    const { addon } = freshWorkspace();
    expect(addon.setupWorkbook().ownerAdded).toBe('owner@studio.test');
  });
});
