// Embedded charts (developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder,
// embedded-chart, sheet#newChart): a sheet keeps the charts inserted into it (type, ranges,
// options, position); nothing is drawn. Charts live with the open spreadsheet's session and are
// not persisted by toJSON. getAs/getBlob and the standalone Charts builders throw "Not implemented".
import { makeEnum, enumName, enumValueOf, isEnumValue } from '../services/enums';
import { withNotImplemented } from '../notImplemented';
import { unwrap } from './self';
import { SheetData, gasError } from './model';
import type { Session } from './sessionApi';

type GRange = GoogleAppsScript.Spreadsheet.Range;

export const ChartType = makeEnum('Charts', ['AREA', 'BAR', 'BUBBLE', 'CANDLESTICK', 'COLUMN', 'COMBO', 'GAUGE', 'GEO', 'HISTOGRAM',
  'RADAR', 'LINE', 'ORG', 'PIE', 'SCATTER', 'SPARKLINE', 'STEPPED_AREA', 'TABLE', 'TIMELINE', 'TREEMAP', 'WATERFALL'] as const);
export const ChartHiddenDimensionStrategy = makeEnum('Charts', ['IGNORE_BOTH', 'IGNORE_ROWS', 'IGNORE_COLUMNS', 'SHOW_BOTH'] as const);
export const ChartMergeStrategy = makeEnum('Charts', ['MERGE_COLUMNS', 'MERGE_ROWS'] as const);
export const Position = makeEnum('Charts', ['TOP', 'RIGHT', 'BOTTOM', 'NONE'] as const);

/** The `Charts` global: its enums (the standalone chart builders are not emulated). */
export function createChartsGlobal(): object {
  return withNotImplemented('Charts', { ChartType, ChartHiddenDimensionStrategy, ChartMergeStrategy, Position });
}

interface ChartRecord {
  id: number | null;
  type: string | null;
  ranges: GRange[];
  options: Record<string, unknown>;
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
  numHeaders: number;
  transpose: boolean;
  hidden: string;
  merge: string;
}

const chartsOf = new WeakMap<SheetData, ChartRecord[]>();
let nextChartId = 1;

function sheetCharts(sheet: SheetData): ChartRecord[] {
  let list = chartsOf.get(sheet);
  if (!list) {
    list = [];
    chartsOf.set(sheet, list);
  }
  return list;
}

const copy = (c: ChartRecord): ChartRecord => ({ ...c, ranges: [...c.ranges], options: { ...c.options } });

function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (isEnumValue(v)) return 'Charts.ChartType';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'Boolean';
  if (unwrap(v)) return 'SpreadsheetApp.Range';
  return 'Object';
}

function signature(method: string, args: unknown[]): Error {
  return gasError(`The parameters (${args.map(typeName).join(',')}) don't match the method signature for SpreadsheetApp.${method}.`);
}

function isRange(v: unknown): boolean {
  const r = unwrap<{ ref?: unknown }>(v);
  return Boolean(r && typeof r.ref === 'function');
}

function containerInfo(s: Session, c: ChartRecord): object {
  return s.wrap('ContainerInfo', {
    getAnchorRow: () => c.anchorRow,
    getAnchorColumn: () => c.anchorColumn,
    getOffsetX: () => c.offsetX,
    getOffsetY: () => c.offsetY,
  }, false);
}

