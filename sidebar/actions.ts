// Every write the board makes: optimistic where it is safe, one call at a time per deal
// (each call carries the version the previous one returned), and a stale write
// ("… changed …") shows the server's message and reloads the board.
import type { ActivityInput, Card, CardSteps, DealPatch, NewLeadInput, UpdatedCard } from '../src/app/contracts/board';
import type { Forecast, StageKey } from '../src/app/contracts/shared';
import { call, messageOf } from './rpc';
import { changed, columnOf, findCard, moveLocal, replaceCard, setBoard, state } from './state';
import { showBanner } from './render/kernel/banner';
import { neighboursOf } from './neighbours';
import { requestDone, requestKey } from './requestKeys';

const chains: { [dealId: string]: Promise<unknown> } = {};

/** Runs writes to one deal one after another, so each carries the version the last returned. */
export function perDeal<T>(dealId: string, task: () => Promise<T>): Promise<T> {
  const previous = chains[dealId] || Promise.resolve();
  const next = previous.then(task, task);
  chains[dealId] = next.catch(() => undefined);
  return next;
}

export function versionOf(dealId: string): number {
  const found = findCard(dealId);
  return found ? found.card.version : 0;
}

export function isConflict(message: string): boolean {
  return /changed/i.test(message);
}

/** Shows what went wrong; a conflict also reloads the board. Returns the message. */
export function report(error: unknown): string {
  const message = messageOf(error);
  if (isConflict(message)) {
    showBanner(message, 'warn');
    void reload();
  } else {
    showBanner(message, 'error');
  }
  return message;
}

let loading: Promise<void> | null = null;
let again: Promise<void> | null = null;

/** Loads the board; calls made while a load runs share one follow-up load. */
export function reload(highlight?: string | null): Promise<void> {
  if (highlight) state.highlight = highlight;
  if (loading) {
    if (!again) again = loading.then(() => { again = null; return reload(); });
    return again;
  }
  // Always the whole board: "My deals / All deals / <manager>" is filtered here, so the
  // drop index a move sends counts the same cards the server counts.
  loading = call('api_getBoard', { scope: 'all' })
    .then((board) => { setBoard(board); })
    .catch((error) => { showBanner(messageOf(error), 'error'); })
    .then(() => { loading = null; });
  return loading;
}

export function setStep(dealId: string, step: keyof CardSteps, value: boolean): Promise<Card | null> {
  const found = findCard(dealId);
  if (!found) return Promise.resolve(null);
  found.card.steps[step] = value;
  changed();
  return updateDeal(dealId, { [step]: value } as DealPatch).catch(() => {
    const again = findCard(dealId);
    if (again) { again.card.steps[step] = !value; changed(); }
    return null;
  });
}

export function setForecast(dealId: string, forecast: Forecast | ''): Promise<Card | null> {
  const found = findCard(dealId);
  if (!found) return Promise.resolve(null);
  const before = found.card.forecast;
  found.card.forecast = forecast;
  changed();
  return updateDeal(dealId, { forecast }).catch(() => {
    const again = findCard(dealId);
    if (again) { again.card.forecast = before; changed(); }
    return null;
  });
}

/** What a form showed when it was drawn: its version, and each field's value then. */
export interface SeenCard {
  version: number;
  values: Record<string, unknown>;
}

/**
 * api_updateDeal; the fresh card replaces the old one. With `seen` (a form's snapshot), a save on
 * a card changed meanwhile is merged field by field on the server (issue 21, item 4) and the
 * answer's `merge` says what was saved and what both changed; without it, the card's current version.
 */
export function updateDeal(dealId: string, patch: DealPatch, seen?: SeenCard): Promise<UpdatedCard> {
  const base = () => {
    if (!seen) return undefined;
    const values: Record<string, unknown> = {};
    for (const key of Object.keys(patch)) if (key in seen.values) values[key] = seen.values[key];
    return values;
  };
  return perDeal(dealId, () => call('api_updateDeal', dealId, patch, seen ? seen.version : versionOf(dealId), base()))
    .then((card) => {
      const plain: Card & { merge?: unknown } = { ...card };
      delete plain.merge;
      replaceCard(plain);
      changed();
      return card;
    })
    .catch((error) => { report(error); throw error; });
}

