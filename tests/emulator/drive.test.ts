import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { caught, testContext } from './fixtures/context';
import { DriveBlob, DriveModel, createDriveServices, renderPdf } from '../../scripts/emulator/drive';

const DOC = 'application/vnd.google-apps.document';
const FOLDER = 'application/vnd.google-apps.folder';
const FIXTURES = path.join(__dirname, 'fixtures', 'drive');

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

function setup(init: { docsCreatePerDay?: number; scope?: 'drive.file' | 'drive' } = {}) {
  const model = new DriveModel({ seed: 7, ...init });
  const { clock, calls, state, ctx } = testContext(() => 'Europe/Berlin');
  const services = createDriveServices(ctx, model);
  const Drive = services.Drive as Any;
  const Docs = services.Docs as Any;
  const DriveApp = services.DriveApp as Any;
  const DocumentApp = services.DocumentApp as Any;
  return { clock, calls, state, model, Drive, Docs, DriveApp, DocumentApp };
}

function htmlBlob(html: string, name = 'doc.html') {
  // A foreign blob: only the duck-typed methods the other helper's Utilities blob has.
  return {
    getBytes: () => Array.from(Buffer.from(html, 'utf8')).map((b) => (b > 127 ? b - 256 : b)),
    getDataAsString: () => html,
    getContentType: () => 'text/html',
    getName: () => name,
  };
}

function createDoc(env: ReturnType<typeof setup>, name: string, html: string, parents?: string[]): string {
  const file = env.Drive.Files.create({ name, mimeType: DOC, parents }, htmlBlob(html), { fields: 'id,webViewLink,mimeType' });
  return file.id;
}

function paragraphText(p: Any): string {
  return p.elements.map((e: Any) => e.textRun?.content ?? '').join('');
}

const haveTool = (tool: string) => spawnSync('which', [tool]).status === 0;

describe('HTML → Doc conversion', () => {
  test('headings, bold, lists, line breaks and tables', () => {
    const env = setup();
    const id = createDoc(env, 'Conv', `<!DOCTYPE html><html><head><title>x</title><style>p{}</style></head><body>
      <h1>Big   title</h1><p>Hello <b>bold</b> and <i>italic</i> text<br>second line</p>
      <ul><li>one</li><li>two</li></ul>
      <table><tr><th>Name</th><th>Price</th></tr><tr><td>Widget</td><td>10 &euro;</td></tr></table></body></html>`);
    expect(env.model.documentText(id)).toBe('Big title\nHello bold and italic text\nsecond line\n• one\n• two\nName\tPrice\nWidget\t10 €\n');
    expect(env.model.documentTables(id)).toEqual([[['Name', 'Price'], ['Widget', '10 €']]]);
    const doc = env.Docs.Documents.get(id);
    const content = doc.body.content;
    expect(content[1].paragraph.paragraphStyle.namedStyleType).toBe('HEADING_1');
    const p = content[2].paragraph;
    expect(p.elements.map((e: Any) => [e.textRun.content, Boolean(e.textRun.textStyle.bold), Boolean(e.textRun.textStyle.italic)])).toEqual([
      ['Hello ', false, false], ['bold', true, false], [' and ', false, false], ['italic', false, true], [' text\u000bsecond line\n', false, false],
    ]);
    const th = content.find((c: Any) => c.table).table.tableRows[0].tableCells[0].content[0].paragraph.elements[0];
    expect(th.textRun).toEqual({ content: 'Name\n', textStyle: { bold: true } });
    // the body ends with a paragraph after a table
    expect(content[content.length - 1].paragraph).toBeDefined();
  });

  test('images are kept as inline objects by URL and rendered in HTML', () => {
    const env = setup();
    const id = createDoc(env, 'Logo', '<p><img src="https://example.test/logo.png" width="200" height="80"> Studio</p>');
    const doc = env.Docs.Documents.get(id);
    const el = doc.body.content[1].paragraph.elements;
    expect(el[0].inlineObjectElement.inlineObjectId).toMatch(/^kix\./);
    expect(el[0].endIndex - el[0].startIndex).toBe(1);
    expect(doc.inlineObjects[el[0].inlineObjectElement.inlineObjectId].inlineObjectProperties.embeddedObject.imageProperties.contentUri).toBe('https://example.test/logo.png');
    expect(env.model.documentText(id)).toBe(' Studio');
    const html = env.model.renderDocumentHtml(id);
    expect(html).toContain('<img src="https://example.test/logo.png"');
    expect(html).toMatch(/^<!DOCTYPE html>/);
  });

  test('File resources: default fields, requested fields, links', () => {
    const env = setup();
    const folder = env.Drive.Files.create({ name: 'Dealboard', mimeType: FOLDER });
    expect(folder).toEqual({ kind: 'drive#file', id: folder.id, name: 'Dealboard', mimeType: FOLDER });
    const doc = env.Drive.Files.create({ name: 'D', mimeType: DOC, parents: [folder.id] }, htmlBlob('<p>x</p>'), { fields: 'id,webViewLink,parents' });
    expect(doc.id).toHaveLength(44);
    expect(doc.webViewLink).toBe(`https://docs.google.com/document/d/${doc.id}/edit?usp=drivesdk`);
    expect(doc.parents).toEqual([folder.id]);
    const pdf = env.Drive.Files.create({ name: 'a.pdf', mimeType: 'application/pdf', parents: [folder.id] }, new DriveBlob('%PDF-1.4 test', 'application/pdf'), { fields: '*' });
    expect(pdf.webViewLink).toBe(`https://drive.google.com/file/d/${pdf.id}/view?usp=drivesdk`);
    expect(pdf.webContentLink).toContain(pdf.id);
    expect(pdf.size).toBe('13');
    expect(Buffer.from(env.model.file(pdf.id)!.content!).toString()).toBe('%PDF-1.4 test');
    const f = env.Drive.Files.get(folder.id, { fields: 'webViewLink' });
    expect(f).toEqual({ webViewLink: `https://drive.google.com/drive/folders/${folder.id}` });
  });
});

