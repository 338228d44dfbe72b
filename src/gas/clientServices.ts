// Apps Script adapters of the client base: the bulk cache of the phone index and the staged
// import pages (CacheService getAll/putAll, one call each), and zips through Utilities.
import { ClientIndexStore } from '../app/clientIndex';
import { ZipPort } from '../app/clientImport';
import { CLIENTS } from '../workbook/schema';
import { zipDirectory } from '../domain/zipDirectory';

export function gasClientIndexStore(): ClientIndexStore {
  let cache: GoogleAppsScript.Cache.Cache | null = null;
  const documentCache = () => (cache = cache || CacheService.getDocumentCache() || CacheService.getScriptCache());
  return {
    clientsLastRow() {
      const sheet = SpreadsheetApp.getActive().getSheetByName(CLIENTS.name);
      return sheet ? sheet.getLastRow() : 0;
    },
    getAll: (keys) => documentCache().getAll(keys) as Record<string, string>,
    putAll: (values, seconds) => documentCache().putAll(values, seconds),
    removeAll: (keys) => documentCache().removeAll(keys),
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