/** Optimistic move; a refusal puts the card back and shows the reasons on it. */
export function moveDeal(dealId: string, toStage: StageKey, index: number): Promise<boolean> {
  const found = findCard(dealId);
  if (!found || !columnOf(toStage)) return Promise.resolve(false);
  const from = { stage: found.column.key, index: found.index, days: found.card.daysInStage };
  delete state.reasons[dealId];
  moveLocal(dealId, toStage, index);
  const seen = neighboursOf(dealId);
  changed();
  const putBack = (card: Card | null) => {
    moveLocal(dealId, from.stage, from.index);
    const back = findCard(dealId);
    if (back) { back.card.stage = from.stage; back.card.daysInStage = from.days; }
    if (card && card.stage === from.stage) replaceCard(card);
  };
  return perDeal(dealId, () => call('api_moveDeal', dealId, toStage, index, versionOf(dealId), seen))
    .then((result) => {
      if (result.ok) {
        if (result.card) replaceCard(result.card);
        changed();
        if (from.stage !== toStage && result.card) offerUndo(dealId, toStage);
        return true;
      }
      putBack(result.card);
      state.reasons[dealId] = result.reasons && result.reasons.length ? result.reasons : ['The move was refused.'];
      changed();
      return false;
    })
    .catch((error) => {
      const message = report(error);
      if (!isConflict(message)) {
        putBack(null);
        state.reasons[dealId] = [message];
        changed();
      }
      return false;
    });
}

/** A stage change can be taken back for a minute from the toast (the server keeps what it replaced). */
function offerUndo(dealId: string, toStage: StageKey): void {
  const names = state.board ? state.board.columns : [];
  const nameOf = (key: StageKey) => (names.filter((c) => c.key === key)[0] || { name: key }).name;
  showBanner(`Moved to ${nameOf(toStage)}.`, 'info', {
    label: 'Undo',
    testId: 'undo-move',
    seconds: 60,
    run: () => { void undoMove(dealId); },
  });
}

export function undoMove(dealId: string): Promise<boolean> {
  return perDeal(dealId, () => call('api_undoMove', dealId, versionOf(dealId)))
    .then((result) => {
      if (result.card) replaceCard(result.card);
      changed();
      showBanner(result.message, 'info');
      // The card's old slot in its column comes back with the board.
      return reload(dealId).then(() => true);
    })
    .catch((error) => { report(error); return false; });
}

/** Index for "move to the end of that column", counting cards without the moved one. */
export function endIndex(dealId: string, toStage: StageKey): number {
  const column = columnOf(toStage);
  if (!column) return 0;
  return column.cards.filter((c) => c.id !== dealId).length;
}

/** nextContactAt: the call back the manager confirmed (ISO), or null for none. */
export function convertLead(leadId: string, nextContactAt: string | null): Promise<string | null> {
  const slot = `convert:${leadId}`;
  return call('api_convertLead', leadId, nextContactAt, requestKey(slot, nextContactAt))
    .then((result) => { requestDone(slot); return result; })
    .then((result) => reload(result.dealId).then(() => {
      showBanner(nextContactAt ? 'Lead converted to a deal in New, with its call back on Today.' : 'Lead converted to a deal in New.', 'info');
      return result.dealId;
    }))
    .catch((error) => { report(error); return null; });
}

export function junkLead(leadId: string): Promise<boolean> {
  const board = state.board;
  const before = board ? board.inbox.slice() : [];
  if (board) { board.inbox = board.inbox.filter((l) => l.id !== leadId); changed(); }
  return call('api_junkLead', leadId)
    .then(() => true)
    .catch((error) => {
      if (board) { board.inbox = before; changed(); }
      report(error);
      return false;
    });
}

export function addLead(input: NewLeadInput): Promise<boolean> {
  // Clicking Add again after an error sends the same request id: never two leads (issue 20, item 12).
  return call('api_addLead', input, requestKey('lead', input))
    .then((result) => { requestDone('lead'); return result; })
    .then((result) => reload(result.dealId).then(() => {
      showBanner(result.dealId ? 'Request added and a deal started in New.' : 'Request added to the inbox.', 'info');
      return true;
    }))
    .catch((error) => { report(error); return false; });
}

export function logActivity(input: ActivityInput): Promise<boolean> {
  return perDeal(input.dealId, () => call('api_logActivity', input))
    .then((result) => {
      const found = findCard(input.dealId);
      if (found) found.card.version = result.version;
      if (input.nextContactAt !== undefined) return reload().then(() => true);
      return true;
    })
    .catch((error) => { report(error); return false; });
}

/** A checkpoint call returned the deal's new health: show it on the card right away. */
export function setHealth(dealId: string, health: string): void {
  const found = findCard(dealId);
  if (!found || found.card.health === health) return;
  found.card.health = health as Card['health'];
  changed();
}

/** Selects a problem's cell in the sheet; the sheet scrolls to it. */
export function goToCell(tab: string, row: number, column: string): Promise<boolean> {
  return call('api_goToCell', tab, row, column)
    .then(() => { showBanner(`Selected ${tab} row ${row}, ${column}.`, 'info'); return true; })
    .catch((error) => { report(error); return false; });
}

/** Writes the last accepted stage back into a cell that holds a refused one. */
export function putStageBack(row: number): Promise<boolean> {
  return call('api_putStageBack', row)
    .then((done) => reload(done.dealId).then(() => { showBanner(`Stage put back to ${done.name}.`, 'info'); return true; }))
    .catch((error) => { report(error); void reload(); return false; });
}