describe('Docs API indexes', () => {
  test('a paragraph and a 2x2 table', () => {
    const env = setup();
    const id = createDoc(env, 'Idx', '<p>Hello</p><table><tr><td>A</td><td>B</td></tr><tr><td>C</td><td>D</td></tr></table>');
    const doc = env.Docs.Documents.get(id);
    const c = doc.body.content;
    expect(c[0]).toEqual({ endIndex: 1, sectionBreak: expect.any(Object) });
    expect([c[1].startIndex, c[1].endIndex]).toEqual([1, 7]);
    expect(c[1].paragraph.elements[0]).toEqual({ startIndex: 1, endIndex: 7, textRun: { content: 'Hello\n', textStyle: {} } });
    const t = c[2];
    expect([t.startIndex, t.endIndex]).toEqual([7, 22]);
    expect(t.table.rows).toBe(2);
    expect(t.table.columns).toBe(2);
    const rows = t.table.tableRows;
    expect(rows.map((r: Any) => [r.startIndex, r.endIndex])).toEqual([[8, 15], [15, 22]]);
    expect(rows[0].tableCells.map((x: Any) => [x.startIndex, x.endIndex])).toEqual([[9, 12], [12, 15]]);
    expect(rows[1].tableCells.map((x: Any) => [x.startIndex, x.endIndex])).toEqual([[16, 19], [19, 22]]);
    const cellParas = rows.flatMap((r: Any) => r.tableCells.map((x: Any) => x.content[0]));
    expect(cellParas.map((p: Any) => [p.startIndex, p.endIndex, paragraphText(p.paragraph)])).toEqual([
      [10, 12, 'A\n'], [13, 15, 'B\n'], [17, 19, 'C\n'], [20, 22, 'D\n'],
    ]);
    expect([c[3].startIndex, c[3].endIndex, paragraphText(c[3].paragraph)]).toEqual([22, 23, '\n']);
  });

  test('empty cells hold one "\\n" paragraph: an empty 2x2 table at index 1 has text slots 4, 6, 9, 11', () => {
    const env = setup();
    const id = createDoc(env, 'Empty', '<table><tr><td></td><td></td></tr><tr><td></td><td></td></tr></table>');
    const t = env.Docs.Documents.get(id).body.content[1];
    expect([t.startIndex, t.endIndex]).toEqual([1, 12]);
    const slots = t.table.tableRows.flatMap((r: Any) => r.tableCells.map((x: Any) => x.content[0].startIndex));
    expect(slots).toEqual([4, 6, 9, 11]);
    // text inserted at the slots lands in the cells
    env.Docs.Documents.batchUpdate({ requests: [11, 9, 6, 4].map((index, k) => ({ insertText: { location: { index }, text: ['d', 'c', 'b', 'a'][k] } })) }, id);
    expect(env.model.documentTables(id)).toEqual([[['a', 'b'], ['c', 'd']]]);
  });

  test('UTF-16 code units: an emoji takes 2 indexes', () => {
    const env = setup();
    const id = createDoc(env, 'Emoji', '<p>a😀b</p><p>x</p>');
    const c = env.Docs.Documents.get(id).body.content;
    expect([c[1].endIndex, c[2].startIndex, c[2].endIndex]).toEqual([6, 6, 8]);
  });
});

