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


export interface ContainerSharing {
  add(id: string, email: string, role: 'writer' | 'reader'): void;
  users(id: string, roles: string[]): string[];
}

/** Sharing of the spreadsheet itself (Spreadsheet.addEditor/getEditors), on its Drive record:
 * sharing the open spreadsheet needs no Drive scope, so DriveApp's visibility does not apply. */
export function containerSharing(drive: DriveModel): ContainerSharing {
  return {
    add(id, email, role) {
      const rec = drive.file(id);
      if (!rec) throw Object.assign(new Error('Invalid argument: spreadsheet'), { name: 'Exception' });
      const e = String(email).trim().toLowerCase();
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e)) throw Object.assign(new Error(`Invalid email: ${email}`), { name: 'Exception' });
      const existing = rec.permissions.find((p) => p.type === 'user' && p.emailAddress === e);
      if (existing) { if (existing.role !== 'owner' && !(existing.role === 'writer' && role === 'reader')) existing.role = role; } else rec.permissions.push({ id: `perm-${rec.permissions.length}-${id}`, type: 'user', role, emailAddress: e });
    },
    users(id, roles) {
      const rec = drive.file(id);
      return rec ? rec.permissions.filter((p) => p.type === 'user' && roles.includes(p.role)).map((p) => p.emailAddress as string) : [];
    },
  };
}
