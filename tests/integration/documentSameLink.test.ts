// Issue 21, item 1: "Updated — same link" must be true. A quote with a line discount, its
// proposal and invoice made, the discounts removed, both regenerated: the discount column has to
// go, and the Docs keep their ids (rebuilt in place from a filled scratch copy, which is then
// trashed). Where the Doc cannot be kept (gone, or Drive refuses the rebuild), the card says
// "new link" and the old Doc, when it can be written, says where the new one is.
import { demoWorkspace, records } from './harness';
import { writeCalls } from './kills';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

const OWNER = 'owner@studio.test';

function setup() {
  const { ws, addon } = demoWorkspace(80, OWNER);
  addon.installDocumentTemplates();
  const board = addon.api_getBoard({ scope: 'all' });
  const deal = board.columns.find((c: Any) => c.key === 'negotiation').cards.find((c: Any) => c.editable && c.clientId);
  return { ws, addon, deal };
}

function quote(addon: Any, dealId: string, discountPercent: number) {
  const version = addon.api_getDeal(dealId).card.version;
  return addon.api_saveQuote(dealId, {
    lines: [
      { code: 'WEB', description: 'Website', unit: 'project', quantity: 1, unitPriceMinor: 350000, discountPercent },
      { code: 'SEO', description: 'SEO audit', unit: 'item', quantity: 2, unitPriceMinor: 50000 },
    ],
  }, version);
}

function setSetting(ws: Any, key: string, value: string) {
  const values = ws.readSheet('Settings').values as unknown[][];
  const row = values.findIndex((r) => r[0] === key);
  expect(row).toBeGreaterThan(0);
  ws.editCell('Settings', row + 1, 2, value);
}

const idOf = (url: string) => /\/d\/([^/]+)/.exec(url)![1];
const textOf = (ws: Any, url: string) => ws.drive.documentText(idOf(url)) as string;
const tableOf = (ws: Any, url: string) => ws.drive.documentTables(idOf(url))[0] as string[][];
const docRow = (ws: Any, dealId: string, kind: string) => records(ws, 'Documents').filter((r) => r['Deal ID'] === dealId && r.Kind === kind);

/** The deal's files that are not in the trash, by id. */
function liveFiles(ws: Any): Set<string> {
  return new Set(ws.drive.listFiles().filter((f: Any) => !f.trashed).map((f: Any) => f.id));
}

/** Drive refuses files.update with content for `docId` (as it would for a Doc the add-on may no longer write). */
function refuseRebuildOf(ws: Any, docId: string) {
  const drive = ws.globals.Drive;
  const files = drive.Files;
  ws.globals.Drive = {
    ...drive,
    Files: new Proxy(files, {
      get(target, key) {
        if (key !== 'update') return Reflect.get(target, key);
        return (resource: Any, fileId: string, media?: Any, args?: Any) => {
          if (fileId === docId && media) throw new Error('GoogleJsonResponseException: API call to drive.files.update failed with error: The user does not have sufficient permissions for this file.');
          return target.update(resource, fileId, media, args);
        };
      },
    }),
  };
}