describe('Docs batchUpdate', () => {
  test('replaceAllText returns occurrencesChanged; matchCase', () => {
    const env = setup();
    const id = createDoc(env, 'R', '<p>{{name}} and {{NAME}}</p><table><tr><td>{{name}}</td></tr></table>');
    const res = env.Docs.Documents.batchUpdate({
      requests: [
        { replaceAllText: { containsText: { text: '{{name}}', matchCase: true }, replaceText: 'Ada' } },
        { replaceAllText: { containsText: { text: '{{name}}' }, replaceText: 'Bob' } },
        { replaceAllText: { containsText: { text: 'nothing' }, replaceText: 'x' } },
      ],
    }, id);
    expect(res.replies).toEqual([
      { replaceAllText: { occurrencesChanged: 2 } },
      { replaceAllText: { occurrencesChanged: 1 } },
      { replaceAllText: {} },
    ]);
    expect(res.documentId).toBe(id);
    expect(env.model.documentText(id)).toBe('Ada and Bob\nAda\n');
  });

  test('replacement keeps the style of the replaced text', () => {
    const env = setup();
    const id = createDoc(env, 'S', '<p>Dear <b>{{client}}</b>,</p>');
    env.Docs.Documents.batchUpdate({ requests: [{ replaceAllText: { containsText: { text: '{{client}}' }, replaceText: 'Acme GmbH' } }] }, id);
    const el = env.Docs.Documents.get(id).body.content[1].paragraph.elements;
    expect(el.map((e: Any) => [e.textRun.content, Boolean(e.textRun.textStyle.bold)])).toEqual([['Dear ', false], ['Acme GmbH', true], [',\n', false]]);
  });

  test('the add-on scenario: one get, rows inserted below the template row, cells filled from the end, then replaceAllText', () => {
    const env = setup();
    const template = fs.readFileSync(path.join(FIXTURES, 'proposal-template.html'), 'utf8');
    const id = createDoc(env, 'Proposal – Acme', template);
    env.calls.reset();
    const doc = env.Docs.Documents.get(id);
    const tableEl = doc.body.content.find((c: Any) => c.table);
    const rows = tableEl.table.tableRows;
    const tplIndex = rows.findIndex((r: Any) => r.tableCells.some((c: Any) => c.content.some((p: Any) => paragraphText(p.paragraph).includes('{{#each lines}}'))));
    expect(tplIndex).toBe(1);
    const tpl = rows[tplIndex];
    const k = tpl.tableCells.length;
    const lines = [
      ['Discovery workshop', '1', '1,200.00', '1,200.00'],
      ['Design', '3', '900.00', '2,700.00'],
      ['Build (days)', '8', '750.00', '6,000.00'],
      ['Launch support', '1', '500.00', '500.00'],
    ];
    const requests: object[] = [];
    for (let i = 0; i < lines.length - 1; i++) {
      requests.push({ insertTableRow: { tableCellLocation: { tableStartLocation: { index: tableEl.startIndex }, rowIndex: tplIndex, columnIndex: 0 }, insertBelow: true } });
    }
    // new rows, highest first: row i (1-based below the template) starts at tpl.endIndex + (i-1)(1+2k)
    for (let i = lines.length - 1; i >= 1; i--) {
      const rowStart = tpl.endIndex + (i - 1) * (1 + 2 * k);
      for (let j = k - 1; j >= 0; j--) requests.push({ insertText: { location: { index: rowStart + 2 + 2 * j }, text: lines[i][j] } });
    }
    // the template row itself, cells from the last
    for (let j = k - 1; j >= 0; j--) {
      const cell = tpl.tableCells[j];
      const start = cell.content[0].startIndex;
      const end = cell.content[cell.content.length - 1].endIndex - 1;
      if (end > start) requests.push({ deleteContentRange: { range: { startIndex: start, endIndex: end } } });
      requests.push({ insertText: { location: { index: start }, text: lines[0][j] } });
    }
    for (const [token, value] of [['{{deal.title}}', 'Website relaunch'], ['{{client.name}}', 'Ada Lovelace'], ['{{client.company}}', 'Acme GmbH'],
      ['{{today}}', '23 Nov 2026'], ['{{total}}', '10,400.00'], ['{{owner.name}}', 'Studio Owner']]) {
      requests.push({ replaceAllText: { containsText: { text: token, matchCase: true }, replaceText: value } });
    }
    const res = env.Docs.Documents.batchUpdate({ requests }, id);
    expect(res.replies).toHaveLength(requests.length);
    expect(env.model.documentTables(id)).toEqual([[
      ['Item', 'Qty', 'Unit price', 'Amount'],
      ...lines,
      ['Total', '', '', '10,400.00'],
    ]]);
    const text = env.model.documentText(id);
    expect(text).toContain('Proposal: Website relaunch');
    expect(text).toContain('Prepared for Ada Lovelace, Acme GmbH\nDate: 23 Nov 2026');
    expect(text).not.toContain('{{');
    expect(env.calls.byMethod()).toEqual({ 'DocsDocuments.batchUpdate': 1, 'DocsDocuments.get': 1 });
    // the structure is still consistent: every index is contiguous
    const after = env.Docs.Documents.get(id);
    let expected = 1;
    for (const el of after.body.content.slice(1)) {
      expect(el.startIndex).toBe(expected);
      expected = el.endIndex;
    }
    const newTable = after.body.content.find((c: Any) => c.table);
    expect(newTable.table.rows).toBe(6);
    for (const r of newTable.table.tableRows) {
      let at = r.startIndex + 1;
      for (const cell of r.tableCells) {
        expect(cell.startIndex).toBe(at);
        at = cell.endIndex;
      }
      expect(r.endIndex).toBe(at);
    }
  });

  test('insertTableRow keeps the cell paragraph style; deleteTableRow', () => {
    const env = setup();
    const id = createDoc(env, 'T', '<table><tr><td><b>H</b></td><td style="text-align:right">1</td></tr></table><p>after</p>');
    const t = env.Docs.Documents.get(id).body.content[1];
    env.Docs.Documents.batchUpdate({
      requests: [
        { insertTableRow: { tableCellLocation: { tableStartLocation: { index: t.startIndex }, rowIndex: 0, columnIndex: 1 }, insertBelow: true } },
        { insertText: { location: { index: t.endIndex + 4 }, text: '2' } },
        { insertText: { location: { index: t.endIndex + 2 }, text: 'x' } },
      ],
    }, id);
    const t2 = env.Docs.Documents.get(id).body.content[1];
    const newRow = t2.table.tableRows[1];
    expect(newRow.tableCells[0].content[0].paragraph.elements[0].textRun).toEqual({ content: 'x\n', textStyle: { bold: true } });
    expect(newRow.tableCells[1].content[0].paragraph.paragraphStyle.alignment).toBe('END');
    expect(env.model.documentTables(id)).toEqual([[['H', '1'], ['x', '2']]]);
    env.Docs.Documents.batchUpdate({ requests: [{ deleteTableRow: { tableCellLocation: { tableStartLocation: { index: t2.startIndex }, rowIndex: 0 } } }] }, id);
    expect(env.model.documentTables(id)).toEqual([[['x', '2']]]);
    expect(env.model.documentText(id)).toBe('x\t2\nafter');
  });

  // Docs API, DeleteTableColumnRequest: "The column this cell spans will be deleted. … If no
  // columns remain in the table after this deletion, the whole table is deleted."
  test('deleteTableColumn removes the column the cell spans from every row; the last column takes the table', () => {
    const env = setup();
    const id = createDoc(env, 'C', '<table><tr><td>#</td><td>Disc.</td><td>Total</td></tr><tr><td>1</td><td>15%</td><td>€10</td></tr></table><p>after</p>');
    const t = env.Docs.Documents.get(id).body.content[1];
    const at = (index: number, columnIndex: number) => ({ deleteTableColumn: { tableCellLocation: { tableStartLocation: { index }, rowIndex: 1, columnIndex } } });
    env.Docs.Documents.batchUpdate({ requests: [at(t.startIndex, 1)] }, id);
    expect(env.model.documentTables(id)).toEqual([[['#', 'Total'], ['1', '€10']]]);
    // Indexes stay consistent: text after the table is still addressable where get() says it is.
    const after = env.Docs.Documents.get(id).body.content[2];
    env.Docs.Documents.batchUpdate({ requests: [{ insertText: { location: { index: after.startIndex }, text: 'X' } }] }, id);
    expect(env.model.documentText(id)).toBe('#\tTotal\n1\t€10\nXafter');
    const t2 = env.Docs.Documents.get(id).body.content[1];
    env.Docs.Documents.batchUpdate({ requests: [at(t2.startIndex, 1), at(t2.startIndex, 0)] }, id);
    expect(env.model.documentTables(id)).toEqual([]);
    expect(caught(() => env.Docs.Documents.batchUpdate({ requests: [at(1, 0)] }, id)).message).toContain('is not the start of a table');
  });

  test('invalid requests throw API-shaped errors and apply nothing', () => {
    const env = setup();
    const id = createDoc(env, 'E', '<p>Hello world</p>');
    const before = env.model.documentText(id);
    const e = caught(() => env.Docs.Documents.batchUpdate({ requests: [
      { insertText: { location: { index: 1 }, text: 'ok ' } },
      { insertText: { location: { index: 999 }, text: 'x' } },
    ] }, id));
    expect(e.name).toBe('GoogleJsonResponseException');
    expect(e.message).toBe('API call to docs.documents.batchUpdate failed with error: Invalid requests[1].insertText: Index 999 must be less than the end index of the referenced segment, 16.');
    expect((e as Any).details.code).toBe(400);
    expect(env.model.documentText(id)).toBe(before);
    const e2 = caught(() => env.Docs.Documents.batchUpdate({ requests: [{ deleteContentRange: { range: { startIndex: 1, endIndex: 13 } } }] }, id));
    expect(e2.message).toContain('Invalid requests[0].deleteContentRange');
    expect(e2.message).toContain('newline character at the end of the segment');
    const e3 = caught(() => env.Docs.Documents.batchUpdate({ requests: [{ insertTable: { rows: 1, columns: 1, location: { index: 1 } } }] }, id));
    expect(e3.message).toContain("Invalid requests[0].insertTable: The request kind 'insertTable' is not emulated");
  });

  test('deleteContentRange across paragraphs merges them; cannot cut a table in half', () => {
    const env = setup();
    const id = createDoc(env, 'D', '<h2>Head</h2><p>Body text</p><table><tr><td>a</td></tr></table><p>end</p>');
    // "Head\n" 1-6, "Body text\n" 6-16
    env.Docs.Documents.batchUpdate({ requests: [{ deleteContentRange: { range: { startIndex: 3, endIndex: 8 } } }] }, id);
    const c = env.Docs.Documents.get(id).body.content;
    expect(paragraphText(c[1].paragraph)).toBe('Hedy text\n');
    expect(c[1].paragraph.paragraphStyle.namedStyleType).toBe('HEADING_2');
    const t = c[2];
    const e = caught(() => env.Docs.Documents.batchUpdate({ requests: [{ deleteContentRange: { range: { startIndex: 5, endIndex: t.startIndex + 3 } } }] }, id));
    expect(e.message).toContain('Invalid requests[0].deleteContentRange');
    // a whole table can go
    env.Docs.Documents.batchUpdate({ requests: [{ deleteContentRange: { range: { startIndex: t.startIndex, endIndex: t.endIndex } } }] }, id);
    expect(env.model.documentText(id)).toBe('Hedy text\nend');
  });

  test('updateTextStyle and updateParagraphStyle', () => {
    const env = setup();
    const id = createDoc(env, 'U', '<p>Total due</p>');
    env.Docs.Documents.batchUpdate({ requests: [
      { updateTextStyle: { range: { startIndex: 1, endIndex: 6 }, textStyle: { bold: true, fontSize: { magnitude: 14, unit: 'PT' } }, fields: 'bold,fontSize' } },
      { updateParagraphStyle: { range: { startIndex: 1, endIndex: 2 }, paragraphStyle: { namedStyleType: 'HEADING_3' }, fields: 'namedStyleType' } },
    ] }, id);
    const p = env.Docs.Documents.get(id).body.content[1].paragraph;
    expect(p.paragraphStyle.namedStyleType).toBe('HEADING_3');
    expect(p.elements[0].textRun).toEqual({ content: 'Total', textStyle: { bold: true, fontSize: { magnitude: 14, unit: 'PT' } } });
    expect(p.elements[1].textRun.content).toBe(' due\n');
    const e = caught(() => env.Docs.Documents.batchUpdate({ requests: [{ updateTextStyle: { range: { startIndex: 1, endIndex: 2 }, textStyle: { bold: true } } }] }, id));
    expect(e.message).toContain("At least one field must be listed in 'fields'");
  });

  test('writeControl.requiredRevisionId', () => {
    const env = setup();
    const id = createDoc(env, 'W', '<p>a</p>');
    const rev = env.Docs.Documents.get(id).revisionId;
    const res = env.Docs.Documents.batchUpdate({ requests: [{ insertText: { location: { index: 1 }, text: 'b' } }], writeControl: { requiredRevisionId: rev } }, id);
    expect(res.writeControl.requiredRevisionId).not.toBe(rev);
    expect(env.Docs.Documents.get(id).revisionId).toBe(res.writeControl.requiredRevisionId);
    const e = caught(() => env.Docs.Documents.batchUpdate({ requests: [{ insertText: { location: { index: 1 }, text: 'c' } }], writeControl: { requiredRevisionId: rev } }, id));
    expect(e.message).toContain('required revision ID');
  });
});

