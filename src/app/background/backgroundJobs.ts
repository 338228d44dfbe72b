// The background jobs of the hourly run (issue 26), in their default order. A new job (backups,
// payment checks, brief answers...) is one more line in BACKGROUND_JOBS: a name and a run that
// does a bounded piece of work before `deadline`, keeps its cursor in `save`, and says cheaply
// when it has nothing to do. The scheduler (scheduler.ts) handles the deadline, the fair order,
// the watermarks and the Jobs log.
import { Ports } from '../../ports';
import { MailPort } from '../../ports/mail';
import { CalendarPort } from '../../ports/calendar';
import { localDay } from '../../domain/kernel/timezone';
import { BackgroundJob, JobOutcome, JobRun } from './scheduler';
import { Config, loadConfig, refreshConfig } from '../kernel/config';
import { recomputeAllHealth, refreshDelayReport } from '../checkpoints/checkpoints';
import { DIGEST_DAY_KEY, SheetLinks, queueDigests } from '../mail/digest';
import { drainOutbox } from '../mail/outbox';
import type { ProblemStore } from '../handEdits/handEdits';
import { UseCaseContext, begin } from '../kernel/session';
import { syncMeetingsHourly } from '../meetings/meetings';
import { refreshDashboardSheet } from '../reports/dashboardSheet';
import { ClientIndexStore } from '../clients/clientIndex';
import { continueImports, importProgress, pendingImportIds } from '../clients/clientImport';
import { BackupStoragePort } from '../../ports/backup';
import { backupDue, loadRegistry, runBackup } from '../backup/backup';
import { wallTime } from '../../domain/kernel/timezone';
import { runArchive } from '../backup/archive';
import { forgetClientIndex } from '../clients/clientIndex';

import { checkBriefAnswers } from '../briefs/briefs';
import { FormsPort } from '../../ports/forms';
import { ONLINE_PAYMENTS_JOB, STRIPE_KEY_PROPERTY, StripeServices, checkStripePayments } from '../money/stripeLinks';
import { queuePaymentReminders } from '../money/paymentReminders';

/** What the jobs need from the outside world (wired in entry.ts). */
export interface BackgroundServices {
  mail: MailPort;
  links: SheetLinks;
  calendarFor(ctx: UseCaseContext): CalendarPort;
  clientIndex: ClientIndexStore;
  /** The owner's problem list: an Outbox row changed by hand is listed there. */
  problems?: ProblemStore;
  /** Backup spreadsheets (issue 24); without it the backup job does nothing. */
  backups?: BackupStoragePort;

  /** Google Forms (the brief's answers, issue 25). */
  forms?: FormsPort;
  /** Stripe over UrlFetchApp (issue 22): the online-payments job polls paid Checkout Sessions. */
  stripe?: StripeServices;
}

/** Settings and the team, read at most once per run and only when a job needs them. */
export interface RunConfig {
  (): Config;
}

const skip = (): JobOutcome => ({ done: 0, left: 0, skipped: true });

/** The workbook's local day: colours and reports follow the date even when nothing was edited. */
function today(ports: Ports): string {
  return localDay(ports.clock.now(), ports.sheets.timeZone());
}

/** Keeps the config cache warm: refreshed after a change, else every few hours (the cache keeps 6). */
const CONFIG_REFRESH_MS = 5 * 3600 * 1000;

function configJob(refresh: () => Config): BackgroundJob {
  return {
    name: 'settings',
    run(r: JobRun) {
      const now = r.ports.clock.now().getTime();
      if (!r.changed && r.saved && now - Number(r.saved) < CONFIG_REFRESH_MS) return skip();
      refresh();
      // Routine: not a line in the Jobs log.
      return { done: 1, left: 0, save: String(now), skipped: true };
    },
  };
}

