import { DEFAULT_SETTINGS, readSettings } from '../../../src/domain/setup/settings';

describe('readSettings', () => {
  it('falls back to defaults for missing and unreadable values', () => {
    const settings = readSettings({ currency: 'usd', closed_visible_days: 'soon', 'stage_colour.new': 'blue' });
    expect(settings.currency).toBe('USD');
    expect(settings.closedVisibleDays).toBe(30);
    expect(settings.stageColours.new).toBe('#4f7cff');
    expect(settings.stageNames.in_work).toBe('Transferred to work');
  });

  it('takes owners\' stage names', () => {
    expect(readSettings({ 'stage_name.in_work': 'Won' }).stageNames.in_work).toBe('Won');
  });

  it('has a description for every default', () => {
    for (const d of DEFAULT_SETTINGS) expect(d.description.length).toBeGreaterThan(5);
  });
});