describe('named ranges', () => {
  function named(env: ReturnType<typeof setup>, id: string) {
    const d = env.Docs.Documents.get(id);
    const out: Record<string, [number, number, string][]> = {};
    const text = (s: number, e: number) => {
      let t = '';
      const visit = (content: Any[]) => {
        for (const el of content) {
          if (el.paragraph) for (const pe of el.paragraph.elements) {
            const c = pe.textRun?.content ?? '';
            for (let i = 0; i < c.length; i++) if (pe.startIndex + i >= s && pe.startIndex + i < e) t += c[i];
          }
          if (el.table) for (const r of el.table.tableRows) for (const cell of r.tableCells) visit(cell.content);
        }
      };
      visit(d.body.content);
      return t;
    };
    for (const [name, g] of Object.entries(d.namedRanges ?? {}) as [string, Any][]) {
      out[name] = g.namedRanges.flatMap((nr: Any) => nr.ranges.map((r: Any) => [r.startIndex, r.endIndex, text(r.startIndex, r.endIndex)]));
    }
    return out;
  }

  test('ranges shift with edits before them and replaceNamedRangeContent keeps covering the new text', () => {
    const env = setup();
    const id = createDoc(env, 'N', '<p>Client: {{client}}</p><p>Total: {{total}}</p>');
    // "Client: {{client}}\n" 1-20 ; "Total: {{total}}\n" 20-37
    const res = env.Docs.Documents.batchUpdate({ requests: [
      { createNamedRange: { name: 'db:client', range: { startIndex: 9, endIndex: 19 } } },
      { createNamedRange: { name: 'db:total', range: { startIndex: 27, endIndex: 36 } } },
    ] }, id);
    const clientId = res.replies[0].createNamedRange.namedRangeId;
    expect(clientId).toMatch(/^kix\.[a-z0-9]+$/);
    expect(named(env, id)).toEqual({ 'db:client': [[9, 19, '{{client}}']], 'db:total': [[27, 36, '{{total}}']] });
    env.Docs.Documents.batchUpdate({ requests: [
      { replaceNamedRangeContent: { namedRangeName: 'db:total', text: '1,234.00 €' } },
      { replaceNamedRangeContent: { namedRangeId: clientId, text: 'Acme' } },
      { insertText: { location: { index: 1 }, text: '>> ' } },
    ] }, id);
    expect(env.model.documentText(id)).toBe('>> Client: Acme\nTotal: 1,234.00 €');
    expect(named(env, id)).toEqual({ 'db:client': [[12, 16, 'Acme']], 'db:total': [[24, 34, '1,234.00 €']] });
    // regenerate: replace again in place, named ranges survive
    env.Docs.Documents.batchUpdate({ requests: [
      { replaceNamedRangeContent: { namedRangeName: 'db:total', text: '99' } },
      { replaceNamedRangeContent: { namedRangeName: 'db:client', text: 'Acme Holding' } },
    ] }, id);
    expect(env.model.documentText(id)).toBe('>> Client: Acme Holding\nTotal: 99');
    expect(named(env, id)).toEqual({ 'db:client': [[12, 24, 'Acme Holding']], 'db:total': [[32, 34, '99']] });
  });

  test('ranges inside a table follow inserted rows; deleting a range\'s text removes it; deleteNamedRange', () => {
    const env = setup();
    const id = createDoc(env, 'N2', '<table><tr><td>a</td></tr></table><p>Sum: 10</p>');
    const t = env.Docs.Documents.get(id).body.content[1];
    // table 1-6, paragraph "Sum: 10\n" 6-14
    env.Docs.Documents.batchUpdate({ requests: [{ createNamedRange: { name: 'sum', range: { startIndex: 11, endIndex: 13 } } }] }, id);
    env.Docs.Documents.batchUpdate({ requests: [{ insertTableRow: { tableCellLocation: { tableStartLocation: { index: t.startIndex }, rowIndex: 0 }, insertBelow: true } }] }, id);
    expect(named(env, id)).toEqual({ sum: [[14, 16, '10']] });
    env.Docs.Documents.batchUpdate({ requests: [{ replaceAllText: { containsText: { text: '10' }, replaceText: '1000' } }] }, id);
    expect(named(env, id)).toEqual({ sum: [[14, 18, '1000']] });
    env.Docs.Documents.batchUpdate({ requests: [{ deleteNamedRange: { name: 'sum' } }] }, id);
    expect(named(env, id)).toEqual({});
    expect(env.Docs.Documents.get(id).namedRanges).toBeUndefined();
    env.Docs.Documents.batchUpdate({ requests: [{ createNamedRange: { name: 'gone', range: { startIndex: 9, endIndex: 11 } } }] }, id);
    env.Docs.Documents.batchUpdate({ requests: [{ deleteContentRange: { range: { startIndex: 9, endIndex: 11 } } }] }, id);
    expect(named(env, id)).toEqual({});
  });

  test('copy keeps named ranges; the copy is independent', () => {
    const env = setup();
    const id = createDoc(env, 'Template', '<p>Hello {{name}}</p><table><tr><td>x</td></tr></table>');
    env.Docs.Documents.batchUpdate({ requests: [{ createNamedRange: { name: 'n', range: { startIndex: 7, endIndex: 15 } } }] }, id);
    const folder = env.Drive.Files.create({ name: 'Out', mimeType: FOLDER });
    const copy = env.Drive.Files.copy({ name: 'Copy', parents: [folder.id] }, id, { fields: 'id,name,parents,webViewLink' });
    expect(copy.id).not.toBe(id);
    expect(copy.name).toBe('Copy');
    expect(copy.parents).toEqual([folder.id]);
    expect(env.model.documentText(copy.id)).toBe(env.model.documentText(id));
    expect(Object.keys(env.Docs.Documents.get(copy.id).namedRanges)).toEqual(['n']);
    env.Docs.Documents.batchUpdate({ requests: [{ replaceNamedRangeContent: { namedRangeName: 'n', text: 'Ada' } }] }, copy.id);
    expect(env.model.documentText(copy.id)).toBe('Hello Ada\nx\n');
    expect(env.model.documentText(id)).toBe('Hello {{name}}\nx\n');
  });
});

