/** A problem the user can fix in the workbook; its message is shown as is. */
export class WorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookError';
  }
}
