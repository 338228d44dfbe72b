// Stage cells show the names people read in Settings ("Transferred to work"), never the keys
// the add-on keeps (`in_work`). The codec maps between them: a cell is read by its key, its
// current name, a name it had before a rename in Settings, or the default name, in any case;
// the add-on writes the current name. The names are the workbook's, loaded with its config
// (an Apps Script execution serves one workbook, so one table per execution is enough).
import { DEFAULT_STAGE_NAMES, STAGE_KEYS, StageKey } from '../domain/deals/stages';

let current: Record<StageKey, string> = { ...DEFAULT_STAGE_NAMES };
let lookup: Record<string, StageKey> = build(current, {});

/** How a stage word is compared: case, spaces, dashes and underscores do not matter. */
export function stageWord(text: string): string {
  return text.trim().toLowerCase().replace(/[\s\-_]+/g, '_');
}

function build(names: Record<StageKey, string>, former: Record<string, StageKey>): Record<string, StageKey> {
  const out: Record<string, StageKey> = {};
  // Later entries win: former names, then defaults, then keys and current names.
  for (const name of Object.keys(former)) if (STAGE_KEYS.indexOf(former[name]) >= 0) out[stageWord(name)] = former[name];
  for (const key of STAGE_KEYS) out[stageWord(DEFAULT_STAGE_NAMES[key])] = key;
  for (const key of STAGE_KEYS) {
    out[stageWord(key)] = key;
    out[stageWord(names[key])] = key;
  }
  return out;
}

/** Sets the workbook's stage names (Settings) and the names its cells may still hold from before a rename. */
export function useStageNames(names: Record<StageKey, string>, former: Record<string, StageKey> = {}): void {
  current = { ...names };
  lookup = build(current, former);
}

/** The name a stage cell shows. */
export function stageLabel(key: StageKey): string {
  return current[key];
}

/** The stage a cell holds (by key or any of its names), or null. */
export function stageOfCell(raw: unknown): StageKey | null {
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  const key = lookup[stageWord(raw)];
  return key === undefined ? null : key;
}

/** Every name a Stage cell is read by and its stage, as one text: a cache of decoded cells keeps it to see a rename. */
export function stageReading(): string {
  return Object.keys(lookup).sort().map((word) => `${word}=${lookup[word]}`).join('|');
}

/** The current names, in stage order (the Stage dropdown). */
export function stageLabels(): string[] {
  return STAGE_KEYS.map((key) => current[key]);
}

/** Name → key of the names a rename leaves behind: the old names and the former ones, minus any name in use now. */
export function formerStageNames(before: Record<StageKey, string> | null, formerBefore: Record<string, StageKey>, now: Record<StageKey, string>): Record<string, StageKey> {
  const out: Record<string, StageKey> = { ...formerBefore };
  if (before) for (const key of STAGE_KEYS) out[before[key]] = key;
  for (const key of STAGE_KEYS) {
    for (const name of Object.keys(out)) if (stageWord(name) === stageWord(now[key]) || stageWord(name) === stageWord(key)) delete out[name];
  }
  return out;
}
