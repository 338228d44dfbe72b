// Issue 21: number text in a de_DE workbook is read with the spreadsheet's separators. A Price
// list cell holding the text "1.500" is fifteen hundred euros, not one euro fifty; a price the
// locale cannot read one way only ("12.99") is not offered at a guessed price but listed.
import { freshWorkspace } from './harness';

/* eslint-disable @typescript-eslint/no-explicit-any */
describe('number text in a de_DE workbook', () => {
  it('reads a Catalog "1.500" as 1500 and lists an ambiguous "12.99" instead of guessing', () => {
    const { ws, addon } = freshWorkspace({ locale: 'de_DE' });
    addon.setupWorkbook();
    const sheet = ws.readSheet('Catalog').values as unknown[][];
    const header = sheet[0].map(String);
    const priceAt = header.indexOf('Unit price');
    const codeAt = header.indexOf('Code');
    expect(sheet.length).toBeGreaterThanOrEqual(3);
    const first = sheet[1].slice();
    const second = sheet[2].slice();
    first[priceAt] = '1.500';
    second[priceAt] = '12.99';
    // Text as pasted from elsewhere (a fixture write keeps it as text, as a text-formatted cell would).
    ws.writeRows('Catalog', 2, [first, second]);
    expect(ws.readSheet('Catalog').values[1][priceAt]).toBe('1.500');

    const catalog = addon.api_getCatalog();
    const item = catalog.items.find((i: any) => i.code === String(first[codeAt]));
    expect(item.unitPriceMinor).toBe(150000);
    expect(catalog.items.find((i: any) => i.code === String(second[codeAt]))).toBeUndefined();
    expect(catalog.problems).toEqual([expect.objectContaining({ tab: 'Catalog', row: 3, column: 'Unit price', value: '12.99' })]);
    expect(catalog.problems[0].why).toMatch(/^ambiguous number "12.99": in this spreadsheet's locale "," marks decimals/);
  });
});
