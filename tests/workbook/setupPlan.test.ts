import { columnLetter, planColumns } from '../../src/workbook/setupPlan';
import { DEALS, TABS } from '../../src/workbook/schema';

describe('planColumns', () => {
  it('adds every column to an empty tab', () => {
    const plan = planColumns(DEALS, []);
    expect(plan.add.map((c) => c.key)).toEqual(DEALS.columns.map((c) => c.key));
    expect(plan.startColumn).toBe(1);
  });

  it('appends only the missing columns after the user\'s, never reordering', () => {
    const existing = DEALS.columns.filter((c) => c.key !== 'notes').map((c) => c.header).reverse();
    existing.push('Our own column');
    const plan = planColumns(DEALS, existing);
    expect(plan.add.map((c) => c.key)).toEqual(['notes']);
    expect(plan.startColumn).toBe(existing.length + 1);
    expect(plan.headerAfter.slice(0, existing.length)).toEqual(existing);
  });

  it('is a no-op on a complete tab', () => {
    for (const tab of TABS) expect(planColumns(tab, tab.columns.map((c) => c.header)).add).toEqual([]);
  });
});

describe('schema', () => {
  it('gives every tab a stable id column that exists in its columns', () => {
    for (const tab of TABS) expect(tab.columns.some((c) => c.key === tab.idColumn)).toBe(true);
  });

  it('has unique headers per tab', () => {
    for (const tab of TABS) {
      const headers = tab.columns.map((c) => c.header.toLowerCase());
      expect(new Set(headers).size).toBe(headers.length);
    }
  });

  it('names columns with letters as Sheets does', () => {
    expect(columnLetter(1)).toBe('A');
    expect(columnLetter(26)).toBe('Z');
    expect(columnLetter(27)).toBe('AA');
    expect(columnLetter(703)).toBe('AAA');
  });
});
