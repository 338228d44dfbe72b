// Selects a cell in the user's sheet, so "go to the cell" in the problem list lands on it.
import { CellAddress } from '../../app/handEdits/stageProblems';
import { InputError } from '../../app/kernel/validate';

export function goToCell(address: CellAddress): void {
  const sheet = SpreadsheetApp.getActive().getSheetByName(address.tab);
  if (!sheet) throw new InputError(`The "${address.tab}" tab is missing.`);
  const width = Math.max(sheet.getLastColumn(), 1);
  const header = sheet.getRange(1, 1, 1, width).getValues()[0].map((h) => String(h).trim().toLowerCase());
  const column = header.indexOf(address.column.toLowerCase()) + 1;
  if (column < 1) throw new InputError(`The ${address.tab} tab has no "${address.column}" column.`);
  sheet.getRange(address.row, column).activate();
}