function builder(s: Session, sheet: SheetData, start: ChartRecord): object {
  const c = copy(start);
  const chartTypes: Record<string, string> = {
    asAreaChart: 'AREA', asBarChart: 'BAR', asColumnChart: 'COLUMN', asComboChart: 'COMBO', asHistogramChart: 'HISTOGRAM',
    asLineChart: 'LINE', asPieChart: 'PIE', asScatterChart: 'SCATTER', asTableChart: 'TABLE',
  };
  const b: Record<string, unknown> = {
    /** "Changes the type of chart." */
    setChartType(...args: unknown[]) {
      const value = args.length === 1 && isEnumValue(args[0]) ? enumValueOf(ChartType, args[0]) : undefined;
      if (!value) throw signature('EmbeddedChartBuilder.setChartType', args);
      c.type = value.name();
      return self;
    },
    getChartType: () => (c.type ? enumValueOf(ChartType, c.type) : null),
    /** "Adds a range to the chart this builder modifies." */
    addRange(...args: unknown[]) {
      if (args.length !== 1 || !isRange(args[0])) throw signature('EmbeddedChartBuilder.addRange', args);
      c.ranges.push(args[0] as GRange);
      return self;
    },
    removeRange(...args: unknown[]) {
      if (args.length !== 1 || !isRange(args[0])) throw signature('EmbeddedChartBuilder.removeRange', args);
      const a1 = (r: GRange) => `${r.getSheet().getName()}!${r.getA1Notation()}`;
      c.ranges = c.ranges.filter((r) => a1(r) !== a1(args[0] as GRange));
      return self;
    },
    clearRanges() { c.ranges = []; return self; },
    getRanges: () => [...c.ranges],
    /** "Sets the position, changing where the chart appears on the sheet." anchorRowPos/anchorColPos are 1-indexed. */
    setPosition(...args: unknown[]) {
      if (args.length !== 4 || args.some((a) => typeof a !== 'number')) throw signature('EmbeddedChartBuilder.setPosition', args);
      const [row, col, x, y] = args as number[];
      if (row < 1 || col < 1) throw gasError(`The coordinates or dimensions of the range are invalid.`);
      Object.assign(c, { anchorRow: Math.floor(row), anchorColumn: Math.floor(col), offsetX: Math.floor(x), offsetY: Math.floor(y) });
      return self;
    },
    getContainer: () => containerInfo(s, c),
    /** "Sets advanced options for this chart." */
    setOption(...args: unknown[]) {
      if (args.length !== 2 || typeof args[0] !== 'string') throw signature('EmbeddedChartBuilder.setOption', args);
      c.options[args[0]] = args[1];
      return self;
    },
    setNumHeaders(n: unknown) { c.numHeaders = Number(n); return self; },
    setTransposeRowsAndColumns(t: unknown) { c.transpose = t === true; return self; },
    setHiddenDimensionStrategy(v: unknown) { c.hidden = enumName(v); return self; },
    setMergeStrategy(v: unknown) { c.merge = enumName(v); return self; },
    // What the typed builders (asColumnChart() …) add that scripts use most: the title and axis titles as options.
    setTitle(t: unknown) { c.options.title = String(t); return self; },
    setXAxisTitle(t: unknown) { c.options['hAxis.title'] = String(t); return self; },
    setYAxisTitle(t: unknown) { c.options['vAxis.title'] = String(t); return self; },
    setColors(colors: unknown) { c.options.colors = colors; return self; },
    setStacked() { c.options.isStacked = true; return self; },
    setLegendPosition(p: unknown) { c.options['legend.position'] = enumName(p).toLowerCase(); return self; },
    // More of the typed builders' formatting (EmbeddedPieChartBuilder, …BarChartBuilder, …ScatterChartBuilder),
    // kept as the Charts options they stand for.
    /** "Sets the background color for the chart." */
    setBackgroundColor(cssValue: unknown) {
      if (typeof cssValue !== 'string') throw signature('EmbeddedChartBuilder.setBackgroundColor', [cssValue]);
      c.options.backgroundColor = cssValue;
      return self;
    },
    /** EmbeddedPieChartBuilder.set3D: "Sets the chart to be three-dimensional." */
    set3D() { c.options.is3D = true; return self; },
    /** "Sets the range for the chart." (the value axis's window) */
    setRange(start: unknown, end: unknown) {
      if (typeof start !== 'number' || typeof end !== 'number') throw signature('EmbeddedChartBuilder.setRange', [start, end]);
      c.options['vAxis.viewWindow.min'] = start;
      c.options['vAxis.viewWindow.max'] = end;
      return self;
    },
    /** EmbeddedScatterChartBuilder.setXAxisRange: "Sets the range for the horizontal axis of the chart." */
    setXAxisRange(start: unknown, end: unknown) {
      if (typeof start !== 'number' || typeof end !== 'number') throw signature('EmbeddedChartBuilder.setXAxisRange', [start, end]);
      c.options['hAxis.viewWindow.min'] = start;
      c.options['hAxis.viewWindow.max'] = end;
      return self;
    },
    /** EmbeddedScatterChartBuilder.setYAxisRange: "Sets the range for the vertical axis of the chart." */
    setYAxisRange(start: unknown, end: unknown) {
      if (typeof start !== 'number' || typeof end !== 'number') throw signature('EmbeddedChartBuilder.setYAxisRange', [start, end]);
      c.options['vAxis.viewWindow.min'] = start;
      c.options['vAxis.viewWindow.max'] = end;
      return self;
    },
    /** "Reverses the drawing of series in the domain axis." */
    reverseCategories() { c.options['hAxis.direction'] = -1; return self; },
    /** "Builds the chart to reflect all changes made to it." */
    build: () => chart(s, sheet, copy(c)),
  };
  for (const [as, type] of Object.entries(chartTypes)) b[as] = () => { c.type = type; return self; };
  const self = s.wrap('EmbeddedChartBuilder', b, false);
  return self;
}

