// Apps Script adapters of the client base: the bulk cache of the phone index and the staged
// import pages (CacheService getAll/putAll, one call each), and zips through Utilities.
import { ClientIndexStore } from '../../app/clients/clientIndex';
import { ZipPort } from '../../app/clients/clientImport';
import { CLIENTS } from '../../workbook/schema';
import { zipDirectory } from '../../domain/clients/zipDirectory';

/** The hidden tab holding the persisted copy of the client index (app/clients/clientIndex.ts), one entry per row in column A. */
export const CLIENT_INDEX_TAB = 'Client index';

export function gasClientIndexStore(): ClientIndexStore {
  let cache: GoogleAppsScript.Cache.Cache | null = null;
  const documentCache = () => (cache = cache || CacheService.getDocumentCache() || CacheService.getScriptCache());
  let properties: GoogleAppsScript.Properties.Properties | null = null;
  const documentProperties = () => (properties = properties || PropertiesService.getDocumentProperties());
  return {
    clientsLastRow() {
      const sheet = SpreadsheetApp.getActive().getSheetByName(CLIENTS.name);
      return sheet ? sheet.getLastRow() : 0;
    },
    getAll: (keys) => documentCache().getAll(keys) as Record<string, string>,
    putAll: (values, seconds) => documentCache().putAll(values, seconds),
    removeAll: (keys) => documentCache().removeAll(keys),
    getProperty: (key) => documentProperties().getProperty(key),
    setProperty: (key, value) => { documentProperties().setProperty(key, value); },
    newToken: () => Utilities.getUuid(),
    readPersisted(count) {
      const sheet = SpreadsheetApp.getActive().getSheetByName(CLIENT_INDEX_TAB);
      if (!sheet || sheet.getMaxRows() < count) return null;
      return sheet.getRange(1, 1, count, 1).getValues().map((row) => String(row[0]));
    },
    writePersisted(entries) {
      const book = SpreadsheetApp.getActive();
      let sheet = book.getSheetByName(CLIENT_INDEX_TAB);
      if (!sheet) {
        // Hidden: a technical copy nobody needs to see (it is checked by its digest before use).
        sheet = book.insertSheet(CLIENT_INDEX_TAB, book.getSheets().length);
        sheet.hideSheet();
      }
      const rows = Math.max(entries.length, 1);
      // Exactly as many rows as entries: no stale tail from a larger base, and the tab stays small.
      if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
      else if (sheet.getMaxRows() > rows) sheet.deleteRows(rows + 1, sheet.getMaxRows() - rows);
      if (sheet.getMaxColumns() > 1) sheet.deleteColumns(2, sheet.getMaxColumns() - 1);
      if (entries.length === 0) { sheet.getRange(1, 1).setValue(''); return; }
      // Each entry starts with {"i": Sheets keeps it as text (never a number, date or formula).
      sheet.getRange(1, 1, rows, 1).setValues(entries.map((e) => [e]));
    },
    digest(text) {
      return Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8)
        .map((b) => ((b + 256) % 256).toString(16).padStart(2, '0')).join('');
    },
  };
}

export function gasZip(): ZipPort {
  return {
    directory(base64) {
      return zipDirectory(Utilities.base64Decode(base64));
    },
    unzip(base64) {
      const blob = Utilities.newBlob(Utilities.base64Decode(base64), 'application/zip', 'upload.zip');
      return Utilities.unzip(blob)
        .filter((file) => /\.(xml|rels)$/i.test(file.getName() || ''))
        .map((file) => ({ path: file.getName() || '', text: file.getDataAsString('UTF-8') }));
    },
    zip(parts, name) {
      const blobs = parts.map((part) => Utilities.newBlob(part.content, 'application/xml', part.path));
      return Utilities.base64Encode(Utilities.zip(blobs, name).getBytes());
    },
  };
}
