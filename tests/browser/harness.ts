// Browser-test harness: a playground on a free port with its own temp state file (fresh demo
// workbook), and Debian's Chromium driven by playwright-core. Uses the built
// build/playground.cjs, the same file `npm start` runs (`npm test` builds first).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { BrowserContext, Frame, Locator, Page } from 'playwright-core';

export const ROOT = path.join(__dirname, '../..');
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.join(ROOT, 'screenshots');
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

export interface RunningPlayground {
  url: string;
  port: number;
  stateFile: string;
  workspace: any;
  addon: Record<string, (...args: unknown[]) => any>;
  close(): Promise<void>;
}

export function chromiumAvailable(): boolean {
  return fs.existsSync(CHROMIUM);
}

/**
 * Whether the browser suite should run. Without Chromium it is skipped with a message on a
 * developer machine, but under CI (process.env.CI set) a missing browser is an error.
 */
export function browserSuiteEnabled(suite: string): boolean {
  if (chromiumAvailable()) return true;
  if (process.env.CI) {
    throw new Error(`${suite}: ${CHROMIUM} is missing under CI. Install Debian's chromium (apt-get install -y chromium).`);
  }
  // eslint-disable-next-line no-console
  console.warn(`${suite}: skipped, ${CHROMIUM} is not installed (apt-get update && apt-get install -y chromium).`);
  return false;
}

/** Starts build/playground.cjs in-process on a free port with a temp state file and a fresh demo workbook. */
export async function startTestPlayground(options: { now?: string } = {}): Promise<RunningPlayground> {
  const bundle = path.join(ROOT, 'build/playground.cjs');
  if (!fs.existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build first.`);
  if (!fs.existsSync(path.join(ROOT, 'dist/Code.js'))) throw new Error('dist/Code.js is missing: run npm run build first.');
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { startPlayground } = require(bundle);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealboard-playground-'));
  const stateFile = path.join(dir, 'workbook.json');
  // The state file is written once, on close (saveDelayMs Infinity): no test reads it back, and
  // serialising the whole workbook on every change cost more CPU than the rest of the server.
  const pg = await startPlayground({
    port: 0, host: '127.0.0.1', stateFile, fresh: true, quiet: true, saveDelayMs: Number.POSITIVE_INFINITY,
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    url: pg.url,
    port: pg.port,
    stateFile,
    get workspace() { return pg.workspace; },
    get addon() { return pg.addon; },
    async close() {
      await pg.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface RunningBrowser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * Launches Debian's Chromium with a fresh profile (--user-data-dir, passed the way Playwright
 * wants it: a persistent context on a new temp folder) and one page, 1440 x 900 by default.
 */
export async function launchBrowser(viewport = { width: 1440, height: 900 }): Promise<RunningBrowser> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dealboard-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
  });
  const page = context.pages()[0] ?? await context.newPage();
  return {
    context,
    page,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface PlaygroundSession {
  pg: RunningPlayground;
  browser: RunningBrowser;
  page: Page;
  /** Uncaught errors of the page, for a test to assert there were none. */
  pageErrors: string[];
}

/**
 * Registers the hooks every browser suite needs: a playground with a fresh demo workbook,
 * Chromium on its page (dialogs accepted, page errors collected), closed after the suite.
 * The returned object is filled in beforeAll, before the suite's own beforeAll hooks run.
 */
export function openPlayground(options: { now?: string } = {}): PlaygroundSession {
  const session = { pageErrors: [] as string[] } as PlaygroundSession;
  beforeAll(async () => {
    session.pg = await startTestPlayground(options);
    session.browser = await launchBrowser();
    session.page = session.browser.page;
    session.page.on('pageerror', (e) => session.pageErrors.push(e.message));
    session.page.on('dialog', (d) => { void d.accept(); });
    await session.page.goto(session.pg.url);
    await session.page.waitForSelector('[data-testid="cell-2-1"]');
  }, 60000);
  afterAll(async () => {
    if (session.browser) await session.browser.close();
    if (session.pg) await session.pg.close();
  });
  return session;
}

/** Saves a PNG to screenshots/<name>.png (git-ignored) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Saves a PNG of one element (the sidebar, the dialog) to screenshots/<name>.png. */
export async function screenshotOf(locator: Locator, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await locator.screenshot({ path: file });
  return file;
}

/** The frame of an iframe found by data-testid, once it has loaded a document with the bridge. */
export async function frameOf(page: Page, testId: string): Promise<Frame> {
  const handle = await page.waitForSelector(`[data-testid="${testId}"]`, { state: 'visible' });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`${testId} has no frame`);
  await frame.waitForFunction(() => !!(window as any).google && !!(window as any).google.script, undefined, { timeout: 15000 });
  return frame;
}

/** Text of a grid cell (1-based row and column). */
export async function cellText(page: Page, row: number, col: number): Promise<string> {
  return (await page.locator(`[data-testid="cell-${row}-${col}"]`).innerText()).trim();
}
