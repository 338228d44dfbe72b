// Yearly archives (issue 24): the setting, the cutoff, which deals and in which chunks, which rows
// a rerun still copies, the read-back check, bottom-up deletion blocks, the yearly figures.
import fc from 'fast-check';
import {
  ArchiveDeal, MovingRow, SPREADSHEET_MAX_CELLS, addSummary, archiveCutoff, copyPlan, dealsToArchive, deletionBlocks, gridGrowth, nextChunk, parseArchiveAfterMonths, summaryOf, unverified, yearlyFigures,
} from '../../../src/domain/backup/archivePlan';

const STAGES = ['new', 'negotiation', 'in_work', 'frozen', 'failed', 'completed', null];
const day = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2026, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10));
const deals = fc.array(fc.record({ stage: fc.constantFrom(...STAGES), closedDay: fc.option(day, { nil: null }), value: fc.integer({ min: 0, max: 10000 }) }), { maxLength: 60 })
  .map((list) => list.map((d, i): ArchiveDeal => ({ id: `D-${i}`, row: i + 2, ...d })));

describe('archive_after_months', () => {
  test('empty or off is off; 3 to 120 whole months are read; anything else is off with a reason', () => {
    expect(parseArchiveAfterMonths(undefined)).toEqual({ months: null, problem: '' });
    expect(parseArchiveAfterMonths(' off ')).toEqual({ months: null, problem: '' });
    expect(parseArchiveAfterMonths('12')).toEqual({ months: 12, problem: '' });
    expect(parseArchiveAfterMonths('3').months).toBe(3);
    expect(parseArchiveAfterMonths('120').months).toBe(120);
    for (const bad of ['2', '121', '1.5', '-12', 'twelve', '12 months', '1e2']) {
      const parsed = parseArchiveAfterMonths(bad);
      expect([bad, parsed.months]).toEqual([bad, null]);
      expect(parsed.problem).toMatch(/archive_after_months must be a whole number of months from 3 to 120/);
    }
  });

  test('the cutoff is the same day that many months earlier, clamped to the month\'s end', () => {
    expect(archiveCutoff('2026-11-23', 12)).toBe('2025-11-23');
    expect(archiveCutoff('2026-03-31', 1 + 3)).toBe('2025-11-30');
    expect(archiveCutoff('2024-05-31', 3)).toBe('2024-02-29');
    expect(archiveCutoff('2026-01-15', 13)).toBe('2024-12-15');
  });
});

describe('which deals move, in which chunks', () => {
  test('only Completed and Failed deals closed before the cutoff, the oldest year first, each once', () => {
    fc.assert(fc.property(deals, day, (list, cutoff) => {
      const chosen = dealsToArchive(list, cutoff);
      for (const d of list) {
        const due = (d.stage === 'completed' || d.stage === 'failed') && d.closedDay !== null && d.closedDay < cutoff;
        expect([d.id, chosen.some((c) => c.id === d.id)]).toEqual([d.id, due]);
      }
      for (let i = 1; i < chosen.length; i++) expect(chosen[i - 1].closedDay!.slice(0, 4) <= chosen[i].closedDay!.slice(0, 4)).toBe(true);
    }));
  });

  test('chunks hold one year each, at most the chunk size, and taking them one after another moves every deal once', () => {
    fc.assert(fc.property(deals, day, fc.integer({ min: 1, max: 7 }), (list, cutoff, size) => {
      let left = dealsToArchive(list, cutoff);
      const moved: string[] = [];
      let chunk = nextChunk(left, size);
      while (chunk) {
        expect(chunk.deals.length).toBeLessThanOrEqual(size);
        expect(chunk.deals.length).toBeGreaterThan(0);
        for (const d of chunk.deals) expect(d.closedDay!.slice(0, 4)).toBe(chunk.year);
        // The oldest year first.
        for (const d of left) expect(d.closedDay!.slice(0, 4) >= chunk.year).toBe(true);
        const ids = chunk.deals.map((d) => d.id);
        moved.push(...ids);
        left = left.filter((d) => ids.indexOf(d.id) < 0);
        chunk = nextChunk(left, size);
      }
      expect(moved.slice().sort()).toEqual(dealsToArchive(list, cutoff).map((d) => d.id).sort());
    }));
  });

  test('the summary adds up: a year split into chunks sums to the year taken whole', () => {
    fc.assert(fc.property(deals, fc.integer({ min: 1, max: 9 }), (list, size) => {
      const closed = list.filter((d) => d.stage === 'completed' || d.stage === 'failed');
      let sum = summaryOf([]);
      for (let i = 0; i < closed.length; i += size) sum = addSummary(sum, summaryOf(closed.slice(i, i + size)));
      expect(sum).toEqual(summaryOf(closed));
      expect(sum.completed + sum.failed).toBe(closed.length);
    }));
  });
});

