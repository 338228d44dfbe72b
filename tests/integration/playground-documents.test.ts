// In the playground a generated document opens at a local link that renders the Doc as a
// page; after a regenerate the same link shows the change; the PDF downloads.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-var-requires */
type Any = any;
const { startPlayground } = require(path.join(__dirname, '../../build/playground.cjs'));

let pg: Any;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealboard-pg-'));
  pg = await startPlayground({ port: 0, stateFile: path.join(dir, 'workbook.json'), fresh: true, now: '2026-11-23T09:00:00Z', quiet: true });
});

afterAll(async () => {
  await pg?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function post(route: string, body: unknown): Promise<Any> {
  const res = await fetch(new URL(route, pg.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return res.json();
}

async function run(fn: string, ...args: unknown[]): Promise<Any> {
  const reply = await post('/api/run', { fn, args });
  if (!reply.ok) throw new Error(`${fn}: ${JSON.stringify(reply.error)}`);
  return reply.value;
}

async function quote(dealId: string, quantity: number) {
  const items = (await run('api_getCatalog')).items.slice(0, 2);
  const version = (await run('api_getDeal', dealId)).card.version;
  return run('api_saveQuote', dealId, { lines: items.map((i: Any) => ({ code: i.code, description: i.service, unit: i.unit, quantity, unitPriceMinor: i.unitPriceMinor })) }, version);
}

const euro = (minor: number) => `€${(minor / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

test('a generated proposal opens locally, shows a regenerate on refresh, and its PDF downloads', async () => {
  await post('/api/menu', { functionName: 'installDocumentTemplates' });
  const board = await run('api_getBoard', { scope: 'all' });
  const deal = board.columns.find((c: Any) => c.key === 'new').cards[0];
  const first = await quote(deal.id, 2);
  const doc = await run('api_generateDocument', deal.id, 'proposal');
  const origin = pg.url.replace(/\/$/, '');
  expect(doc.url.startsWith(`${origin}/document/d/`)).toBe(true);
  expect(doc.pdfUrl.startsWith(`${origin}/file/d/`)).toBe(true);

  const page = await fetch(doc.url);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toMatch(/text\/html/);
  const html = await page.text();
  expect(html).toContain(deal.title.replace(/&/g, '&amp;'));
  expect(html).toContain(`Total: ${euro(first.totalMinor)}`);
  expect(html).toContain('Anyone with the link can view');

  const second = await quote(deal.id, 7);
  const again = await run('api_generateDocument', deal.id, 'proposal');
  expect(again.url).toBe(doc.url);
  const refreshed = await (await fetch(doc.url)).text();
  expect(refreshed).toContain(`Total: ${euro(second.totalMinor)}`);
  expect(refreshed).not.toContain(`Total: ${euro(first.totalMinor)}`);

  const pdf = await fetch(again.pdfUrl);
  expect(pdf.status).toBe(200);
  expect(pdf.headers.get('content-type')).toBe('application/pdf');
  expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const download = await fetch(`${origin}/document/d/${/\/d\/([^/]+)/.exec(doc.url)![1]}/export?format=pdf`);
  expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename=".*\.pdf"/);

  expect((await fetch(`${origin}/document/d/missing-doc/edit`)).status).toBe(404);
});
