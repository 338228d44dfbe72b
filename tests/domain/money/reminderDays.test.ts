// Settings payment_reminder_days (issue 22): a rising list of whole days, default 7, 14, 21; a
// bad value is refused with a sentence naming the key.
import fc from 'fast-check';
import { DEFAULT_REMINDER_DAYS, parseReminderDays } from '../../../src/domain/money/reminderDays';
import { readSettings } from '../../../src/domain/setup/settings';

describe('payment_reminder_days', () => {
  it('empty is the default 7, 14, 21; a list is read with or without spaces', () => {
    expect(parseReminderDays('')).toEqual({ ok: true, days: [7, 14, 21] });
    expect(parseReminderDays(undefined)).toEqual({ ok: true, days: [...DEFAULT_REMINDER_DAYS] });
    expect(parseReminderDays('3,10, 30')).toEqual({ ok: true, days: [3, 10, 30] });
    expect(readSettings({}).paymentReminderDays).toEqual({ ok: true, days: [7, 14, 21] });
  });

  it.each([
    ['7, x', 'is not a list of whole days'],
    ['7.5', 'is not a list of whole days'],
    ['-7', 'is not a list of whole days'],
    ['14, 7', 'does not rise from one step to the next'],
    ['7, 7', 'does not rise from one step to the next'],
    ['0, 7', 'has a day outside 1–365'],
    ['400', 'has a day outside 1–365'],
    ['1,2,3,4,5,6,7,8,9,10,11', 'has more than 10 steps'],
  ])('"%s" is refused: %s, naming the key', (value, why) => {
    const parsed = parseReminderDays(value);
    expect(parsed).toEqual({ ok: false, problem: `Settings payment_reminder_days "${value}" ${why}: write days after the due date separated by commas, rising, e.g. 7, 14, 21.` });
    expect(readSettings({ payment_reminder_days: value }).paymentReminderDays.ok).toBe(false);
  });

  it('any rising list of 1 to 10 days from 1 to 365 is kept as written', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 365 }), { minLength: 1, maxLength: 10 }), (raw) => {
      const days = raw.slice().sort((a, b) => a - b);
      expect(parseReminderDays(days.join(', '))).toEqual({ ok: true, days });
    }));
  });
});
