// Issue 21, item 2 (the stage e-mail rule): a deal back in a stage it already had does not e-mail
// the client again (one e-mail per deal and stage, not per visit) unless the manager asks; a stage
// e-mail cancelled by an undone move is queued afresh when the deal really moves there.
import { demoWorkspace, records, runFromClient } from './harness';

/* eslint-disable @typescript-eslint/no-explicit-any */
const ANNA = 'anna@studio.test';

function negotiating(addon: any): any {
  const column = addon.api_getBoard({ scope: 'all' }).columns.find((c: any) => c.key === 'negotiation');
  const card = column.cards.find((c: any) => c.editable && c.email && c.manager === ANNA);
  if (!card) throw new Error('no deal of Anna in negotiation with an e-mail');
  return card;
}

const stageMails = (ws: any, dealId: string) => records(ws, 'Outbox').filter((r) => r['Deal ID'] === dealId && r.Template === 'stage.in_work');

describe('stage e-mails per deal and stage', () => {
  it('returning to a stage sends nothing again; "send again" queues one more, once per ask, and only for who may', () => {
    const { ws, addon } = demoWorkspace(80, ANNA);
    const card = negotiating(addon);
    const toWork = addon.api_moveDeal(card.id, 'in_work', 0, card.version);
    expect(toWork.ok).toBe(true);
    expect(runFromClient(ws, addon, 'api_sendQueuedMail', []).ok).toBe(true);
    const sentToClient = () => ws.mail.sent().filter((m: any) => m.to.includes(card.email));
    expect(sentToClient()).toHaveLength(1);

    const frozen = addon.api_moveDeal(card.id, 'frozen', 0, toWork.card.version);
    const back = addon.api_moveDeal(card.id, 'in_work', 0, frozen.card.version);
    expect(back.ok).toBe(true);
    runFromClient(ws, addon, 'api_sendQueuedMail', []);
    expect(sentToClient()).toHaveLength(1);
    expect(stageMails(ws, card.id)).toHaveLength(1);

    // The manager asks: one more, with its own key; the first stays as it was.
    const again = addon.api_sendStageMailAgain(card.id);
    expect(again).toMatchObject({ status: 'queued', template: 'stage.in_work', dealId: card.id });
    const rows = stageMails(ws, card.id);
    expect(rows.map((r) => r.Status)).toEqual(['sent', 'queued']);
    expect(String(rows[1]['Idempotency key'])).toBe(`stage.in_work|${card.id}|stage:in_work#2`);
    runFromClient(ws, addon, 'api_sendQueuedMail', []);
    expect(sentToClient()).toHaveLength(2);
    expect(sentToClient()[1].subject).toBe(sentToClient()[0].subject);

    // An executor is refused before anything is written.
    ws.setUser('eva@studio.test');
    const refused = runFromClient(ws, addon, 'api_sendStageMailAgain', [card.id]);
    expect(refused.ok).toBe(false);
    expect(stageMails(ws, card.id)).toHaveLength(2);
  });

  it('a stage without a client e-mail refuses "send again" with a sentence, writing nothing', () => {
    const { ws, addon } = demoWorkspace(80, ANNA);
    const card = negotiating(addon);
    const before = records(ws, 'Outbox').length;
    const reply = runFromClient(ws, addon, 'api_sendStageMailAgain', [card.id]);
    expect(reply.error.message).toMatch(/^No e-mail is sent to clients for Negotiation/);
    expect(records(ws, 'Outbox').length).toBe(before);
  });

  it('a stage e-mail cancelled by an undone move is queued afresh on the next real move there', () => {
    const { ws, addon } = demoWorkspace(80, ANNA);
    const card = negotiating(addon);
    const moved = addon.api_moveDeal(card.id, 'in_work', 0, card.version);
    const undone = addon.api_undoMove(card.id, moved.card.version);
    expect(undone.ok).toBe(true);
    expect(stageMails(ws, card.id).map((r) => r.Status)).toEqual(['cancelled']);
    const again = addon.api_moveDeal(card.id, 'in_work', 0, undone.card.version);
    expect(again.ok).toBe(true);
    expect(stageMails(ws, card.id).map((r) => r.Status)).toEqual(['cancelled', 'queued']);
  });
});
