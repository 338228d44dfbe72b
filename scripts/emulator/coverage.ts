// Per class: how many of the methods @types/google-apps-script declares the emulator implements.
// The README's table is generated from this (tests/emulator/coverage.test.ts keeps it current);
// every member not implemented throws "Not implemented in the Dealboard emulator: Class.method".
import { IMPLEMENTED } from './context';
import { apiMembers } from './notImplemented';
import type { Workspace } from './workspace';

export interface ClassCoverage {
  className: string;
  implemented: string[];
  total: number;
  note?: string;
}

/** Classes other work provides (listed with their source, counted where they exist on this branch). */
export const PROVIDED_ELSEWHERE: Record<string, string> = {
  TextFinder: 'issue 10 (spreadsheet/textFinder.ts)',
  RangeList: 'issue 10 (spreadsheet/textFinder.ts)',
  MailApp: 'issue 12 (services/mail*)',
};

type Obj = Record<string | symbol, unknown>;

/** Representative objects of each emulated class, made through the globals as a script would. */
function instances(ws: Workspace): [string, unknown][] {
  const g = ws.globals as Record<string, Obj>;
  const call = (o: unknown, m: string, ...a: unknown[]) => ((o as Obj)[m] as (...x: unknown[]) => unknown)(...a);
  const out: [string, unknown][] = [];
  const add = (name: string, make: () => unknown) => {
    try { out.push([name, make()]); } catch { /* a class the emulator cannot make here is listed as 0 */ out.push([name, null]); }
  };
  const ss = call(g.SpreadsheetApp, 'getActive');
  const sheet = call(ss, 'getSheets') as unknown[];
  const range = () => call(sheet[0], 'getRange', 'A1:B2');
  const dvb = () => call(g.SpreadsheetApp, 'newDataValidation');
  const cfb = () => call(call(g.SpreadsheetApp, 'newConditionalFormatRule'), 'whenCellEmpty');
  const doc = () => call(g.DocumentApp, 'create', 'coverage');
  const body = () => call(doc(), 'getBody');
  const table = () => call(body(), 'appendTable', [['a']]);
  const ui = () => call(g.SpreadsheetApp, 'getUi');
  add('SpreadsheetApp', () => g.SpreadsheetApp);
  add('Spreadsheet', () => ss);
  add('Sheet', () => sheet[0]);
  add('Range', range);
  add('DataValidationBuilder', dvb);
  add('DataValidation', () => call(call(dvb(), 'requireValueInList', ['a']), 'build'));
  add('ConditionalFormatRuleBuilder', cfb);
  add('ConditionalFormatRule', () => call(cfb(), 'setRanges', [range()]) && call(call(cfb(), 'setRanges', [range()]), 'build'));
  add('BooleanCondition', () => call(call(call(cfb(), 'setRanges', [range()]), 'build'), 'getBooleanCondition'));
  add('Protection', () => call(range(), 'protect'));
  add('NamedRange', () => { call(ss, 'setNamedRange', 'coverage', range()); return (call(ss, 'getNamedRanges') as unknown[])[0]; });
  add('RichTextValueBuilder', () => call(g.SpreadsheetApp, 'newRichTextValue'));
  add('RichTextValue', () => call(call(call(g.SpreadsheetApp, 'newRichTextValue'), 'setText', 'x'), 'build'));
  add('TextStyleBuilder', () => call(g.SpreadsheetApp, 'newTextStyle'));
  add('TextStyle', () => call(call(g.SpreadsheetApp, 'newTextStyle'), 'build'));
  add('ColorBuilder', () => call(g.SpreadsheetApp, 'newColor'));
  add('Color', () => call(call(call(g.SpreadsheetApp, 'newColor'), 'setRgbColor', '#000000'), 'build'));
  add('RgbColor', () => call(call(call(call(g.SpreadsheetApp, 'newColor'), 'setRgbColor', '#000000'), 'build'), 'asRgbColor'));
  add('ThemeColor', () => call(call(call(call(g.SpreadsheetApp, 'newColor'), 'setThemeColor', 'ACCENT1'), 'build'), 'asThemeColor'));
  add('SpreadsheetTheme', () => call(ss, 'getSpreadsheetTheme'));
  // TextFinder and RangeList come with issue 10's work: counted here once they exist on the branch.
  add('TextFinder', () => (typeof (range() as Obj).createTextFinder === 'function' ? call(range(), 'createTextFinder', 'x') : null));
  add('RangeList', () => (typeof (sheet[0] as Obj).getRangeList === 'function' ? call(sheet[0], 'getRangeList', ['A1']) : null));
  add('DriveApp', () => g.DriveApp);
  add('File', () => call(g.DriveApp, 'createFile', 'coverage.txt', 'x'));
  add('Folder', () => call(g.DriveApp, 'getRootFolder'));
  add('FileIterator', () => call(g.DriveApp, 'getFiles'));
  add('FolderIterator', () => call(g.DriveApp, 'getFolders'));
  add('DocumentApp', () => g.DocumentApp);
  add('Document', doc);
  add('Body', body);
  add('Paragraph', () => call(body(), 'appendParagraph', 'x'));
  add('ListItem', () => call(body(), 'appendListItem', 'x'));
  add('Text', () => call(call(body(), 'appendParagraph', 'x'), 'editAsText'));
  add('RangeElement', () => { const b = body(); call(b, 'appendParagraph', 'x'); return call(b, 'findText', 'x'); });
  add('Table', table);
  add('TableRow', () => call(table(), 'getRow', 0));
  add('TableCell', () => call(call(table(), 'getRow', 0), 'getCell', 0));
  add('HtmlService', () => g.HtmlService);
  add('HtmlOutput', () => call(g.HtmlService, 'createHtmlOutput', 'x'));
  add('HtmlTemplate', () => call(g.HtmlService, 'createTemplate', 'x'));
  add('PropertiesService', () => g.PropertiesService);
  add('Properties', () => call(g.PropertiesService, 'getScriptProperties'));
  add('CacheService', () => g.CacheService);
  add('Cache', () => call(g.CacheService, 'getScriptCache'));
  add('LockService', () => g.LockService);
  add('Lock', () => call(g.LockService, 'getScriptLock'));
  add('ScriptApp', () => g.ScriptApp);
  add('TriggerBuilder', () => call(g.ScriptApp, 'newTrigger', 'f'));
  add('ClockTriggerBuilder', () => call(call(g.ScriptApp, 'newTrigger', 'f'), 'timeBased'));
  add('SpreadsheetTriggerBuilder', () => call(call(g.ScriptApp, 'newTrigger', 'f'), 'forSpreadsheet', ss));
  add('AuthorizationInfo', () => call(g.ScriptApp, 'getAuthorizationInfo', (g.ScriptApp as Obj).AuthMode && ((g.ScriptApp as Obj).AuthMode as Obj).FULL));
  add('Session', () => g.Session);
  add('User', () => call(g.Session, 'getActiveUser'));
  add('Utilities', () => g.Utilities);
  add('Blob', () => call(g.Utilities, 'newBlob', 'x'));
  add('Logger', () => g.Logger);
  add('Ui', ui);
  add('Menu', () => call(ui(), 'createMenu', 'x'));
  add('UrlFetchApp', () => g.UrlFetchApp);
  add('Browser', () => g.Browser);
  add('EmbeddedChartBuilder', () => call(sheet[0], 'newChart'));
  add('EmbeddedChart', () => call(call(sheet[0], 'newChart'), 'build'));
  const pivot = () => call(call(sheet[0], 'getRange', 'H1'), 'createPivotTable', range());
  add('PivotTable', pivot);
  add('PivotGroup', () => call(pivot(), 'addRowGroup', 1));
  add('PivotValue', () => call(pivot(), 'addPivotValue', 2, ((g.SpreadsheetApp as Obj).PivotTableSummarizeFunction as Obj).SUM));
  add('PivotFilter', () => call(pivot(), 'addFilter', 1, call(call(g.SpreadsheetApp, 'newFilterCriteria'), 'build')));
  for (const name of ['MailApp', 'CalendarApp', 'GmailApp']) add(name, () => g[name] ?? null);
  // 'Calendar' is CalendarApp's Calendar class (the advanced service `Calendar` has no @types member list).
  const calendar = () => call(g.CalendarApp, 'getDefaultCalendar');
  const calendarEvent = () => call(calendar(), 'createEvent', 'coverage', new Date(0), new Date(3600000), { guests: 'guest@example.com' });
  add('Calendar', calendar);
  add('CalendarEvent', calendarEvent);
  add('EventGuest', () => (call(calendarEvent(), 'getGuestList') as unknown[])[0]);
  const gmailThread = () => { call(g.GmailApp, 'sendEmail', 'coverage@example.com', 'coverage', 'x'); return (call(g.GmailApp, 'search', 'in:sent') as unknown[])[0]; };
  add('GmailThread', gmailThread);
  add('GmailMessage', () => (call(gmailThread(), 'getMessages') as unknown[])[0]);
  add('GmailDraft', () => call(g.GmailApp, 'createDraft', 'coverage@example.com', 'coverage', 'x'));
  add('GmailLabel', () => call(g.GmailApp, 'createLabel', 'coverage'));
  return out;
}

