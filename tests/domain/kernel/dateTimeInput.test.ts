// Issue 21, item 8: a date and time typed in the spreadsheet's locale (next contact, call back),
// read as wall-clock time in the spreadsheet's zone, whatever zone the browser is in.
import fc from 'fast-check';
import { dateTimeInputShape, dateTimeInputText, parseLocaleDateTimeInput } from '../../../src/domain/kernel/dateTimeInput';

const BERLIN = 'Europe/Berlin';

describe('dateTimeInputText: an instant as the field shows it', () => {
  it('en_US: month first, 12-hour clock; de_DE: day first, 24-hour clock (both in the sheet\'s zone)', () => {
    // 09:00 UTC is 10:00 in Berlin in winter.
    expect(dateTimeInputText('2026-12-02T09:00:00.000Z', 'en_US', BERLIN)).toBe('12/02/2026 10:00 AM');
    expect(dateTimeInputText('2026-12-02T09:00:00.000Z', 'de_DE', BERLIN)).toBe('02.12.2026 10:00');
    expect(dateTimeInputText('2026-12-01T15:30:00.000Z', 'en_US', BERLIN)).toBe('12/01/2026 4:30 PM');
    expect(dateTimeInputText('2026-12-01T15:30:00.000Z', 'de_DE', BERLIN)).toBe('01.12.2026 16:30');
    expect(dateTimeInputText('2026-12-01T23:05:00.000Z', 'en_US', BERLIN)).toBe('12/02/2026 12:05 AM');
    expect(dateTimeInputText('2026-12-01T11:05:00.000Z', 'en_US', BERLIN)).toBe('12/01/2026 12:05 PM');
    expect(dateTimeInputText('2026-07-01T08:00:00.000Z', 'de_DE', BERLIN)).toBe('01.07.2026 10:00'); // summer time
    expect(dateTimeInputText('2026-12-02T09:00:00.000Z', 'en_GB', 'America/New_York')).toBe('02/12/2026 04:00');
  });
  it('an absent or unreadable value shows an empty field', () => {
    expect(dateTimeInputText(null, 'de_DE', BERLIN)).toBe('');
    expect(dateTimeInputText('', 'en_US', BERLIN)).toBe('');
    expect(dateTimeInputText('soon', 'en_US', BERLIN)).toBe('');
  });
  it('names the pattern to type', () => {
    expect(dateTimeInputShape('en_US').hint).toBe('MM/DD/YYYY hh:mm AM');
    expect(dateTimeInputShape('de_DE').hint).toBe('DD.MM.YYYY hh:mm');
    expect(dateTimeInputShape('de_DE').hour12).toBe(false);
    expect(dateTimeInputShape('en_US')).toMatchObject({ hour12: true, am: 'AM', pm: 'PM', periodFirst: false });
  });
});

