import { decimalSeparatorOf, implausibleYear, parseMoneyInput, parseWallDateTime, wallDateTimeOf } from '../../../src/domain/kernel/typedInput';

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
