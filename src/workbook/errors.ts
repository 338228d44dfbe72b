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
