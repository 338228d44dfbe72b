// Banding (reference/spreadsheet/banding) and Range.applyRowBanding / applyColumnBanding (reference/spreadsheet/range).
import { caught, env } from './env';

/** The Color-object accessors the reference documents and @types/google-apps-script lacks. */
type WithObjects = GoogleAppsScript.Spreadsheet.Banding & {
  setFooterColumnColorObject(color: GoogleAppsScript.Spreadsheet.Color): WithObjects;
  getFirstColumnColorObject(): GoogleAppsScript.Spreadsheet.Color | null;
  getHeaderColumnColorObject(): GoogleAppsScript.Spreadsheet.Color | null;
};

describe('Banding', () => {
  test('applyRowBanding(): "Applies a default row banding theme to the range. By default, the banding has header and no footer color."', () => {
    const { run, sheet } = env();
    run(() => {
      const s = sheet();
      const b = s.getRange('A1:D10').applyRowBanding();
      expect(String(b)).toBe('Banding');
      expect(b.getRange().getA1Notation()).toBe('A1:D10');
      // LIGHT_GREY's colours as live Sheets resolves them (gas-fakes' suite records them).
      expect([b.getHeaderRowColor(), b.getFirstRowColor(), b.getSecondRowColor(), b.getFooterRowColor()]).toEqual(['#bdbdbd', '#ffffff', '#f3f3f3', null]);
      // A row banding has no column colours.
      expect(b.getFirstColumnColor()).toBeNull();
      // Sheet.getBandings: "Returns all the bandings in this sheet."
      expect(s.getBandings().length).toBe(1);
      // Range.getBandings: "Returns all the bandings that are applied to any cells in this range."
      expect(s.getRange('D10:E11').getBandings().length).toBe(1);
      expect(s.getRange('E1').getBandings().length).toBe(0);
      // Banded ranges cannot overlap.
      expect(caught(() => s.getRange('B2').applyRowBanding()).name).toBe('Exception');
      // remove: "Removes this banding."
      b.remove();
      expect(s.getBandings()).toEqual([]);
    });
  });

  test('theme, header and footer; colour setters; setRange; copyTo: "Copies this banding to another range."', () => {
    const { run, sheet, g } = env();
    run(() => {
      const s = sheet();
      const b = s.getRange('A1:E10').applyColumnBanding(g.SpreadsheetApp.BandingTheme.INDIGO, true, false) as WithObjects;
      expect([b.getHeaderColumnColor(), b.getFirstColumnColor(), b.getSecondColumnColor(), b.getFooterColumnColor()]).toEqual(['#8989eb', '#ffffff', '#e8e7fc', null]);
      expect(b.getFirstRowColor()).toBeNull();
      b.setFirstColumnColor('#ffff00');
      b.setFooterColumnColorObject(g.SpreadsheetApp.newColor().setRgbColor('#00ffff').build());
      expect([b.getFirstColumnColor(), b.getFooterColumnColor()]).toEqual(['#ffff00', '#00ffff']);
      expect(b.getFirstColumnColorObject()!.asRgbColor().asHexString()).toBe('#ffff00');
      // The first and second bands cannot be removed (Sheets' message).
      expect(caught(() => b.setSecondColumnColor(null as unknown as string)).message).toBe('Second column color should not be null.');
      b.setHeaderColumnColor(null as unknown as string);
      expect(b.getHeaderColumnColorObject()).toBeNull();
      const copy = b.copyTo(s.getRange('G1:K10'));
      expect(copy.getRange().getA1Notation()).toBe('G1:K10');
      copy.setFirstColumnColor('#00ff00');
      expect([copy.getFirstColumnColor(), b.getFirstColumnColor()]).toEqual(['#00ff00', '#ffff00']);
      // setRange: "Sets the range for this banding."
      b.setRange(s.getRange('A12:B20'));
      expect(b.getRange().getA1Notation()).toBe('A12:B20');
      expect(s.getBandings().length).toBe(2);
    });
  });
});