describe('files.generateIds', () => {
  // Reference (files.generateIds): "Generates a set of file IDs which can be provided in create or
  // copy requests." Query parameter `count`: "The number of IDs to return."; the response is
  // { ids[], space, kind: "drive#generatedIds" }.
  test('ids for create and copy, each usable once; an id never generated is refused', () => {
    const env = setup();
    const res = env.Drive.Files.generateIds({ count: 3 });
    expect(res.kind).toBe('drive#generatedIds');
    expect(res.space).toBe('drive');
    expect(res.ids).toHaveLength(3);
    expect(new Set(res.ids).size).toBe(3);
    expect(env.Drive.Files.generateIds().ids).toHaveLength(10);
    const [folderId, docId, spare] = res.ids;
    const folder = env.Drive.Files.create({ id: folderId, name: 'Out', mimeType: FOLDER }, undefined, { fields: 'id,name' });
    expect(folder).toEqual({ id: folderId, name: 'Out' });
    const template = createDoc(env, 'Template', '<p>Hello</p>');
    const copy = env.Drive.Files.copy({ id: docId, name: 'Copy', parents: [folderId] }, template, { fields: 'id,parents' });
    expect(copy).toEqual({ id: docId, parents: [folderId] });
    expect(env.Docs.Documents.get(docId).body.content.length).toBeGreaterThan(0);
    const again = caught(() => env.Drive.Files.copy({ id: docId, name: 'Copy 2' }, template));
    expect(again.message).toMatch(/already exists with the provided ID/);
    expect(caught(() => env.Drive.Files.create({ id: '1notgeneratedbythisdrive000000000', name: 'X', mimeType: FOLDER })).message).toMatch(/not usable/);
    expect(caught(() => env.Drive.Files.generateIds({ count: 1001 })).message).toMatch(/between 1 and 1000/);
    // A generated id survives the workspace being saved and loaded.
    const restored = DriveModel.fromJSON(JSON.parse(JSON.stringify(env.model.toJSON())));
    expect(restored.claimId(spare)).toBe('ok');
    expect(restored.claimId(docId)).toBe('used');
  });
});

