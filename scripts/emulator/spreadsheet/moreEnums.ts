// SpreadsheetApp enums of features the emulator does not emulate (data sources, text to
// columns, recalculation, refresh schedules, group toggles): present with the reference's values
// so a script reaches the member it calls and gets the clear "Not implemented" error, not a
// TypeError. Values from @types/google-apps-script, and from the reference pages for the three it
// lacks (DataSourceRefreshScope, DateTimeGroupingRuleType, FrequencyType).
import { makeEnum } from '../services/enums';

const e = (...names: string[]) => makeEnum('SpreadsheetApp', names);

export const MORE_SPREADSHEET_ENUMS: Record<string, object> = {
  DataExecutionErrorCode: e('DATA_EXECUTION_ERROR_CODE_UNSUPPORTED', 'NONE', 'TIME_OUT', 'TOO_MANY_ROWS', 'TOO_MANY_CELLS', 'ENGINE',
    'PARAMETER_INVALID', 'UNSUPPORTED_DATA_TYPE', 'DUPLICATE_COLUMN_NAMES', 'INTERRUPTED', 'OTHER', 'TOO_MANY_CHARS_PER_CELL'),
  DataExecutionState: e('DATA_EXECUTION_STATE_UNSUPPORTED', 'RUNNING', 'SUCCESS', 'ERROR', 'NOT_STARTED'),
  DataSourceParameterType: e('DATA_SOURCE_PARAMETER_TYPE_UNSUPPORTED', 'CELL'),
  // "An enumeration of scopes for refreshes."
  DataSourceRefreshScope: e('DATA_SOURCE_REFRESH_SCOPE_UNSUPPORTED', 'ALL_DATA_SOURCES'),
  DataSourceType: e('DATA_SOURCE_TYPE_UNSUPPORTED', 'BIGQUERY'),
  // "The types of date-time grouping rule."
  DateTimeGroupingRuleType: e('UNSUPPORTED', 'SECOND', 'MINUTE', 'HOUR', 'HOUR_MINUTE', 'HOUR_MINUTE_AMPM', 'DAY_OF_WEEK', 'DAY_OF_YEAR',
    'DAY_OF_MONTH', 'DAY_MONTH', 'MONTH', 'QUARTER', 'YEAR', 'YEAR_MONTH', 'YEAR_QUARTER', 'YEAR_MONTH_DAY'),
  // "An enumeration of frequency types."
  FrequencyType: e('FREQUENCY_TYPE_UNSUPPORTED', 'DAILY', 'WEEKLY', 'MONTHLY'),
  GroupControlTogglePosition: e('BEFORE', 'AFTER'),
  RecalculationInterval: e('ON_CHANGE', 'MINUTE', 'HOUR'),
  TextToColumnsDelimiter: e('COMMA', 'SEMICOLON', 'PERIOD', 'SPACE'),
};

/**
 * Puts each enum on SpreadsheetApp's prototype unless the class already has one of that name.
 * A class field is not on the prototype, so the check cannot see one: an enum that becomes
 * emulated (a field) must leave this list, or the field's assignment meets a read-only inherited
 * property and the constructor throws (tests/emulator/moreEnums.test.ts builds a SpreadsheetApp).
 */
export function installMoreSpreadsheetEnums(App: { prototype: object }): void {
  for (const [name, value] of Object.entries(MORE_SPREADSHEET_ENUMS)) {
    if (!(name in App.prototype)) Object.defineProperty(App.prototype, name, { value, enumerable: true });
  }
}
