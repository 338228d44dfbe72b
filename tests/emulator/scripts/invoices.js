/**
 * Invoice generator, in the style of the public "invoices from a Sheet" samples: one Google Doc
 * per order row, saved as PDF in an Invoices folder, all PDFs zipped, the row linked to its
 * invoice (rich text). Orders: Invoice | Client | Item | Qty | Price | Total (formula) | Date | Invoice doc.
 * The tax rate is the named range TaxRate.
 */
function generateInvoices() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var orders = ss.getSheetByName('Orders');
  var rows = orders.getDataRange().getValues();
  var taxRate = ss.getRangeByName('TaxRate').getValue();
  var timeZone = ss.getSpreadsheetTimeZone();
  var folder = invoiceFolder_();
  var pdfs = [];

  for (var i = 1; i < rows.length; i++) {
    var r = rows[i];
    if (r[7]) continue;
    var net = r[5];
    var tax = Math.round(net * taxRate * 100) / 100;
    var doc = DocumentApp.create('Invoice ' + r[0]);
    var body = doc.getBody();
    body.appendParagraph('Invoice ' + r[0]).setHeading(DocumentApp.ParagraphHeading.HEADING1);
    body.appendParagraph('Billed to: ' + r[1]);
    body.appendParagraph('Date: ' + Utilities.formatDate(r[6], timeZone, 'yyyy-MM-dd'));
    body.appendTable([['Item', 'Qty', 'Price', 'Total'], [r[2], String(r[3]), r[4].toFixed(2), net.toFixed(2)]]);
    body.appendListItem('Net: ' + net.toFixed(2));
    body.appendListItem('Tax (' + Math.round(taxRate * 100) + '%): ' + tax.toFixed(2));
    body.appendListItem('Due: ' + (net + tax).toFixed(2));
    doc.saveAndClose();

    var pdf = doc.getAs(MimeType.PDF).setName('Invoice ' + r[0] + '.pdf');
    folder.createFile(pdf);
    pdfs.push(pdf);
    var link = SpreadsheetApp.newRichTextValue().setText('Invoice ' + r[0]).setLinkUrl(doc.getUrl()).build();
    orders.getRange(i + 1, 8).setRichTextValue(link);
  }

  if (pdfs.length > 0) folder.createFile(Utilities.zip(pdfs, 'invoices.zip'));
  var digest = Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, JSON.stringify(rows.slice(1).map(function (r) { return r.slice(0, 6); })), Utilities.Charset.UTF_8);
  var checksum = digest.map(function (b) { return ('0' + (b & 0xff).toString(16)).slice(-2); }).join('');
  PropertiesService.getDocumentProperties().setProperty('invoices.checksum', checksum);
  return { created: pdfs.length, checksum: checksum };
}

function invoiceFolder_() {
  var it = DriveApp.getFoldersByName('Invoices');
  return it.hasNext() ? it.next() : DriveApp.createFolder('Invoices');
}
