// Embedded charts of a tab (issue 23: the Dashboard tab's pipeline and plan charts). Only this
// file touches Sheet.newChart / insertChart / updateChart / getCharts / removeChart.
import { ChartPort, ChartSpec } from '../../ports';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Builder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

export function gasCharts(): ChartPort {
  const sheetOf = (name: string): Sheet | null => SpreadsheetApp.getActive().getSheetByName(name);
  const chartOf = (sheet: Sheet, id: string) => sheet.getCharts().filter((c) => String(c.getChartId()) === id)[0] || null;
  const describe = (sheet: Sheet, builder: Builder, spec: ChartSpec): Builder => {
    let b = builder.clearRanges();
    for (const r of spec.ranges) b = b.addRange(sheet.getRange(r.row, r.column, r.numRows, r.numColumns));
    return b
      .setChartType(spec.type === 'bar' ? Charts.ChartType.BAR : Charts.ChartType.COLUMN)
      .setNumHeaders(1)
      // Titles and axis names make the chart readable without its colours.
      .setOption('title', spec.title)
      .setOption('hAxis.title', spec.xAxisTitle)
      .setOption('vAxis.title', spec.yAxisTitle)
      .setOption('legend.position', 'top');
  };
  return {
    list(tabName) {
      const sheet = sheetOf(tabName);
      if (!sheet) return [];
      return sheet.getCharts().map((c) => {
        const title = c.getOptions().get('title');
        return { id: String(c.getChartId()), title: typeof title === 'string' ? title : '' };
      });
    },
    insert(tabName, spec) {
      const sheet = sheetOf(tabName);
      if (!sheet) throw new Error(`The "${tabName}" tab is missing.`);
      const chart = describe(sheet, sheet.newChart(), spec).setPosition(spec.anchor.row, spec.anchor.column, 0, 0).build();
      sheet.insertChart(chart);
      // A built chart has no id until inserted (getChartId: null "if the chart is not in a spreadsheet"): the newest on the sheet is it.
      const placed = sheet.getCharts();
      return String(placed[placed.length - 1].getChartId());
    },
    update(tabName, id, spec) {
      const sheet = sheetOf(tabName);
      const chart = sheet && chartOf(sheet, id);
      if (!sheet || !chart) throw new Error(`The chart ${id} is no longer on the "${tabName}" tab.`);
      sheet.updateChart(describe(sheet, chart.modify(), spec).build());
    },
    remove(tabName, id) {
      const sheet = sheetOf(tabName);
      const chart = sheet && chartOf(sheet, id);
      if (sheet && chart) sheet.removeChart(chart);
    },
  };
}
