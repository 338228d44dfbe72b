// Documents through the built bundle: templates installed as Docs, edited by the owner in
// "Drive", filled with one batchUpdate, rewritten in place on regenerate, PDF and XLSX exports,
// invoice numbers under the lock, and the exact call budgets.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { demoWorkspace, measure, records } from './harness';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

const DOC = 'application/vnd.google-apps.document';
const FOLDER = 'application/vnd.google-apps.folder';

function installed(user = 'owner@studio.test') {
  const { ws, addon } = demoWorkspace(80, user);
  const result = addon.installDocumentTemplates();
  return { ws, addon, result };
}

function settings(ws: Any): Record<string, string> {
  return Object.fromEntries(records(ws, 'Settings').map((r) => [String(r.Key), String(r.Value)]));
}

function openDeals(addon: Any, manager?: string): Any[] {
  const board = addon.api_getBoard({ scope: 'all' });
  return board.columns.filter((c: Any) => c.key === 'new' || c.key === 'negotiation').flatMap((c: Any) => c.cards)
    .filter((c: Any) => c.editable && (!manager || c.manager === manager));
}

function catalog(addon: Any): Any[] {
  return addon.api_getCatalog().items;
}

/** Saves a quote of the given catalog items (quantity overrides by code) for a deal. */
function saveQuote(addon: Any, dealId: string, items: Any[], quantities: Record<string, number> = {}, extra: Record<string, unknown> = {}) {
  const version = addon.api_getDeal(dealId).card.version;
  return addon.api_saveQuote(dealId, {
    lines: items.map((i) => ({ code: i.code, description: i.service, unit: i.unit, quantity: quantities[i.code] ?? i.defaultQuantity, unitPriceMinor: i.unitPriceMinor })),
    ...extra,
  }, version);
}

function docFile(ws: Any, url: string): Any {
  const id = /\/d\/([^/]+)/.exec(url)![1];
  return ws.drive.file(id);
}

