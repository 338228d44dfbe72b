// The XLSX reader and the zip check are bounded (issue 20, item 8): crafted small files that
// used to run the process out of memory are refused with the limits in the sentence.
import { readXlsxRows, sheetRows, XLSX_LIMITS, columnLetters } from '../../../src/domain/clients/xlsxRead';
import { MAX_INFLATED_BYTES, inflatedRefusal, zipDirectory, zipRefusal } from '../../../src/domain/clients/zipDirectory';
import { buildXlsx, buildZip, cell } from './zipFixture';

const sheet = (rows: string) => `<worksheet><sheetData>${rows}</sheetData></worksheet>`;

describe('sheet rows are bounded', () => {
  test('a value at row 2,000,000,000 is refused with the limit; an empty row there is passed over', () => {
    expect(() => sheetRows(sheet(`<row r="1">${cell('A1', 'Name')}</row><row r="2000000000">${cell('A2000000000', 'x')}</row>`), []))
      .toThrow('row 2000000000 holds a value; an import reads at most 100,000 rows.');
    const rows = sheetRows(sheet(`<row r="1">${cell('A1', 'Name')}</row><row r="2">${cell('A2', 'Ann')}</row><row r="2000000000"/><row r="2000000001"><c r="A2000000001" s="3"/></row>`), []);
    expect(rows).toEqual([['Name'], ['Ann']]);
  });

  test('a value at ZZZZZZZ1 is refused with the column limit; an empty cell there is passed over', () => {
    expect(() => sheetRows(sheet(`<row r="1">${cell('A1', 'Name')}${cell('ZZZZZZZ1', 'x')}</row>`), []))
      .toThrow(`cell ZZZZZZZ1 holds a value beyond column ${columnLetters(XLSX_LIMITS.columns - 1)}; an import reads at most ${XLSX_LIMITS.columns} columns.`);
    expect(sheetRows(sheet(`<row r="1">${cell('A1', 'Name')}<c r="ZZZZZZZ1" s="1"/></row>`), [])).toEqual([['Name']]);
    expect(columnLetters(0)).toBe('A');
    expect(columnLetters(25)).toBe('Z');
    expect(columnLetters(26)).toBe('AA');
    expect(columnLetters(199)).toBe('GR');
  });

  test('filled cells are counted', () => {
    const rows = Array.from({ length: 5 }, (_, i) => `<row r="${i + 1}">${cell(`A${i + 1}`, 'a')}${cell(`B${i + 1}`, 'b')}</row>`).join('');
    expect(sheetRows(sheet(rows), [], { rows: 10, columns: 5, cells: 10 })).toHaveLength(5);
    expect(() => sheetRows(sheet(rows), [], { rows: 10, columns: 5, cells: 9 })).toThrow('the sheet holds more than 9 filled cells, the most an import reads.');
  });

  test('the 915-byte file of the report reads (refused) in no time', () => {
    const xml = sheet(`<row r="1">${cell('A1', 'Name')}</row><row r="2000000000">${cell('A2000000000', 'Evil')}</row>`);
    expect(xml.length).toBeLessThan(915);
    const started = process.hrtime.bigint();
    expect(() => readXlsxRows([{ path: 'xl/worksheets/sheet1.xml', text: xml }])).toThrow('an import reads at most');
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(1000);
  });
});

describe('the zip is measured before it is unzipped', () => {
  test('the table of contents is read without inflating: names and declared sizes', () => {
    const zip = buildXlsx(`<row r="1">${cell('A1', 'Name')}</row>`, [{ name: 'docProps/app.xml', data: Buffer.from('<x/>') }]);
    const entries = zipDirectory(Array.from(zip).map((b) => (b > 127 ? b - 256 : b)))!;
    expect(entries.map((e) => e.name)).toEqual(['xl/worksheets/sheet1.xml', 'docProps/app.xml']);
    expect(entries[1]).toEqual(expect.objectContaining({ uncompressedSize: 4 }));
    expect(zipRefusal(entries)).toBe('');
    expect(zipDirectory(Buffer.from('Name,Phone\nAnn,1'))).toBeNull();
  });

  test('a zip bomb (300 KB declaring 1.3 GB) is refused from its declared sizes, with the limit', () => {
    const bomb = buildZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(300 * 1024, 32), declaredSize: 1300 * 1024 * 1024 }]);
    expect(zipRefusal(zipDirectory(bomb)!)).toBe('it unpacks to 1300 MB; an import unpacks at most 50 MB. Save the client list alone as .xlsx or CSV.');
    // ZIP64 markers (4 GB or more) and too many files.
    expect(zipRefusal([{ name: 'a', compressedSize: 1, uncompressedSize: 0xffffffff }])).toContain('more than 4 GB');
    expect(zipRefusal(Array.from({ length: 501 }, (_, i) => ({ name: `f${i}`, compressedSize: 1, uncompressedSize: 1 })))).toBe('it holds 501 files; an import unzips at most 500.');
  });

  test('what unzip returned is measured again (an archive may declare less than it holds)', () => {
    expect(inflatedRefusal([MAX_INFLATED_BYTES - 10, 10])).toBe('');
    expect(inflatedRefusal([MAX_INFLATED_BYTES, 1])).toContain('more than 50 MB');
  });
});
