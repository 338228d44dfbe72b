/**
 * Kanban web-app backend over a Tasks sheet (Id | Title | Status | Created), in the style of the
 * public Sheets kanban samples: the page calls these through google.script.run. Cards are found
 * with a TextFinder; a card's title may carry a link (rich text).
 */
var SHEET_NAME = 'Tasks';
var STATUSES = ['To do', 'Doing', 'Done'];

function doGet() {
  return HtmlService.createHtmlOutput('<h1>Kanban</h1>').setTitle('Kanban');
}

function tasksSheet_() {
  return SpreadsheetApp.getActive().getSheetByName(SHEET_NAME);
}

function getBoard() {
  var sheet = tasksSheet_();
  var range = sheet.getDataRange();
  var values = range.getValues();
  var rich = range.getRichTextValues();
  var board = {};
  STATUSES.forEach(function (s) { board[s] = []; });
  for (var i = 1; i < values.length; i++) {
    var title = rich[i][1];
    board[values[i][2]].push({ id: values[i][0], title: values[i][1], link: title ? title.getLinkUrl() : null });
  }
  return board;
}

function addTask(title, url) {
  var lock = LockService.getScriptLock();
  lock.waitLock(10000);
  try {
    var sheet = tasksSheet_();
    var id = 'T-' + Utilities.getUuid().slice(0, 8);
    sheet.appendRow([id, title, STATUSES[0], new Date()]);
    if (url) {
      var link = SpreadsheetApp.newRichTextValue().setText(title).setLinkUrl(url).build();
      sheet.getRange(sheet.getLastRow(), 2).setRichTextValue(link);
    }
    return id;
  } finally {
    lock.releaseLock();
  }
}

function moveTask(id, status) {
  if (STATUSES.indexOf(status) < 0) throw new Error('Unknown status: ' + status);
  var sheet = tasksSheet_();
  var cell = sheet.getRange('A:A').createTextFinder(id).matchEntireCell(true).findNext();
  if (!cell) throw new Error('Task not found: ' + id);
  sheet.getRange(cell.getRow(), 3).setValue(status);
  return cell.getRow();
}

function renameInTitles(from, to) {
  return tasksSheet_().getRange('B:B').createTextFinder(from).replaceAllWith(to);
}
