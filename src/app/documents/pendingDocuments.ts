// A document being made (issue 20, item 12): its Documents row is written before any of its
// files exist, with its number and the Drive ids generated for its folders, Doc and exports.
// A run killed half-way (time limit, crash) leaves that row; the next generate of the same
// deal and kind (or the same request id) finds it and finishes the same Doc with the same
// number: no orphan files, no gap in a number series. Until its final write the row is
// pending (no "Generated at"), and nothing lists, sends or counts it.
import { isDate } from '../../workbook/codec';

/** What a pending row keeps in its Line rows cell until the document is made. */
export interface PendingState {
  /** The folders this attempt makes (their ids generated before they exist). */
  folders: string[];
  /** The copy's revision before it was filled: a retry finding it at another revision does not fill it again. */
  revisionId?: string;
  /** The layout the fill planned (kept with the revision, for a retry that finds the Doc filled). */
  layout?: unknown;
}

/** A row whose document was made (its final write done); a pending one is not. */
export function isMadeDocument(record: Record<string, unknown>): boolean {
  return isDate(record.generatedAt);
}

export function pendingText(state: PendingState): string {
  return JSON.stringify({ pending: state });
}

/** The pending state kept in a row's Line rows cell; null when the row holds none. */
export function pendingStateOf(text: unknown): PendingState | null {
  try {
    const parsed = JSON.parse(String(text || ''));
    const state = parsed && parsed.pending;
    if (!state || !Array.isArray(state.folders)) return null;
    return { folders: state.folders.map(String), revisionId: typeof state.revisionId === 'string' ? state.revisionId : undefined, layout: state.layout };
  } catch (_none) {
    return null;
  }
}
