// DriveApp.createFile / File.makeCopy / Drive.Files.create accept only their documented argument
// lists (Apps Script reference, quoted per test) and refuse the others with Apps Script's errors,
// as gas-fakes' suite checks them on live Apps Script (testdrive.js).
import { createWorkspace } from '../../scripts/emulator/workspace';
import { applyManifest } from '../../scripts/emulator/manifest';
import { caught } from './fixtures/context';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

function fresh() {
  const ws = createWorkspace({ now: '2026-11-23T09:00:00Z', user: 'owner@studio.test' });
  applyManifest(ws, { oauthScopes: ['https://www.googleapis.com/auth/drive'] });
  return { g: ws.globals as Any, run: <T>(fn: () => T) => ws.execute(fn) };
}

test('DriveApp.createFile: (blob), (name, content), (name, content, mimeType) only', () => {
  const { g, run } = fresh();
  run(() => {
    const blob = g.Utilities.newBlob('hello', 'text/plain', 'hello.txt');
    // createFile(blob): "Creates a file in the root of the user's Drive from a given Blob of arbitrary data."
    expect(g.DriveApp.createFile(blob).getName()).toBe('hello.txt');
    // createFile(name, content): "Creates a text file in the root of the user's Drive with the given name and contents."
    expect(g.DriveApp.createFile('notes.txt', '').getMimeType()).toBe('text/plain');
    // createFile(name, content, mimeType): "Creates a file in the root of the user's Drive with the given name, contents, and MIME type."
    expect(g.DriveApp.createFile('page.html', '<p>x</p>', 'text/html').getMimeType()).toBe('text/html');
    const sig = (args: string) => `The parameters (${args}) don't match the method signature for DriveApp.createFile.`;
    expect(caught(() => g.DriveApp.createFile()).message).toBe(sig(''));
    expect(caught(() => g.DriveApp.createFile('')).message).toBe(sig('String'));
    expect(caught(() => g.DriveApp.createFile(blob, '')).message).toBe(sig('Blob,String'));
    expect(caught(() => g.DriveApp.createFile(null, '')).message).toBe('Invalid argument: name');
    expect(caught(() => g.DriveApp.createFile(g.Utilities.newBlob(''))).message).toBe('Blob object must have non-null name for this operation.');
    const folder = g.DriveApp.createFolder('F');
    expect(caught(() => folder.createFile('x')).message).toBe("The parameters (String) don't match the method signature for DriveApp.Folder.createFile.");
  });
});

test('File.makeCopy: (), (destination), (name), (name, destination) only', () => {
  const { g, run } = fresh();
  run(() => {
    const file = g.DriveApp.createFile('a.txt', 'x');
    const folder = g.DriveApp.createFolder('F');
    // makeCopy(name, destination): "Creates a copy of the file in the destination directory and names it with the name provided."
    expect(file.makeCopy('b.txt', folder).getParents().next().getId()).toBe(folder.getId());
    expect(file.makeCopy(folder).getName()).toBe('a.txt');
    expect(file.makeCopy('c.txt').getName()).toBe('c.txt');
    expect(caught(() => file.makeCopy(folder, 'xx')).message).toBe("The parameters (DriveApp.Folder,String) don't match the method signature for DriveApp.File.makeCopy.");
    expect(caught(() => file.makeCopy('yy', 'xx')).message).toBe("The parameters (String,String) don't match the method signature for DriveApp.File.makeCopy.");
  });
});

test('Drive.Files.create refuses a mediaData that is not a Blob', () => {
  const { g, run } = fresh();
  run(() => {
    // files.create mediaData: the uploaded content, a Blob (Apps Script checks it before any request).
    expect(caught(() => g.Drive.Files.create({ name: 'x' }, 'foo')).message).toBe('The mediaData parameter only supports Blob types for upload.');
  });
});