describe('regenerating keeps the same link (issue 21, item 1)', () => {
  it('discounts removed: the proposal and the draft invoice keep their Doc ids, show the new total and no discount column; the card says same link, version 2', () => {
    const { ws, addon, deal } = setup();
    quote(addon, deal.id, 15);
    const proposal = addon.api_generateDocument(deal.id, 'proposal');
    const invoice = addon.api_generateDocument(deal.id, 'invoice');
    for (const doc of [proposal, invoice]) {
      expect(tableOf(ws, doc.url)[0]).toContain('Discount');
      expect(textOf(ws, doc.url)).toContain('€2,975.00');
    }
    const before = liveFiles(ws);
    const sharedBefore = ws.drive.file(idOf(proposal.url)).permissions;

    quote(addon, deal.id, 0);
    const proposal2 = addon.api_generateDocument(deal.id, 'proposal');
    const invoice2 = addon.api_generateDocument(deal.id, 'invoice');
    for (const [first, again] of [[proposal, proposal2], [invoice, invoice2]]) {
      expect(again.url).toBe(first.url);
      expect(again.number).toBe(first.number);
      expect(again.version).toBe(2);
      expect(again.regenerated).toBe(true);
      expect(again.newLink).toBeUndefined();
      // The old link now shows the new content: no discount column, the full price of the website.
      expect(tableOf(ws, again.url)[0]).not.toContain('Discount');
      expect(tableOf(ws, again.url)[1]).toEqual(['1', 'Website', '1', 'project', '€3,500.00', '€3,500.00']);
      expect(textOf(ws, again.url)).not.toContain('€2,975.00');
      expect(textOf(ws, again.url)).not.toMatch(/\{\{/);
    }
    // The Documents rows keep the Doc ids; the scratch copies are in the trash, nothing else is new.
    expect(docRow(ws, deal.id, 'proposal')[0]['Doc ID']).toBe(idOf(proposal.url));
    expect(docRow(ws, deal.id, 'invoice')[0]['Doc ID']).toBe(idOf(invoice.url));
    expect(String(docRow(ws, deal.id, 'invoice')[0]['Line rows'])).not.toContain('scratch');
    const after = liveFiles(ws);
    expect([...after].filter((id) => !before.has(id))).toEqual([]);
    const trashed = ws.drive.listFiles().filter((f: Any) => f.trashed && /^(Proposal|Invoice) /.test(f.name));
    expect(trashed).toHaveLength(2);
    // The sharing of the kept Doc is untouched.
    expect(ws.drive.file(idOf(proposal.url)).permissions).toEqual(sharedBefore);
    // The PDF follows the Doc: regenerated in place too, with the new total.
    expect(proposal2.pdfUrl).toBe(proposal.pdfUrl);
  });

  it('an issued invoice is still not rewritten: regenerating refuses and points to a new invoice', () => {
    const { ws, addon, deal } = setup();
    setSetting(ws, 'company_name', 'Studio Nord GmbH');
    setSetting(ws, 'company_address', 'Hauptstraße 5, 10115 Berlin');
    setSetting(ws, 'company_tax_id', 'DE123456789');
    setSetting(ws, 'company_bank', 'IBAN DE02 1203 0000 0000 2020 51');
    quote(addon, deal.id, 15);
    const invoice = addon.api_generateDocument(deal.id, 'invoice');
    const row = docRow(ws, deal.id, 'invoice')[0];
    expect(row.Status).toBe('draft');
    const text = textOf(ws, invoice.url);
    addon.api_markInvoiceIssued(deal.id, invoice.number);
    quote(addon, deal.id, 0);
    expect(() => addon.api_generateDocument(deal.id, 'invoice')).toThrow(/was issued.*not rewritten/s);
    expect(textOf(ws, invoice.url)).toBe(text);
  });

  it('the Doc deleted for good by hand: a fresh copy, and the card says new link', () => {
    const { ws, addon, deal } = setup();
    quote(addon, deal.id, 15);
    const proposal = addon.api_generateDocument(deal.id, 'proposal');
    ws.drive.removeFile(idOf(proposal.url));
    quote(addon, deal.id, 0);
    const again = addon.api_generateDocument(deal.id, 'proposal');
    expect(again.url).not.toBe(proposal.url);
    expect(again.regenerated).toBe(false);
    expect(again.newLink).toBe(true);
    expect(again.number).toBe(proposal.number);
    expect(tableOf(ws, again.url)[0]).not.toContain('Discount');
  });

  it('the Doc moved to the trash by hand: regenerate makes a new Doc, the card says new link, the row records it', () => {
    const { ws, addon, deal } = setup();
    quote(addon, deal.id, 0);
    const proposal = addon.api_generateDocument(deal.id, 'proposal');
    // As a person does in Drive: the file goes to the trash (it still opens by id there).
    ws.globals.DriveApp.getFileById(idOf(proposal.url)).setTrashed(true);
    expect(ws.globals.DriveApp.getFileById(idOf(proposal.url)).isTrashed()).toBe(true);
    quote(addon, deal.id, 15);
    const again = addon.api_generateDocument(deal.id, 'proposal');
    expect(again.url).not.toBe(proposal.url);
    expect(again.regenerated).toBe(false);
    expect(again.newLink).toBe(true);
    expect(again.number).toBe(proposal.number);
    expect(ws.drive.file(idOf(again.url)).trashed).toBe(false);
    expect(docRow(ws, deal.id, 'proposal')).toHaveLength(1);
    expect(docRow(ws, deal.id, 'proposal')[0]['Doc ID']).toBe(idOf(again.url));
    expect(tableOf(ws, again.url)[0]).toContain('Discount');
    // The trashed Doc was left as the person left it.
    expect(ws.drive.file(idOf(proposal.url)).trashed).toBe(true);
    expect(textOf(ws, proposal.url)).not.toContain('Discount');
  });

  it('a finished regenerate sent again with the same request id returns the first answer and writes nothing', () => {
    const { ws, addon, deal } = setup();
    quote(addon, deal.id, 0);
    const first = addon.api_generateDocument(deal.id, 'proposal', null, 'req-proposal-make-1');
    quote(addon, deal.id, 10);
    const regenerated = addon.api_generateDocument(deal.id, 'proposal', null, 'req-proposal-regen-1');
    expect(regenerated.version).toBe(2);
    expect(regenerated.url).toBe(first.url);
    const rowBefore = docRow(ws, deal.id, 'proposal');
    const filesBefore = ws.drive.listFiles().length;
    let retried: Any;
    const writes = writeCalls(ws, () => { retried = addon.api_generateDocument(deal.id, 'proposal', null, 'req-proposal-regen-1'); });
    expect(retried).toEqual(regenerated);
    expect(writes).toEqual([]);
    expect(docRow(ws, deal.id, 'proposal')).toEqual(rowBefore);
    expect(rowBefore).toHaveLength(1);
    expect(rowBefore[0].Version).toBe(2);
    expect(ws.drive.listFiles().length).toBe(filesBefore);
    // The first make sent again finds its row and makes nothing (the row as it is now); a new request is a new version.
    expect(addon.api_generateDocument(deal.id, 'proposal', null, 'req-proposal-make-1').version).toBe(2);
    expect(addon.api_generateDocument(deal.id, 'proposal', null, 'req-proposal-regen-2').version).toBe(3);
  });

  it('Drive refuses to rebuild the Doc: the filled copy becomes the document (new link) and the old Doc says it is superseded, with the new link', () => {
    const { ws, addon, deal } = setup();
    quote(addon, deal.id, 15);
    const proposal = addon.api_generateDocument(deal.id, 'proposal');
    refuseRebuildOf(ws, idOf(proposal.url));
    quote(addon, deal.id, 0);
    const again = addon.api_generateDocument(deal.id, 'proposal');
    expect(again.url).not.toBe(proposal.url);
    expect(again.regenerated).toBe(false);
    expect(again.newLink).toBe(true);
    expect(again.version).toBe(2);
    expect(tableOf(ws, again.url)[0]).not.toContain('Discount');
    expect(ws.drive.file(idOf(again.url)).trashed).toBe(false);
    expect(docRow(ws, deal.id, 'proposal')[0]['Doc ID']).toBe(idOf(again.url));
    const old = textOf(ws, proposal.url);
    expect(old.split('\n')[0]).toBe(`This proposal (${proposal.number}) was replaced by version 2 at a new link: ${again.url}`);
    // The old content stays below the notice (the client can still read what was sent).
    expect(old).toContain('€2,975.00');
  });
});
