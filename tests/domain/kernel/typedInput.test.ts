import fc from 'fast-check';
import { decimalSeparatorOf, implausibleYear, parseLocaleDayInput, parseMoneyInput, parseWallDateTime, wallDateTimeOf } from '../../../src/domain/kernel/typedInput';
import { dayInputShape, dayInputText } from '../../../src/domain/kernel/formatting';

const value = (text: string, sep: '.' | ',' = '.') => {
  const r = parseMoneyInput(text, sep);
  return r.ok ? r.value : `refused: ${r.message}`;
};

describe('parseMoneyInput: what people type, or a clear refusal (issue 11 item 2)', () => {
  it('reads the usual ways of writing an amount', () => {
    expect(value('1500')).toBe(1500);
    expect(value('1 500')).toBe(1500);
    expect(value('1\u00a0500,50', ',')).toBe(1500.5);
    expect(value('1,500.50')).toBe(1500.5);
    expect(value('1.500,50')).toBe(1500.5);
    expect(value('1.500,50', ',')).toBe(1500.5);
    expect(value('€ 2 975')).toBe(2975);
    expect(value('5k')).toBe(5000);
    expect(value('2.5k')).toBe(2500);
    expect(value('1.2M')).toBe(1200000);
    expect(value('')).toBe(0);
  });

  it('reads one separator by the locale', () => {
    expect(value('1,500', '.')).toBe(1500);
    expect(value('1,50', ',')).toBe(1.5);
    // "1,500" in a comma-decimal locale would be 1.500: three decimals of money is refused, not guessed.
    expect(value('1,500', ',')).toContain('more than two decimals');
    expect(value('1.500', ',')).toBe(1500);
    expect(value('1.5', '.')).toBe(1.5);
    expect(value('12,5', '.')).toBe(12.5);
    expect(value('1,000,000')).toBe(1000000);
  });

  it('never turns text into another number', () => {
    for (const text of ['abc', '5x', '12abc', '1,50,0', '1.2.3,4,5', '-5', '.', 'k', '1,5000.00', '10.999']) {
      expect(value(text)).toMatch(/^refused: /);
    }
    expect(value('abc')).toBe('refused: The amount "abc" is not an amount: type digits such as 1500, 1 500 or 1,500.50.');
    expect(value('10.999')).toContain('more than two decimals');
  });

  it('names the decimal separator of a Sheets or BCP-47 locale', () => {
    expect(decimalSeparatorOf('de_DE')).toBe(',');
    expect(decimalSeparatorOf('en-US')).toBe('.');
    expect(decimalSeparatorOf('xx_bogus_!!')).toBe('.');
  });
});

describe('parseWallDateTime: times in the spreadsheet zone, mistyped years refused (items 1 and 5)', () => {
  it('reads 11:00 as 11:00 in the sheet zone, whatever the browser zone', () => {
    expect(parseWallDateTime('2026-11-27T11:00', 'Europe/Berlin')).toEqual({ ok: true, value: '2026-11-27T10:00:00.000Z' });
    expect(parseWallDateTime('2026-07-01T11:00', 'Europe/Berlin')).toEqual({ ok: true, value: '2026-07-01T09:00:00.000Z' });
    expect(parseWallDateTime('2026-11-27T11:00', 'America/New_York')).toEqual({ ok: true, value: '2026-11-27T16:00:00.000Z' });
    expect(wallDateTimeOf('2026-11-27T10:00:00.000Z', 'Europe/Berlin')).toBe('2026-11-27T11:00');
  });

  it('refuses a five-digit year instead of clearing the field', () => {
    const r = parseWallDateTime('20266-11-27T11:00', 'Europe/Berlin', 'The next contact');
    expect(r).toEqual({ ok: false, message: 'The next contact has the year 20266: check the date (years 1970–2100).' });
    expect(parseWallDateTime('2026-02-30T11:00', 'UTC').ok).toBe(false);
    expect(parseWallDateTime('', 'UTC')).toEqual({ ok: true, value: null });
    expect(implausibleYear(new Date('+020266-11-27T10:00:00Z'), 'The next contact')).toContain('20266');
    expect(implausibleYear(new Date('2026-11-27T10:00:00Z'), 'The next contact')).toBeNull();
  });
});

describe('a date field in the spreadsheet\'s locale (issue 22 leftover)', () => {
  it('shows and reads a day in the locale\'s order and separator', () => {
    expect(dayInputShape('en_US').hint).toBe('MM/DD/YYYY');
    expect(dayInputShape('de_DE').hint).toBe('DD.MM.YYYY');
    expect(dayInputShape('en_GB').hint).toBe('DD/MM/YYYY');
    expect(dayInputText('2026-12-07', 'en_US')).toBe('12/07/2026');
    expect(dayInputText('2026-12-07', 'de_DE')).toBe('07.12.2026');
    expect(dayInputText('2026-12-07', 'en_GB')).toBe('07/12/2026');
    expect(parseLocaleDayInput('12/7/2026', 'en_US')).toEqual({ ok: true, value: '2026-12-07' });
    expect(parseLocaleDayInput('7.12.2026', 'de_DE')).toEqual({ ok: true, value: '2026-12-07' });
    expect(parseLocaleDayInput('7/12/2026', 'en_GB')).toEqual({ ok: true, value: '2026-12-07' });
    expect(parseLocaleDayInput('2026-12-07', 'de_DE')).toEqual({ ok: true, value: '2026-12-07' });
    expect(parseLocaleDayInput('  ', 'de_DE')).toEqual({ ok: true, value: null });
  });
  it('refuses what is not a day of the calendar in that order, naming the pattern', () => {
    expect(parseLocaleDayInput('13/12/2026', 'en_US')).toEqual({ ok: false, message: 'The date "13/12/2026" is not a real date: type it as MM/DD/YYYY.' });
    expect(parseLocaleDayInput('20.12.2026', 'en_US', 'The expected close')).toEqual({ ok: false, message: 'The expected close "20.12.2026" is not a real date: type it as MM/DD/YYYY.' });
    expect(parseLocaleDayInput('2026-13-12', 'en_US')).toEqual({ ok: false, message: 'The date is not a real date: "2026-13-12".' });
    expect(parseLocaleDayInput('12/7/1890', 'en_US')).toEqual({ ok: false, message: expect.stringContaining('has the year 1890') });
    expect(parseLocaleDayInput('7.12.26', 'de_DE', 'The payment date')).toEqual({ ok: false, message: 'The payment date "7.12.26" is not a date: type it as DD.MM.YYYY.' });
    expect(parseLocaleDayInput('next friday', 'en_US', 'The payment date')).toEqual({ ok: false, message: 'The payment date "next friday" is not a date: type it as MM/DD/YYYY.' });
    expect(parseLocaleDayInput('31.02.2026', 'de_DE', 'The payment date')).toEqual({ ok: false, message: 'The payment date "31.02.2026" is not a real date: type it as DD.MM.YYYY.' });
  });
  it('what a field shows is read back as the same day, in any locale', () => {
    const locales = ['en_US', 'de_DE', 'en_GB', 'fr_FR', 'ja_JP', 'nl_NL', 'pl_PL', 'sv_SE', 'fil', 'xx_YY', ''];
    fc.assert(fc.property(fc.date({ min: new Date(Date.UTC(1970, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true }), fc.constantFrom(...locales), (d, locale) => {
      const day = d.toISOString().slice(0, 10);
      expect(parseLocaleDayInput(dayInputText(day, locale), locale)).toEqual({ ok: true, value: day });
    }));
  });
});
