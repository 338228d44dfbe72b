// Where a moved card goes when the sidebar sends the positions of the cards it showed around it.
import { positionBetween, requireNeighbours } from '../../../src/app/deals/neighbours';

describe('positionBetween', () => {
  it('goes halfway between the two, above the first card, below the last, or alone', () => {
    expect(positionBetween({ before: 1024, after: 2048 })).toBe(1536);
    expect(positionBetween({ before: null, after: 1024 })).toBe(0);
    expect(positionBetween({ before: 4096, after: null })).toBe(5120);
    expect(positionBetween({ before: null, after: null })).toBe(1024);
  });

  it('gives up (the server then places the card from the column) when the two are out of order or too close', () => {
    expect(positionBetween({ before: 2048, after: 1024 })).toBeNull();
    expect(positionBetween({ before: 1024, after: 1024 })).toBeNull();
    expect(positionBetween({ before: 1, after: 1 + 1e-9 })).toBeNull();
  });
});

describe('requireNeighbours', () => {
  it('accepts nothing (older sidebars) and numbers or null on each side', () => {
    expect(requireNeighbours(undefined)).toBeNull();
    expect(requireNeighbours(null)).toBeNull();
    expect(requireNeighbours({ before: 1, after: null })).toEqual({ before: 1, after: null });
    expect(requireNeighbours({})).toEqual({ before: null, after: null });
  });

  it('refuses anything else with a clear message', () => {
    expect(() => requireNeighbours('top')).toThrow('The neighbours of a moved card must be an object.');
    expect(() => requireNeighbours({ before: 'x' })).toThrow('The position of the card above must be a number.');
    expect(() => requireNeighbours({ after: Infinity })).toThrow('The position of the card below must be a number.');
  });
});
