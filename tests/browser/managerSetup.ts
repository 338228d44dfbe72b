// The set-up the meeting, trip, planner-text, payment and Stripe browser tests share: Anna, a
// manager, in the playground with her board in the sidebar, and (for the money tests) one of her
// deals with an issued invoice, made through the add-on's own globals as the Documents tests
// already click through that.
import type { Frame, Page } from 'playwright-core';
import { frameOf, openPlayground, type PlaygroundSession, type RunningPlayground } from './harness';
import { actAs, menu } from './sheet';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

export const ANNA = 'anna@studio.test';
export const OWNER = 'owner@studio.test';

export interface ManagerSession extends PlaygroundSession {
  /** The board in the sidebar (opened from the menu when it is not shown), with cards drawn. */
  sidebar(): Promise<Frame>;
}

/** A playground at `now` acting as Anna (switched in beforeAll). */
export function openAsAnna(now: string): ManagerSession {
  const session = openPlayground({ now }) as ManagerSession;
  beforeAll(async () => {
    await actAs(session.page, session.pg, ANNA);
  });
  session.sidebar = () => boardSidebar(session.page);
  return session;
}

/** The board in the sidebar, opened from the menu when it is not shown, with cards drawn. */
export async function boardSidebar(page: Page): Promise<Frame> {
  if (!(await page.locator('[data-testid="sidebar-frame"]').isVisible())) await menu(page, 'openBoard');
  const frame = await frameOf(page, 'sidebar-frame');
  await frame.waitForSelector('[data-testid="board"] .card', { timeout: 15000 });
  return frame;
}

/** Writes a Settings value as the owner types it in the sheet. */
export function setSetting(pg: RunningPlayground, key: string, value: string): void {
  const values = pg.workspace.readSheet('Settings').values as unknown[][];
  pg.workspace.editCell('Settings', values.findIndex((r) => r[0] === key) + 1, 2, value);
}

export interface IssuedInvoice {
  deal: Any;
  invoice: Any;
  /** The invoiced amount in minor units. */
  totalMinor: number;
}

/**
 * The owner installs the templates and fills in the seller's details (and, when given, runs
 * `asOwner`, e.g. to set the Stripe key); Anna's first editable Negotiation deal (moved on to
 * `moveTo` first, when given) gets a quote of two catalogue items and an issued invoice.
 */
export function issueInvoiceForAnna(pg: RunningPlayground, options: { asOwner?: () => void; moveTo?: string } = {}): IssuedInvoice {
  pg.workspace.setUser(OWNER);
  pg.addon.installDocumentTemplates();
  for (const [key, value] of [['company_name', 'Northlight Studio'], ['company_address', 'Hauptstraße 5, Berlin'], ['company_tax_id', 'DE123456789'], ['company_bank', 'IBAN DE02 1203 0000 0000 2020 51']]) setSetting(pg, key, value);
  options.asOwner?.();
  pg.workspace.setUser(ANNA);
  const deal = pg.addon.api_getBoard({ scope: 'mine' }).columns.find((c: Any) => c.key === 'negotiation').cards.find((c: Any) => c.editable);
  if (options.moveTo) expect(pg.addon.api_moveDeal(deal.id, options.moveTo, 0, deal.version).ok).toBe(true);
  const items = pg.addon.api_getCatalog().items.slice(0, 2);
  pg.addon.api_saveQuote(deal.id, { lines: items.map((i: Any) => ({ code: i.code, description: i.service, unit: i.unit, quantity: 1, unitPriceMinor: i.unitPriceMinor })) }, pg.addon.api_getDeal(deal.id).card.version);
  const invoice = pg.addon.api_generateDocument(deal.id, 'invoice');
  pg.addon.api_markInvoiceIssued(deal.id, invoice.number);
  const totalMinor = pg.addon.api_getDealMoney(deal.id).invoicedMinor as number;
  return { deal, invoice, totalMinor };
}

/** Anna opens a deal's card from her board in the sidebar (the menu, then the card's title). */
export async function openCardAsAnna(page: Page, pg: RunningPlayground, dealId: string): Promise<Frame> {
  await actAs(page, pg, ANNA);
  await menu(page, 'openBoard');
  const frame = await frameOf(page, 'sidebar-frame');
  await frame.waitForSelector('[data-testid="board"] .card', { timeout: 15000 });
  await frame.click(`[data-testid="card-${dealId}"] [data-testid="card-title"]`);
  return frame;
}

/** Money as the card shows it: €1,234.50. */
export function euros(minor: number): string {
  return `€${(minor / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
