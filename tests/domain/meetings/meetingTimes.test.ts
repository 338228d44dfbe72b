// Issue 21, item 8: the meeting texts ("something is in your calendar at …", a slot's clock
// time) and the "changed … at …" sentences are written by the one formatting module, so they
// follow the spreadsheet's locale like every other date a person reads.
import fc from 'fast-check';
import { clockTime } from '../../../src/domain/meetings/slots';
import { describeTime } from '../../../src/app/kernel/session';
import { createFormats } from '../../../src/domain/kernel/formatting';

const TZ = 'Europe/Berlin';
const at = new Date('2026-11-21T09:42:00Z'); // 10:42 in Berlin
const sameDay = new Date('2026-11-21T17:00:00Z');
const nextDay = new Date('2026-11-23T09:00:00Z');

describe('meeting and change times follow the spreadsheet locale', () => {
  it('clockTime is the formatting module\'s time: "10:42 AM" in en_US, "10:42" in de_DE', () => {
    expect(clockTime(at.getTime(), TZ, 'en_US')).toMatch(/^10:42\sAM$/);
    expect(clockTime(at.getTime(), TZ, 'de_DE')).toBe('10:42');
  });

  it('describeTime says "at <time>" the same day and "on <day> at <time>" otherwise, in the locale', () => {
    const en = createFormats({ locale: 'en_US', timeZone: TZ });
    const de = createFormats({ locale: 'de_DE', timeZone: TZ });
    expect(describeTime(at, sameDay, TZ, 'en_US')).toBe(`at ${en.time(at)}`);
    expect(describeTime(at, sameDay, TZ, 'en_US')).toMatch(/^at 10:42\sAM$/);
    expect(describeTime(at, nextDay, TZ, 'en_US')).toMatch(/^on Nov 21, 2026 at 10:42\sAM$/);
    expect(describeTime(at, nextDay, TZ, 'de_DE')).toBe('on 21. Nov. 2026 at 10:42');
    expect(describeTime(at, nextDay, TZ, 'de_DE')).toBe(`on ${de.day(at)} at ${de.time(at)}`);
  });

  it('for any instant and locale, the texts are exactly the formatting module\'s parts', () => {
    fc.assert(fc.property(
      fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
      fc.integer({ min: 0, max: 3 * 24 * 60 }),
      fc.constantFrom('en_US', 'de_DE', 'fr_FR', 'en_GB'),
      fc.constantFrom('Europe/Berlin', 'America/New_York', 'Asia/Tokyo'),
      (ms, laterMinutes, locale, zone) => {
        const f = createFormats({ locale, timeZone: zone });
        const when = new Date(ms);
        const now = new Date(ms + laterMinutes * 60000);
        expect(clockTime(ms, zone, locale)).toBe(f.time(when));
        const sameLocalDay = f.day(when) === f.day(now);
        expect(describeTime(when, now, zone, locale)).toBe(sameLocalDay ? `at ${f.time(when)}` : `on ${f.day(when)} at ${f.time(when)}`);
      },
    ));
  });
});
