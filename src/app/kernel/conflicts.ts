import { WorkbookError } from '../../workbook/errors';
import { UseCaseContext, describeTime } from './session';
import { sameEmail } from '../../domain/kernel/roles';

/** A write based on an outdated view; the sidebar reloads the board when it sees one. */
export class ConflictError extends WorkbookError {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

export function refuseIfStale(
  ctx: UseCaseContext,
  what: string,
  row: { version: number; updatedBy: string; updatedAt: Date | null },
  expectedVersion: number,
): void {
  if (row.version === expectedVersion) return;
  const { who, when } = lastChange(ctx, row);
  throw new ConflictError(
    `${who} changed ${what}${when}; your change was not saved. The board has been refreshed — please check and try again.`,
  );
}

/** Who made a row's last change ("You", a team member's name) and when (" at 09:00", or ""). */
export function lastChange(ctx: UseCaseContext, row: { updatedBy: string; updatedAt: Date | null }): { who: string; when: string } {
  const who = sameEmail(row.updatedBy, ctx.actor.email)
    ? 'You'
    : (ctx.config.team.filter((m) => sameEmail(m.email, row.updatedBy))[0] || { name: row.updatedBy || 'Someone' }).name;
  const when = row.updatedAt ? ` ${describeTime(row.updatedAt, ctx.moment.now, ctx.config.timeZone, ctx.config.locale)}` : '';
  return { who, when };
}
