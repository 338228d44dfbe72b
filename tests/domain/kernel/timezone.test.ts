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
});
