// Backups (issue 24): cell encoding, request planning, retention, the 36-hour warning, the restore diff.
import fc from 'fast-check';
import { BackupCell, backupWarning, cellKey, sameCell, fromBackupCell, BACKUP_LIST_BYTES, fitBackupList, hashRows, planRequests, retention, utf8Bytes, rowBytes, toBackupCell, weekOf } from '../../../src/domain/backup/backupPlan';
import { diffTab, isEmptyDiff } from '../../../src/domain/backup/restorePlan';

const cell = fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.boolean(), fc.constant(''));

describe('cells travel to the backup and back', () => {
  test('dates become ISO instants and come back as the same instant; text, numbers, booleans as they are', () => {
    const d = new Date('2026-11-23T09:15:00.000Z');
    expect(toBackupCell(d)).toBe('2026-11-23T09:15:00.000Z');
    expect((fromBackupCell('2026-11-23T09:15:00.000Z') as Date).getTime()).toBe(d.getTime());
    expect(toBackupCell('=HYPERLINK("x")')).toBe('=HYPERLINK("x")');
    fc.assert(fc.property(cell, (v) => {
      const back = fromBackupCell(toBackupCell(v));
      expect(back).toEqual(v);
    }));
  });

  test('sameCell says what comparing the cellKeys says (issue 26: no key strings in the archive check)', () => {
    const any = fc.oneof(cell, fc.double(), fc.constant(-0), fc.constant(null), fc.constant(undefined), fc.constant('1'), fc.constant(1), fc.constant(true), fc.constant('true'),
      fc.date({ min: new Date(0), max: new Date(4e12) }));
    fc.assert(fc.property(any, any, (a, b) => {
      expect(sameCell(a, b)).toBe(cellKey(a) === cellKey(b));
      expect(sameCell(a, a)).toBe(true);
    }));
    expect(sameCell('1', 1)).toBe(false);
    expect(sameCell(new Date('2026-01-01T00:00:00.000Z'), '2026-01-01T00:00:00.000Z')).toBe(true);
  });

  test('the hash changes when a cell does', () => {
    expect(hashRows([['a', 1]])).not.toBe(hashRows([['a', 2]]));
    expect(hashRows([['a', 1]])).toBe(hashRows([['a', 1]]));
    expect(hashRows([['1']])).not.toBe(hashRows([[1]]));
  });

  test('the hash is FNV-1a over each cell\'s cellKey + \\u001f, each row + \\u001e: the hashes of backups already made stay comparable', () => {
    // Values computed with the first implementation (a key string per cell, fed character by character).
    expect(hashRows([])).toBe('811c9dc5');
    expect(hashRows([[]])).toBe('1b0c7fc1');
    expect(hashRows([['ID', 'Title', 'Amount'], ['D-1', 'Café für Zoë 🎉', 1250.5], [true, false, '', null, new Date('2026-11-23T09:15:00.000Z'), -0, NaN, 1e21]])).toBe('6ffa5c1b');
    const reference = (rows: unknown[][]): string => {
      let h = 0x811c9dc5;
      const feed = (text: string) => {
        for (let i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
      };
      for (const row of rows) { for (const c of row) { feed(cellKey(c)); feed('\u001f'); } feed('\u001e'); }
      return ('0000000' + h.toString(16)).slice(-8);
    };
    const anyCell = fc.oneof(cell, fc.string({ unit: 'binary', maxLength: 12 }), fc.double(), fc.constant(null), fc.date({ noInvalidDate: true }));
    fc.assert(fc.property(fc.array(fc.array(anyCell, { maxLength: 6 }), { maxLength: 8 }), (rows) => {
      expect(hashRows(rows)).toBe(reference(rows));
    }));
  });
});

describe('requests within the payload limit', () => {
  const tabs = fc.array(fc.record({ tab: fc.string({ minLength: 1, maxLength: 8 }), rows: fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 40 }) }), { maxLength: 6 });

  test('every row of every tab is sent exactly once, in order; a request stays under the limit unless one row alone is larger', () => {
    fc.assert(fc.property(tabs, fc.integer({ min: 200, max: 3000 }), (data, limit) => {
      const requests = planRequests(data, limit);
      const seen: Record<number, number[]> = {};
      requests.forEach((req) => {
        let size = 64;
        for (const s of req) {
          const i = data.findIndex((t, k) => t.tab === s.tab && (seen[k] === undefined || seen[k].length < t.rows.length || t.rows.length === 0) && !(t.rows.length === 0 && seen[k] !== undefined));
          expect(i).toBeGreaterThanOrEqual(0);
          seen[i] = (seen[i] || []).concat(Array.from({ length: s.to - s.from }, (_, n) => s.from + n));
          size += 80 + data[i].rows.slice(s.from, s.to).reduce((n, r) => n + rowBytes(r as BackupCell[]), 0);
          if (s.last) expect(s.to).toBe(data[i].rows.length);
        }
        const single = req.length === 1 && req[0].to - req[0].from === 1;
        if (!single) expect(size).toBeLessThanOrEqual(limit);
      });
      data.forEach((t, k) => expect(seen[k] || []).toEqual(t.rows.map((_, n) => n)));
    }));
  });

  test('row sizes handed in (rowSizes, measured once by the caller) plan the same requests as sizes measured here', () => {
    fc.assert(fc.property(tabs, fc.integer({ min: 200, max: 3000 }), (data, limit) => {
      const sized = data.map((t) => ({ ...t, rowSizes: t.rows.map((r) => rowBytes(r as BackupCell[])) }));
      expect(planRequests(sized, limit)).toEqual(planRequests(data, limit));
    }));
  });

  test('small tabs share one request; a large tab is cut by rows', () => {
    const small = [{ tab: 'A', rows: [['x']] }, { tab: 'B', rows: [['y']] }];
    expect(planRequests(small, 10000)).toHaveLength(1);
    const big = [{ tab: 'Deals', rows: Array.from({ length: 100 }, (_, i) => [`row ${i}`, 'x'.repeat(90)]) }];
    const requests = planRequests(big, 2000);
    expect(requests.length).toBeGreaterThan(5);
    expect(requests[requests.length - 1][0].last).toBe(true);
  });

  test('JSON bytes of a row match JSON.stringify', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.string(), fc.integer(), fc.boolean()), { maxLength: 8 }), (row) => {
      expect(rowBytes(row)).toBeGreaterThanOrEqual(Buffer.byteLength(JSON.stringify(row), 'utf8'));
    }));
  });
});