function healthJob(config: RunConfig): BackgroundJob {
  return {
    name: 'health',
    run(r: JobRun) {
      const day = today(r.ports);
      if (!r.changed && r.saved === day) return skip();
      const counts = recomputeAllHealth(r.ports, config());
      return { done: counts.changed, left: 0, save: day, note: `${counts.changed} deals changed colour: ${counts.red} red, ${counts.amber} amber, ${counts.green} green, ${counts.white} white.` };
    },
  };
}

function delayReportJob(config: RunConfig): BackgroundJob {
  return {
    name: 'delay report',
    run(r: JobRun) {
      const day = today(r.ports);
      if (!r.changed && r.saved === day) return skip();
      const rows = refreshDelayReport(r.ports, config());
      return { done: rows, left: 0, save: day, note: `${rows} rows.` };
    },
  };
}

/** The Dashboard tab (issue 23): this month's figures as values, again when the workbook or the day changed. */
function dashboardTabJob(): BackgroundJob {
  return {
    name: 'dashboard tab',
    run(r: JobRun) {
      const day = today(r.ports);
      if (!r.changed && r.saved === day) return skip();
      // '' as the stamp: computed from the cells, not served from (nor kept in) the dialog's cache;
      // every Deals row is read, and the dialog's per-deal snapshot written again from them.
      const rows = refreshDashboardSheet(begin(r.ports), '', true);
      return { done: rows, left: 0, save: day, note: `${rows} figures.` };
    },
  };
}

function digestJob(config: RunConfig, services: BackgroundServices): BackgroundJob {
  return {
    name: 'digest',
    run(r: JobRun) {
      // Queued already today: one property read decides (queueDigests checks the hour and the day).
      if (r.ports.store.get(DIGEST_DAY_KEY) === today(r.ports)) return skip();
      const result = queueDigests(r.ports, config(), services.links);
      return result ? { done: result.queued, left: 0, note: `${result.queued} digests queued for ${result.day}.` } : skip();
    },
  };
}

function drainJob(services: BackgroundServices): BackgroundJob {
  return {
    name: 'e-mail',
    run(r: JobRun) {
      // Nothing was queued since the outbox was left empty.
      if (!r.changed && r.last && r.last.left === 0) return skip();
      const result = drainOutbox(r.ports, services.mail, { budgetMs: Math.max(0, r.deadline - r.ports.clock.now().getTime()), problems: services.problems });
      const note = `${result.sent} sent${result.failed ? `, ${result.failed} failed` : ''}${result.stoppedBy === 'done' ? '' : ` (stopped: ${result.stoppedBy})`}.`;
      if (result.sent === 0 && result.failed === 0 && result.left === 0) return { ...skip(), note };
      return { done: result.sent, left: result.left, note };
    },
  };
}

function meetingsJob(services: BackgroundServices): BackgroundJob {
  return {
    name: 'meetings',
    run(r: JobRun) {
      // Calendar changes are not in the board stamp: booked meetings are checked every hour;
      // with none booked (nothing checked last time and nothing written since) there is nothing to do.
      if (!r.changed && r.saved === '0') return skip();
      const ctx = begin(r.ports);
      const result = syncMeetingsHourly(ctx, services.calendarFor(ctx));
      const changes = result.moved + result.cancelled + result.declined;
      const outcome: JobOutcome = { done: result.checked, left: 0, save: String(result.checked), note: `${result.checked} checked, ${result.moved} moved, ${result.cancelled} cancelled, ${result.declined} declined.` };
      return result.checked === 0 && changes === 0 ? { ...outcome, skipped: true } : outcome;
    },
  };
}

