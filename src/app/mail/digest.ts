// Queues each person's morning digest once a day, from the digest hour on (the hourly trigger
// calls this, then drains). One property read per hour decides; the tabs are read once a day.
import { backupHealth } from '../backup/backup';
import { CHECKPOINTS, DEALS, LEADS, OUTBOX } from '../../workbook/schema';
import { readTable } from '../../workbook/table';
import { readColumns, readPickedRows, readRowsOf } from '../../workbook/rows';
import { readColumns as readDealColumns } from '../../workbook/columns';
import { DecodedRow, isDate } from '../../workbook/codec';
import { missingTabError } from '../../workbook/errors';
import { DigestInput, digestDueOn, digestText, planDigests } from '../../domain/mail/digest';
import { idempotencyKey } from '../../domain/mail/notifications';
import { parseWorkingTime } from '../../domain/meetings/slots';
import { addDays, localDay, wallTime } from '../../domain/kernel/timezone';
import { isSupervisor } from '../../domain/kernel/roles';
import { Ports } from '../../ports';
import { Config } from '../kernel/config';
import { toCheckpoint, toDeal, toLead } from '../kernel/records';
import { MessageDraft, queueMessages } from './outbox';
import { readAnsweredBriefs } from '../briefs/briefNews';
import { readPaymentGatesSince } from './paymentGateNews';
import { localDateTime, instantOf } from '../../domain/kernel/timezone';

export const DIGEST_DAY_KEY = 'dealboard:digest:day';

const DIGEST_DEAL_COLUMNS = ['id', 'title', 'clientName', 'stage', 'manager', 'health', 'nextContactAt', 'stageSince'];
const DIGEST_CHECKPOINT_COLUMNS = ['id', 'dealId', 'name', 'due', 'responsible', 'doneAt', 'doneBy'];

/** The checkpoints not done yet: Done at / Done by read whole, then only the open rows. */
function openCheckpoints(ports: Ports): DecodedRow[] {
  const done = readColumns(ports.sheets, CHECKPOINTS, ports.dates, ['doneAt', 'doneBy']);
  if (!done) throw missingTabError(CHECKPOINTS.name);
  // A small tab was read whole: its rows are complete.
  if (done.map.index.id !== undefined) return done.rows.filter((r) => toCheckpoint(r.record).doneAt === null);
  const doneAt = done.map.index.doneAt;
  const doneBy = done.map.index.doneBy;
  const open: number[] = [];
  done.raw.forEach((raw, i) => {
    const isDone = String(raw[doneBy] ?? '').trim() !== '' && isDate(raw[doneAt]);
    if (!isDone) open.push(i + 2);
  });
  return readRowsOf(ports.sheets, CHECKPOINTS, done.header, ports.dates, open, DIGEST_CHECKPOINT_COLUMNS)
    .filter((r) => toCheckpoint(r.record).doneAt === null);
}

/** Where a link in an e-mail opens the sheet at a row. */
export interface SheetLinks {
  rowUrl(tab: string, row: number): string;
}

