// Where a Settings key's value is typed (issue 22: "fill in company_name … on the Settings tab"
// comes with a button that selects the cell). The row is found by one TextFinder search on Key,
// never by reading the tab, and the sidebar never sends a row number of its own.
import { SETTINGS } from '../../workbook/schema';
import { mapHeaders } from '../../workbook/headers';
import { WorkbookError, missingTabError } from '../../workbook/errors';
import { CellAddress } from '../handEdits/stageProblems';
import { UseCaseContext } from '../kernel/session';
import { InputError } from '../kernel/validate';

const KEY = /^[a-z][a-z0-9_.]{0,80}$/;

export function settingCell(ctx: UseCaseContext, keyArg: unknown): CellAddress {
  const key = typeof keyArg === 'string' ? keyArg.trim() : '';
  if (!KEY.test(key)) throw new InputError('The Settings key must be a word such as company_name.');
  const header = ctx.ports.sheets.readHeader(SETTINGS.name);
  if (header === null) throw missingTabError('Settings');
  const map = mapHeaders(SETTINGS, header);
  if (map.index.key === undefined || map.index.value === undefined) throw new WorkbookError('The Settings tab has no "Key" or "Value" column. Run Dealboard → Set up workbook to put them back.');
  const rows = ctx.ports.sheets.findRows(SETTINGS.name, map.index.key + 1, key) || [];
  if (rows.length === 0) throw new InputError(`The Settings tab has no row for ${key}: run Dealboard → Set up workbook to add it.`);
  return { tab: SETTINGS.name, row: Math.min(...rows), column: String(header[map.index.value]).trim() };
}