describe('Drive files', () => {
  test('update with HTML re-imports in place (same id); rename and move', () => {
    const env = setup();
    const a = env.Drive.Files.create({ name: 'A', mimeType: FOLDER });
    const b = env.Drive.Files.create({ name: 'B', mimeType: FOLDER });
    const id = createDoc(env, 'Doc', '<p>old</p>', [a.id]);
    env.clock.advance(60_000);
    const res = env.Drive.Files.update({ name: 'Doc v2' }, id, htmlBlob('<h1>New</h1><p>content</p>'), { addParents: b.id, removeParents: a.id, fields: 'id,name,parents,modifiedTime' });
    expect(res).toEqual({ id, name: 'Doc v2', parents: [b.id], modifiedTime: '2026-11-23T09:01:00.000Z' });
    expect(env.model.documentText(id)).toBe('New\ncontent');
    expect(env.model.file(id)!.revisions).toBe(2);
    const e = caught(() => env.Drive.Files.update({ parents: [a.id] }, id));
    expect(e.message).toContain('The parents field is not directly writable');
  });

  test('exported HTML re-imports to the same document', () => {
    const env = setup();
    const html = fs.readFileSync(path.join(FIXTURES, 'proposal-template.html'), 'utf8');
    const id = createDoc(env, 'Round', html);
    const exported = env.Drive.Files.export(id, 'text/html', { alt: 'media' }).getDataAsString();
    const copy = createDoc(env, 'Round 2', exported);
    expect(env.model.documentText(copy)).toBe(env.model.documentText(id));
    const strip = (d: Any) => JSON.stringify(d.body.content).replace(/kix\.[a-z0-9]+/g, 'kix');
    expect(strip(env.Docs.Documents.get(copy))).toBe(strip(env.Docs.Documents.get(id)));
  });

  test('list with q', () => {
    const env = setup();
    const folder = env.Drive.Files.create({ name: 'Dealboard', mimeType: FOLDER });
    createDoc(env, "Client's proposal", '<p>x</p>', [folder.id]);
    const other = createDoc(env, 'Invoice 1', '<p>y</p>', [folder.id]);
    createDoc(env, 'Elsewhere', '<p>z</p>');
    env.Drive.Files.update({ trashed: true }, other);
    const names = (q: string) => env.Drive.Files.list({ q, fields: 'files(id,name)' }).files.map((f: Any) => f.name).sort();
    expect(names(`'${folder.id}' in parents and trashed = false`)).toEqual(["Client's proposal"]);
    expect(names(`'${folder.id}' in parents`)).toEqual(["Client's proposal", 'Invoice 1']);
    expect(names(`name = 'Client\\'s proposal' and mimeType = '${DOC}'`)).toEqual(["Client's proposal"]);
    expect(names(`mimeType = '${FOLDER}'`)).toEqual(['Dealboard']);
    const all = env.Drive.Files.list({});
    expect(all.files[0]).toEqual({ kind: 'drive#file', id: expect.any(String), name: expect.any(String), mimeType: expect.any(String) });
    expect(caught(() => env.Drive.Files.list({ q: 'fullText contains "x"' })).message).toContain('Invalid Value');
  });

  test('remove deletes (with children); export needs alt=media and returns a blob', () => {
    const env = setup();
    const folder = env.Drive.Files.create({ name: 'F', mimeType: FOLDER });
    const id = createDoc(env, 'Doc', '<p>Plain <b>text</b></p>', [folder.id]);
    const txt = env.Drive.Files.export(id, 'text/plain', { alt: 'media' });
    expect(txt.getContentType()).toBe('text/plain');
    expect(txt.getDataAsString()).toBe('Plain text');
    expect(env.Drive.Files.export(id, 'text/html', { alt: 'media' }).getDataAsString()).toContain('<strong>text</strong>');
    const pdf = env.Drive.Files.export(id, 'application/pdf', { alt: 'media' });
    expect(pdf.getName()).toBe('Doc.pdf');
    expect(String.fromCharCode(...pdf.getBytes().slice(0, 5))).toBe('%PDF-');
    expect(caught(() => env.Drive.Files.export(id, 'application/pdf')).message).toContain('Export requires alt=media');
    expect(env.Drive.Files.remove(folder.id)).toBeUndefined();
    expect(env.model.file(id)).toBeUndefined();
    expect(caught(() => env.Drive.Files.get(id)).message).toBe(`API call to drive.files.get failed with error: File not found: ${id}.`);
    expect(env.Drive.Files.delete).toBeUndefined();
  });

  test('permissions: create, list, remove', () => {
    const env = setup();
    const id = createDoc(env, 'P', '<p>x</p>');
    const anyone = env.Drive.Permissions.create({ role: 'reader', type: 'anyone' }, id);
    expect(anyone).toEqual({ kind: 'drive#permission', id: 'anyoneWithLink', type: 'anyone', role: 'reader', allowFileDiscovery: false });
    const user = env.Drive.Permissions.create({ role: 'reader', type: 'user', emailAddress: 'Client@Example.com' }, id, { sendNotificationEmail: false });
    expect(user.emailAddress).toBe('client@example.com');
    const list = env.Drive.Permissions.list(id).permissions;
    expect(list.map((p: Any) => [p.type, p.role, p.emailAddress ?? null])).toEqual([
      ['user', 'owner', 'owner@studio.test'], ['anyone', 'reader', null], ['user', 'reader', 'client@example.com'],
    ]);
    expect(env.model.file(id)!.permissions.map((p) => p.role)).toEqual(['owner', 'reader', 'reader']);
    env.Drive.Permissions.remove(id, 'anyoneWithLink');
    expect(env.Drive.Permissions.list(id).permissions).toHaveLength(2);
    expect(caught(() => env.Drive.Permissions.create({ role: 'reader', type: 'user' }, id)).message).toContain('emailAddress');
    expect(caught(() => env.Drive.Permissions.remove(id, list[0].id)).message).toContain('owner');
  });

  test('drive.file: files the add-on did not create are not found', () => {
    const env = setup();
    const foreign = env.model.addFile({ name: 'Someone else\'s doc', html: '<p>secret</p>' });
    const foreignFolder = env.model.addFile({ name: 'Their folder', mimeType: FOLDER });
    const nf = `File not found: ${foreign.id}.`;
    expect(caught(() => env.Drive.Files.get(foreign.id)).message).toBe(`API call to drive.files.get failed with error: ${nf}`);
    expect(caught(() => env.Drive.Files.copy({ name: 'x' }, foreign.id)).message).toBe(`API call to drive.files.copy failed with error: ${nf}`);
    expect((caught(() => env.Drive.Files.export(foreign.id, 'application/pdf', { alt: 'media' })) as Any).details.code).toBe(404);
    expect(caught(() => env.Drive.Permissions.create({ role: 'reader', type: 'anyone' }, foreign.id)).message).toContain(nf);
    expect(caught(() => env.Drive.Files.create({ name: 'x', mimeType: FOLDER, parents: [foreignFolder.id] })).message).toContain(`File not found: ${foreignFolder.id}.`);
    expect(caught(() => env.Docs.Documents.get(foreign.id)).message).toBe('API call to docs.documents.get failed with error: Requested entity was not found.');
    expect(caught(() => env.DriveApp.getFileById(foreign.id)).message).toContain('No item with the given ID could be found');
    expect(caught(() => env.DocumentApp.openById(foreign.id)).message).toContain('Document is missing');
    expect(env.Drive.Files.list({}).files).toEqual([]);
    // with the full drive scope it is visible
    const full = setup({ scope: 'drive' });
    const f2 = full.model.addFile({ name: 'Theirs', html: '<p>visible</p>' });
    expect(full.Drive.Files.get(f2.id).name).toBe('Theirs');
  });

  test('daily quota of Docs created (create, copy, conversion), per virtual day', () => {
    const env = setup({ docsCreatePerDay: 3 });
    const a = createDoc(env, 'a', '<p>a</p>');
    env.Drive.Files.copy({}, a);
    env.Docs.Documents.create({ title: 'c' });
    env.Drive.Files.create({ name: 'folder', mimeType: FOLDER }); // not a Doc
    const e = caught(() => env.Drive.Files.copy({}, a));
    expect(e.message).toBe('Service invoked too many times for one day: docs create.');
    expect(String(e)).toBe('Exception: Service invoked too many times for one day: docs create.');
    expect(caught(() => env.DocumentApp.create('d')).message).toContain('docs create');
    expect(env.model.listFiles().filter((f) => f.mimeType === DOC)).toHaveLength(3);
    env.clock.advance(24 * 3600 * 1000);
    expect(env.Drive.Files.copy({}, a).id).toBeTruthy();
  });

  test('AuthMode.NONE refuses every call', () => {
    const env = setup();
    env.state.authMode = 'NONE';
    expect(caught(() => env.Drive.Files.list({})).message).toBe('You do not have permission to call Drive.Files.list.');
    expect(caught(() => env.Docs.Documents.create({ title: 'x' })).message).toBe('You do not have permission to call Docs.Documents.create.');
    expect(caught(() => env.DriveApp.getRootFolder()).message).toBe('You do not have permission to call DriveApp.getRootFolder.');
  });
});