function importsJob(services: BackgroundServices): BackgroundJob {
  return {
    name: 'imports',
    run(r: JobRun) {
      const pending = pendingImportIds(r.ports);
      if (pending.length === 0) return skip();
      const ctx = begin(r.ports);
      // Rows done before this run, from each import's stored cursor (one property read each).
      const before: Record<string, number> = {};
      for (const id of pending) { const p = importProgress(ctx, id); before[id] = p ? p.rowsDone : 0; }
      const startedAt = r.ports.clock.now().getTime();
      const progress = continueImports(ctx, services.clientIndex, startedAt, Math.max(0, r.deadline - startedAt));
      let done = 0;
      let left = 0;
      for (const p of progress) {
        done += p.rowsDone - (before[p.importId] || 0);
        if (!p.done && !p.undone && !p.stalled) left += p.rowCount - p.rowsDone;
      }
      const stalled = progress.filter((p) => p.stalled).map((p) => p.stalled);
      return { done: Math.max(0, done), left, note: `${progress.length} import${progress.length === 1 ? '' : 's'} continued (rows).${stalled.length ? ` Stalled: ${stalled.join(' ')}` : ''}` };
    },
  };
}

/** From this local hour on, the day's backup runs even if the team kept writing all day. */
export const BACKUP_LATEST_HOUR = 20;

function backupJob(config: RunConfig, services: BackgroundServices): BackgroundJob {
  return {
    name: 'backup',
    run(r: JobRun) {
      const storage = services.backups;
      // Once per local day: after today's backup the job costs no call (the zone is read already).
      const day = today(r.ports);
      // Done today: the last run's figures are kept, so the shared job state is not rewritten.
      if (!storage || r.saved === day) return { ...skip(), done: r.last ? r.last.done : 0 };
      if (!backupDue(r.ports)) return { ...skip(), save: day };
      // After a quiet hour (nothing written since the last run) if possible, else in the evening.
      const started = loadRegistry(r.ports).running !== null;
      if (!started && r.changed && wallTime(r.ports.clock.now(), r.ports.sheets.timeZone()).hour < BACKUP_LATEST_HOUR) return skip();
      const settings = config().settings.backups;
      const out = runBackup(r.ports, storage, {
        by: r.ports.session.effectiveEmail() || 'hourly trigger', trigger: 'daily', deadline: r.deadline,
        keepDaily: settings.keepDaily, keepWeekly: settings.keepWeekly,
      });
      if (out.status === 'partial') return { done: out.requests, left: out.left, note: `Backup in progress: ${out.left} tabs left for the next run (${out.requests} requests).` };
      return { done: out.requests, left: 0, save: day, note: `Backup made (${out.requests} requests, ${out.record ? out.record.cells : 0} cells)${out.trashed ? `; ${out.trashed} old backups trashed` : ''}.` };
    },
  };
}

/**
 * Yearly archives (issue 24): while Settings archive_after_months is on, closed deals older than
 * that move to the year's archive, chunk by chunk within the run's deadline. Checked once a day
 * (a deal becomes old enough by the calendar, not by an edit) and again while a run left some.
 */
function archiveJob(config: RunConfig, services: BackgroundServices): BackgroundJob {
  return {
    name: 'archive',
    run(r: JobRun) {
      const day = today(r.ports);
      if (!services.backups || (r.saved === day && !(r.last && r.last.left > 0))) return skip();
      const { afterMonths, problem } = config().settings.archive;
      if (afterMonths === null) return problem ? { ...skip(), save: day, note: problem } : { ...skip(), save: day };
      const out = runArchive(r.ports, services.backups, { months: afterMonths, deadline: r.deadline });
      // The client index holds no deal, but its cache is dropped with the rest: nothing served stale.
      if (out.moved > 0) forgetClientIndex(services.clientIndex);
      if (out.moved === 0 && !out.more) return { ...skip(), save: day };
      return { done: out.moved, left: out.more ? 1 : 0, save: day, note: `${out.moved} closed deals archived in ${out.chunks} chunks${out.more ? '; more next run' : ''}.` };
    },
  };
}

