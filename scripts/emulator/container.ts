// The bound spreadsheet is a Drive file, as on Apps Script: DriveApp.getFileById(ss.getId())
// finds it (when the manifest's scopes let the script see the user's files), and its Drive name
// and the spreadsheet's name are one name (renaming either renames both).
import type { DriveModel } from './drive/index';
import type { SpreadsheetModel } from './spreadsheet/index';

export function bindContainerToDrive(model: SpreadsheetModel, drive: DriveModel, createdByApp = false): void {
  const rec = drive.file(model.id) ?? drive.addContainer(model.id, model.name);
  if (createdByApp) rec.createdByApp = true;
  Object.defineProperty(model, 'name', {
    configurable: true,
    enumerable: true,
    get: () => rec.name,
    set: (v: string) => { rec.name = String(v); },
  });
}