const CHART = Symbol('emulator.chart');

function chart(s: Session, sheet: SheetData, c: ChartRecord): object {
  return s.wrap('EmbeddedChart', {
    [CHART]: c,
    /** "Returns a stable identifier for the chart that is unique across the spreadsheet containing the chart or null if the chart is not in a spreadsheet." */
    getChartId: () => c.id,
    getContainerInfo: () => containerInfo(s, c),
    getRanges: () => [...c.ranges],
    getNumHeaders: () => c.numHeaders,
    getTransposeRowsAndColumns: () => c.transpose,
    getHiddenDimensionStrategy: () => enumValueOf(ChartHiddenDimensionStrategy, c.hidden),
    getMergeStrategy: () => enumValueOf(ChartMergeStrategy, c.merge),
    getOptions: () => s.wrap('ChartOptions', {
      get: (option: unknown) => (Object.prototype.hasOwnProperty.call(c.options, String(option)) ? c.options[String(option)] : null),
      getOrDefault: (option: unknown) => (Object.prototype.hasOwnProperty.call(c.options, String(option)) ? c.options[String(option)] : null),
    }, false),
    /** "Returns an EmbeddedChartBuilder that can be used to modify this chart." */
    modify: () => builder(s, sheet, c),
  }, false);
}

function recordOf(v: unknown): ChartRecord | null {
  return v && typeof v === 'object' ? ((v as Record<symbol, ChartRecord>)[CHART] ?? null) : null;
}

type SheetThis = { s: Session; data: SheetData };

export const sheetChartMethods = {
  /** "Returns a builder to create a new chart for this sheet." */
  newChart(this: SheetThis): object {
    this.s.checkAlive(this.data);
    return builder(this.s, this.data, {
      id: null, type: null, ranges: [], options: {}, anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0,
      numHeaders: -1, transpose: false, hidden: 'IGNORE_BOTH', merge: 'MERGE_COLUMNS',
    });
  },
  /** "Adds a new chart to this sheet." */
  insertChart(this: SheetThis, ...args: unknown[]): void {
    this.s.checkAlive(this.data);
    const c = recordOf(args[0]);
    if (args.length !== 1 || !c) throw signature('Sheet.insertChart', args);
    c.id = nextChartId++;
    sheetCharts(this.data).push(c);
  },
  /** "Returns an array of charts on this sheet." */
  getCharts(this: SheetThis): object[] {
    this.s.checkAlive(this.data);
    return sheetCharts(this.data).map((c) => chart(this.s, this.data, c));
  },
  /** "Removes a chart from the parent sheet." */
  removeChart(this: SheetThis, ...args: unknown[]): void {
    this.s.checkAlive(this.data);
    const c = recordOf(args[0]);
    if (args.length !== 1 || !c) throw signature('Sheet.removeChart', args);
    const list = sheetCharts(this.data);
    const at = list.findIndex((x) => x.id !== null && x.id === c.id);
    if (at >= 0) list.splice(at, 1);
  },
  /** "Updates the chart on this sheet." */
  updateChart(this: SheetThis, ...args: unknown[]): void {
    this.s.checkAlive(this.data);
    const c = recordOf(args[0]);
    if (args.length !== 1 || !c) throw signature('Sheet.updateChart', args);
    const list = sheetCharts(this.data);
    const at = list.findIndex((x) => x.id !== null && x.id === c.id);
    if (at < 0) throw gasError('Invalid argument: chart');
    list[at] = copy(c);
  },
};

export function installCharts(Sheet: { prototype: object }): void {
  for (const [name, fn] of Object.entries(sheetChartMethods)) {
    Object.defineProperty(Sheet.prototype, name, { value: fn, writable: true, configurable: true });
  }
}