function briefsJob(services: BackgroundServices): BackgroundJob {
  return {
    name: 'brief answers',
    run(r: JobRun) {
      // Clients answer without touching the workbook: every run asks (one fetchAll per 50 open briefs).
      // With no open brief last time and nothing written since (a send writes), there is nothing to ask.
      if (!services.forms || (!r.changed && r.saved === '0')) return skip();
      const result = checkBriefAnswers(r.ports, services.forms, { deadline: r.deadline });
      const note = `${result.checked} briefs checked, ${result.responses} new responses (${result.answers} answers).${result.errors.length ? ` ${result.errors.join(' ')}` : ''}`;
      const save = String(result.checked + result.left);
      if (result.responses === 0 && result.errors.length === 0 && result.left === 0) return { ...skip(), note, save };
      return { done: result.responses, left: result.left, note, save };
    },
  };
}

/**
 * Issue 22: paid Checkout Sessions of the invoices' Stripe links, recorded once each. Payments
 * arrive from outside the workbook, so open links are polled every hour; with no key, or no open
 * link last time and nothing written since, nothing is read.
 */
function onlinePaymentsJob(services: BackgroundServices): BackgroundJob {
  return {
    name: ONLINE_PAYMENTS_JOB,
    run(r: JobRun) {
      if (!services.stripe) return skip();
      let saved: { after: string; open: number } = { after: '', open: -1 };
      try { if (r.saved) saved = JSON.parse(r.saved); } catch (_damaged) { /* start from the first link */ }
      // No open link (or no key) last time and nothing written since: not even the key is read.
      // Saving a key wakes this job (stripeLinks.setStripeKey).
      if (!r.changed && saved.open === 0) return skip();
      if (!r.ports.store.get(STRIPE_KEY_PROPERTY)) return { ...skip(), save: JSON.stringify({ after: '', open: 0 }) };
      const result = checkStripePayments(begin(r.ports), services.stripe, { cursor: saved.after, deadline: r.deadline });
      const open = result.checked - result.closed + result.left;
      const save = JSON.stringify({ after: result.lastNumber, open });
      if (result.checked === 0 && !result.problem) return { ...skip(), save };
      const note = `${result.checked} links checked, ${result.recorded} payments recorded, ${result.closed} links closed${result.checkpoints.length ? `, ${result.checkpoints.length} payment checkpoints done` : ''}.${result.problem ? ` ${result.retry ? 'Stopped (tried again next hour)' : 'Stopped'}: ${result.problem}` : ''}`;
      return { done: result.recorded, left: result.left, save, note };
    },
  };
}

/** Issue 22: payment reminders for overdue invoices, once a day (the e-mail job sends them next). */
function remindersJob(): BackgroundJob {
  return {
    name: 'payment reminders',
    run(r: JobRun) {
      const day = today(r.ports);
      if (r.saved === day) return skip();
      const result = queuePaymentReminders(begin(r.ports), r.deadline);
      // A refused Settings value: said once a day in the Jobs log, nothing queued.
      if (result.problem) return { done: 0, left: 0, save: day, note: `No reminders: ${result.problem}` };
      if (result.off || (result.queued === 0 && result.blocked === 0)) return { ...skip(), save: day };
      return { done: result.queued, left: 0, save: day, note: `${result.queued} reminders queued${result.blocked ? `, ${result.blocked} blocked (see the Outbox)` : ''}.` };
    },
  };
}

/** The registry: one line per job, in the order they run when none is waiting. */
export function backgroundJobs(ports: Ports, services: BackgroundServices): BackgroundJob[] {
  let config: Config | null = null;
  const refresh = () => (config = refreshConfig(ports));
  const once: RunConfig = () => (config = config || loadConfig(ports));
  return [
    configJob(refresh),
    healthJob(once),
    delayReportJob(once),
    dashboardTabJob(),
    digestJob(once, services),
    remindersJob(),
    drainJob(services),
    meetingsJob(services),
    importsJob(services),
    backupJob(once, services),
    archiveJob(once, services),
    briefsJob(services),
    onlinePaymentsJob(services),
  ];
}
