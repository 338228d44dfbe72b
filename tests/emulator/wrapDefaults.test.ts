// Range.getWrap / getWraps against setWrap(s) and setWrapStrategy (issue 27). Reference, Class Range:
// getWrap "Returns the wrapping policy of the cell in the top-left corner of the range." and
// getWrapStrategy "Returns the text wrapping strategy for the top left cell of the range." A cell whose
// wrap was never set reads getWrap() true and getWrapStrategy() OVERFLOW on Apps Script (gas-fakes' suite,
// written against live Apps Script, asserts both after clearFormat); a set strategy decides otherwise.
import { createWorkspace } from '../../scripts/emulator/workspace';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

test('an unset cell wraps (getWrap true, strategy OVERFLOW); setWrap and setWrapStrategy decide once set; clearFormat resets', () => {
  const ws = createWorkspace({ now: '2026-11-23T09:00:00Z', user: 'owner@studio.test' });
  const app = (ws.globals as Any).SpreadsheetApp;
  ws.execute(() => {
    const range = app.getActive().getSheets()[0].getRange('A1:B1');
    expect([range.getWrap(), String(range.getWrapStrategy())]).toEqual([true, 'OVERFLOW']);
    // setWrap: "Set the cell wrap of the range."
    range.setWrap(false);
    expect([range.getWraps(), range.getWrapStrategies().flat().map(String)]).toEqual([[[false, false]], ['OVERFLOW', 'OVERFLOW']]);
    // setWraps: "Sets a rectangular grid of word wrap policies (must match dimensions of this range)."
    range.setWraps([[true, false]]);
    expect(range.getWrapStrategies().flat().map(String)).toEqual(['WRAP', 'OVERFLOW']);
    // setWrapStrategy: "Sets the text wrapping strategy for the cells in the range." Only WRAP wraps.
    range.setWrapStrategy(app.WrapStrategy.CLIP);
    expect(range.getWraps()).toEqual([[false, false]]);
    range.setWrapStrategy(app.WrapStrategy.WRAP);
    expect(range.getWraps()).toEqual([[true, true]]);
    range.clearFormat();
    expect([range.getWraps(), String(range.getWrapStrategy())]).toEqual([[[true, true]], 'OVERFLOW']);
  });
});
