// Deal health: is the work after the sale on plan? A function of plain dates and flags.
import { StageKey, isStageKey } from '../deals/stages';
import { StageGate } from '../deals/moves';
import { addDays } from '../kernel/timezone';

export const HEALTHS = ['white', 'green', 'amber', 'red'] as const;
export type Health = (typeof HEALTHS)[number];

/** How alarming a colour is, for sorting the desk and for "never redder" checks. */
export function severity(health: Health): number {
  return HEALTHS.indexOf(health);
}

export interface CheckpointFacts {
  name: string;
  /** Local day 'yyyy-MM-dd', or null when no deadline was set. */
  due: string | null;
  done: boolean;
  gatesStage: StageKey | '';
}

export interface DealFacts {
  stage: StageKey;
  /** The deal's own deadline (local day) or null. */
  deadline: string | null;
  checkpoints: readonly CheckpointFacts[];
}

/**
 * red: an open checkpoint is past due, the deal's own deadline passed while work is open,
 *      or the deal sits in a stage an open checkpoint gates (typed by hand);
 * amber: an open checkpoint is due within `amberDays`;
 * green: it has checkpoints and nothing is late; white: it has no checkpoints.
 */
export function classifyHealth(deal: DealFacts, today: string, amberDays: number): Health {
  if (deal.checkpoints.length === 0) return 'white';
  if (deal.stage === 'failed') return 'white';
  const open = deal.checkpoints.filter((c) => !c.done);
  const finished = deal.stage === 'completed' && open.length === 0;
  if (open.some((c) => c.due !== null && c.due < today)) return 'red';
  if (!finished && deal.deadline !== null && deal.deadline < today) return 'red';
  if (open.some((c) => c.gatesStage !== '' && c.gatesStage === deal.stage)) return 'red';
  const horizon = addDays(today, Math.max(0, Math.floor(amberDays)));
  if (open.some((c) => c.due !== null && c.due <= horizon)) return 'amber';
  return 'green';
}

/** "completed: Works completed, Payment received" — what blocks which stage, kept on the deal row. */
export function describeOpenGates(checkpoints: readonly CheckpointFacts[]): string {
  const byStage: Record<string, string[]> = {};
  for (const c of checkpoints) {
    if (c.done || !c.gatesStage) continue;
    (byStage[c.gatesStage] = byStage[c.gatesStage] || []).push(c.name);
  }
  return Object.keys(byStage).sort().map((stage) => `${stage}: ${byStage[stage].join(', ')}`).join('; ');
}

/** The inverse of describeOpenGates, tolerant of hand edits. */
export function parseOpenGates(text: string): { stage: string; names: string[] }[] {
  if (!text) return [];
  return text.split(';').map((part) => {
    const at = part.indexOf(':');
    if (at < 0) return { stage: '', names: [] };
    return { stage: part.slice(0, at).trim(), names: part.slice(at + 1).split(',').map((n) => n.trim()).filter(Boolean) };
  }).filter((g) => g.stage !== '' && g.names.length > 0);
}

/** The gates a deal's "Open gates" cell names, as the move evaluator takes them. */
export function openGatesOf(text: string): StageGate[] {
  const gates: StageGate[] = [];
  for (const g of parseOpenGates(text)) {
    if (!isStageKey(g.stage)) continue;
    for (const name of g.names) gates.push({ checkpointName: name, gatedStage: g.stage, done: false });
  }
  return gates;
}

/** Days from today to the due day: negative when late. */
export function daysBetween(fromDay: string, toDay: string): number {
  const [y1, m1, d1] = fromDay.split('-').map(Number);
  const [y2, m2, d2] = toDay.split('-').map(Number);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86400000);
}
