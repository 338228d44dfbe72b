// DriveApp members the gas-fakes suite's testdrivenew.js calls (issue 27): storage figures, shortcuts
// (File.getTargetId / getTargetMimeType) and continuation tokens (getContinuationToken /
// continueFileIterator / continueFolderIterator). Installed on the DriveApp, Folder, File and iterator
// classes by services.ts.
import { DriveFileRecord } from './model';
import { gasError as exception } from '../services/util';

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type ShortcutRecord = DriveFileRecord & { shortcutDetails?: { targetId: string; targetMimeType: string } };

const SHORTCUT = 'application/vnd.google-apps.shortcut';
/** A personal Google account's free storage (15 GB), which getStorageLimit reports. */
const STORAGE_LIMIT_BYTES = 15 * 1024 ** 3;


/** "Creates a shortcut to the provided Drive item ID, and returns it." (name and target from the item) */
function createShortcut(h: Any, parent: string, targetId: unknown): object {
  if (typeof targetId !== 'string' || !targetId) throw exception('Invalid argument: targetId');
  const target = h.record(targetId) as DriveFileRecord;
  const env = h.env;
  const rec = env.model.newRecord({ name: target.name, mimeType: SHORTCUT, parents: [parent], owner: env.ctx.currentUser(), createdByApp: true, at: env.ctx.clock.now() }) as ShortcutRecord;
  rec.shortcutDetails = { targetId: target.id, targetMimeType: target.mimeType };
  env.model.putFile(rec);
  return h.file(rec.id);
}

/** Continuation tokens carry the iterator's remaining ids and the kind (files or folders). */
function token(kind: 'file' | 'folder', ids: string[]): string {
  return Buffer.from(JSON.stringify({ kind, ids }), 'utf8').toString('base64url');
}

function fromToken(h: Any, kind: 'file' | 'folder', continuationToken: unknown): object {
  let parsed: { kind?: string; ids?: unknown } | null = null;
  try { parsed = JSON.parse(Buffer.from(String(continuationToken), 'base64url').toString('utf8')); } catch { parsed = null; }
  if (!parsed || parsed.kind !== kind || !Array.isArray(parsed.ids)) throw exception('Invalid argument: continuationToken');
  const ids = (parsed.ids as unknown[]).map(String);
  return kind === 'file' ? h.fileIterator(ids) : h.folderIterator(ids);
}

export const driveAppStorageMethods = {
  /** "Gets the number of bytes the user is allowed to store in Drive." */
  getStorageLimit(this: Any): number { return STORAGE_LIMIT_BYTES; },
  /** "Gets the number of bytes the user is currently storing in Drive." (content bytes of the files they own) */
  getStorageUsed(this: Any): number {
    const env = this.h.env;
    const me = String(env.ctx.currentUser()).toLowerCase();
    return env.model.listFiles()
      .filter((r: DriveFileRecord) => r.owners.map((o) => o.toLowerCase()).includes(me))
      .reduce((n: number, r: DriveFileRecord) => n + (r.content?.length ?? 0), 0);
  },
  createShortcut(this: Any, targetId: string): object { return createShortcut(this.h, this.h.env.model.rootId, targetId); },
  continueFileIterator(this: Any, continuationToken: string): object { return fromToken(this.h, 'file', continuationToken); },
  continueFolderIterator(this: Any, continuationToken: string): object { return fromToken(this.h, 'folder', continuationToken); },
};

export const folderShortcutMethods = {
  createShortcut(this: Any, targetId: string): object { this.getId(); return createShortcut(this.h, this.id, targetId); },
};

export const fileShortcutMethods = {
  /** "If this is a shortcut, returns the ID of the item it points to. Otherwise it returns null." */
  getTargetId(this: Any): string | null { return (this.h.record(this.id) as ShortcutRecord).shortcutDetails?.targetId ?? null; },
  getTargetMimeType(this: Any): string | null { return (this.h.record(this.id) as ShortcutRecord).shortcutDetails?.targetMimeType ?? null; },
  getTargetResourceKey(this: Any): string | null { this.h.record(this.id); return null; },
};

/** "Gets a token that can be used to resume this iteration at a later time." */
export function continuationToken(kind: 'file' | 'folder', remaining: string[]): string {
  return token(kind, remaining);
}

