/**
 * Sheet-to-Docs merge, in the style of the public "create documents from a template" samples:
 * one Google Doc per row of the Clients sheet, copied from a template document the user made,
 * {{Column name}} placeholders replaced by the row's values, the link written back to the row.
 * Config sheet: B1 = template document id, B2 = output folder name.
 */
function onOpen() {
  SpreadsheetApp.getUi()
    .createMenu('Merge')
    .addItem('Create documents', 'createDocuments')
    .addToUi();
}

function createDocuments() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var config = ss.getSheetByName('Config');
  var templateId = config.getRange('B1').getValue();
  var folderName = config.getRange('B2').getValue();
  var folders = DriveApp.getFoldersByName(folderName);
  var folder = folders.hasNext() ? folders.next() : DriveApp.createFolder(folderName);
  var template = DriveApp.getFileById(templateId);

  var sheet = ss.getSheetByName('Clients');
  var data = sheet.getDataRange().getValues();
  var headers = data[0];
  var urlColumn = headers.indexOf('Document');
  var timeZone = ss.getSpreadsheetTimeZone();
  var created = 0;

  for (var i = 1; i < data.length; i++) {
    var row = data[i];
    if (row[urlColumn]) continue; // already merged
    var copy = template.makeCopy(row[0] + ' - Proposal', folder);
    var doc = DocumentApp.openById(copy.getId());
    var body = doc.getBody();
    for (var j = 0; j < headers.length; j++) {
      if (j === urlColumn) continue;
      var value = row[j] instanceof Date ? Utilities.formatDate(row[j], timeZone, 'd MMMM yyyy') : row[j];
      body.replaceText('\\{\\{' + headers[j] + '\\}\\}', String(value));
    }
    doc.saveAndClose();
    sheet.getRange(i + 1, urlColumn + 1).setValue(doc.getUrl());
    created++;
  }
  ss.toast(created + ' document(s) created', 'Merge');
  return created;
}
