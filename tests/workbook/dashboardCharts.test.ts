// Issue 23: the Dashboard tab's charts are inserted once and updated afterwards (placeCharts),
// over an in-memory chart port: known by the id kept for them, else by title; copies of ours go,
// a person's own charts stay.
import { ChartPort, ChartSpec, DurableStore } from '../../src/ports';
import { DASHBOARD_CHARTS_KEY, placeCharts } from '../../src/app/reports/dashboardCharts';

function memory() {
  let next = 1;
  const charts: { id: string; title: string; spec?: ChartSpec }[] = [];
  const port: ChartPort = {
    list: () => charts.map((c) => ({ id: c.id, title: c.title })),
    insert: (_tab, spec) => { const id = String(next++); charts.push({ id, title: spec.title, spec }); return id; },
    update: (_tab, id, spec) => { const c = charts.find((x) => x.id === id)!; c.title = spec.title; c.spec = spec; },
    remove: (_tab, id) => { charts.splice(charts.findIndex((x) => x.id === id), 1); },
  };
  const props: Record<string, string> = {};
  const store: DurableStore = { get: (k) => props[k] ?? null, put: (k, v) => { props[k] = v; }, remove: (k) => { delete props[k]; } };
  return { charts, port, store, props };
}

const spec = (title: string, rows: number): ChartSpec => ({
  title, type: 'column', xAxisTitle: 'x', yAxisTitle: 'y', anchor: { row: 1, column: 11 },
  ranges: [{ row: 1, column: 6, numRows: rows, numColumns: 2 }],
});

test('inserted once, then updated (ranges follow the data), never piled up', () => {
  const m = memory();
  expect(placeCharts(m.port, m.store, 'Dashboard', [spec('A', 7), spec('B', 3)])).toEqual({ inserted: 2, updated: 0, removed: 0 });
  expect(placeCharts(m.port, m.store, 'Dashboard', [spec('A', 7), spec('B', 4)])).toEqual({ inserted: 0, updated: 2, removed: 0 });
  expect(m.charts.map((c) => [c.title, c.spec!.ranges[0].numRows])).toEqual([['A', 7], ['B', 4]]);
  expect(JSON.parse(m.props[DASHBOARD_CHARTS_KEY])).toEqual({ A: '1', B: '2' });
});

test('a renamed chart of ours is found by its id; a copy is removed; a person\'s chart is left', () => {
  const m = memory();
  placeCharts(m.port, m.store, 'Dashboard', [spec('A', 7), spec('B', 3)]);
  m.charts[0].title = 'Renamed';
  m.charts.push({ id: '90', title: 'B' }, { id: '91', title: 'Mine' });
  expect(placeCharts(m.port, m.store, 'Dashboard', [spec('A', 7), spec('B', 3)])).toEqual({ inserted: 0, updated: 2, removed: 1 });
  expect(m.charts.map((c) => [c.id, c.title])).toEqual([['1', 'A'], ['2', 'B'], ['91', 'Mine']]);
});

test('a lost or damaged id list falls back to titles; a deleted chart is made again', () => {
  const m = memory();
  placeCharts(m.port, m.store, 'Dashboard', [spec('A', 7), spec('B', 3)]);
  m.props[DASHBOARD_CHARTS_KEY] = '{not json';
  m.charts.splice(1, 1);
  expect(placeCharts(m.port, m.store, 'Dashboard', [spec('A', 7), spec('B', 3)])).toEqual({ inserted: 1, updated: 1, removed: 0 });
  expect(m.charts.map((c) => c.title)).toEqual(['A', 'B']);
});
