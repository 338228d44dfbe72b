// Browser's dialogs, the deprecated Range members old scripts still call, and Range.copyTo's
// argument forms, against the Apps Script reference (Class Browser, Class Range), quoted per test.
import { createWorkspace } from '../../scripts/emulator/workspace';
import { caught } from './fixtures/context';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

function fresh() {
  const ws = createWorkspace({ now: '2026-11-23T09:00:00Z', user: 'owner@studio.test' });
  const g = ws.globals as Any;
  return { ws, g, run: <T>(fn: () => T) => ws.execute(fn), sheet: () => g.SpreadsheetApp.getActive().getSheets()[0] };
}

describe('Browser', () => {
  // inputBox(prompt): "Pops up a dialog box with a text input box in the user's browser."
  // Return: "The text entered by the user (or 'cancel' for a canceled or dismissed dialog)."
  test('inputBox returns the text, or "cancel"', () => {
    const { ws, g, run } = fresh();
    ws.ui.queueResponse({ button: 'OK', text: 'Acme Ltd' });
    expect(run(() => g.Browser.inputBox('Client name?'))).toBe('Acme Ltd');
    expect(run(() => g.Browser.inputBox('Title', 'Client name?', g.Browser.Buttons.OK_CANCEL))).toBe('cancel');
    expect(ws.ui.prompts.map((p) => [p.title, p.prompt, p.buttons])).toEqual([['', 'Client name?', 'OK'], ['Title', 'Client name?', 'OK_CANCEL']]);
    expect(caught(() => run(() => g.Browser.inputBox(42))).message).toBe("The parameters (number) don't match the method signature for Browser.inputBox.");
  });

  // msgBox: "Returns: String — The lower case text of the button that is clicked by the user (or 'cancel' for a dismissed dialog)."
  test('msgBox returns the lower-case button', () => {
    const { ws, g, run } = fresh();
    ws.ui.queueResponse({ button: 'NO' });
    expect(run(() => g.Browser.msgBox('Sure?', g.Browser.Buttons.YES_NO))).toBe('no');
    expect(run(() => g.Browser.msgBox('Done'))).toBe('ok');
  });
});

describe('deprecated Range members', () => {
  // getColumnIndex (deprecated): "Returns the starting column position for this range."
  // setBackgroundColor (deprecated): "Sets the background color of all cells in the range in CSS notation (like '#ffffff' or 'white')."
  test('getColumnIndex and setBackgroundColor behave as getColumn and setBackground', () => {
    const { run, sheet } = fresh();
    run(() => {
      const range = sheet().getRange('C2:D3');
      expect(range.getColumnIndex()).toBe(3);
      range.setBackgroundColor('#ABCDEF');
      expect(range.getBackgrounds()).toEqual(sheet().getRange('C2:D3').getBackgrounds());
      expect(range.getBackground().toLowerCase()).toBe('#abcdef');
    });
  });

  // setBackgroundColors: no longer in the reference (gas-fakes' suite calls it: "these are undocumented");
  // live Apps Script answers it as the grid form of setBackgroundColor.
  test('setBackgroundColors behaves as setBackgrounds', () => {
    const { run, sheet } = fresh();
    run(() => {
      const range = sheet().getRange('A1:B1');
      range.setBackgroundColors([['#112233', 'red']]);
      expect(range.getBackgrounds()).toEqual([['#112233', '#ff0000']]);
      expect(range.getBackgroundColors()).toEqual([['#112233', '#ff0000']]);
    });
  });
});

describe('Range.copyTo', () => {
  // copyTo(destination), copyTo(destination, copyPasteType, transposed), copyTo(destination, options): the only forms.
  test('other argument lists are refused with the signature message', () => {
    const { g, run, sheet } = fresh();
    run(() => {
      const s = sheet();
      s.getRange('A1').setValue(5);
      expect(caught(() => s.getRange('A1').copyTo(s.getRange('B1'), g.SpreadsheetApp.CopyPasteType.PASTE_VALUES)).message)
        .toBe("The parameters (SpreadsheetApp.Range,SpreadsheetApp.CopyPasteType) don't match the method signature for SpreadsheetApp.Range.copyTo.");
      expect(caught(() => s.getRange('A1').copyTo('B1')).message)
        .toBe("The parameters (String) don't match the method signature for SpreadsheetApp.Range.copyTo.");
      expect(caught(() => s.getRange('A1').copyTo(s.getRange('B1'), g.SpreadsheetApp.CopyPasteType.PASTE_VALUES, 'no')).message)
        .toBe("The parameters (SpreadsheetApp.Range,SpreadsheetApp.CopyPasteType,String) don't match the method signature for SpreadsheetApp.Range.copyTo.");
      s.getRange('A1').copyTo(s.getRange('B1'), g.SpreadsheetApp.CopyPasteType.PASTE_VALUES, false);
      s.getRange('A1').copyTo(s.getRange('C1'), { contentsOnly: true });
      s.getRange('A1').copyTo(s.getRange('D1'));
      expect(s.getRange('A1:D1').getValues()).toEqual([[5, 5, 5, 5]]);
    });
  });
});
