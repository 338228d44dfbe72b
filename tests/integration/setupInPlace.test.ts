// Issue 26 (setup on a set-up workbook): setup skips what is already in place, decided from the
// reads it makes anyway (the tab's conditional format rules, row 2's validations in one read),
// and still repairs what a person changed or removed.
import { freshWorkspace } from './harness';

/* eslint-disable @typescript-eslint/no-explicit-any */
const book = (ws: any) => ws.globals.SpreadsheetApp.getActive();

describe('setup on a set-up workbook', () => {
  it('rebuilds no rule or validation that is in place, one validations read per tab, and repairs a changed colour and a removed checkbox', () => {
    const { ws, addon } = freshWorkspace();
    addon.setupWorkbook();
    const rules = () => ws.calls.uncounted(() => book(ws).getSheetByName('Deals').getConditionalFormatRules()
      .map((r: any) => [r.getRanges().map((g: any) => g.getA1Notation()).join(','), r.getBooleanCondition().getCriteriaValues().join(), r.getBooleanCondition().getBackground()]));
    const wanted = rules();
    expect(wanted.length).toBeGreaterThan(0);

    ws.calls.reset();
    addon.setupWorkbook();
    const calls = ws.calls.byMethod();
    expect(calls['Sheet.setConditionalFormatRules'] || 0).toBe(0);
    expect(calls['SpreadsheetApp.newConditionalFormatRule'] || 0).toBe(0);
    expect(calls['Range.setDataValidation'] || 0).toBe(0);
    expect(calls['SpreadsheetApp.newDataValidation'] || 0).toBe(0);
    // One read of row 2's rules per tab that has a checkbox or list of its own, never one per column.
    expect(calls['Range.getDataValidation'] || 0).toBe(0);
    expect(rules()).toEqual(wanted);

    // A person recolours our "red" rule and clears a checkbox column's rule: setup puts both back.
    ws.calls.uncounted(() => {
      const sheet = book(ws).getSheetByName('Deals');
      const all = sheet.getConditionalFormatRules();
      all[0] = all[0].copy().setBackground('#000000').build();
      sheet.setConditionalFormatRules(all);
      const clients = book(ws).getSheetByName('Clients');
      const header = clients.getRange(1, 1, 1, clients.getLastColumn()).getValues()[0];
      clients.getRange(2, header.indexOf('Call back') + 1, clients.getMaxRows() - 1, 1).clearDataValidations();
    });
    expect(rules()).not.toEqual(wanted);
    addon.setupWorkbook();
    expect(rules()).toEqual(wanted);
    const clients = ws.readSheet('Clients');
    const at = (clients.values[0] as string[]).indexOf('Call back');
    expect(clients.validations[1][at]).toMatchObject({ type: 'CHECKBOX' });
  });

  it('decides a Settings-fed dropdown by its values alone (no criteria type asked) and still repairs one replaced by a range, a checkbox or another list', () => {
    const { ws, addon } = freshWorkspace();
    addon.setupWorkbook();
    ws.calls.reset();
    addon.setupWorkbook();
    expect(ws.calls.byMethod()['DataValidation.getCriteriaType'] || 0).toBe(0);
    expect(ws.calls.byMethod()['Range.setDataValidation'] || 0).toBe(0);

    const columnOf = (tab: string, header: string) => (ws.readSheet(tab).values[0] as string[]).indexOf(header) + 1;
    const stage = columnOf('Deals', 'Stage');
    const group = columnOf('Clients', 'Group');
    const gates = columnOf('Checkpoints', 'Gates stage');
    ws.calls.uncounted(() => {
      const deals = book(ws).getSheetByName('Deals');
      const settings = book(ws).getSheetByName('Settings');
      // A list taken from a range of cells holding the very same names: not ours, rebuilt.
      deals.getRange(2, stage, deals.getMaxRows() - 1, 1).setDataValidation(
        ws.globals.SpreadsheetApp.newDataValidation().requireValueInRange(settings.getRange('B2:B7'), true).setAllowInvalid(true).build());
      const clients = book(ws).getSheetByName('Clients');
      clients.getRange(2, group, clients.getMaxRows() - 1, 1).setDataValidation(
        ws.globals.SpreadsheetApp.newDataValidation().requireValueInList(['Only this'], true).setAllowInvalid(true).build());
      const checkpoints = book(ws).getSheetByName('Checkpoints');
      checkpoints.getRange(2, gates, checkpoints.getMaxRows() - 1, 1).setDataValidation(
        ws.globals.SpreadsheetApp.newDataValidation().requireCheckbox().build());
    });
    addon.setupWorkbook();
    expect(ws.readSheet('Deals').validations[1][stage - 1]).toMatchObject({ type: 'VALUE_IN_LIST', values: [['New', 'Negotiation', 'Transferred to work', 'Frozen', 'Failed', 'Completed'], true] });
    expect(ws.readSheet('Clients').validations[1][group - 1]).toMatchObject({ type: 'VALUE_IN_LIST' });
    expect(ws.readSheet('Clients').validations[1][group - 1].values[0]).not.toEqual(['Only this']);
    expect(ws.readSheet('Checkpoints').validations[1][gates - 1]).toMatchObject({ type: 'VALUE_IN_LIST', values: [['New', 'Negotiation', 'Transferred to work', 'Frozen', 'Failed', 'Completed'], true] });
  });
});
