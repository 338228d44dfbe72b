import fc from 'fast-check';
import { fillOf, findSlots, packDay, parseWorkingTime, SlotQuery, workingSpan } from '../../../src/domain/meetings/slots';
import { instantOf, wallTime } from '../../../src/domain/kernel/timezone';

const TZ = 'Europe/Berlin';
const MIN = 60000;
const working = parseWorkingTime('09:00-18:00', 'Mon,Tue,Wed,Thu,Fri');

function query(over: Partial<SlotQuery>): SlotQuery {
  const windowStart = instantOf('2026-11-23', TZ).getTime();
  return {
    timeZone: TZ, now: windowStart, windowStart, windowEnd: instantOf('2026-12-07', TZ).getTime(),
    durationMinutes: 60, bufferMinutes: 15, travelMinutes: 0, working, busy: [], trips: [], city: '', ...over,
  };
}

const busyArb = (base: number) => fc.array(
  fc.record({ offset: fc.integer({ min: 0, max: 14 * 24 * 60 }), length: fc.integer({ min: 15, max: 300 }) })
    .map(({ offset, length }) => ({ start: base + offset * MIN, end: base + (offset + length) * MIN })),
  { maxLength: 60 },
);

describe('slot search (properties)', () => {
  const base = instantOf('2026-11-23', TZ).getTime();

  it('no slot overlaps a busy interval, even with the buffer and travel', () => {
    fc.assert(fc.property(busyArb(base), fc.integer({ min: 15, max: 180 }), fc.integer({ min: 0, max: 45 }), fc.integer({ min: 0, max: 60 }),
      (busy, duration, buffer, travel) => {
        const slots = findSlots(query({ busy, durationMinutes: duration, bufferMinutes: buffer, travelMinutes: travel, maxSlots: 500 }));
        for (const s of slots) {
          expect(s.end - s.start).toBe(duration * MIN);
          for (const b of busy) {
            const free = s.end + (travel + buffer) * MIN <= b.start || s.start - (travel + buffer) * MIN >= b.end;
            expect(free).toBe(true);
          }
        }
      }), { numRuns: 150 });
  });

  it('every slot lies inside working hours and on a working day, in the zone', () => {
    fc.assert(fc.property(busyArb(base), fc.constantFrom('Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney'),
      fc.integer({ min: 6, max: 11 }), fc.integer({ min: 13, max: 20 }), (busy, timeZone, from, to) => {
        const w = parseWorkingTime(`${from}:00-${to}:30`, 'Mon,Wed,Sat');
        const slots = findSlots(query({ busy, timeZone, working: w, maxSlots: 500 }));
        for (const s of slots) {
          const a = wallTime(new Date(s.start), timeZone);
          const b = wallTime(new Date(s.end), timeZone);
          expect(a.hour * 60 + a.minute).toBeGreaterThanOrEqual(from * 60);
          expect(b.hour * 60 + b.minute).toBeLessThanOrEqual(to * 60 + 30);
          expect([1, 3, 6]).toContain(new Date(Date.UTC(a.year, a.month - 1, a.day)).getUTCDay());
        }
      }), { numRuns: 80 });
  });

  it('packing never exceeds the day nor overlaps', () => {
    fc.assert(fc.property(busyArb(base), fc.array(fc.integer({ min: 15, max: 240 }), { maxLength: 12 }), fc.integer({ min: 0, max: 30 }),
      (busy, durations, buffer) => {
        const span = workingSpan('2026-11-23', TZ, working)!;
        const { placed, unplaced } = packDay(span, busy, durations, buffer);
        expect(placed.length + unplaced.length).toBe(durations.length);
        const all = placed.map((p) => ({ start: p.start, end: p.end }));
        for (const p of placed) {
          expect(p.start).toBeGreaterThanOrEqual(span.start);
          expect(p.end).toBeLessThanOrEqual(span.end);
          for (const b of busy.concat(all.filter((x) => x.start !== p.start))) {
            expect(p.end + buffer * MIN <= b.start || p.start >= b.end + buffer * MIN).toBe(true);
          }
        }
        const total = placed.reduce((n, p) => n + (p.end - p.start), 0);
        expect(total).toBeLessThanOrEqual(span.end - span.start);
      }), { numRuns: 150 });
  });

  it('DST days have the right length (23 h in spring, 25 h in autumn) and slots keep wall-clock hours', () => {
    const allDay = parseWorkingTime('00:00-24:00', 'Sun,Mon,Tue,Wed,Thu,Fri,Sat');
    const spring = workingSpan('2026-03-29', TZ, allDay)!;
    const autumn = workingSpan('2026-10-25', TZ, allDay)!;
    expect(spring.end - spring.start).toBe(23 * 60 * MIN);
    expect(autumn.end - autumn.start).toBe(25 * 60 * MIN);
    fc.assert(fc.property(fc.integer({ min: 0, max: 364 }), (offset) => {
      const day = new Date(Date.UTC(2026, 0, 1 + offset)).toISOString().slice(0, 10);
      const span = workingSpan(day, TZ, allDay)!;
      const next = instantOf(new Date(Date.UTC(2026, 0, 2 + offset)).toISOString().slice(0, 10), TZ).getTime();
      expect(span.end).toBe(next);
      expect([23, 24, 25]).toContain((span.end - span.start) / 3600000);
    }));
    const slots = findSlots(query({
      windowStart: instantOf('2026-03-27', TZ).getTime(), now: 0, windowEnd: instantOf('2026-04-01', TZ).getTime(),
      working: parseWorkingTime('09:00-10:00', 'Mon,Fri'),
    }));
    expect(slots.map((s) => new Date(s.start).toISOString())).toEqual(['2026-03-27T08:00:00.000Z', '2026-03-30T07:00:00.000Z']);
  });
});

