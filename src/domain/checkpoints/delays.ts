// Where execution slipped: planned versus actual per checkpoint name and per person.
import { daysBetween } from './health';

export interface DelayInput {
  name: string;
  responsible: string;
  /** Local days. */
  due: string | null;
  doneAt: string | null;
}

export interface DelayRow {
  group: 'checkpoint' | 'responsible';
  key: string;
  done: number;
  averageDelayDays: number;
  worstDelayDays: number;
  open: number;
  lateNow: number;
}

function summarise(group: DelayRow['group'], key: string, items: readonly DelayInput[], today: string): DelayRow {
  const delays = items.filter((i) => i.doneAt && i.due).map((i) => daysBetween(i.due as string, i.doneAt as string));
  const open = items.filter((i) => !i.doneAt);
  return {
    group,
    key,
    done: items.filter((i) => i.doneAt).length,
    averageDelayDays: delays.length ? Math.round((delays.reduce((a, b) => a + b, 0) / delays.length) * 10) / 10 : 0,
    worstDelayDays: delays.length ? Math.max(...delays) : 0,
    open: open.length,
    lateNow: open.filter((i) => i.due !== null && i.due < today).length,
  };
}

export function delayReport(items: readonly DelayInput[], today: string): DelayRow[] {
  const groups = (pickKey: (i: DelayInput) => string) => {
    const byKey: Record<string, DelayInput[]> = {};
    for (const item of items) (byKey[pickKey(item) || '(nobody)'] = byKey[pickKey(item) || '(nobody)'] || []).push(item);
    return byKey;
  };
  const byName = groups((i) => i.name);
  const byPerson = groups((i) => i.responsible);
  return Object.keys(byName).sort().map((k) => summarise('checkpoint', k, byName[k], today))
    .concat(Object.keys(byPerson).sort().map((k) => summarise('responsible', k, byPerson[k], today)));
}

export interface DealDelayInput extends DelayInput {
  dealId: string;
  doneBy: string;
}

export interface DealDelayRow {
  dealId: string;
  name: string;
  responsible: string;
  due: string;
  doneAt: string | null;
  doneBy: string;
  /** Done: done day − due day (negative = early); open: days past due so far. */
  daysLate: number;
}

/**
 * Planned vs actual per checkpoint of each deal (issue 23): every checkpoint due within the
 * window that was done, or is open and past due, the latest first by lateness; at most `limit`.
 */
export function dealDelays(items: readonly DealDelayInput[], today: string, fromDay: string, limit = 1000): DealDelayRow[] {
  const rows: DealDelayRow[] = [];
  for (const i of items) {
    if (!i.due || i.due < fromDay || i.due > today) continue;
    if (!i.doneAt && i.due >= today) continue;
    rows.push({
      dealId: i.dealId, name: i.name, responsible: i.responsible || '(nobody)', due: i.due, doneAt: i.doneAt, doneBy: i.doneBy,
      daysLate: daysBetween(i.due, i.doneAt || today),
    });
  }
  return rows.sort((a, b) => b.daysLate - a.daysLate || a.due.localeCompare(b.due) || a.dealId.localeCompare(b.dealId)).slice(0, limit);
}