describe('copy, verify, delete', () => {
  const row = (id: string, ...rest: unknown[]): MovingRow => ({ id, cells: [id, ...rest] });

  test('a rerun copies only what the archive does not hold yet, below its last row', () => {
    const rows = [row('A', 1), row('B', 2), row('C', 3)];
    expect(copyPlan(rows, [])).toEqual({ write: rows, at: 2, already: 0 });
    expect(copyPlan(rows, ['ID'])).toEqual({ write: rows, at: 2, already: 0 });
    // A cut-off run wrote A and B after an older chunk's X.
    expect(copyPlan(rows, ['ID', 'X', 'A', 'B'])).toEqual({ write: [rows[2]], at: 5, already: 2 });
    expect(copyPlan(rows, ['ID', 'A', 'B', 'C'])).toEqual({ write: [], at: 5, already: 3 });
  });

  test('copying, cutting off anywhere and copying again leaves every row in the archive exactly once', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }).filter((s) => s.trim() === s), { maxLength: 20 }), fc.nat(), (ids, cut) => {
      const rows = ids.map((id) => row(id, 'x'));
      const archive: unknown[] = ['ID'];
      const first = copyPlan(rows, archive);
      // A kill after part of the write (rows land in order).
      archive.push(...first.write.slice(0, ids.length ? cut % (ids.length + 1) : 0).map((r) => r.id));
      const second = copyPlan(rows, archive);
      expect(second.at).toBe(archive.length + 1);
      archive.push(...second.write.map((r) => r.id));
      expect(archive.slice(1).sort()).toEqual(ids.slice().sort());
    }));
  });

  test('the read-back check names missing and differing rows; dates compare as their ISO instant', () => {
    const at = new Date('2024-03-01T10:00:00.000Z');
    const rows = [row('A', 'x', at), row('B', 5, ''), row('C', '=1+1')];
    expect(unverified(rows, [['A', 'x', '2024-03-01T10:00:00.000Z'], ['B', 5], ['C', '=1+1']], 0)).toEqual([]);
    expect(unverified(rows, [['A', 'x', '2024-03-01T10:00:00.000Z'], ['C', 2]], 0)).toEqual(['B', 'C']);
  });

  test('deletion blocks are runs of adjacent rows, last first, so no later delete moves a row still to delete', () => {
    expect(deletionBlocks([5, 2, 3, 9, 10, 11, 3])).toEqual([{ start: 9, count: 3 }, { start: 5, count: 1 }, { start: 2, count: 2 }]);
    fc.assert(fc.property(fc.array(fc.integer({ min: 2, max: 60 }), { maxLength: 40 }), (rows) => {
      const sheet = Array.from({ length: 61 }, (_, i) => i);
      for (const b of deletionBlocks(rows)) sheet.splice(b.start, b.count);
      const doomed = new Set(rows);
      expect(sheet).toEqual(Array.from({ length: 61 }, (_, i) => i).filter((r) => !doomed.has(r)));
      const blocks = deletionBlocks(rows);
      for (let i = 1; i < blocks.length; i++) expect(blocks[i].start + blocks[i].count).toBeLessThan(blocks[i - 1].start);
    }));
  });
});

describe('the dashboard\'s yearly figures', () => {
  test('live closed deals per year of close plus the archive\'s summary, newest year first', () => {
    const live: ArchiveDeal[] = [
      { id: 'a', stage: 'completed', closedDay: '2025-12-01', row: 2, value: 100 },
      { id: 'b', stage: 'failed', closedDay: '2025-02-01', row: 3, value: 50 },
      { id: 'c', stage: 'in_work', closedDay: null, row: 4, value: 70 },
    ];
    const figures = yearlyFigures(live, { 2024: { deals: 3, completed: 2, completedValue: 900, failed: 1 }, 2025: { deals: 1, completed: 1, completedValue: 10, failed: 0 } });
    expect(figures.map((f) => f.year)).toEqual(['2025', '2024']);
    expect(figures[0].total).toEqual({ deals: 3, completed: 2, completedValue: 110, failed: 1 });
    expect(figures[1].live).toEqual({ deals: 0, completed: 0, completedValue: 0, failed: 0 });
    expect(figures[1].total).toEqual({ deals: 3, completed: 2, completedValue: 900, failed: 1 });
  });
});

describe('growing a book tab that a chunk outgrows', () => {
  const grid = { Deals: { rows: 100, columns: 30 }, Activities: { rows: 1000, columns: 12 } };
  const room = { rowShare: 0.2, columns: 5 };

  test('nothing to grow while every write fits', () => {
    expect(gridGrowth(grid, { Deals: { rows: 100, columns: 30 }, Activities: { rows: 10, columns: 12 } }, 80, room)).toEqual({});
  });

  test('a tab outgrown gets the rows needed plus a fifth, new columns five more; the others are left out', () => {
    expect(gridGrowth(grid, { Deals: { rows: 150, columns: 32 }, Activities: { rows: 900, columns: 12 } }, 80, room))
      .toEqual({ Deals: { rows: 150 + 30 - 100, columns: 32 + 5 - 30 } });
  });

  test('within 10 million cells: the headroom is dropped first, then the archive refuses', () => {
    // 1000 x 12 + 80 = 12,080 cells besides Deals; a limit of 17,000 leaves room for 164 Deals rows at 30 columns.
    expect(gridGrowth(grid, { Deals: { rows: 150, columns: 30 } }, 80, room, 20000)).toEqual({ Deals: { rows: 80, columns: 0 } });
    expect(gridGrowth(grid, { Deals: { rows: 150, columns: 30 } }, 80, room, 17000)).toEqual({ Deals: { rows: 50, columns: 0 } });
    expect(gridGrowth(grid, { Deals: { rows: 170, columns: 30 } }, 80, room, 17000)).toBeNull();
    expect(SPREADSHEET_MAX_CELLS).toBe(10000000);
  });

  test('property: the grown grid holds every need within the limit; null exactly when the bare need passes it', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 15000, max: 200000 }), (rows, columns, limit) => {
      const growth = gridGrowth(grid, { Deals: { rows, columns } }, 0, room, limit);
      const bare = Math.max(rows, 100) * Math.max(columns, 30) + 12000;
      if (growth === null) return bare > limit;
      const add = growth.Deals || { rows: 0, columns: 0 };
      const deals = { rows: 100 + add.rows, columns: 30 + add.columns };
      return bare <= limit && deals.rows >= rows && deals.columns >= columns && deals.rows * deals.columns + 12000 <= limit
        && (growth.Activities === undefined);
    }));
  });
});
