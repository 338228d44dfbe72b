import { decodeCell, decodeRow, encodeRow, formulaSafe, parseNumber, Problem } from '../../src/workbook/codec';
import { mapHeaders, requireSchemaColumns } from '../../src/workbook/headers';
import { CATALOG, DEALS } from '../../src/workbook/schema';
import { localDates } from '../../src/domain/kernel/timezone';

const dates = localDates('Europe/Berlin');
const column = (key: string) => DEALS.columns.filter((c) => c.key === key)[0];

describe('header mapping', () => {
  it('finds columns by header text whatever the order, case and spacing', () => {
    const map = mapHeaders(DEALS, ['my own column', 'STAGE', ' id ', 'Next  contact', 'title']);
    expect(map.index.stage).toBe(1);
    expect(map.index.id).toBe(2);
    expect(map.index.nextContactAt).toBe(3);
    expect(map.index.title).toBe(4);
    expect(map.missing).toContain('forecast');
  });

  it('names the tab and column that are missing and suggests setup', () => {
    const map = mapHeaders(DEALS, ['ID', 'Title']);
    expect(() => requireSchemaColumns(DEALS, map)).toThrow('The "Deals" tab has no "Stage" column. Run Dealboard → Set up workbook to add it.');
  });
});

describe('cells', () => {
  it('decodes dates, numbers, checkboxes and enums leniently', () => {
    expect(decodeCell(column('budget'), '1.234,50 €', dates)).toEqual({ ok: true, value: 1234.5 });
    expect(decodeCell(column('budget'), 'lots', dates)).toEqual({ ok: false, why: 'not a number' });
    expect(decodeCell(column('expectedClose'), '2026-12-01', dates)).toEqual({ ok: true, value: new Date('2026-11-30T23:00:00Z') });
    expect(decodeCell(column('expectedClose'), 'next friday', dates)).toEqual({ ok: false, why: 'not a date' });
    expect(decodeCell(column('estimateSent'), 'yes', dates)).toEqual({ ok: true, value: true });
    expect(decodeCell(column('estimateSent'), 'maybe', dates).ok).toBe(false);
    expect(decodeCell(column('stage'), 'Negotiation', dates)).toEqual({ ok: true, value: 'negotiation' });
    expect(decodeCell(column('stage'), 'won', dates).ok).toBe(false);
    expect(decodeCell(column('title'), '', dates)).toEqual({ ok: true, value: '' });
  });

  it('parses both decimal conventions', () => {
    expect(parseNumber('1,234.50')).toBe(1234.5);
    expect(parseNumber('1.234,50')).toBe(1234.5);
    expect(parseNumber('abc')).toBeNull();
  });

  it('never lets text become a formula', () => {
    expect(formulaSafe('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(formulaSafe('+49 30 123')).toBe(`'+49 30 123`);
    expect(formulaSafe('-5')).toBe(`'-5`);
    expect(formulaSafe('@me')).toBe(`'@me`);
    expect(formulaSafe('plain')).toBe('plain');
  });
});

describe('rows', () => {
  const header = ['ID', 'Title', 'Stage', 'Budget', 'Expected close', 'Private note'];
  const map = mapHeaders(DEALS, header);

  it('reports bad cells with tab, row, column, value and why, and keeps going', () => {
    const problems: Problem[] = [];
    const row = decodeRow(DEALS, map, ['D-1', 'Site', 'won', 'lots', '2026-12-01', 'mine'], 7, dates, problems);
    expect(row.invalid).toEqual(['stage', 'budget']);
    expect(row.record.title).toBe('Site');
    expect(problems).toEqual([
      { tab: 'Deals', row: 7, column: 'Stage', value: 'won', why: 'not a stage (one of: New, Negotiation, Transferred to work, Frozen, Failed, Completed)' },
      { tab: 'Deals', row: 7, column: 'Budget', value: 'lots', why: 'not a number' },
    ]);
  });

  it('writes only its own columns and keeps the user\'s cells', () => {
    const base = ['D-1', 'Site', 'new', 100, '', 'keep me'];
    const row = encodeRow(DEALS, map, { stage: 'negotiation', title: '=cmd()' }, dates, base);
    expect(row).toEqual(['D-1', `'=cmd()`, 'Negotiation', 100, '', 'keep me']);
  });
});

describe('number text read with the spreadsheet locale (issue 21)', () => {
  const catalog = (key: string) => CATALOG.columns.filter((c) => c.key === key)[0];
  const german = localDates('Europe/Berlin', () => ',');

  it('reads a Price list "1.500" as 1500 in a de_DE spreadsheet, 1.5 in en_US', () => {
    expect(decodeCell(catalog('unitPrice'), '1.500', german)).toEqual({ ok: true, value: 1500 });
    expect(decodeCell(catalog('unitPrice'), '1.500', localDates('Europe/Berlin', () => '.'))).toEqual({ ok: true, value: 1.5 });
    expect(decodeCell(catalog('defaultQuantity'), '2,5', german)).toEqual({ ok: true, value: 2.5 });
  });

  it('lists an ambiguous price as a problem and keeps no number for it', () => {
    const headers = CATALOG.columns.map((c) => c.header);
    const raw = CATALOG.columns.map((c) => (c.key === 'unitPrice' ? '12.99' : c.key === 'code' ? 'I-1' : ''));
    const problems: Problem[] = [];
    const row = decodeRow(CATALOG, mapHeaders(CATALOG, headers), raw, 2, german, problems);
    expect(row.record.unitPrice).toBeNull();
    expect(row.invalid).toEqual(['unitPrice']);
    expect(problems).toEqual([expect.objectContaining({ tab: 'Catalog', row: 2, column: 'Unit price', value: '12.99' })]);
    expect(problems[0].why).toMatch(/^ambiguous number "12.99"/);
  });
});