describe('DriveApp and DocumentApp', () => {
  test('File: names, urls, sharing, getAs PDF', () => {
    const env = setup();
    const id = createDoc(env, 'Contract', '<p>Signed</p>');
    const file = env.DriveApp.getFileById(id);
    expect(file.getName()).toBe('Contract');
    expect(file.getMimeType()).toBe(DOC);
    expect(file.getUrl()).toBe(`https://docs.google.com/document/d/${id}/edit?usp=drivesdk`);
    expect(file.getSharingAccess()).toBe('PRIVATE');
    file.setSharing(env.DriveApp.Access.ANYONE_WITH_LINK, env.DriveApp.Permission.VIEW);
    expect(file.getSharingAccess()).toBe('ANYONE_WITH_LINK');
    expect(file.getSharingPermission()).toBe('VIEW');
    expect(env.model.file(id)!.permissions.find((p) => p.type === 'anyone')).toMatchObject({ role: 'reader', allowFileDiscovery: false });
    env.clock.advance(1000);
    file.setName('Contract (signed)');
    expect(file.getLastUpdated().toISOString()).toBe('2026-11-23T09:00:01.000Z');
    const pdf = file.getAs('application/pdf');
    expect(pdf.getContentType()).toBe('application/pdf');
    expect(pdf.getName()).toBe('Contract (signed).pdf');
    expect(caught(() => file.getAs('text/html')).message).toContain('not supported');
    const folder = env.DriveApp.createFolder('Archive');
    const txt = folder.createFile('notes.txt', 'hello', 'text/plain');
    expect(txt.getBlob().getDataAsString()).toBe('hello');
    expect(folder.getFiles().next().getName()).toBe('notes.txt');
    expect(env.DriveApp.getFolderById(folder.getId()).getUrl()).toBe(`https://drive.google.com/drive/folders/${folder.getId()}`);
  });

  test('File.isTrashed / setTrashed, and Drive v3 files.get trashed (issue 21: a trashed Doc still opens by id)', () => {
    // Reference, File.isTrashed(): "Determines whether the File is in the trash of the user's Drive."
    // File.setTrashed(trashed): "Sets whether the File is in the trash of the user's Drive."
    // Drive v3 File.trashed: "Whether the file has been trashed, either explicitly or from a trashed parent folder."
    const env = setup();
    const id = createDoc(env, 'Proposal', '<p>v1</p>');
    const file = env.DriveApp.getFileById(id);
    expect(file.isTrashed()).toBe(false);
    expect(file.setTrashed(true).getId()).toBe(id);
    expect(env.DriveApp.getFileById(id).isTrashed()).toBe(true);
    expect(env.Drive.Files.get(id, { fields: 'id,trashed' }).trashed).toBe(true);
    // Still readable by id while in the trash (Docs documents.get does not look at the trash).
    expect(env.Docs.Documents.get(id).documentId).toBe(id);
    file.setTrashed(false);
    expect(env.Drive.Files.get(id, { fields: 'id,trashed' }).trashed).toBe(false);
  });

  test('DocumentApp: open, read, replaceText, appendParagraph', () => {
    const env = setup();
    const doc = env.DocumentApp.create('Notes');
    const id = doc.getId();
    expect(doc.getUrl()).toBe(`https://docs.google.com/open?id=${id}`);
    const body = doc.getBody();
    body.appendParagraph('Dear {{name}},');
    body.appendParagraph('see {{name}} below');
    doc.saveAndClose();
    const again = env.DocumentApp.openById(id);
    const b = again.getBody();
    b.replaceText('\\{\\{name\\}\\}', 'Ada');
    expect(b.getText()).toBe('\nDear Ada,\nsee Ada below');
    const paras = b.getParagraphs();
    expect(paras.map((p: Any) => p.getText())).toEqual(['', 'Dear Ada,', 'see Ada below']);
    paras[0].setText('Title');
    paras[0].setHeading(env.DocumentApp.ParagraphHeading.HEADING1);
    expect(env.Docs.Documents.get(id).body.content[1].paragraph.paragraphStyle.namedStyleType).toBe('HEADING_1');
    expect(env.model.documentText(id)).toBe('Title\nDear Ada,\nsee Ada below');
    const tdoc = createDoc(env, 'T', '<table><tr><td>a</td><td>b</td></tr></table>');
    const table = env.DocumentApp.openById(tdoc).getBody().getTables()[0];
    expect(table.getNumRows()).toBe(1);
    expect(table.getCell(0, 1).getText()).toBe('b');
  });

  test('editDocumentAsOwner edits a template as its owner would (uncounted)', () => {
    const env = setup();
    const id = createDoc(env, 'Template', '<h1>Offer</h1><p>Hello {{name}}</p>');
    env.calls.reset();
    env.model.editDocumentAsOwner(id, (d) => {
      const paras = d.paragraphs();
      expect(paras.map((p) => p.text)).toEqual(['Offer', 'Hello {{name}}']);
      d.setParagraphText(1, 'Dear {{name}},');
      d.appendParagraph('Best, {{owner}}');
    });
    expect(env.model.documentText(id)).toBe('Offer\nDear {{name}},\nBest, {{owner}}');
    expect(env.calls.summary().total).toBe(0);
  });
});

