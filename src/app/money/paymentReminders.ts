// Payment reminders (issue 22): a polite e-mail (Notifications text "invoice.reminder", off until
// the owner ticks it) at the Settings payment_reminder_days after an invoice's due date (7, 14
// and 21 by default; a refused value sends none and says why), through the Outbox: once per
// invoice and step (the Outbox's idempotency key is template + deal + event), never to a client
// who asked for no e-mails (queued as blocked, with the reason). Run once a day by the hourly job.
import { formatMoney } from '../../domain/documents/calculator';
import { UseCaseContext } from '../kernel/session';
import { overdueForReminders } from './debts';
import { loadDeal } from '../deals/deals';
import { queueTemplateMail, templateEnabled } from '../mail/notifications';

export const REMINDER_TEMPLATE = 'invoice.reminder';

export interface ReminderRun {
  queued: number;
  blocked: number;
  /** The template is off: nothing was read beyond the Notifications tab. */
  off: boolean;
  /** Settings payment_reminder_days is refused: the sentence naming the key; nothing was queued. */
  problem?: string;
}

export function queuePaymentReminders(ctx: UseCaseContext, deadline: number): ReminderRun {
  const run: ReminderRun = { queued: 0, blocked: 0, off: false };
  if (!templateEnabled(ctx, REMINDER_TEMPLATE)) return { ...run, off: true };
  const steps = ctx.config.settings.paymentReminderDays;
  if (!steps.ok) return { ...run, problem: steps.problem };
  const currency = ctx.config.settings.currency;
  for (const item of overdueForReminders(ctx, steps.days[0])) {
    if (ctx.ports.clock.now().getTime() >= deadline) break;
    // Only the step reached: a workbook that first looks at 15 days late sends the second, not both.
    const step = steps.days.filter((d) => item.daysOverdue >= d).length;
    const bank = ctx.config.settings.company.bank;
    const payHow = item.payLink ? `You can pay online here: ${item.payLink}` : bank ? `Our bank details: ${bank}` : '';
    const queued = ctx.ports.lock.withDocumentLock(() => queueTemplateMail(ctx, loadDeal(ctx, item.dealId).deal, REMINDER_TEMPLATE, `reminder:${item.invoiceNumber}:${step}`, {
      invoice: { number: item.invoiceNumber, dueOn: item.dueOn || '', due: formatMoney(item.dueMinor, currency), daysOverdue: String(item.daysOverdue), payHow: payHow || ' ' },
    }));
    // A step queued on an earlier day comes back as it stands: only today's rows count.
    const now = ctx.ports.clock.now().toISOString();
    for (const message of queued) {
      if (message.status === 'blocked') run.blocked += 1;
      else if (message.queuedAt === now) run.queued += 1;
    }
  }
  return run;
}
