// Stage keys are fixed; their display names and colours are settings.
export const STAGE_KEYS = ['new', 'negotiation', 'in_work', 'frozen', 'failed', 'completed'] as const;
export type StageKey = (typeof STAGE_KEYS)[number];

export const DEFAULT_STAGE_NAMES: Record<StageKey, string> = {
  new: 'New',
  negotiation: 'Negotiation',
  in_work: 'Transferred to work',
  frozen: 'Frozen',
  failed: 'Failed',
  completed: 'Completed',
};

export const DEFAULT_STAGE_COLOURS: Record<StageKey, string> = {
  new: '#4f7cff',
  negotiation: '#9b59d0',
  in_work: '#1e9e6a',
  frozen: '#5aa9c9',
  failed: '#c9534f',
  completed: '#2f6f4f',
};

/** Stages whose cards are live work on the board whatever their age. */
export const LIVE_STAGES: readonly StageKey[] = ['new', 'negotiation', 'in_work', 'frozen'];
/** Outcomes that end a deal; shown for a while after closing, then on demand. */
export const CLOSED_STAGES: readonly StageKey[] = ['failed', 'completed'];
/** Stages whose deals count as won. */
export const WON_STAGES: readonly StageKey[] = ['in_work', 'completed'];

/** Which moves the board allows. Data, not code, so it can be shown and tested as a table. */
export const ALLOWED_TRANSITIONS: Record<StageKey, readonly StageKey[]> = {
  new: ['negotiation', 'in_work', 'frozen', 'failed'],
  negotiation: ['new', 'in_work', 'frozen', 'failed'],
  in_work: ['negotiation', 'frozen', 'failed', 'completed'],
  frozen: ['new', 'negotiation', 'in_work', 'failed'],
  failed: ['new', 'negotiation', 'frozen'],
  completed: ['in_work'],
};

export function isStageKey(value: unknown): value is StageKey {
  return typeof value === 'string' && (STAGE_KEYS as readonly string[]).indexOf(value) >= 0;
}
