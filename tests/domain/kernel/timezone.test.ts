import fc from 'fast-check';
import { addDays, instantOf, localDay, offsetMinutes } from '../../../src/domain/kernel/timezone';

describe('time zones', () => {
  it('places instants on local days', () => {
    expect(localDay(new Date('2026-11-22T23:30:00Z'), 'Europe/Berlin')).toBe('2026-11-23');
    expect(localDay(new Date('2026-11-23T03:00:00Z'), 'America/New_York')).toBe('2026-11-22');
  });

  it('finds local midnight across daylight saving changes', () => {
    expect(instantOf('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(instantOf('2026-03-30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(instantOf('2026-11-23', 'America/New_York', 9, 30).toISOString()).toBe('2026-11-23T14:30:00.000Z');
    expect(offsetMinutes(new Date('2026-07-01T12:00:00Z'), 'Europe/Berlin')).toBe(120);
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('the day of any instant equals Intl\'s, across clock changes and odd offsets (the offset is reused within a UTC day)', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/St_Johns', 'Pacific/Apia', 'Asia/Tokyo', 'UTC'];
    const intl = (at: Date, timeZone: string) => {
      const parts: Record<string, string> = {};
      for (const p of new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at)) parts[p.type] = p.value;
      return `${parts.year.padStart(4, '0')}-${parts.month}-${parts.day}`;
    };
    const lo = Date.UTC(1880, 0, 1);
    const hi = Date.UTC(2100, 0, 1);
    fc.assert(fc.property(fc.integer({ min: lo, max: hi }), fc.constantFrom(...zones), (ms, zone) => {
      expect(localDay(new Date(ms), zone)).toBe(intl(new Date(ms), zone));
    }), { numRuns: 3000 });
    // Around Berlin's and Lord Howe's (30 min) clock changes, minute by minute.
    for (const [zone, start] of [['Europe/Berlin', '2026-03-29T00:00:00Z'], ['Europe/Berlin', '2026-10-24T23:00:00Z'], ['Australia/Lord_Howe', '2026-04-04T14:00:00Z'], ['Australia/Lord_Howe', '2026-10-03T15:00:00Z']]) {
      for (let m = 0; m < 24 * 60; m += 7) {
        const at = new Date(Date.parse(start) + m * 60000);
        expect(localDay(at, zone)).toBe(intl(at, zone));
      }
    }
  });
});