function pdfText(bytes: Uint8Array): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealboard-pdf-'));
  const file = path.join(dir, 'doc.pdf');
  fs.writeFileSync(file, bytes);
  try {
    return execFileSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const euro = (minor: number) => `€${(minor / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

describe('installDocumentTemplates', () => {
  it('creates the templates (four documents and the credit note) as Google Docs in "Dealboard templates" and records their ids in Settings', () => {
    const { ws, addon } = demoWorkspace(80, 'owner@studio.test');
    ws.calls.reset();
    const result = addon.installDocumentTemplates();
    // Seven Settings keys (five templates — the credit note since issue 22 —, two folders) in one block write.
    expect(ws.calls.summary().byCategory.spreadsheetWrite).toBe(1);
    expect(result.created).toEqual(['proposal', 'contract', 'invoice', 'brief', 'credit']);
    const files = ws.drive.listFiles();
    const folder = files.find((f: Any) => f.name === 'Dealboard templates' && f.mimeType === FOLDER);
    expect(folder).toBeTruthy();
    const s = settings(ws);
    expect(s.templates_folder).toBe(folder.id);
    for (const kind of ['proposal', 'contract', 'invoice', 'brief', 'credit']) {
      const template = ws.drive.file(s[`template.${kind}`]);
      expect(template.mimeType).toBe(DOC);
      expect(template.parents).toEqual([folder.id]);
    }
    expect(ws.drive.documentText(s['template.proposal'])).toContain('{{client.name}}');
    expect(ws.drive.documentTables(s['template.proposal'])[0][1][0]).toBe('{{#each lines}}{{position}}');

    // Installing again keeps the owner's Docs.
    ws.calls.reset();
    const again = addon.installDocumentTemplates();
    expect(ws.calls.summary().byCategory.spreadsheetWrite).toBe(0);
    expect(again.created).toEqual([]);
    expect(again.kept).toEqual(['proposal', 'contract', 'invoice', 'brief', 'credit']);
    expect(settings(ws)['template.proposal']).toBe(s['template.proposal']);
  });
});

describe('api_generateDocument', () => {
  it("uses the owner's edit of the template Doc; the items table has one row per quote line", () => {
    const { ws, addon } = installed();
    const templateId = settings(ws)['template.proposal'];
    ws.drive.editDocumentAsOwner(templateId, (doc: Any) => {
      const i = doc.paragraphs().findIndex((p: Any) => p.text.startsWith('This proposal is valid'));
      doc.setParagraphText(i, 'Prices hold for 45 days from {{date today}}.');
    });
    const deal = openDeals(addon)[0];
    const items = catalog(addon).slice(0, 4);
    saveQuote(addon, deal.id, items);
    const doc = addon.api_generateDocument(deal.id, 'proposal');
    const file = docFile(ws, doc.url);
    const text = ws.drive.documentText(file.id);
    expect(text).toContain('Prices hold for 45 days from November 23, 2026.');
    expect(text).not.toContain('valid for 30 days');
    const table = ws.drive.documentTables(file.id)[0];
    expect(table).toHaveLength(1 + items.length);
    expect(table.slice(1).map((row: string[]) => row[1])).toEqual(items.map((i) => i.service));
    expect(table[1][0]).toBe('1');
    expect(doc.unfilled).toEqual([]);
    expect(text).not.toContain('{{');
    // The template itself is untouched by generation.
    expect(ws.drive.documentText(templateId)).toContain('{{#each lines}}');
  });

  it('after api_saveQuote returns { url, pdfUrl, version }; the Doc sits in Dealboard documents / client / deal; the PDF says the same', () => {
    const { ws, addon } = installed();
    const deal = openDeals(addon)[0];
    const items = catalog(addon).slice(0, 3);
    const quote = saveQuote(addon, deal.id, items, {}, { orderDiscountPercent: 5 });
    const doc = addon.api_generateDocument(deal.id, 'proposal');
    expect(doc).toEqual(expect.objectContaining({ url: expect.stringMatching(/^https:\/\/docs\.google\.com\/document\/d\/[\w-]{33,44}\/edit/), pdfUrl: expect.stringMatching(/^https:\/\/drive\.google\.com\/file\/d\//), version: 1 }));

    const file = docFile(ws, doc.url);
    const dealFolder = ws.drive.file(file.parents[0]);
    const clientFolder = ws.drive.file(dealFolder.parents[0]);
    const root = ws.drive.file(clientFolder.parents[0]);
    expect(dealFolder.name).toBe(deal.title);
    expect(clientFolder.name).toBe(deal.clientName);
    expect(root.name).toBe('Dealboard documents');
    expect(file.permissions).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'anyone', role: 'reader' })]));
    // A filled value keeps the placeholder's style: "Prepared for <b>{{client.name}}</b>".
    const runs = (ws.drive.documentJson(file.id).body as Any).content.flatMap((e: Any) => e.paragraph?.elements ?? []);
    const name = runs.find((r: Any) => String(r.textRun?.content).replace(/\n$/, '') === deal.clientName);
    expect(name.textRun.textStyle.bold).toBe(true);

    const row = records(ws, 'Documents').find((r) => r['Deal ID'] === deal.id && r.Kind === 'proposal')!;
    expect(row['Doc ID']).toBe(file.id);
    expect(row.URL).toBe(doc.url);
    expect(row['PDF URL']).toBe(doc.pdfUrl);

    const pdf = docFile(ws, doc.pdfUrl);
    expect(pdf.mimeType).toBe('application/pdf');
    expect(pdf.parents).toEqual(file.parents);
    const text = pdfText(pdf.content);
    expect(text).toContain(deal.title);
    for (const i of items) expect(text).toContain(i.service);
    expect(text).toContain(`Total: ${euro(quote.totalMinor)}`);
  });

  it('regenerating after a quote change rewrites the same Doc: same id and URL, new text', () => {
    const { ws, addon } = installed();
    const deal = openDeals(addon)[0];
    const items = catalog(addon).slice(0, 3);
    const first = saveQuote(addon, deal.id, items);
    const v1 = addon.api_generateDocument(deal.id, 'proposal');
    const id = docFile(ws, v1.url).id;
    expect(ws.drive.documentText(id)).toContain(`Total: ${euro(first.totalMinor)}`);

    const second = saveQuote(addon, deal.id, catalog(addon).slice(0, 5), { [items[0].code]: items[0].defaultQuantity + 2 });
    const v2 = addon.api_generateDocument(deal.id, 'proposal');
    expect(v2.url).toBe(v1.url);
    expect(v2.pdfUrl).toBe(v1.pdfUrl);
    expect(v2.version).toBe(2);
    expect(v2.regenerated).toBe(true);
    const text = ws.drive.documentText(id);
    expect(text).toContain(`Total: ${euro(second.totalMinor)}`);
    expect(text).not.toContain(`Total: ${euro(first.totalMinor)}`);
    expect(text).toContain('revision 2');
    expect(ws.drive.documentTables(id)[0]).toHaveLength(1 + 5);
    expect(ws.drive.documentTables(id)[0][1][2]).toBe(String(items[0].defaultQuantity + 2));
    // Fewer lines again: the surplus rows go.
    saveQuote(addon, deal.id, catalog(addon).slice(0, 2));
    addon.api_generateDocument(deal.id, 'proposal');
    expect(ws.drive.documentTables(id)[0]).toHaveLength(1 + 2);
    expect(ws.drive.listFiles().filter((f: Any) => f.mimeType === DOC && f.name.startsWith('Proposal'))).toHaveLength(1);
    expect(pdfText(docFile(ws, v1.pdfUrl).content)).toContain('revision 3');
  });

  it('invoices of two deals get sequential numbers; a concurrent attempt under the lock cannot reuse one', () => {
    const { ws, addon } = installed();
    const [a, b, c] = openDeals(addon);
    for (const d of [a, b, c]) saveQuote(addon, d.id, catalog(addon).slice(0, 2));
    const first = addon.api_generateDocument(a.id, 'invoice');
    const second = addon.api_generateDocument(b.id, 'invoice');
    expect(first.number).toBe('INV-2026-0001');
    expect(second.number).toBe('INV-2026-0002');
    // Regenerating keeps the number.
    expect(addon.api_generateDocument(a.id, 'invoice').number).toBe('INV-2026-0001');

    // While one execution holds the lock (inside its Drive copy), another user generates.
    let concurrent: { ok: boolean; message?: string } | null = null;
    const putFile = ws.drive.putFile.bind(ws.drive);
    ws.drive.putFile = (...args: unknown[]) => {
      ws.drive.putFile = putFile;
      try {
        ws.execute(() => ws.addon.api_generateDocument(c.id, 'invoice'), { user: 'anna@studio.test' });
        concurrent = { ok: true };
      } catch (e) {
        concurrent = { ok: false, message: (e as Error).message };
      }
      return putFile(...args);
    };
    const third = addon.api_generateDocument(c.id, 'invoice');
    expect(concurrent).toEqual({ ok: false, message: expect.stringMatching(/someone else is saving/i) });
    expect(third.number).toBe('INV-2026-0003');
    const numbers = records(ws, 'Documents').filter((r) => r.Kind === 'invoice').map((r) => r.Number);
    expect(numbers.sort()).toEqual(['INV-2026-0001', 'INV-2026-0002', 'INV-2026-0003']);
    // A hand-deleted row does not free its number.
    const rows = ws.readSheet('Documents').values as unknown[][];
    const last = rows.findIndex((r) => r.includes('INV-2026-0003'));
    ws.writeRows('Documents', last + 1, [rows[last].map(() => '')]);
    const [, , , d] = openDeals(addon);
    saveQuote(addon, d.id, catalog(addon).slice(0, 1));
    expect(addon.api_generateDocument(d.id, 'invoice').number).toBe('INV-2026-0004');
  });

  it('the invoice also exists as PDF and XLSX; the XLSX reads back and a formula-looking value stays text', async () => {
    const { ws, addon } = installed();
    const deal = openDeals(addon)[0];
    const items = catalog(addon).slice(0, 2);
    const version = addon.api_getDeal(deal.id).card.version;
    const quote = addon.api_saveQuote(deal.id, {
      lines: [
        ...items.map((i) => ({ code: i.code, description: i.service, unit: i.unit, quantity: 2, unitPriceMinor: i.unitPriceMinor })),
        { code: 'X', description: '=HYPERLINK("http://evil.test","pay here")', unit: 'item', quantity: 1, unitPriceMinor: 100 },
      ],
    }, version);
    const invoice = addon.api_generateDocument(deal.id, 'invoice');
    expect(invoice.pdfUrl).toBeTruthy();
    // No payment_link in Settings: the "Pay online" line is left out (issue 11, item 11: it
    // used to print "Pay online: {{paymentLink}}"), and nothing is reported as unfilled.
    expect(invoice.unfilled).toEqual([]);
    expect(ws.drive.documentText(docFile(ws, invoice.url).id)).not.toMatch(/Pay online|\{\{/);
    expect(invoice.xlsxUrl).toBeTruthy();
    const xlsx = docFile(ws, invoice.xlsxUrl);
    expect(xlsx.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.name).toMatch(/\.xlsx$/);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.content) as Any);
    const sheet = book.worksheets[0];
    const cells: unknown[][] = [];
    sheet.eachRow((row) => cells.push((row.values as unknown[]).slice(1)));
    expect(cells[0][0]).toBe(`Invoice ${invoice.number}`);
    const formulaRow = cells.find((r) => String(r[1]).startsWith('=HYPERLINK'))!;
    expect(formulaRow[1]).toBe('=HYPERLINK("http://evil.test","pay here")');
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
    const total = cells[cells.length - 1];
    expect(total.slice(-2)).toEqual(['Total', quote.totalMinor / 100]);

    const text = pdfText(docFile(ws, invoice.pdfUrl).content);
    expect(text).toContain(invoice.number);
    expect(text).toContain('=HYPERLINK');
  });

  it('a placeholder the data cannot fill stays visible in the document and is reported', () => {
    const { ws, addon } = installed();
    const templateId = settings(ws)['template.proposal'];
    ws.drive.editDocumentAsOwner(templateId, (doc: Any) => {
      doc.appendParagraph('VAT number: {{client.vatNumber}}');
      const cell = doc.paragraphs().findIndex((p: Any) => p.inTable && p.text === '{{description}}');
      doc.setParagraphText(cell, '{{description}} ({{sku}})');
    });
    const deal = openDeals(addon)[0];
    const items = catalog(addon).slice(0, 2);
    saveQuote(addon, deal.id, items);
    const doc = addon.api_generateDocument(deal.id, 'proposal');
    expect(doc.unfilled).toEqual(['{{sku}}', '{{client.vatNumber}}']);
    const id = docFile(ws, doc.url).id;
    expect(ws.drive.documentText(id)).toContain('VAT number: {{client.vatNumber}}');
    expect(ws.drive.documentTables(id)[0].slice(1).map((r: string[]) => r[1])).toEqual(items.map((i) => `${i.service} ({{sku}})`));
    expect(records(ws, 'Documents').find((r) => r['Deal ID'] === deal.id)!['Unfilled placeholders']).toBe('{{sku}} {{client.vatNumber}}');
    // Still reported on regenerate.
    expect(addon.api_generateDocument(deal.id, 'proposal').unfilled).toEqual(['{{sku}}', '{{client.vatNumber}}']);
  });

  it("a line saved with details prints them under the service in a smaller style; a line without details prints nothing and reports nothing", () => {
    const { ws, addon } = installed();
    const deal = openDeals(addon)[0];
    const items = catalog(addon).slice(0, 3);
    const withDetails = items[0].description || 'Discovery call, sitemap and wireframes';
    const formulaLike = '=HYPERLINK("http://x.test")';
    const version = addon.api_getDeal(deal.id).card.version;
    const saved = addon.api_saveQuote(deal.id, {
      lines: [
        { code: items[0].code, description: items[0].service, details: `  ${withDetails}  `, unit: items[0].unit, quantity: 1, unitPriceMinor: items[0].unitPriceMinor },
        { code: items[1].code, description: items[1].service, unit: items[1].unit, quantity: 1, unitPriceMinor: items[1].unitPriceMinor },
        { code: items[2].code, description: items[2].service, details: formulaLike, unit: items[2].unit, quantity: 1, unitPriceMinor: items[2].unitPriceMinor },
      ],
    }, version);
    // Stored (trimmed, formula-safe) and returned by api_getQuote.
    expect(saved.lines.map((l: Any) => l.details)).toEqual([withDetails, '', formulaLike]);
    expect(addon.api_getQuote(deal.id).lines.map((l: Any) => l.details)).toEqual([withDetails, '', formulaLike]);
    const stored = records(ws, 'Quote lines').filter((r) => r['Deal ID'] === deal.id);
    expect(stored.map((r) => r.Details)).toEqual([withDetails, '', formulaLike]);
    expect(JSON.stringify(ws.readSheet('Quote lines').formulas || [])).not.toContain('HYPERLINK');

    const doc = addon.api_generateDocument(deal.id, 'proposal');
    expect(doc.unfilled).toEqual([]);
    const id = docFile(ws, doc.url).id;
    const text = ws.drive.documentText(id);
    expect(text).not.toContain('{{');
    expect(text).toContain(withDetails);
    const rows = ws.drive.documentTables(id)[0].slice(1);
    expect(rows.map((r: string[]) => r[1])).toEqual([`${items[0].service}\n${withDetails}`, items[1].service, `${items[2].service}\n${formulaLike}`]);
    // The details are smaller than the service name.
    const runs = (ws.drive.documentJson(id).body as Any).content.filter((e: Any) => e.table)[0].table.tableRows[1].tableCells[1].content
      .flatMap((p: Any) => p.paragraph.elements).filter((e: Any) => e.textRun && e.textRun.content.trim());
    expect(runs.map((r: Any) => r.textRun.content.replace(/\n$/, ''))).toEqual([items[0].service, withDetails]);
    expect(runs[0].textRun.textStyle.fontSize).toBeUndefined();
    expect(runs[1].textRun.textStyle.fontSize).toEqual({ magnitude: 8.5, unit: 'PT' });
    expect(pdfText(docFile(ws, doc.pdfUrl).content)).toContain(withDetails.split(' ')[0]);

    // Regenerate after the details change: same Doc, new details, the smaller style kept, nothing reported.
    const again = addon.api_saveQuote(deal.id, {
      lines: [
        { code: items[1].code, description: items[1].service, details: 'Now with details', unit: items[1].unit, quantity: 2, unitPriceMinor: items[1].unitPriceMinor },
        { code: items[0].code, description: items[0].service, unit: items[0].unit, quantity: 1, unitPriceMinor: items[0].unitPriceMinor },
      ],
    }, addon.api_getDeal(deal.id).card.version);
    expect(again.lines.map((l: Any) => l.details)).toEqual(['Now with details', '']);
    const v2 = addon.api_generateDocument(deal.id, 'proposal');
    expect(v2.url).toBe(doc.url);
    expect(v2.unfilled).toEqual([]);
    expect(ws.drive.documentTables(id)[0].slice(1).map((r: string[]) => r[1])).toEqual([`${items[1].service}\nNow with details`, items[0].service]);
    const cell = (ws.drive.documentJson(id).body as Any).content.filter((e: Any) => e.table)[0].table.tableRows[1].tableCells[1].content
      .flatMap((p: Any) => p.paragraph.elements).filter((e: Any) => e.textRun && e.textRun.content.trim());
    expect(cell[0].textRun.textStyle.fontSize).toBeUndefined();
    expect(cell[1].textRun.textStyle.fontSize).toEqual({ magnitude: 8.5, unit: 'PT' });
    expect(ws.drive.documentText(id)).not.toContain(withDetails);
    expect(records(ws, 'Documents').find((r) => r['Deal ID'] === deal.id)!['Unfilled placeholders']).toBe('');
  });

  it('details are checked: text only, at most 1000 characters', () => {
    const { addon } = installed();
    const deal = openDeals(addon)[0];
    const item = catalog(addon)[0];
    const version = addon.api_getDeal(deal.id).card.version;
    const line = (details: unknown) => ({ lines: [{ code: item.code, description: item.service, details, unit: item.unit, quantity: 1, unitPriceMinor: item.unitPriceMinor }] });
    expect(() => addon.api_saveQuote(deal.id, line(42), version)).toThrow(/details of line 1 must be text/i);
    expect(() => addon.api_saveQuote(deal.id, line('x'.repeat(1001)), version)).toThrow(/details of line 1 is longer than 1000/i);
    expect(addon.api_saveQuote(deal.id, line('Two\r\nlines\u0007'), version).lines[0].details).toBe('Two\nlines');
  });

  it('a template deleted from Drive gives a clear message that says how to reinstall', () => {
    const { ws, addon } = installed();
    ws.drive.removeFile(settings(ws)['template.contract']);
    const deal = openDeals(addon)[0];
    saveQuote(addon, deal.id, catalog(addon).slice(0, 1));
    expect(() => addon.api_generateDocument(deal.id, 'contract')).toThrow(/template.*(deleted|missing).*Install document templates/i);
    const again = addon.installDocumentTemplates();
    expect(again.created).toEqual(['contract']);
    expect(addon.api_generateDocument(deal.id, 'contract').url).toMatch(/docs\.google\.com/);
  });

  it('a client without email still gets a link; sending is disabled with the reason', () => {
    const { ws, addon } = installed();
    const deal = openDeals(addon)[0];
    addon.api_updateDeal(deal.id, { email: '' }, addon.api_getDeal(deal.id).card.version);
    saveQuote(addon, deal.id, catalog(addon).slice(0, 1));
    const doc = addon.api_generateDocument(deal.id, 'proposal');
    expect(doc.url).toMatch(/^https:\/\/docs\.google\.com\/document\/d\//);
    expect(doc.canSend).toBe(false);
    expect(doc.sendBlockedReason).toMatch(/no email/i);
    expect(docFile(ws, doc.url).permissions).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'anyone', role: 'reader' })]));
  });

  it('with share_mode "client" the Doc is shared with the client only', () => {
    const { ws, addon } = installed();
    const rows = ws.readSheet('Settings').values as unknown[][];
    const at = rows.findIndex((r) => r[0] === 'share_mode');
    ws.editCell('Settings', at + 1, 2, 'client');
    const deal = openDeals(addon).find((d: Any) => d.email)!;
    saveQuote(addon, deal.id, catalog(addon).slice(0, 1));
    const doc = addon.api_generateDocument(deal.id, 'proposal');
    const perms = docFile(ws, doc.url).permissions;
    expect(perms.some((p: Any) => p.type === 'anyone')).toBe(false);
    expect(perms).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'user', role: 'reader', emailAddress: deal.email.toLowerCase() })]));
  });
});

describe('document call budgets (exact)', () => {
  // Budget as the issue states it: Drive, Docs, sheet reads and writes; exports (UrlFetchApp to
  // Drive's export URL and the Files.create/update that store the PDF/XLSX) are not counted.
  // The config cache read and the document lock, which every action pays, are asserted apart.
  const budget = (calls: Any, exportStores: number) =>
    calls.byCategory.drive + calls.byCategory.docs + calls.byCategory.spreadsheetRead + calls.byCategory.spreadsheetWrite - exportStores;

  it('a new document and a regenerate, the same at any number of lines', () => {
    const { ws, addon } = installed();
    const [a, b] = openDeals(addon);
    saveQuote(addon, a.id, catalog(addon).slice(0, 2));
    saveQuote(addon, b.id, catalog(addon).slice(0, 8));

    const first = measure(ws, () => addon.api_generateDocument(a.id, 'proposal'));
    const contract = measure(ws, () => addon.api_generateDocument(a.id, 'contract'));
    const regenerate = measure(ws, () => addon.api_generateDocument(a.id, 'proposal'));
    const bigRegenerate = (() => {
      addon.api_generateDocument(b.id, 'proposal');
      return measure(ws, () => addon.api_generateDocument(b.id, 'proposal'));
    })();

    expect(first.calls.byMethod).toEqual(expect.objectContaining({
      'Cache.get': 1, 'Lock.waitLock': 1, 'Range.getValues': 4, 'Sheet.appendRow': 1, 'Range.setValues': 2, 'Range.getFormulas': 1,
      'DriveFiles.generateIds': 1, 'DriveFiles.get': 1, 'DriveFiles.create': 3, 'DriveFiles.copy': 1, 'DocsDocuments.get': 1, 'DocsDocuments.batchUpdate': 1,
      'DrivePermissions.create': 1, 'UrlFetchApp.fetch': 1,
    }));
    // Issue 11, item 11 added two reads to a new document: the Number column (every kind gets a
    // readable number of its series now, not only invoices) and the client's row (contact person
    // and address); a regenerate keeps its number, so it adds the client's row only.
    // Issue 20, item 12: a new document's row is written before its files (the ids Drive
    // generated for them, one generateIds call), found again (+1 read), given the fill's plan
    // before the fill (+1 write) and finished (the appendRow became a write of the changed
    // cells: +1 formulas read), after checking that the template is in Drive (+1 Files.get, so a
    // deleted template is refused before a number is taken): 12 → 17, contract 10 → 15; a
    // regenerate is unchanged.
    // Issue 21: a regenerate first asks Drive whether the Doc is in the trash (+1 Files.get: the
    // Docs API opens a trashed Doc by id, and a trashed Doc gets a new one at a new link): 7 → 8.
    // Issue 26: the Number column comes from the Documents read the action made already (a small
    // tab is read whole; a big one reads only that column, its header known), and the new row is
    // kept as written instead of found again (under the lock, it is the tab's last row): 17 → 15,
    // contract 15 → 13.
    // The emulator counted Drive's files.generateIds as a handle call; it is a Drive round trip
    // like any other and is now counted as one (the action did not change): 15 → 16, 13 → 14.
    expect(budget(first.calls, 1)).toBe(16);
    expect(budget(contract.calls, 0)).toBe(14);
    expect(budget(regenerate.calls, 1)).toBe(8);
    expect(budget(bigRegenerate.calls, 1)).toBe(8);
    expect(regenerate.calls.byMethod).toEqual(expect.objectContaining({
      'Range.getValues': 4, 'DriveFiles.get': 1, 'DocsDocuments.get': 1, 'DocsDocuments.batchUpdate': 1, 'DriveFiles.update': 1, 'UrlFetchApp.fetch': 1,
    }));
    expect(regenerate.calls.byMethod['DriveFiles.copy']).toBeUndefined();
    expect(bigRegenerate.calls.byMethod).toEqual(regenerate.calls.byMethod);
    for (const m of [first, contract, regenerate]) {
      expect(m.calls.byCategory.cache).toBe(1);
      expect(m.calls.byCategory.lock).toBe(1);
    }
  });
});

describe('a new document in a big Documents tab (issue 26)', () => {
  it('reads the Number column alone and keeps its new row as written: the row it finishes is its own', () => {
    const { ws, addon } = installed();
    const [a] = openDeals(addon);
    saveQuote(addon, a.id, catalog(addon).slice(0, 2));
    // Other deals' rows, enough that the tab is no longer read whole (> 8,000 cells), the
    // highest proposal number among them, and a hand-typed row at the very bottom.
    const header = ws.readSheet('Documents').values[0] as string[];
    const row = (cells: Record<string, unknown>) => header.map((h) => (h in cells ? cells[h] : ''));
    const year = String(ws.clock.now().getUTCFullYear());
    const filler = Array.from({ length: 300 }, (_x, i) => row({ ID: `DOC-other-${i}`, 'Deal ID': `D-other-${i}`, Kind: 'proposal', Number: `PRO-${year}-${String(i + 1).padStart(4, '0')}` }));
    filler.push(row({ ID: 'DOC-typed', Number: 'typed by hand' }));
    ws.appendRows('Documents', filler);
    expect((ws.readSheet('Documents').values.length - 1) * header.length).toBeGreaterThan(8000);

    const first = measure(ws, () => addon.api_generateDocument(a.id, 'proposal'));
    expect(first.result.number).toBe(`PRO-${year}-0301`);
    // Documents: header, the two searches' rows (deal, client; none found), the Number column —
    // and no read after the append.
    const reads = first.calls.byMethod['Range.getValues'];
    const all = records(ws, 'Documents');
    const made = all[all.length - 1];
    expect(made).toEqual(expect.objectContaining({ 'Deal ID': a.id, Number: `PRO-${year}-0301`, Kind: 'proposal', URL: first.result.url }));
    expect(made['Generated at']).toBeInstanceOf(Date);
    expect(String(made['Line rows'])).not.toContain('pending');
    // The rows above are untouched.
    expect(all[all.length - 2]).toEqual(expect.objectContaining({ ID: 'DOC-typed', Number: 'typed by hand', URL: '' }));
    expect(all.filter((r) => r['Generated at'] instanceof Date)).toHaveLength(1);

    // The same action against the small tab reads the Documents tab once; here: header + Number
    // column (the searches find nothing, so read no rows). Pinned so a read-back cannot return.
    const small = installed();
    const [b] = openDeals(small.addon);
    saveQuote(small.addon, b.id, catalog(small.addon).slice(0, 2));
    const smallRun = measure(small.ws, () => small.addon.api_generateDocument(b.id, 'proposal'));
    expect(smallRun.calls.byMethod['Range.getValues']).toBe(4);
    expect(reads).toBe(5);
    expect(first.calls.byMethod['TextFinder.findAll']).toBe(2);
  });
});
