import fc from 'fast-check';
import { POSITION_STEP, positionAt, renumber } from '../../../src/domain/deals/ordering';

describe('positionAt', () => {
  it('places a card into an empty column, at the top, the end and between', () => {
    expect(positionAt([], 0)).toBe(POSITION_STEP);
    expect(positionAt([100, 200], 0)).toBe(100 - POSITION_STEP);
    expect(positionAt([100, 200], 2)).toBe(200 + POSITION_STEP);
    expect(positionAt([100, 200], 1)).toBe(150);
  });

  it('keeps the order: the new position sorts exactly at the requested index', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -1e6, max: 1e6 }), { maxLength: 30 }), fc.nat(40), (values, index) => {
        const sorted = values.slice().sort((a, b) => a - b);
        const position = positionAt(sorted, index);
        if (position === null) return;
        const at = Math.min(index, sorted.length);
        const after = sorted.concat([position]).sort((a, b) => a - b);
        expect(after.indexOf(position)).toBe(at);
      }),
    );
  });

  it('asks for renumbering when neighbours are too close', () => {
    expect(positionAt([1, 1 + 1e-9], 1)).toBeNull();
    expect(renumber(3)).toEqual([POSITION_STEP, 2 * POSITION_STEP, 3 * POSITION_STEP]);
  });
});