export function queueDigests(ports: Ports, config: Config, links: SheetLinks): { day: string; queued: number } | null {
  const digest = config.settings.mail.digest;
  if (!digest.enabled) return null;
  const now = ports.clock.now();
  const today = localDay(now, config.timeZone);
  if (wallTime(now, config.timeZone).hour < digest.hour) return null;
  if (!digestDueOn(today, parseWorkingTime(config.settings.workingHours, config.settings.workingDays).days)) return null;
  const lastDay = ports.store.get(DIGEST_DAY_KEY);
  if (lastDay === today) return null;
  return ports.lock.withDocumentLock(() => {
    // Set up before notifications existed: setup adds the tab (handles only, no cells).
    if (ports.sheets.dimensions(OUTBOX.name) === null) return null;
    const day = (d: Date | null) => (d ? localDay(d, config.timeZone) : '');
    // Issue 26: only the columns the digest uses; checkpoints: Done at/by of every row, then the
    // open rows' own cells (most checkpoints belong to finished deals and are done).
    const checkpoints = openCheckpoints(ports).map((r) => ({ c: toCheckpoint(r.record), row: r.row }));
    // Deals: ID and Stage of every row; the rest only of live deals and of deals with an open
    // checkpoint (a closed deal's own lines never reach a digest: calls, red and stuck are live-only).
    const withOpen = new Set(checkpoints.map((x) => x.c.dealId));
    const needed = { keys: DIGEST_DEAL_COLUMNS, when: (r: Record<string, unknown>) => (r.stage !== 'failed' && r.stage !== 'completed') || withOpen.has(String(r.id || '').trim()) };
    const deals = readDealColumns(ports.sheets, DEALS, ports.dates, ['id', 'stage'], undefined, needed)
      .filter((r) => needed.when(r.record))
      .map((r) => ({ deal: toDeal(r.record), row: r.row }));
    const leads = readTable(ports.sheets, LEADS, ports.dates).rows.map((r) => ({ lead: toLead(r.record), row: r.row })).filter((l) => l.lead.status === 'new');
    const input: DigestInput = {
      today,
      tomorrow: addDays(today, 1),
      stuckDays: digest.stuckDays,
      people: config.team.filter((m) => m.active).map((m) => ({ email: m.email, name: m.name, supervisor: isSupervisor({ email: m.email, name: m.name, role: m.role }) })),
      deals: deals.filter((d) => d.deal.stage).map(({ deal, row }) => ({
        id: deal.id, title: deal.title, clientName: deal.clientName, stage: String(deal.stage), stageName: config.settings.stageNames[deal.stage!],
        manager: deal.manager, health: deal.health, nextContactDay: day(deal.nextContactAt), stageSinceDay: day(deal.stageSince), row,
      })),
      checkpoints: checkpoints.map(({ c, row }) => ({ id: c.id, dealId: c.dealId, name: c.name, dueDay: day(c.due), done: c.doneAt !== null, responsible: c.responsible, row })),
      newLeads: leads.map(({ lead, row }) => ({ id: lead.id, name: lead.name, row })),
      link: (tab, row) => links.rowUrl(tab, row),
      notices: ownerNotices(ports, config, links),
      answeredBriefs: briefsSince(ports, config, lastDay, digest.hour, now),
      paymentGates: readPaymentGatesSince(ports, sinceLastDigest(config, lastDay, digest.hour, now), now.getTime()),
    };
    const drafts: MessageDraft[] = planDigests(input).map((d) => {
      const message = digestText(d, config.settings.companyName, today);
      return {
        template: 'digest', event: `${d.email.toLowerCase()}:${today}`, dealId: '', clientId: '', manager: d.email, to: d.email,
        replyTo: '', fromName: `Dealboard — ${config.settings.companyName}`, rendered: { ok: true, ...message },
      };
    });
    // Issue 26: the Outbox keeps every message sent; only its key column is read, then the rows
    // holding one of today's keys (a digest already queued is not queued twice).
    const keys = new Set(drafts.map((d) => idempotencyKey(d.template, d.dealId, d.event)));
    const outbox = readPickedRows(ports.sheets, OUTBOX, ports.dates, ['key'], (r) => keys.has(String(r.record.key || '')));
    if (outbox === null) return null;
    const items = queueMessages(ports, ports.session.userEmail(), drafts, outbox.table);
    ports.store.put(DIGEST_DAY_KEY, today);
    return { day: today, queued: items.length };
  });
}

/**
 * The briefs answered since the last digest: from the last digest day's digest hour (the day is
 * the property this run read already), or the last 24 hours when no digest went out before.
 */
function sinceLastDigest(config: Config, lastDay: string | null, hour: number, now: Date): number {
  return lastDay && /^\d{4}-\d{2}-\d{2}$/.test(lastDay) ? instantOf(lastDay, config.timeZone, hour).getTime() : now.getTime() - 86400000;
}

function briefsSince(ports: Ports, config: Config, lastDay: string | null, hour: number, now: Date): (ReturnType<typeof readAnsweredBriefs>[number] & { when: string })[] {
  const from = sinceLastDigest(config, lastDay, hour, now);
  return readAnsweredBriefs(ports)
    .filter((b) => b.answeredAt >= from && b.answeredAt <= now.getTime())
    .map((b) => ({ ...b, when: localDateTime(new Date(b.answeredAt), config.timeZone) }));
}

/** The owner hears when backups stopped (issue 24): the 36-hour warning with the last failure. */
function ownerNotices(ports: Ports, config: Config, links: SheetLinks): Record<string, { text: string; url: string }[]> {
  const warning = backupHealth(ports);
  const owner = config.team.filter((m) => m.active && m.role === 'owner')[0];
  if (!warning || !owner) return {};
  return { [owner.email.trim().toLowerCase()]: [{ text: warning, url: links.rowUrl('Jobs log', 1) }] };
}