describe('parseLocaleDateTimeInput: wall-clock time in the spreadsheet\'s zone, or a refusal', () => {
  it('reads what the field shows, as the same ISO instant the server received from datetime-local', () => {
    expect(parseLocaleDateTimeInput('02.12.2026 10:00', 'de_DE', BERLIN)).toEqual({ ok: true, value: '2026-12-02T09:00:00.000Z' });
    expect(parseLocaleDateTimeInput('12/02/2026 10:00 AM', 'en_US', BERLIN)).toEqual({ ok: true, value: '2026-12-02T09:00:00.000Z' });
    expect(parseLocaleDateTimeInput('12/01/2026 4:30 PM', 'en_US', BERLIN)).toEqual({ ok: true, value: '2026-12-01T15:30:00.000Z' });
    expect(parseLocaleDateTimeInput('12/02/2026 12:05 AM', 'en_US', BERLIN)).toEqual({ ok: true, value: '2026-12-01T23:05:00.000Z' });
    expect(parseLocaleDateTimeInput('12/01/2026 12:05 PM', 'en_US', BERLIN)).toEqual({ ok: true, value: '2026-12-01T11:05:00.000Z' });
  });
  it('reads the ways people write it: single digits, a comma, 24 hours in en_US, a.m./p.m., 9.30 in de_DE, an ISO paste', () => {
    expect(parseLocaleDateTimeInput('2.12.2026 9.30', 'de_DE', BERLIN)).toEqual({ ok: true, value: '2026-12-02T08:30:00.000Z' });
    expect(parseLocaleDateTimeInput('12/2/2026, 16:30', 'en_US', BERLIN)).toEqual({ ok: true, value: '2026-12-02T15:30:00.000Z' });
    expect(parseLocaleDateTimeInput('12/2/2026 4 p.m.', 'en_US', BERLIN)).toEqual({ ok: true, value: '2026-12-02T15:00:00.000Z' });
    expect(parseLocaleDateTimeInput('12/2/2026 4:15pm', 'en_US', BERLIN)).toEqual({ ok: true, value: '2026-12-02T15:15:00.000Z' });
    expect(parseLocaleDateTimeInput('12/2/2026 10:00\u202fAM', 'en_US', BERLIN)).toEqual({ ok: true, value: '2026-12-02T09:00:00.000Z' });
    expect(parseLocaleDateTimeInput('2026-12-02T10:00', 'de_DE', BERLIN)).toEqual({ ok: true, value: '2026-12-02T09:00:00.000Z' });
  });
  it('the sheet\'s zone decides, not the machine\'s: 11:00 typed for a New York sheet is 16:00 UTC, for Berlin 10:00 UTC', () => {
    // Jest runs in whatever zone the machine has; the answer must not depend on it.
    expect(parseLocaleDateTimeInput('11/27/2026 11:00 AM', 'en_US', 'America/New_York')).toEqual({ ok: true, value: '2026-11-27T16:00:00.000Z' });
    expect(parseLocaleDateTimeInput('27.11.2026 11:00', 'de_DE', BERLIN)).toEqual({ ok: true, value: '2026-11-27T10:00:00.000Z' });
    expect(parseLocaleDateTimeInput('27.11.2026 11:00', 'de_DE', 'Asia/Tokyo')).toEqual({ ok: true, value: '2026-11-27T02:00:00.000Z' });
  });
  it('an empty field is no date (null), as a cleared datetime-local was', () => {
    expect(parseLocaleDateTimeInput('', 'de_DE', BERLIN)).toEqual({ ok: true, value: null });
    expect(parseLocaleDateTimeInput('   ', 'en_US', BERLIN)).toEqual({ ok: true, value: null });
  });
  it('refuses what is not a real date and time, naming the pattern', () => {
    const what = 'The next contact';
    expect(parseLocaleDateTimeInput('20.12.2026 10:00', 'en_US', BERLIN, what)).toEqual({ ok: false, message: 'The next contact "20.12.2026 10:00" is not a real date: type it as MM/DD/YYYY hh:mm AM.' });
    expect(parseLocaleDateTimeInput('31.02.2026 10:00', 'de_DE', BERLIN, what)).toEqual({ ok: false, message: 'The next contact "31.02.2026 10:00" is not a real date: type it as DD.MM.YYYY hh:mm.' });
    expect(parseLocaleDateTimeInput('02.12.2026', 'de_DE', BERLIN, what)).toEqual({ ok: false, message: 'The next contact "02.12.2026" is not a date and time: type it as DD.MM.YYYY hh:mm.' });
    expect(parseLocaleDateTimeInput('02.12.2026 25:00', 'de_DE', BERLIN, what)).toEqual({ ok: false, message: 'The next contact "02.12.2026 25:00" is not a real time: type it as DD.MM.YYYY hh:mm.' });
    expect(parseLocaleDateTimeInput('12/02/2026 13:00 PM', 'en_US', BERLIN, what)).toEqual({ ok: false, message: 'The next contact "12/02/2026 13:00 PM" is not a real time: type it as MM/DD/YYYY hh:mm AM.' });
    expect(parseLocaleDateTimeInput('12/02/2026 10:60', 'en_US', BERLIN, what).ok).toBe(false);
    expect(parseLocaleDateTimeInput('12/02/2026 10', 'en_US', BERLIN, what).ok).toBe(false);
    expect(parseLocaleDateTimeInput('12/02/2026 10:00 Uhr', 'en_US', BERLIN, what).ok).toBe(false);
    expect(parseLocaleDateTimeInput('tomorrow 10:00', 'en_US', BERLIN, what)).toEqual({ ok: false, message: 'The next contact "tomorrow 10:00" is not a date and time: type it as MM/DD/YYYY hh:mm AM.' });
    expect(parseLocaleDateTimeInput('12/02/26 10:00 AM', 'en_US', BERLIN, what)).toEqual({ ok: false, message: 'The next contact "12/02/26 10:00 AM" is not a date and time: type it as MM/DD/YYYY hh:mm AM.' });
  });
  it('names a year typo as such, typed in the locale or pasted as ISO', () => {
    expect(parseLocaleDateTimeInput('12/03/20266 10:00 AM', 'en_US', BERLIN, 'The next contact')).toEqual({ ok: false, message: 'The next contact has the year 20266: check the date (years 1970–2100).' });
    expect(parseLocaleDateTimeInput('20266-12-03T10:00', 'en_US', BERLIN, 'The next contact')).toEqual({ ok: false, message: 'The next contact has the year 20266: check the date (years 1970–2100).' });
    expect(parseLocaleDateTimeInput('03.12.1890 10:00', 'de_DE', BERLIN, 'The next contact')).toEqual({ ok: false, message: expect.stringContaining('has the year 1890') });
  });
  it('what a field shows is read back as the same minute, in any locale and zone', () => {
    const locales = ['en_US', 'de_DE', 'en_GB', 'fr_FR', 'ja_JP', 'ko_KR', 'es_US', 'en_IN', 'zh_CN', 'ar_EG', 'nl_NL', 'fil', 'xx_YY', ''];
    const zones = ['UTC', BERLIN, 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland'];
    fc.assert(fc.property(
      fc.date({ min: new Date(Date.UTC(1970, 0, 2)), max: new Date(Date.UTC(2100, 11, 30)), noInvalidDate: true }),
      fc.constantFrom(...locales), fc.constantFrom(...zones),
      (d, locale, zone) => {
        const shown = dateTimeInputText(d.toISOString(), locale, zone);
        const read = parseLocaleDateTimeInput(shown, locale, zone);
        if (!read.ok) throw new Error(`${locale} ${zone}: "${shown}" refused: ${read.message}`);
        // The same wall-clock minute (an hour that repeats when clocks go back may read as either instant).
        expect(dateTimeInputText(read.value, locale, zone)).toBe(shown);
        const minute = Math.floor(d.getTime() / 60000) * 60000;
        expect([0, 3600000]).toContain(Math.abs(new Date(read.value!).getTime() - minute));
      },
    ), { numRuns: 200 });
  });
});
