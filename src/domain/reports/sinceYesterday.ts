// The morning meeting's "Since yesterday" strip (issue 23): what happened from the start of
// yesterday until now — new requests, deals won and lost, money received, and every stage move
// (from → to, who). Pure: the caller reads Leads, Payments and Stage history from `sinceDay` on.
import { Figure } from './kpi';
import { StageKey } from '../deals/stages';

export interface StripMove {
  dealId: string;
  from: StageKey | '';
  to: StageKey;
  /** The instant, ISO. */
  at: string;
  by: string;
}

export interface SinceYesterday {
  /** The first local day counted (yesterday). */
  sinceDay: string;
  newRequests: number;
  won: Figure;
  lost: Figure;
  paid: Figure;
  /** Every move, latest first (at most MAX_MOVES; `moreMoves` counts the rest). */
  moves: StripMove[];
  moreMoves: number;
}

export const MAX_MOVES = 50;

export interface StripFacts {
  sinceDay: string;
  /** Local days the requests came in. */
  requestDays: readonly (string | null)[];
  payments: readonly { dealId: string; day: string | null; amount: number }[];
  moves: readonly (StripMove & { day: string })[];
}

export function sinceYesterday(facts: StripFacts): SinceYesterday {
  const since = (day: string | null) => day !== null && day >= facts.sinceDay;
  const moves = facts.moves.filter((m) => since(m.day)).sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const dealsOf = (list: readonly { dealId: string }[]) => list.map((m) => m.dealId).filter((id, i, all) => all.indexOf(id) === i);
  const won = dealsOf(moves.filter((m) => m.to === 'in_work'));
  const lost = dealsOf(moves.filter((m) => m.to === 'failed'));
  const paidList = facts.payments.filter((p) => since(p.day));
  const cents = paidList.reduce((s, p) => s + Math.round(p.amount * 100), 0);
  return {
    sinceDay: facts.sinceDay,
    newRequests: facts.requestDays.filter(since).length,
    won: { value: won.length, deals: won },
    lost: { value: lost.length, deals: lost },
    paid: { value: cents / 100, deals: dealsOf(paidList) },
    moves: moves.slice(0, MAX_MOVES).map((m) => ({ dealId: m.dealId, from: m.from, to: m.to, at: m.at, by: m.by })),
    moreMoves: Math.max(0, moves.length - MAX_MOVES),
  };
}
