import fc from 'fast-check';
import { CHECK_EVERY_MS, FOCUS_PAUSE_MS, StampSeen, checkDue, freshnessOf } from '../../../src/domain/deals/freshness';

const seen = (over: Partial<StampSeen> = {}): StampSeen => ({
  known: 's1', current: 's1', loadedDay: '2026-12-01', today: '2026-12-01', forced: false, editing: false, ...over,
});

describe('freshnessOf: reload the board only when something changed', () => {
  it('adopts the first stamp it sees without reloading the board just loaded', () => {
    expect(freshnessOf(seen({ known: null, current: 's9' }))).toBe('baseline');
  });

  it('does nothing while the stamp and the day are the same', () => {
    expect(freshnessOf(seen())).toBe('same');
  });

  it('reloads when another write bumped the stamp, when the day rolled over, or when the host moved time', () => {
    expect(freshnessOf(seen({ current: 's2' }))).toBe('reload');
    expect(freshnessOf(seen({ today: '2026-12-02' }))).toBe('reload');
    expect(freshnessOf(seen({ forced: true }))).toBe('reload');
    expect(freshnessOf(seen({ known: null, forced: true }))).toBe('reload');
  });

  it('only hints while the person has unsaved edits, whatever made the board stale', () => {
    expect(freshnessOf(seen({ current: 's2', editing: true }))).toBe('hint');
    expect(freshnessOf(seen({ today: '2026-12-02', editing: true }))).toBe('hint');
    expect(freshnessOf(seen({ forced: true, editing: true }))).toBe('hint');
    expect(freshnessOf(seen({ editing: true }))).toBe('same');
  });

  it('never reloads under unsaved edits (any inputs)', () => {
    fc.assert(fc.property(
      fc.option(fc.string(), { nil: null }), fc.string(), fc.boolean(), fc.boolean(),
      (known, current, dayMoved, forced) => {
        const verdict = freshnessOf(seen({ known, current, today: dayMoved ? '2026-12-02' : '2026-12-01', forced, editing: true }));
        expect(verdict).not.toBe('reload');
      },
    ));
  });
});

describe('checkDue: cheap on focus bursts, every few minutes while visible', () => {
  const at = 1_000_000;
  it('always looks at start, when the clock moved and when changes wait for the person to stop editing', () => {
    expect(checkDue({ reason: 'start', hidden: true, lastCheckAt: at, now: at })).toBe(true);
    expect(checkDue({ reason: 'waiting', hidden: false, lastCheckAt: at, now: at + 1 })).toBe(true);
    expect(checkDue({ reason: 'clock', hidden: true, lastCheckAt: at, now: at })).toBe(true);
  });

  it('a focus looks unless a check ran a moment ago', () => {
    expect(checkDue({ reason: 'focus', hidden: false, lastCheckAt: at, now: at + FOCUS_PAUSE_MS - 1 })).toBe(false);
    expect(checkDue({ reason: 'focus', hidden: false, lastCheckAt: at, now: at + FOCUS_PAUSE_MS })).toBe(true);
    expect(checkDue({ reason: 'focus', hidden: false, lastCheckAt: null, now: at })).toBe(true);
  });

  it('the timer looks every few minutes, and never while the page is hidden', () => {
    expect(checkDue({ reason: 'tick', hidden: false, lastCheckAt: at, now: at + CHECK_EVERY_MS - 1 })).toBe(false);
    expect(checkDue({ reason: 'tick', hidden: false, lastCheckAt: at, now: at + CHECK_EVERY_MS })).toBe(true);
    expect(checkDue({ reason: 'tick', hidden: true, lastCheckAt: at, now: at + 10 * CHECK_EVERY_MS })).toBe(false);
    expect(checkDue({ reason: 'focus', hidden: true, lastCheckAt: null, now: at })).toBe(false);
  });
});
