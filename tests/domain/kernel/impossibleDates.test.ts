// Issue 20, item 12: impossible dates are refused wherever a date comes from input.
import fc from 'fast-check';
import { isCalendarDay, parseDayInput, parseInstantInput } from '../../../src/domain/kernel/typedInput';
import { decodeCell } from '../../../src/workbook/codec';
import { localDates } from '../../../src/domain/kernel/timezone';

const refused = (r: { ok: boolean; message?: string }) => (r.ok ? 'accepted' : r.message);

describe('isCalendarDay', () => {
  it('knows month lengths and leap years', () => {
    expect(isCalendarDay(2026, 2, 28)).toBe(true);
    expect(isCalendarDay(2026, 2, 29)).toBe(false);
    expect(isCalendarDay(2028, 2, 29)).toBe(true);
    expect(isCalendarDay(2100, 2, 29)).toBe(false);
    expect(isCalendarDay(2026, 2, 31)).toBe(false);
    expect(isCalendarDay(2026, 4, 31)).toBe(false);
    expect(isCalendarDay(2026, 13, 1)).toBe(false);
    expect(isCalendarDay(2026, 0, 1)).toBe(false);
    expect(isCalendarDay(2026, 1, 0)).toBe(false);
  });

  it('agrees with the calendar for every day of 1970–2100 (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1970, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
      const real = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
      expect(isCalendarDay(y, m, d)).toBe(real);
    }));
  });
});

describe('parseDayInput and parseInstantInput', () => {
  it('refuse 31 February, year 0 and years outside 1970–2100', () => {
    expect(refused(parseDayInput('2026-02-31', 'The due date'))).toBe('The due date is not a real date: "2026-02-31".');
    expect(refused(parseDayInput('0000-01-01', 'The due date'))).toBe('The due date has the year 0: check the date (years 1970–2100).');
    expect(refused(parseDayInput('9999-12-31', 'The due date'))).toContain('the year 9999');
    expect(parseDayInput('2028-02-29', 'The due date')).toEqual({ ok: true, value: '2028-02-29' });
    expect(refused(parseInstantInput('2026-02-31T10:00:00.000Z', 'The call back'))).toBe('The call back is not a real date and time: "2026-02-31T10:00:00.000Z".');
    expect(refused(parseInstantInput('0000-01-01T00:00:00Z', 'The call back'))).toContain('the year 0');
    expect(refused(parseInstantInput('2026-01-01T24:30Z', 'The call back'))).toContain('not a real date and time');
    expect(refused(parseInstantInput('next tuesday', 'The call back'))).toContain('not a valid date and time');
    expect(refused(parseInstantInput('Feb 31 2026', 'The call back'))).toContain('not a valid date and time');
  });

  it('read the ISO forms the sidebar sends', () => {
    const at = (text: string) => {
      const r = parseInstantInput(text, 'x');
      return r.ok ? r.value.toISOString() : r.message;
    };
    expect(at('2026-11-27T10:00:00.000Z')).toBe('2026-11-27T10:00:00.000Z');
    expect(at('2026-11-27T11:00+01:00')).toBe('2026-11-27T10:00:00.000Z');
    expect(at('2026-11-27')).toBe('2026-11-27T00:00:00.000Z');
  });
});

describe('a date typed into a cell', () => {
  it('2026-02-31 is a problem, not 3 March', () => {
    const column = { key: 'due', header: 'Due', type: 'date' as const };
    const dates = localDates('Europe/Berlin');
    expect(decodeCell(column, '2026-02-31', dates)).toEqual({ ok: false, why: 'not a date' });
    expect(decodeCell(column, '2026-02-31 10:00', dates)).toEqual({ ok: false, why: 'not a date' });
    expect(decodeCell(column, '2026-02-28', dates).ok).toBe(true);
  });
});