describe('slot search (examples)', () => {
  const at = (day: string, h: number, m = 0) => instantOf(day, TZ, h, m).getTime();

  it('offers trip days of the client city first, packed back to back after the buffer', () => {
    const trips = [{ city: 'Hamburg', fromDay: '2026-11-26', toDay: '2026-11-27' }];
    const busy = [{ start: at('2026-11-26', 9), end: at('2026-11-26', 10) }];
    const slots = findSlots(query({ trips, busy, city: 'hamburg', travelMinutes: 30 }));
    expect(slots[0]).toMatchObject({ day: '2026-11-26', trip: 'Hamburg', packed: true, start: at('2026-11-26', 10, 15) });
    expect(slots.filter((s) => s.trip).every((s) => s.day === '2026-11-26' || s.day === '2026-11-27')).toBe(true);
    // A client of another city is never offered the trip days.
    expect(findSlots(query({ trips, city: 'Berlin', maxSlots: 500 })).some((s) => s.day === '2026-11-26')).toBe(false);
  });

  it('keeps travel time before and after an away meeting inside working hours', () => {
    const [first] = findSlots(query({ travelMinutes: 45 }));
    expect(first.start).toBe(at('2026-11-23', 9, 45));
  });

  it('never proposes a slot in the past', () => {
    const now = at('2026-11-23', 13, 10);
    const [first] = findSlots(query({ now }));
    expect(first.start).toBe(at('2026-11-23', 13, 30));
  });

  it('reads how full a day is', () => {
    const span = workingSpan('2026-11-23', TZ, working)!;
    expect(fillOf(span, [{ start: at('2026-11-23', 8), end: at('2026-11-23', 12, 30) }])).toBeCloseTo(3.5 / 9);
  });

  it('parses Settings text, falling back on nonsense', () => {
    expect(parseWorkingTime('08:30-17:00', 'mon, tue')).toEqual({ startMinute: 510, endMinute: 1020, days: [1, 2] });
    expect(parseWorkingTime('late', '')).toEqual({ startMinute: 540, endMinute: 1080, days: [1, 2, 3, 4, 5] });
  });
});