describe('retention', () => {
  const entry = (day: string, hour = 12) => ({ id: `${day}-${hour}`, at: `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`, day });

  test('every backup of the last 7 days, and the newest of each of the last 4 weeks', () => {
    const days: string[] = [];
    for (let i = 0; i < 40; i++) days.push(new Date(Date.parse('2026-11-24T00:00:00Z') + i * 86400000).toISOString().slice(0, 10));
    const backups = days.map((d) => entry(d)).concat([entry('2027-01-02', 8)]);
    const { keep, trash } = retention(backups, 7, 4);
    expect(keep.length + trash.length).toBe(backups.length);
    const keptDays = keep.map((b) => b.day);
    for (const d of days.slice(-7)) expect(keptDays).toContain(d);
    // Two backups on the last day: both kept (one made before a restore must not push out the other).
    expect(keep.filter((b) => b.day === '2027-01-02')).toHaveLength(2);
    const weeks = new Set(keep.map((b) => weekOf(b.day)));
    expect(weeks.size).toBe(4);
    expect(weekOf('2026-12-31')).toBe('2026-12-28');
  });

  test('never keeps more than daily days + weekly weeks of backups; the newest is always kept', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 6 }), (offsets, daily, weekly) => {
      const backups = offsets.map((o, i) => {
        const day = new Date(Date.parse('2026-01-01T00:00:00Z') + o * 86400000).toISOString().slice(0, 10);
        return { id: String(i), at: `${day}T10:00:${String(i % 60).padStart(2, '0')}.000Z`, day };
      });
      const { keep } = retention(backups, daily, weekly);
      const newest = backups.slice().sort((a, b) => (a.at < b.at ? 1 : -1))[0];
      expect(keep).toContain(newest);
      expect(new Set(keep.map((b) => b.day)).size).toBeLessThanOrEqual(daily + weekly);
    }));
  });
});

describe('the 36-hour warning', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  test('silent while fresh and before anything was tried; then names the age and the last failure', () => {
    expect(backupWarning('2026-11-24T12:00:00.000Z', now, null)).toBeNull();
    expect(backupWarning(null, now, null)).toBeNull();
    expect(backupWarning('2026-11-23T23:00:00.000Z', now, { at: '2026-11-25T11:00:00.000Z', reason: 'The Sheets API answered 429' }))
      .toBe('Backups: The last good backup is from 2026-11-23 23:00 UTC (37 hours ago). Last failure (2026-11-25 11:00 UTC): The Sheets API answered 429');
    expect(backupWarning(null, now, { at: '2026-11-25T11:00:00.000Z', reason: 'x' })).toMatch(/^Backups: There is no good backup yet\./);
  });
});

