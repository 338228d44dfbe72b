/** A problem the user can fix in the workbook; its message is shown as is. */
export class WorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookError';
  }
}

/** The document lock could not be had: another execution is writing (the hourly run stops and retries next hour). */
export class LockBusyError extends WorkbookError {
  constructor(message: string) {
    super(message);
    this.name = 'LockBusyError';
  }
}

/** One of the add-on's tabs is gone (deleted or renamed by hand): setup puts it back. */
export function missingTabError(tabName: string): WorkbookError {
  return new WorkbookError(`The "${tabName}" tab is missing. Run Dealboard → Set up workbook to create it.`);
}
