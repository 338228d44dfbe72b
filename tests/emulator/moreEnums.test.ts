// SpreadsheetApp and DocumentApp enums of features the emulator does not emulate are present with
// the reference's values (so a script reaches the member it calls and gets "Not implemented").
import { createWorkspace } from '../../scripts/emulator/workspace';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

test('SpreadsheetApp: FrequencyType, DateTimeGroupingRuleType, DataSourceRefreshScope, … are enum objects', () => {
  const ws = createWorkspace({ now: '2026-11-23T09:00:00Z', user: 'owner@studio.test' });
  ws.execute(() => {
    const S = (ws.globals as Any).SpreadsheetApp;
    // FrequencyType: "To call an enum, you call its parent class, name, and property. For example, SpreadsheetApp.FrequencyType.DAILY."
    expect(String(S.FrequencyType.DAILY)).toBe('DAILY');
    expect(S.FrequencyType.DAILY.ordinal()).toBe(1);
    // DateTimeGroupingRuleType: "For example, SpreadsheetApp.DateTimeGroupingRuleType.SECOND."
    expect(S.DateTimeGroupingRuleType.SECOND.name()).toBe('SECOND');
    // DataSourceRefreshScope: "For example, SpreadsheetApp.DataSourceRefreshScope.ALL_DATA_SOURCES."
    expect(Object.keys(S.DataSourceRefreshScope)).toEqual(['DATA_SOURCE_REFRESH_SCOPE_UNSUPPORTED', 'ALL_DATA_SOURCES']);
    for (const name of ['DataExecutionErrorCode', 'DataExecutionState', 'DataSourceParameterType', 'DataSourceType', 'GroupControlTogglePosition',
      'PivotTableSummarizeFunction', 'PivotValueDisplayType', 'RecalculationInterval', 'TextToColumnsDelimiter']) {
      expect(Object.keys(S[name]).length).toBeGreaterThan(0);
    }
    expect(S.TextToColumnsDelimiter.COMMA.compareTo(S.TextToColumnsDelimiter.SPACE)).toBeLessThan(0);
    const D = (ws.globals as Any).DocumentApp;
    // DocumentApp.TextAlignment: NORMAL, SUPERSCRIPT, SUBSCRIPT; VerticalAlignment: BOTTOM, CENTER, TOP.
    expect(Object.keys(D.TextAlignment)).toEqual(['NORMAL', 'SUPERSCRIPT', 'SUBSCRIPT']);
    expect(Object.keys(D.VerticalAlignment)).toEqual(['BOTTOM', 'CENTER', 'TOP']);
    expect(D.FontFamily.ARIAL).toBe('ARIAL');
    expect(D.PositionedLayout.WRAP_TEXT).toBe('WRAP_TEXT');
    expect(D.TabType.DOCUMENT_TAB).toBe('DOCUMENT_TAB');
  });
});
