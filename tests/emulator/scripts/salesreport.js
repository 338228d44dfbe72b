// A small sales report, as public chart samples write it: monthly totals summed into a Report
// sheet and a column chart of them placed next to the table.
function buildReport() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var sales = ss.getSheetByName('Sales').getDataRange().getValues().slice(1);
  var totals = {};
  sales.forEach(function (row) {
    var month = Utilities.formatDate(row[0], ss.getSpreadsheetTimeZone(), 'yyyy-MM');
    totals[month] = (totals[month] || 0) + row[2];
  });
  var months = Object.keys(totals).sort();

  var report = ss.getSheetByName('Report') || ss.insertSheet('Report');
  report.clear();
  report.getCharts().forEach(function (chart) { report.removeChart(chart); });
  var table = [['Month', 'Revenue']].concat(months.map(function (m) { return [m, totals[m]]; }));
  report.getRange(1, 1, table.length, 2).setValues(table);

  var chart = report.newChart()
    .setChartType(Charts.ChartType.COLUMN)
    .addRange(report.getRange(1, 1, table.length, 2))
    .setPosition(2, 4, 0, 0)
    .setOption('title', 'Revenue by month')
    .build();
  report.insertChart(chart);
  return months.length;
}
