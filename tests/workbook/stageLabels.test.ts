// Issue 11, item 6: stage cells show the Settings names; keys and names are read in any case,
// and a name a stage had before a rename in Settings still reads as that stage.
import { DEFAULT_STAGE_NAMES } from '../../src/domain/deals/stages';
import { formerStageNames, stageLabel, stageLabels, stageOfCell, useStageNames } from '../../src/workbook/stageLabels';

afterEach(() => useStageNames(DEFAULT_STAGE_NAMES));

test('a cell is read by its key or its name, in any case and spacing', () => {
  for (const typed of ['in_work', 'IN_WORK', 'Transferred to work', 'transferred  to-work', ' Transferred To Work ']) expect(stageOfCell(typed)).toBe('in_work');
  expect(stageOfCell('won')).toBeNull();
  expect(stageOfCell('')).toBeNull();
  expect(stageOfCell(46370)).toBeNull();
  expect(stageLabel('in_work')).toBe('Transferred to work');
  expect(stageLabels()).toEqual(['New', 'Negotiation', 'Transferred to work', 'Frozen', 'Failed', 'Completed']);
});

test('after a rename the new name is written and the old one still reads', () => {
  const renamed = { ...DEFAULT_STAGE_NAMES, in_work: 'In production' };
  const former = formerStageNames(DEFAULT_STAGE_NAMES, {}, renamed);
  expect(former).toEqual({ 'Transferred to work': 'in_work' });
  useStageNames(renamed, former);
  expect(stageLabel('in_work')).toBe('In production');
  expect(stageOfCell('In production')).toBe('in_work');
  expect(stageOfCell('Transferred to work')).toBe('in_work');
  // A second rename keeps both earlier names.
  const again = { ...renamed, in_work: 'Doing' };
  const former2 = formerStageNames(renamed, former, again);
  expect(former2).toEqual({ 'Transferred to work': 'in_work', 'In production': 'in_work' });
});

test('a name moved to another stage reads as that stage, not as the one it left', () => {
  // "Frozen" renamed to "On hold", then "Frozen" given to Failed: cells saying Frozen are Failed now.
  const first = { ...DEFAULT_STAGE_NAMES, frozen: 'On hold' };
  const formerFirst = formerStageNames(DEFAULT_STAGE_NAMES, {}, first);
  const second = { ...first, failed: 'Frozen' };
  const formerSecond = formerStageNames(first, formerFirst, second);
  useStageNames(second, formerSecond);
  expect(stageOfCell('Frozen')).toBe('failed');
  expect(stageOfCell('On hold')).toBe('frozen');
});

// Moved from tests/domain/deals/moves.test.ts with domain/stages parseStage, which the codec's table replaced.
describe('stageOfCell (was parseStage)', () => {
  it('accepts keys and display names in any case', () => {
    expect(stageOfCell('in_work')).toBe('in_work');
    expect(stageOfCell('Transferred to work')).toBe('in_work');
    expect(stageOfCell('  negotiation ')).toBe('negotiation');
    expect(stageOfCell('won')).toBeNull();
    expect(stageOfCell(42)).toBeNull();
  });
});
