// Helpers for the board and desk browser tests: the workbook as the emulator holds it (the
// truth the tests assert on), the playground grid as a person sees it, and a person's hands
// in the sidebar (drag with the mouse, wait for things to show).
import type { Frame, Locator, Page } from 'playwright-core';
import { frameOf, type RunningPlayground } from './harness';

export type Row = Record<string, unknown>;

/** Every data row of a tab as header -> value objects (blank rows left out). */
export function rows(pg: RunningPlayground, tab: string): Row[] {
  const values: unknown[][] = pg.workspace.readValues(tab);
  const headers = values[0].map((h) => String(h));
  return values.slice(1)
    .filter((r) => r.some((v) => v !== '' && v !== null && v !== undefined))
    .map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i]])));
}

export function rowById(pg: RunningPlayground, tab: string, id: string, idColumn = 'ID'): Row | undefined {
  return rows(pg, tab).find((r) => r[idColumn] === id);
}

export function activitiesOf(pg: RunningPlayground, dealId: string): Row[] {
  return rows(pg, 'Activities').filter((r) => r['Deal ID'] === dealId);
}

type Falsy = undefined | null | false | '' | 0;

/**
 * Polls a condition until it holds: in Node (the workbook), or an async check (a page, a
 * frame), whose promise is awaited: a pending Promise is not a truthy answer.
 */
export async function until<T>(what: string, probe: () => T | Falsy | Promise<T | Falsy>, timeout = 10000): Promise<T> {
  const end = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as T;
      last = value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Shows a tab of the playground grid. */
export async function showTab(page: Page, tab: string): Promise<void> {
  await page.click(`[data-testid="tab-${tab}"]`);
  await page.waitForFunction((t) => document.title.startsWith(`${t} ·`), tab);
}

/**
 * Waits until the playground grid (the page a person looks at, not the emulator) shows, in
 * the row whose first column is `id`, `expected` under `header`; returns the cell's text,
 * background colour and, for a checkbox cell, whether it is ticked.
 */
export async function gridCell(page: Page, tab: string, id: string, header: string, expected?: string | RegExp | boolean):
Promise<{ text: string; background: string; checked: boolean | null }> {
  await showTab(page, tab);
  const probe = async () => page.evaluate(([rowId, head]) => {
    const heads = Array.from(document.querySelectorAll('[data-testid^="cell-1-"]')).map((c) => (c.textContent || '').trim());
    const col = heads.indexOf(head) + 1;
    if (col < 1) return null;
    const first = Array.from(document.querySelectorAll('td[data-c="1"]')).find((c) => (c.textContent || '').trim() === rowId);
    if (!first) return null;
    const r = first.getAttribute('data-r');
    const td = document.querySelector(`td[data-r="${r}"][data-c="${col}"]`) as HTMLElement | null;
    if (!td) return null;
    const cb = td.querySelector('input[type="checkbox"]') as HTMLInputElement | null;
    return { text: (td.textContent || '').trim(), background: td.style.background || td.style.backgroundColor || '', checked: cb ? cb.checked : null };
  }, [id, header] as const);
  const end = Date.now() + 10000;
  let last: Awaited<ReturnType<typeof probe>> = null;
  for (;;) {
    last = await probe();
    const ok = last && (expected === undefined
      || (typeof expected === 'boolean' ? last.checked === expected
        : typeof expected === 'string' ? last.text === expected : expected.test(last.text)));
    if (ok && last) return last;
    if (Date.now() > end) throw new Error(`Grid ${tab}!${id}/${header}: expected ${String(expected)}, saw ${JSON.stringify(last)}`);
    await page.waitForTimeout(100);
  }
}

/**
 * A real mouse drag as a person makes it: press on the card, move in small steps (Sortable's
 * fallback needs several mousemove events, each after a frame), release over the target.
 */
export async function drag(page: Page, from: Locator, to: Locator, where: 'top' | 'middle' | 'bottom' = 'middle'): Promise<void> {
  await from.scrollIntoViewIfNeeded();
  const a = await from.boundingBox();
  await to.scrollIntoViewIfNeeded();
  const a2 = (await from.boundingBox()) ?? a;
  const b = await to.boundingBox();
  if (!a2 || !b) throw new Error('drag: an element has no box');
  const sx = a2.x + Math.min(40, a2.width / 3);
  const sy = a2.y + a2.height / 2;
  const tx = b.x + b.width / 2;
  const ty = where === 'top' ? b.y + Math.min(12, b.height / 4) : where === 'bottom' ? b.y + b.height - Math.min(12, b.height / 4) : b.y + b.height / 2;
  await page.mouse.move(sx, sy);
  await page.mouse.down();
  const steps = 20;
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(sx + ((tx - sx) * i) / steps, sy + ((ty - sy) * i) / steps);
    await page.waitForTimeout(16);
  }
  // Sortable re-checks the spot under the pointer on the next moves: linger a little.
  for (let i = 0; i < 4; i++) {
    await page.mouse.move(tx, ty + (i % 2));
    await page.waitForTimeout(30);
  }
  await page.mouse.up();
}

/** The stage keys of a column's cards as the sidebar draws them, in order. */
export async function cardIdsIn(frame: Frame, stage: string): Promise<string[]> {
  return frame.$$eval(`[data-testid="column-${stage}"] .card`, (els) => els.map((e) => e.getAttribute('data-id') || ''));
}

/** Opens an add-on menu item (Dealboard → …). */
export async function menu(page: Page, functionName: string): Promise<void> {
  await page.click('[data-testid="menu-button"]');
  await page.click(`[data-testid="menu-item-${functionName}"]`);
}

/** Switches "Acting as" and waits until the playground acts as that user. */
export async function actAs(page: Page, pg: RunningPlayground, email: string): Promise<void> {
  await page.selectOption('[data-testid="user-select"]', email);
  await until(`acting as ${email}`, () => pg.workspace.currentUser() === email);
}

/** The full board in its dialog, with cards drawn. */
export async function openFullBoard(page: Page): Promise<Frame> {
  await menu(page, 'openFullBoard');
  const frame = await frameOf(page, 'dialog-frame');
  await frame.waitForSelector('[data-testid="column-new"] .card', { timeout: 15000 });
  return frame;
}

/** Closes the modeless dialog, as a person clicks its close button. */
export async function closeDialog(page: Page): Promise<void> {
  await page.click('[data-testid="dialog-close"]');
  await page.waitForSelector('[data-testid="dialog-frame"]', { state: 'hidden' });
}