describe('call counting', () => {
  test('each method call counted once by class; internals not counted', () => {
    const env = setup();
    const folder = env.Drive.Files.create({ name: 'F', mimeType: FOLDER });
    const id = createDoc(env, 'Doc', '<p>{{a}} {{b}}</p>', [folder.id]);
    env.calls.reset();
    env.Docs.Documents.batchUpdate({ requests: [
      { replaceAllText: { containsText: { text: '{{a}}' }, replaceText: '1' } },
      { replaceAllText: { containsText: { text: '{{b}}' }, replaceText: '2' } },
    ] }, id);
    env.Docs.Documents.get(id);
    env.Drive.Files.copy({ name: 'c' }, id);
    env.Drive.Permissions.create({ role: 'reader', type: 'anyone' }, id);
    const file = env.DriveApp.getFileById(id);
    file.getAs('application/pdf');
    file.getName();
    expect(env.calls.byMethod()).toEqual({
      'DocsDocuments.batchUpdate': 1, 'DocsDocuments.get': 1, 'DriveApp.getFileById': 1, 'DriveFiles.copy': 1,
      'DrivePermissions.create': 1, 'File.getAs': 1, 'File.getName': 1,
    });
    const s = env.calls.summary();
    expect(s.byCategory.docs).toBe(2);
    expect(s.byCategory.drive).toBe(4);
    expect(s.byCategory.handle).toBe(1);
  });
});

describe('persistence', () => {
  test('toJSON / fromJSON round trip', () => {
    const env = setup();
    const folder = env.Drive.Files.create({ name: 'F', mimeType: FOLDER });
    const id = createDoc(env, 'Doc', '<h1>T</h1><p>a</p><table><tr><td>x</td></tr></table>', [folder.id]);
    env.Docs.Documents.batchUpdate({ requests: [{ createNamedRange: { name: 'n', range: { startIndex: 1, endIndex: 2 } } }] }, id);
    const pdfFile = env.Drive.Files.create({ name: 'b.pdf', mimeType: 'application/pdf' }, new DriveBlob(new Uint8Array([0, 255, 128, 7]), 'application/pdf'));
    env.model.addFile({ name: 'foreign', html: '<p>f</p>' });
    const json = JSON.parse(JSON.stringify(env.model.toJSON()));
    const m2 = DriveModel.fromJSON(json);
    expect(m2.toJSON()).toEqual(json);
    expect(m2.documentText(id)).toBe(env.model.documentText(id));
    expect(m2.documentJson(id)).toEqual(env.model.documentJson(id));
    expect(Array.from(m2.file(pdfFile.id)!.content!)).toEqual([0, 255, 128, 7]);
    expect(m2.listFiles().map((f) => [f.id, f.createdByApp])).toEqual(env.model.listFiles().map((f) => [f.id, f.createdByApp]));
    // the id generator continues where it stopped
    const next1 = env.model.newFileId(DOC);
    const next2 = m2.newFileId(DOC);
    expect(next2).toBe(next1);
  });

  test('ids are deterministic per seed', () => {
    const a = setup();
    const b = setup();
    expect(createDoc(a, 'x', '<p>x</p>')).toBe(createDoc(b, 'x', '<p>x</p>'));
  });
});

describe('PDF export', () => {
  function proposal(env: ReturnType<typeof setup>, rows = 10): string {
    const lines = Array.from({ length: rows }, (_, i) => `<tr><td>Line item ${i + 1}: ${i % 3 === 0 ? 'Senior design work with workshops and two review rounds' : 'Development'}</td><td>${i + 1}</td><td>${(100 * (i + 1)).toFixed(2)} €</td><td>${(100 * (i + 1) * (i + 1)).toFixed(2)} €</td></tr>`).join('');
    return createDoc(env, 'Proposal PRO-2026-014', `<h1>Proposal: Website relaunch</h1>
      <p>Prepared for <b>Ada Lovelace</b>, Acme GmbH<br>23 November 2026</p>
      <h2>Scope</h2><p>Discovery, design, build and launch of the new website, in two phases.</p>
      <h2>Line items</h2>
      <table><tr><th>Item</th><th>Qty</th><th>Unit price</th><th>Amount</th></tr>${lines}
      <tr><td><b>Total</b></td><td></td><td></td><td><b>38,500.00 €</b></td></tr></table>
      <h3>Terms</h3><p>Payment within 30 days of invoice.</p><p>Kind regards,<br>Studio Owner</p>`);
  }

  test('renders a deterministic PDF with extractable text', () => {
    const env = setup();
    const id = proposal(env);
    const pdf = renderPdf(env.model, id) as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(Buffer.compare(pdf, renderPdf(env.model, id) as Buffer)).toBe(0);
    const viaExport = Buffer.from(env.Drive.Files.export(id, 'application/pdf', { alt: 'media' }).getBytes().map((b: number) => b & 255));
    expect(Buffer.compare(pdf, viaExport)).toBe(0);
    if (!haveTool('pdftotext')) {
      if (process.env.CI) throw new Error('pdftotext is required in CI (apt-get install poppler-utils)');
      return;
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drive-pdf-'));
    const file = path.join(dir, 'p.pdf');
    fs.writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Proposal: Website relaunch');
    expect(text).toContain('Ada Lovelace');
    expect(text).toContain('Line item 10');
    expect(text).toContain('38,500.00 €');
    expect(text).toContain('Page 1 of');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
  });

  test('long tables break across pages with page numbers', () => {
    const env = setup();
    const id = proposal(env, 60);
    const pdf = renderPdf(env.model, id) as Buffer;
    if (!haveTool('pdftotext')) {
      if (process.env.CI) throw new Error('pdftotext is required in CI (apt-get install poppler-utils)');
      return;
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drive-pdf-'));
    const file = path.join(dir, 'long.pdf');
    fs.writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text).toContain('Line item 60');
    // the header row is repeated on the next page
    expect(text.split('Unit price').length - 1).toBeGreaterThanOrEqual(2);
  });
});
