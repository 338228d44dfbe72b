// Range.randomize against the Apps Script reference: "Randomizes the order of the rows in the given range."
import { createWorkspace } from '../../scripts/emulator/workspace';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

const rows = [[1, 'a'], [2, 'b'], [3, 'c'], [4, 'd'], [5, 'e']];
const byFirst = (grid: unknown[][]) => [...grid].sort((x, y) => Number(x[0]) - Number(y[0]));

function shuffled(): unknown[][][] {
  const ws = createWorkspace({ now: '2026-11-23T09:00:00Z', user: 'owner@studio.test' });
  return ws.execute(() => {
    const sheet = (ws.globals as Any).SpreadsheetApp.getActive().getSheets()[0];
    const range = sheet.getRange(2, 2, rows.length, 2).setValues(rows);
    sheet.getRange('B2').setBackground('#ff0000');
    const out = [range.randomize().getValues(), range.randomize().getValues()];
    // The row's formats go with it: the red cell is where the 1 is now.
    const at = range.getValues().findIndex((r: unknown[]) => r[0] === 1);
    expect(sheet.getRange(2 + at, 2).getBackground()).toBe('#ff0000');
    expect(sheet.getRange('A1').getValue()).toBe('');
    return out;
  });
}

test('randomize: the rows of the range in another order, each row whole; repeatable from run to run', () => {
  const [first, second] = shuffled();
  expect(first).not.toEqual(rows);
  expect(byFirst(first)).toEqual(rows);
  expect(byFirst(second)).toEqual(rows);
  // The emulator's shuffle is seeded: a second workspace gives the same orders.
  expect(shuffled()).toEqual([first, second]);
});
