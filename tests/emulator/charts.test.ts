// Embedded charts against the Apps Script reference (Sheet.newChart/insertChart/getCharts/removeChart/
// updateChart, EmbeddedChartBuilder, EmbeddedChart, Charts.ChartType), quoted per test.
import { createWorkspace } from '../../scripts/emulator/workspace';
import { caught } from './fixtures/context';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

function fresh() {
  const ws = createWorkspace({ now: '2026-11-23T09:00:00Z', user: 'owner@studio.test' });
  const g = ws.globals as Any;
  return { ws, g, run: <T>(fn: () => T) => ws.execute(fn), sheet: () => g.SpreadsheetApp.getActive().getSheets()[0] };
}

test('newChart → build → insertChart → getCharts (the invoice report pattern)', () => {
  const { g, run, sheet } = fresh();
  run(() => {
    const s = sheet();
    s.getRange('A1:B3').setValues([['Month', 'Total'], ['Jan', 10], ['Feb', 20]]);
    // newChart: "Returns a builder to create a new chart for this sheet."
    const chart = s.newChart()
      .setChartType(g.Charts.ChartType.COLUMN)
      .addRange(s.getRange('A1:B3'))
      // setPosition: "Sets the position, changing where the chart appears on the sheet."
      .setPosition(5, 4, 10, 20)
      .setOption('title', 'Revenue')
      .build();
    // getChartId: "… or null if the chart is not in a spreadsheet."
    expect(chart.getChartId()).toBeNull();
    // insertChart: "Adds a new chart to this sheet." getCharts: "Returns an array of charts on this sheet."
    s.insertChart(chart);
    const [onSheet] = s.getCharts();
    expect(typeof onSheet.getChartId()).toBe('number');
    expect(onSheet.getRanges().map((r: Any) => r.getA1Notation())).toEqual(['A1:B3']);
    expect(onSheet.getOptions().get('title')).toBe('Revenue');
    const info = onSheet.getContainerInfo();
    expect([info.getAnchorRow(), info.getAnchorColumn(), info.getOffsetX(), info.getOffsetY()]).toEqual([5, 4, 10, 20]);
    expect(onSheet.modify().getChartType()).toBe(g.Charts.ChartType.COLUMN);
    expect(String(g.Charts.ChartType.PIE)).toBe('PIE');
  });
});

test('modify → updateChart; removeChart', () => {
  const { g, run, sheet } = fresh();
  run(() => {
    const s = sheet();
    s.insertChart(s.newChart().asLineChart().addRange(s.getRange('A1:B2')).setTitle('First').build());
    s.insertChart(s.newChart().setChartType(g.Charts.ChartType.PIE).addRange(s.getRange('C1:D2')).build());
    const [first] = s.getCharts();
    // modify: "Returns an EmbeddedChartBuilder that can be used to modify this chart." updateChart: "Updates the chart on this sheet."
    s.updateChart(first.modify().setChartType(g.Charts.ChartType.BAR).setOption('title', 'Changed').build());
    expect(s.getCharts().map((c: Any) => [c.modify().getChartType().toString(), c.getOptions().get('title')])).toEqual([['BAR', 'Changed'], ['PIE', null]]);
    // removeChart: "Removes a chart from the parent sheet."
    s.removeChart(s.getCharts()[1]);
    expect(s.getCharts().length).toBe(1);
  });
});

test('argument checks', () => {
  const { run, sheet } = fresh();
  run(() => {
    const s = sheet();
    expect(caught(() => s.newChart().setChartType('COLUMN')).message)
      .toBe("The parameters (String) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.setChartType.");
    expect(caught(() => s.newChart().addRange('A1:B2')).message)
      .toBe("The parameters (String) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.addRange.");
    expect(caught(() => s.newChart().setPosition(1, 1)).message)
      .toBe("The parameters (number,number) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.setPosition.");
    expect(caught(() => s.insertChart({})).message).toBe("The parameters (Object) don't match the method signature for SpreadsheetApp.Sheet.insertChart.");
    expect(() => s.getCharts()[0]).not.toThrow();
    expect(() => s.newChart().build().getBlob()).toThrow('Not implemented in the Dealboard emulator: EmbeddedChart.getBlob');
  });
});

// Typed builders' formatting (EmbeddedPieChartBuilder.set3D: "Sets the chart to be three-dimensional.";
// setBackgroundColor: "Sets the background color for the chart."; EmbeddedScatterChartBuilder.setXAxisRange:
// "Sets the range for the horizontal axis of the chart."), kept as the chart's options.
test('typed builder formatting is kept as chart options', () => {
  const ws = createWorkspace({});
  ws.execute(() => {
    const SA = ws.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const sheet = SA.getActive().getSheets()[0];
    const b = sheet.newChart().asPieChart() as unknown as Record<string, (...a: unknown[]) => unknown>;
    expect(b.setBackgroundColor('#ff0000')).toBe(b);
    expect(b.set3D()).toBe(b);
    const scatter = sheet.newChart().asScatterChart() as unknown as Record<string, (...a: unknown[]) => unknown>;
    scatter.setXAxisRange(0, 100);
    scatter.setYAxisRange(0, 50);
    const pie = (b.addRange(sheet.getRange('A1:B5')) as GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder).build();
    expect([pie.getOptions().get('backgroundColor'), pie.getOptions().get('is3D')]).toEqual(['#ff0000', true]);
    const sc = (scatter.addRange(sheet.getRange('A1:B5')) as GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder).build();
    expect([sc.getOptions().get('hAxis.viewWindow.max'), sc.getOptions().get('vAxis.viewWindow.max')]).toEqual([100, 50]);
    expect(() => b.setBackgroundColor(42)).toThrow(/don't match the method signature/);
  });
});
