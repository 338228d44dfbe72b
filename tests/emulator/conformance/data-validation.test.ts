// DataValidationBuilder.requireValueInList(values, showDropdown) (reference/spreadsheet/data-validation-builder):
// "Sets the data validation rule to require that the input is equal to one of the given values,
// with an option to hide the dropdown menu." values: String[]; DataValidation.getCriteriaValues():
// "Gets an array of arguments for the rule's criteria."
import { env } from './env';

describe('requireValueInList criteria values', () => {
  test('read back as [String[] list, showDropdown]; showDropdown defaults to true', () => {
    const { run, g, sheet } = env();
    run(() => {
      const rule = g.SpreadsheetApp.newDataValidation().requireValueInList(['New', 'Won']).build();
      expect(rule.getCriteriaType()).toBe(g.SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST);
      expect(rule.getCriteriaValues()).toEqual([['New', 'Won'], true]);
      const hidden = g.SpreadsheetApp.newDataValidation().requireValueInList([1, 2] as unknown as string[], false).build();
      expect(hidden.getCriteriaValues()).toEqual([['1', '2'], false]);
      sheet().getRange('A1:A3').setDataValidation(rule);
      expect(sheet().getRange('A2').getDataValidation()!.getCriteriaValues()).toEqual([['New', 'Won'], true]);
    });
  });
});
