// DriveApp / Drive members the gas-fakes suite's Drive files call (issue 27; reference/drive/drive-app,
// file, folder, file-iterator; live values from gas-fakes test/testdrive*.js).
import { caught, env } from './env';

describe('DriveApp storage, shortcuts, continuation tokens', () => {
  test('getStorageLimit: "Gets the number of bytes the user is allowed to store in Drive."; getStorageUsed counts what they own', () => {
    const { run, g } = env();
    run(() => {
      const before = g.DriveApp.getStorageUsed();
      g.DriveApp.createFile('a.txt', '12345');
      expect(g.DriveApp.getStorageUsed()).toBe(before + 5);
      expect(g.DriveApp.getStorageLimit()).toBeGreaterThanOrEqual(g.DriveApp.getStorageUsed());
    });
  });

  test('createShortcut: "Creates a shortcut to the provided Drive item ID, and returns it."; getTargetId', () => {
    const { run, g } = env();
    run(() => {
      const file = g.DriveApp.createFile('target.txt', 'x');
      const shortcut = g.DriveApp.getRootFolder().createShortcut(file.getId());
      expect(shortcut.getName()).toBe('target.txt');
      expect(shortcut.getMimeType()).toBe('application/vnd.google-apps.shortcut');
      expect(shortcut.getTargetId()).toBe(file.getId());
      // "If this is a shortcut, returns the ID of the item it points to. Otherwise it returns null."
      expect(file.getTargetId()).toBeNull();
      const folder = g.DriveApp.createFolder('f');
      expect(g.DriveApp.createShortcut(folder.getId()).getTargetId()).toBe(folder.getId());
    });
  });

  test('getContinuationToken: "Gets a token that can be used to resume this iteration at a later time."', () => {
    const { run, g } = env();
    run(() => {
      for (const n of ['1', '2', '3']) g.DriveApp.createFile(`${n}.txt`, n);
      const it = g.DriveApp.getFiles();
      const first = it.next().getName();
      const rest = g.DriveApp.continueFileIterator(it.getContinuationToken());
      const names: string[] = [];
      while (rest.hasNext()) names.push(rest.next().getName());
      expect(names).not.toContain(first);
      expect(names.length).toBeGreaterThan(0);
      expect(caught(() => g.DriveApp.continueFileIterator('nonsense')).message).toBe('Invalid argument: continuationToken');
    });
  });

  test('live answers (gas-fakes testdrive.js): DriveApp prints "Drive"; null ids; My Drive refuses metadata; makeCopy() keeps the name', () => {
    const { run, g } = env();
    run(() => {
      expect(String(g.DriveApp)).toBe('Drive');
      expect(caught(() => g.DriveApp.getFolderById(null as never)).message).toBe('Invalid argument: id');
      expect(caught(() => g.DriveApp.getRootFolder().setStarred(true)).message).toBe('Access denied: DriveApp.');
      const file = g.DriveApp.createFile('keep.txt', 'x');
      expect(file.makeCopy().getName()).toBe('keep.txt');
    });
  });
});

describe('Drive REST metadata through UrlFetchApp (route)', () => {
  test('files.list: "Lists the user\'s files."; files.get on root is My Drive; an unknown id is Google\'s 404', () => {
    const { run, g, ws } = env();
    const U = (ws.globals as unknown as { UrlFetchApp: GoogleAppsScript.URL_Fetch.UrlFetchApp }).UrlFetchApp;
    run(() => {
      const file = g.DriveApp.createFile('listed.txt', 'x');
      const headers = { Authorization: `Bearer ${g.ScriptApp.getOAuthToken()}` };
      const list = U.fetch('https://www.googleapis.com/drive/v3/files', { headers });
      expect(list.getResponseCode()).toBe(200);
      const body = JSON.parse(list.getContentText()) as { kind: string; files: { id: string; name: string; kind: string }[] };
      expect(body.kind).toBe('drive#fileList');
      expect(body.files).toContainEqual({ kind: 'drive#file', id: file.getId(), name: 'listed.txt', mimeType: 'text/plain' });
      const root = JSON.parse(U.fetch('https://www.googleapis.com/drive/v3/files/root', { headers }).getContentText());
      expect([root.name, root.mimeType]).toEqual(['My Drive', 'application/vnd.google-apps.folder']);
      const missing = U.fetch('https://www.googleapis.com/drive/v3/files/nope', { headers, muteHttpExceptions: true });
      expect(missing.getResponseCode()).toBe(404);
      expect(U.fetch('https://www.googleapis.com/drive/v3/files', { muteHttpExceptions: true }).getResponseCode()).toBe(401);
    });
  });
});

describe('Drive advanced service: identity, About, Operations', () => {
  test('AdvancedServiceIdentifier and getVersion; About.get needs fields ("The \'fields\' parameter is required for this method.")', () => {
    const { ws, run } = env();
    const Drive = ws.globals.Drive as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    run(() => {
      expect(String(Drive)).toBe('AdvancedServiceIdentifier{name=drive, version=v3}');
      expect(String(Drive.About)).toBe(String(Drive.Files));
      expect(Drive.getVersion()).toBe('v3');
      expect(caught(() => Drive.About.get()).message).toBe("API call to drive.about.get failed with error: The 'fields' parameter is required for this method.");
      const about = Drive.About.get({ fields: 'user,storageQuota' });
      expect(about.user.me).toBe(true);
      expect(Number(about.storageQuota.limit)).toBeGreaterThanOrEqual(Number(about.storageQuota.usage));
      expect(about.kind).toBeUndefined();
      // live: Drive.Operations has no list (gas-fakes testdrive.js)
      expect(() => Drive.Operations.list()).toThrow(/is not a function/);
    });
  });
});
