import { EditFacts, HAND_PROBLEMS_KEY, ProblemStore } from '../../app/handEdits/handEdits';
import { DEALS, NOTIFICATIONS } from '../../workbook/schema';
import { isOwnerTab } from '../../app/setup/ownerTabs';
import { Problem } from '../../workbook/codec';

/** Reads what the handler needs from the event: the header of Deals only (the handler reads the rows under the lock). */
export function editFactsOf(e: GoogleAppsScript.Events.SheetsOnEdit): EditFacts | null {
  if (!e || !e.range) return null;
  const range = e.range;
  const sheet = range.getSheet();
  const facts: EditFacts = {
    sheetName: sheet.getName(),
    row: range.getRow(),
    column: range.getColumn(),
    numRows: range.getNumRows(),
    numColumns: range.getNumColumns(),
    oldValue: (e as { oldValue?: unknown }).oldValue,
    value: (e as { value?: unknown }).value,
    editor: editorEmail(e),
  };
  if (facts.sheetName === DEALS.name && facts.row > 1) {
    const width = sheet.getLastColumn();
    facts.header = sheet.getRange(1, 1, 1, width).getValues()[0];
  } else if (isOwnerTab(facts.sheetName)) {
    // Small tabs: the header names the column in the audit; Notifications' rows give the keys edited.
    const width = Math.max(sheet.getLastColumn(), 1);
    facts.header = sheet.getRange(1, 1, 1, width).getValues()[0];
    if (facts.sheetName === NOTIFICATIONS.name && facts.row > 1) facts.rows = sheet.getRange(facts.row, 1, facts.numRows, width).getValues();
  }
  return facts;
}

export function gasProblemStore(): ProblemStore {
  const properties = PropertiesService.getDocumentProperties();
  return {
    get() {
      try {
        return JSON.parse(properties.getProperty(HAND_PROBLEMS_KEY) || '[]') as Problem[];
      } catch (_damaged) {
        return [];
      }
    },
    put(problems) {
      // The list is read, changed and written back: without the lock two edits lose each other's entries.
      const lock = LockService.getDocumentLock();
      if (lock && !lock.hasLock()) throw new Error('The hand-edit problem list is written under the document lock only.');
      properties.setProperty(HAND_PROBLEMS_KEY, JSON.stringify(problems));
    },
  };
}

function editorEmail(e: GoogleAppsScript.Events.SheetsOnEdit): string {
  try {
    return e.user ? e.user.getEmail() || '' : '';
  } catch (_notShared) {
    return '';
  }
}