export function memberCoverage(ws: Workspace): ClassCoverage[] {
  return ws.execute(() => ws.calls.uncounted(() => instances(ws).map(([className, obj]) => {
    const members = apiMembers(className);
    const total = members ? members.size : 0;
    let implemented: string[] = [];
    if (obj && (typeof obj === 'object' || typeof obj === 'function')) {
      const asked = (obj as Obj)[IMPLEMENTED];
      implemented = Array.isArray(asked) ? (asked as string[])
        : [...(members ?? [])].filter((m) => typeof (obj as Obj)[m] === 'function').sort();
    }
    const note = PROVIDED_ELSEWHERE[className];
    return { className, implemented, total, ...(note ? { note } : {}) };
  })));
}

/** The README table (markdown). */
export function coverageTable(rows: ClassCoverage[]): string {
  const lines = ['| class | implemented / in @types | not implemented (throw "Not implemented in the Dealboard emulator") |', '| --- | --- | --- |'];
  for (const r of rows) {
    const missing = [...(apiMembers(r.className) ?? [])].filter((m) => !r.implemented.includes(m)).sort();
    const shown = missing.length === 0 ? '—' : missing.length > 12 ? `${missing.slice(0, 12).join(', ')}, … (${missing.length - 12} more)` : missing.join(', ');
    const note = r.note ? ` (provided by ${r.note})` : '';
    lines.push(`| ${r.className}${note} | ${r.implemented.length} / ${r.total} | ${shown} |`);
  }
  return lines.join('\n');
}
