// Hostile import files through the bundle (issue 20, item 8): each is refused with a sentence
// that gives the limit, and a zip bomb is refused before Utilities.unzip inflates anything.
import { freshWorkspace, measure, runFromClient, Workspace, Addon } from './harness';
import { buildXlsx, buildZip, cell } from '../domain/clients/zipFixture';

function refusal(ws: Workspace, addon: Addon, upload: Record<string, unknown>): string {
  const reply = runFromClient(ws, addon, 'api_prepareImport', [upload]);
  expect(reply.ok).toBe(false);
  return reply.error.message;
}

function workbook() {
  const { ws, addon } = freshWorkspace();
  addon.setupWorkbook();
  return { ws, addon };
}

const xlsx = (fileName: string, bytes: Buffer) => ({ fileName, kind: 'xlsx', content: bytes.toString('base64') });

describe('hostile import files are refused with the limits in the sentence', () => {
  test('a zip bomb (60 MB of one byte, ~60 KB zipped) is refused before anything is inflated', () => {
    const { ws, addon } = workbook();
    const bomb = buildZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(60 * 1024 * 1024, 32) }]);
    expect(bomb.length).toBeLessThan(100 * 1024);
    const { result, calls } = measure(ws, () => refusal(ws, addon, xlsx('bomb.xlsx', bomb)));
    expect(result).toBe('bomb.xlsx cannot be imported: it unpacks to 60 MB; an import unpacks at most 50 MB. Save the client list alone as .xlsx or CSV.');
    expect(calls.byMethod['Utilities.unzip']).toBeUndefined();
  });

  test('an archive that declares less than it holds is refused once unzipped', () => {
    const { ws, addon } = workbook();
    const liar = buildZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(51 * 1024 * 1024, 32), declaredSize: 1000 }]);
    expect(refusal(ws, addon, xlsx('liar.xlsx', liar))).toBe('liar.xlsx cannot be imported: it unpacks to more than 50 MB, the most an import unpacks. Save the client list alone as .xlsx or CSV.');
  });

  test('a small .xlsx with a value at row 2,000,000,000 or at ZZZZZZZ1 is refused at once', () => {
    const { ws, addon } = workbook();
    const farDown = buildXlsx(`<row r="1">${cell('A1', 'Name')}</row><row r="2000000000">${cell('A2000000000', 'Evil')}</row>`);
    expect(farDown.length).toBeLessThan(915);
    expect(refusal(ws, addon, xlsx('far.xlsx', farDown))).toBe('far.xlsx: row 2000000000 holds a value; an import reads at most 100,000 rows.');
    const farRight = buildXlsx(`<row r="1">${cell('A1', 'Name')}${cell('ZZZZZZZ1', 'Evil')}</row><row r="2">${cell('A2', 'Ann')}</row>`);
    expect(refusal(ws, addon, xlsx('wide.xlsx', farRight))).toBe('wide.xlsx: cell ZZZZZZZ1 holds a value beyond column GR; an import reads at most 200 columns.');
    // Empty formatted rows far down are passed over: the file imports.
    const formatted = buildXlsx(`<row r="1">${cell('A1', 'Name')}</row><row r="2">${cell('A2', 'Ann')}</row><row r="1048576" s="2"/>`);
    const reply = runFromClient(ws, addon, 'api_prepareImport', [xlsx('ok.xlsx', formatted)]);
    expect(reply.ok).toBe(true);
    expect(reply.value.rowCount).toBe(1);
  });

  test('a CSV with 10,000 columns gets a real sentence', () => {
    const { ws, addon } = workbook();
    const header = Array.from({ length: 10000 }, (_, i) => `C${i}`).join(',');
    const row = Array.from({ length: 10000 }, () => 'x').join(',');
    expect(refusal(ws, addon, { fileName: 'wide.csv', kind: 'csv', content: `${header}\r\n${row}\r\n` }))
      .toBe('wide.csv has 10,000 columns; an import reads at most 200. Delete the columns you do not need (or save only the client list) and upload it again.');
  });
});