describe('the restore diff', () => {
  const header = ['ID', 'Deal ID', 'Name'];
  test('rows that come back, rows that change, rows only in the live tab; columns by header name', () => {
    const backup = [header, ['K1', 'D1', 'Call'], ['K2', 'D1', 'Visit'], ['K3', 'D1', 'Sign']];
    const liveHeader = ['Name', 'ID', 'Deal ID', 'My column'];
    const live = [
      { row: 2, cells: ['Call', 'K1', 'D1', 'mine'] },
      { row: 3, cells: ['Visit again', 'K2', 'D1', ''] },
      { row: 4, cells: ['garbage', '', '', ''] },
      { row: 5, cells: ['Later', 'K9', 'D1', ''] },
    ];
    const diff = diffTab('Checkpoints', 'ID', backup, liveHeader, live);
    expect(diff.back.map((r) => [r.key, r.cells])).toEqual([['K3', ['Sign', 'K3', 'D1', '']]]);
    expect(diff.change.map((r) => [r.key, r.row, r.cells.map((c) => [c.header, c.value, c.live])])).toEqual([['K2', 3, [['Name', 'Visit', 'Visit again']]]]);
    expect(diff.onlyLive.map((r) => [r.key, r.row])).toEqual([['row 4', 4], ['K9', 5]]);
    expect(isEmptyDiff(diff, [])).toBe(false);
  });

  test('a backup diffed with its own rows is empty, whatever the order of live rows (ids unique; the n-th of a repeated id matches the n-th)', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 5 }).filter((id) => id.trim() !== ''), cell, cell), { maxLength: 20, selector: (r) => r[0].trim() }), (rows) => {
      const backup = [header, ...rows.map((r) => [r[0], toBackupCell(r[1]), toBackupCell(r[2])])];
      const live = rows.map((r, i) => ({ row: i + 2, cells: [r[0], r[1], r[2]] })).reverse();
      const diff = diffTab('T', 'ID', backup, header, live);
      expect(diff.change).toEqual([]);
      // Blank backup rows are skipped; a live row equal to one is "only live" — there are none here.
      expect(diff.back.length).toBe(0);
    }));
  });
});

describe('the list of backups fits its document property', () => {
  const tabs = ['Deals', 'Clients', 'Checkpoints', 'Plans', 'Payments', 'Catalog', 'Quote lines', 'Documents', 'Activities', 'Settings', 'Users',
    'Imports', 'Notifications', 'Outbox', 'Trips', 'Jobs log', 'Stage history', 'Briefs', 'Brief forms', 'Brief answers'];
  const entry = (i: number) => ({
    id: `1${'x'.repeat(43)}${i}`, url: `https://docs.google.com/spreadsheets/d/1${'x'.repeat(43)}${i}/edit`,
    at: new Date(Date.UTC(2026, 11, 7, 9, 0, 0) - i * 3600000).toISOString(), day: '2026-12-07', by: 'owner@studio.test', trigger: 'manual',
    rows: Object.fromEntries(tabs.map((t, k) => [t, 100 * k + i])), cells: 1000 + i,
  });

  test('"Properties value size: 9 KB / val": forty backups of one day fit; the newest keep their rows per tab, older ones a total, the oldest leave', () => {
    const newestFirst = Array.from({ length: 40 }, (_, i) => entry(i));
    const { keep, trash } = fitBackupList(newestFirst);
    expect(utf8Bytes(JSON.stringify(keep))).toBeLessThanOrEqual(BACKUP_LIST_BYTES);
    expect(keep[0]).toEqual(newestFirst[0]);
    expect(keep[keep.length - 1].rows).toEqual({ all: tabs.reduce((sum, _t, k) => sum + 100 * k + keep.length - 1, 0) });
    expect(trash.map((b) => b.id)).toEqual(newestFirst.slice(keep.length).map((b) => b.id));
    expect(keep.length + trash.length).toBe(40);
  });

  test('a list that fits is left as it is', () => {
    const few = [entry(0), entry(1)];
    expect(fitBackupList(few)).toEqual({ keep: few, trash: [] });
  });

  test('utf8Bytes counts as the property store does (UTF-8)', () => {
    expect(utf8Bytes('a€😀')).toBe(1 + 3 + 4);
  });
});
