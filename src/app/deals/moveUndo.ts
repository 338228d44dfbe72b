// Undo of a card move for a minute: the move keeps what it replaced in the cache, and undo puts
// exactly that back if nothing else changed the deal since. The transition rules do not apply to
// an undo (the deal was there a minute ago); the caller's rights do.
import { OUTBOX } from '../../workbook/schema';
import { readTable, updateRow } from '../../workbook/table';
import { canEditDeal, sameEmail } from '../../domain/kernel/roles';
import { StageKey } from '../../domain/deals/stages';
import { UNDO_SECONDS, forgetMove, readMove } from './moveMemory';
import { idempotencyKey, CANCELLABLE_STATUSES, OutboxStatus } from '../../domain/mail/notifications';
import { MoveResult } from '../contracts/board';
import { Deal, toDeal } from '../kernel/records';
import { contactRulesOf, toCard } from './boardView';
import { UseCaseContext } from '../kernel/session';
import { refuseIfStale } from '../kernel/conflicts';
import { appendActivities } from '../kernel/audit';
import { appendStageHistory } from './stageHistory';
import { InputError, requireId, requireVersion } from '../kernel/validate';
import { loadDeal } from './deals';

export function undoMove(ctx: UseCaseContext, dealIdArg: unknown, versionArg: unknown): MoveResult & { message: string } {
  const dealId = requireId(dealIdArg, 'The deal');
  const expectedVersion = requireVersion(versionArg);
  return ctx.ports.lock.withDocumentLock(() => {
    const { table, row, deal } = loadDeal(ctx, dealId);
    if (!canEditDeal(ctx.actor, deal.manager)) throw new InputError(`Only the deal's manager, a head or the owner may move "${deal.title}".`);
    refuseIfStale(ctx, `"${deal.title}"`, deal, expectedVersion);
    const record = readMove(ctx, dealId);
    const tooLate = 'This move can no longer be undone: a minute has passed, or it was undone already. Move the card back by hand.';
    if (!record || !sameEmail(record.by, ctx.actor.email) || record.version !== deal.version || record.to !== deal.stage) throw new InputError(tooLate);
    if (ctx.moment.now.getTime() - Date.parse(record.at) > UNDO_SECONDS * 1000) throw new InputError(tooLate);
    const patch: Record<string, unknown> = {
      version: deal.version + 1,
      updatedAt: ctx.moment.now,
      updatedBy: ctx.actor.email,
      stage: record.from,
      position: record.position === null ? '' : record.position,
      stageSince: record.stageSince ? new Date(record.stageSince) : null,
      closedAt: record.closedAt ? new Date(record.closedAt) : null,
      health: record.health,
    };
    updateRow(ctx.ports.sheets, table, row, patch, ctx.ports.dates);
    const names = ctx.config.settings.stageNames;
    appendActivities(ctx.ports, ctx.actor.email, [{
      kind: 'audit', dealId, clientId: deal.clientId, summary: `Stage ${names[record.to]} → ${names[record.from]} (move undone)`,
    }]);
    appendStageHistory(ctx.ports, [{ dealId, from: record.to, to: record.from, at: ctx.moment.now, by: ctx.actor.email, how: 'move undone' }]);
    forgetMove(ctx, dealId);
    const cancelled = cancelStageMail(ctx, dealId, record.to);
    const restored = toDeal({ ...row.record, ...patch } as typeof row.record) as Deal & { stage: StageKey };
    const notes = [`Moved back to ${names[record.from]}.`];
    if (cancelled) notes.push(`The e-mail to the client about ${names[record.to]} was cancelled before it went out.`);
    if (record.planApplied) notes.push('The checkpoints the move added stay on the deal.');
    return { ok: true, reasons: [], card: toCard(restored, ctx.actor, ctx.config.team, ctx.moment, contactRulesOf(ctx.config.settings)), message: notes.join(' ') };
  });
}

/** The stage e-mail the undone move queued, if it has not gone out yet. */
function cancelStageMail(ctx: UseCaseContext, dealId: string, stage: StageKey): boolean {
  const template = `stage.${stage}`;
  if (ctx.config.settings.mail.clientEvents.indexOf(template) < 0) return false;
  if (ctx.ports.sheets.readHeader(OUTBOX.name) === null) return false;
  const outbox = readTable(ctx.ports.sheets, OUTBOX, ctx.ports.dates);
  const key = idempotencyKey(template, dealId, `stage:${stage}`);
  const row = outbox.rows.filter((r) => r.record.key === key)[0];
  if (!row || CANCELLABLE_STATUSES.indexOf(String(row.record.status) as OutboxStatus) < 0) return false;
  updateRow(ctx.ports.sheets, outbox, row, { status: 'cancelled', reason: `Move undone by ${ctx.actor.email}`, updatedAt: ctx.moment.now }, ctx.ports.dates);
  return true;
}

