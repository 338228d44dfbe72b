// Issue 21, item 8: one format for dates and money, from the spreadsheet's locale and zone.
import fc from 'fast-check';
import { createFormats, localeTag } from '../../../src/domain/kernel/formatting';
import { parseMoneyInput } from '../../../src/domain/kernel/typedInput';
import { wallTime } from '../../../src/domain/kernel/timezone';

const LOCALES = ['en_US', 'en_GB', 'de_DE', 'de_AT', 'fr_FR', 'es_ES', 'it_IT', 'nl_NL', 'pl_PL', 'en_IE', 'pt_BR', 'sv_SE'];
const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC'];

describe('localeTag', () => {
  it('reads Sheets locales as Intl tags and falls back on nonsense', () => {
    expect(localeTag('en_US')).toBe('en-US');
    expect(localeTag('de_DE')).toBe('de-DE');
    expect(localeTag('fil')).toBe('fil');
    expect(localeTag('')).toBe('en-US');
    expect(localeTag(undefined)).toBe('en-US');
    expect(localeTag('not a locale!')).toBe('en-US');
  });

  it('never throws and always gives a tag Intl formats with', () => {
    fc.assert(fc.property(fc.string(), (text) => {
      const tag = localeTag(text);
      expect(() => new Intl.NumberFormat(tag).format(1)).not.toThrow();
    }));
  });
});

describe('createFormats', () => {
  it('writes the issue\'s send time in the sheet\'s zone and locale, not UTC', () => {
    const at = new Date('2026-12-07T08:00:00Z'); // 09:00 in Berlin
    const us = createFormats({ locale: 'en_US', timeZone: 'Europe/Berlin', currency: 'EUR' });
    expect(us.dateTime(at)).toBe('Dec 7, 2026, 9:00 AM');
    expect(us.money(1600)).toBe('€1,600');
    expect(us.moneyMinor(160000)).toBe('€1,600.00');
    expect(us.longDay('2026-11-23')).toBe('November 23, 2026');
    const de = createFormats({ locale: 'de_DE', timeZone: 'Europe/Berlin', currency: 'EUR' });
    expect(de.dateTime(at)).toBe('7. Dez. 2026, 9:00');
    expect(de.money(1600)).toBe('1.600\u00a0€');
    expect(de.moneyMinor(160000)).toBe('1.600,00\u00a0€');
    expect(de.longDay('2026-11-23')).toBe('23. November 2026');
    expect(de.decimalSeparator).toBe(',');
    expect(createFormats({ locale: 'en_GB', timeZone: 'Europe/London', currency: 'GBP' }).day('2026-12-07')).toBe('7 Dec 2026');
  });

  it('an unknown currency code is written after the number, never refused', () => {
    expect(createFormats({ locale: 'en_US', timeZone: 'UTC', currency: 'X1' }).moneyMinor(150)).toBe('1.50 X1');
  });

  it('a calendar day prints as that day in every zone and locale; an instant prints its day in the zone', () => {
    fc.assert(fc.property(
      fc.date({ min: new Date('1970-01-02T00:00:00Z'), max: new Date('2100-12-30T00:00:00Z'), noInvalidDate: true }),
      fc.constantFrom(...LOCALES), fc.constantFrom(...ZONES),
      (instant, locale, timeZone) => {
        const f = createFormats({ locale, timeZone, currency: 'EUR' });
        const utc = createFormats({ locale, timeZone: 'UTC', currency: 'EUR' });
        const w = wallTime(instant, timeZone);
        const iso = `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
        expect(f.day(iso)).toBe(utc.day(iso));
        expect(f.day(instant)).toBe(f.day(iso));
        expect(f.longDay(instant)).toBe(f.longDay(iso));
      },
    ));
  });

  it('the time shown is the wall time of the zone', () => {
    fc.assert(fc.property(
      fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-01-01T00:00:00Z'), noInvalidDate: true }),
      fc.constantFrom(...ZONES),
      (instant, timeZone) => {
        const w = wallTime(instant, timeZone);
        const text = createFormats({ locale: 'de_DE', timeZone, currency: 'EUR' }).time(instant);
        expect(text).toBe(`${w.hour}:${String(w.minute).padStart(2, '0')}`);
      },
    ));
  });

  it('money as the sidebar writes it is read back as the same amount by the same locale', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 99_999_999_99 }), fc.constantFrom(...LOCALES), fc.constantFrom('EUR', 'USD'),
      (minor, locale, currency) => {
        const f = createFormats({ locale, timeZone: 'UTC', currency });
        const read = parseMoneyInput(f.moneyMinor(minor).replace(/[^\d.,\s\u00a0\u202f'’]/g, ''), f.decimalSeparator);
        expect(read).toEqual({ ok: true, value: minor / 100 });
      },
    ));
  });

  it('a lone separator typed in is read by the sheet\'s locale', () => {
    const de = createFormats({ locale: 'de_DE', timeZone: 'UTC', currency: 'EUR' });
    const us = createFormats({ locale: 'en_US', timeZone: 'UTC', currency: 'EUR' });
    expect(parseMoneyInput('1,50', de.decimalSeparator)).toEqual({ ok: true, value: 1.5 });
    expect(parseMoneyInput('1,500', us.decimalSeparator)).toEqual({ ok: true, value: 1500 });
    expect(parseMoneyInput('1,500', de.decimalSeparator).ok).toBe(false);
  });
});
