// Issue 25 (leftover): the Briefs tab holds the questions every client's form is built from, so it
// belongs to the owner like Settings and Notifications: setup protects it for the owner alone, and
// a manager's edit that gets through anyway (the protection lifted) is put back and audited.
import { demoWorkspace, records } from './harness';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

const PROTECTED = 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

function questionCell(ws: Any): { row: number; col: number; before: unknown } {
  const values = ws.readSheet('Briefs').values as unknown[][];
  const col = (values[0] as string[]).indexOf('Question') + 1;
  expect(values.length).toBeGreaterThan(1); // setup seeded the starter questions
  return { row: 2, col, before: values[1][col - 1] };
}

describe('the Briefs tab belongs to the owner', () => {
  test('setup protects it for the owner alone: a manager and a head are refused, the owner types as before', () => {
    const { ws, addon } = demoWorkspace(80);
    addon.setupWorkbook();
    const sheetProtections = ws.readSheet('Briefs').protections.filter((p: Any) => p.type === 'SHEET');
    expect(sheetProtections).toEqual([expect.objectContaining({ description: 'Dealboard: kept by the owner', warningOnly: false })]);
    const cell = questionCell(ws);
    ws.setUser('anna@studio.test');
    expect(() => ws.editCell('Briefs', cell.row, cell.col, 'Send us your password')).toThrow(PROTECTED);
    ws.setUser('head@studio.test');
    expect(() => ws.editCell('Briefs', cell.row, cell.col, 'Send us your password')).toThrow(PROTECTED);
    expect((ws.readSheet('Briefs').values as unknown[][])[cell.row - 1][cell.col - 1]).toBe(cell.before);
    ws.setUser('owner@studio.test');
    ws.editCell('Briefs', cell.row, cell.col, 'What does your business do?');
    expect((ws.readSheet('Briefs').values as unknown[][])[cell.row - 1][cell.col - 1]).toBe('What does your business do?');
    expect(records(ws, 'Activities').some((a) => String(a.Summary).includes('not the owner'))).toBe(false);
  });

  test('with the protection lifted, a manager\'s edit of a question is put back and audited', () => {
    const { ws } = demoWorkspace(80);
    ws.execute(() => {
      const app = ws.globals.SpreadsheetApp as Any;
      app.getActive().getSheetByName('Briefs').getProtections(app.ProtectionType.SHEET)[0].remove();
    });
    const cell = questionCell(ws);
    ws.setUser('anna@studio.test');
    ws.editCell('Briefs', cell.row, cell.col, 'Send us your password');
    expect((ws.readSheet('Briefs').values as unknown[][])[cell.row - 1][cell.col - 1]).toBe(cell.before);
    expect(records(ws, 'Activities').some((a) => a.User === 'anna@studio.test' && String(a.Summary).includes('Briefs row 2, Question')
      && String(a.Summary).includes('not the owner') && String(a.Summary).includes('put back'))).toBe(true);
  });
});
