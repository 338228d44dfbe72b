// The days after an invoice's due date at which a payment reminder goes out (issue 22): the
// Settings key payment_reminder_days, e.g. "7, 14, 21". A value that is not a short rising list of
// whole days is refused with a sentence naming the key, never guessed at.
export const REMINDER_DAYS_KEY = 'payment_reminder_days';
export const DEFAULT_REMINDER_DAYS: readonly number[] = [7, 14, 21];
const MAX_STEPS = 10;
const MAX_DAYS = 365;

export type ReminderDays = { ok: true; days: number[] } | { ok: false; problem: string };

/** "7, 14, 21" → [7, 14, 21]; empty → the default; anything else → the sentence that refuses it. */
export function parseReminderDays(text: string | undefined | null): ReminderDays {
  const value = text === undefined || text === null ? '' : String(text).trim();
  if (value === '') return { ok: true, days: DEFAULT_REMINDER_DAYS.slice() };
  const refuse = (why: string): ReminderDays => ({
    ok: false,
    problem: `Settings ${REMINDER_DAYS_KEY} "${value}" ${why}: write days after the due date separated by commas, rising, e.g. ${DEFAULT_REMINDER_DAYS.join(', ')}.`,
  });
  const parts = value.split(/[,;]/).map((p) => p.trim());
  if (parts.some((p) => !/^\d+$/.test(p))) return refuse('is not a list of whole days');
  const days = parts.map(Number);
  if (days.length > MAX_STEPS) return refuse(`has more than ${MAX_STEPS} steps`);
  if (days.some((d) => d < 1 || d > MAX_DAYS)) return refuse(`has a day outside 1–${MAX_DAYS}`);
  if (days.some((d, i) => i > 0 && d <= days[i - 1])) return refuse('does not rise from one step to the next');
  return { ok: true, days };
}
