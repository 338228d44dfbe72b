// The board's change stamp: an opaque value in document properties that changes after every
// execution that wrote to the workbook, so an open sidebar can tell with one property read
// (no cells) whether its board is stale. Document properties rather than the cache: the
// stamp must not vanish after 6 hours, and the cache reads of the actions keep their budgets.
// One write per execution, after all its writes: a sidebar that sees the new stamp loads the
// finished state, never half of it.

export const BOARD_STAMP_KEY = 'dealboard:board-stamp';

// Global state lives for one execution on Apps Script (and in the emulator).
let wrote = false;

/** Called by the sheet adapter on every write, and by the edit trigger for hand edits. */
export function noteWrite(): void {
  wrote = true;
}

/** At the end of an execution: a new stamp if anything was written. */
export function bumpIfWritten(): string | null {
  if (!wrote) return null;
  wrote = false;
  // Unique across executions: two writers at the same millisecond still differ.
  const stamp = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  try {
    PropertiesService.getDocumentProperties().setProperty(BOARD_STAMP_KEY, stamp);
    return stamp;
  } catch (error) {
    // The write itself succeeded; a sidebar then catches up on the next change or the Refresh button.
    console.error(error);
    return null;
  }
}

/** '' before the first write the add-on saw. */
export function readBoardStamp(): string {
  return PropertiesService.getDocumentProperties().getProperty(BOARD_STAMP_KEY) || '';
}

/** Runs one execution's work and stamps what it wrote, even when the work failed halfway. */
export function stamping<T>(run: () => T): T {
  try {
    return run();
  } finally {
    bumpIfWritten();
  }
}

/** The board stamp as the hourly scheduler sees it (issue 26): its jobs skip when nothing changed. */
export const changeStamp = {
  read: readBoardStamp,
  /** True when this execution wrote and has not published a new stamp yet. */
  unpublished: (): boolean => wrote,
  /** Publishes this execution's writes now: the new stamp, or null when nothing was written. */
  publish: (): string | null => bumpIfWritten(),
  /** Writes that open boards need not follow (the Jobs log): they leave the stamp alone. */
  quietly<T>(run: () => T): T {
    const before = wrote;
    try {
      return run();
    } finally {
      wrote = before;
    }
  },
};
