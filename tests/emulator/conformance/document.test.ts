// Document, Body, Folder, File, DriveApp members (reference/document/*, reference/drive/*).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caught, env } from './env';

describe('Body', () => {
  test('appendListItem: "Creates and appends a new ListItem containing the specified text contents."; getChild: "Retrieves the child element at the specified child index."', () => {
    const { run, g } = env();
    run(() => {
      const body = g.DocumentApp.create('Brief').getBody();
      body.appendParagraph('Deliverables');
      const first = body.appendListItem('Design');
      const second = body.appendListItem('Prototype');
      expect(first.getType()).toBe('LIST_ITEM');
      expect(second.getListId()).toBe(first.getListId());
      first.setGlyphType(g.DocumentApp.GlyphType.NUMBER);
      expect(first.getGlyphType()).toBe('NUMBER');
      const n = body.getNumChildren();
      expect(body.getChild(n - 1).getType()).toBe('LIST_ITEM');
      expect((body.getChild(n - 2) as GoogleAppsScript.Document.ListItem).getText()).toBe('Design');
      expect(caught(() => body.getChild(99)).message).toBe(`Child index (99) must be less than the number of child elements (${n}).`);
      expect(body.getListItems().map((l) => l.getText())).toEqual(['Design', 'Prototype']);
      expect(body.getText()).toContain('Prototype');
    });
  });

  test('list items show their glyph in the HTML and PDF renderings (numbers count within the list)', () => {
    const { ws, run, g } = env();
    const id = run(() => {
      const doc = g.DocumentApp.create('Plan');
      const body = doc.getBody();
      body.appendListItem('Design').setGlyphType(g.DocumentApp.GlyphType.NUMBER);
      body.appendListItem('Build').setGlyphType(g.DocumentApp.GlyphType.NUMBER);
      body.appendParagraph('Notes');
      body.appendListItem('Bring coffee');
      return doc.getId();
    });
    const html = ws.drive.renderDocumentHtml(id);
    expect(html).toContain('1.\u00a0Design');
    expect(html).toContain('2.\u00a0Build');
    expect(html).toContain('\u2022\u00a0Bring coffee');
    const dir = mkdtempSync(join(tmpdir(), 'list-'));
    writeFileSync(join(dir, 'p.pdf'), ws.drive.renderPdf(id));
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'p.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toMatch(/1\.\s+Design/);
    expect(text).toMatch(/2\.\s+Build/);
    expect(text).toMatch(/\u2022\s+Bring coffee/);
  });

  test('appendTable(cells): "Creates and appends a new Table containing a TableCell for each specified string value."', () => {
    const { run, g } = env();
    run(() => {
      const body = g.DocumentApp.create('Invoice').getBody();
      const t = body.appendTable([['Service', 'Price'], ['Design', '1200']]);
      expect(t.getNumRows()).toBe(2);
      expect(t.getCell(1, 1).getText()).toBe('1200');
      expect(body.getTables().length).toBe(1);
    });
  });
});

describe('findText and Text elements', () => {
  // Body.findText: "Searches the contents of the element for the specified text pattern using regular expressions."
  // RangeElement.getStartOffset / getEndOffsetInclusive; Text.setLinkUrl(startOffset, endOffsetInclusive, url)
  test('a placeholder found with findText becomes a link and bold text; findText(pattern, from) continues', () => {
    const { ws, run, g } = env();
    const id = run(() => {
      const doc = g.DocumentApp.create('Proposal');
      const body = doc.getBody();
      body.appendParagraph('Pay here: {{link}} or call {{phone}}.');
      body.appendParagraph('Again {{link}}');
      const first = body.findText('\\{\\{link\\}\\}')!;
      expect([first.getStartOffset(), first.getEndOffsetInclusive(), first.isPartial()]).toEqual([10, 17, true]);
      const text = first.getElement().asText();
      text.deleteText(first.getStartOffset(), first.getEndOffsetInclusive());
      text.insertText(first.getStartOffset(), 'invoice');
      text.setLinkUrl(10, 16, 'https://pay.test/1');
      text.setBold(10, 16, true);
      expect(text.getLinkUrl(12)).toBe('https://pay.test/1');
      expect(text.isBold(10)).toBe(true);
      expect(text.isBold(0)).toBe(false);
      const second = body.findText('\\{\\{link\\}\\}')!;
      expect(second.getElement().asText().getText()).toBe('Again {{link}}');
      expect(body.findText('\\{\\{link\\}\\}', second)).toBeNull();
      expect(caught(() => body.findText('(?=x)')).message).toBe('Invalid argument: searchPattern');
      // Paragraph.replaceText
      (text.getParent() as GoogleAppsScript.Document.Paragraph).replaceText('\\{\\{phone\\}\\}', '+49 30 1234');
      return doc.getId();
    });
    expect(ws.drive.documentText(id)).toContain('Pay here: invoice or call +49 30 1234.');
    const json = ws.drive.documentJson(id) as { body: { content: { paragraph?: { elements: { textRun: { content: string; textStyle: { link?: { url: string }; bold?: boolean } } }[] } }[] } };
    const runs = json.body.content.flatMap((c) => c.paragraph?.elements ?? []).map((e) => e.textRun);
    expect(runs.find((r) => r.content === 'invoice')!.textStyle).toMatchObject({ bold: true, link: { url: 'https://pay.test/1' } });
  });

  test('Body.insertParagraph / insertTable / removeChild / setText', () => {
    const { run, g } = env();
    run(() => {
      const body = g.DocumentApp.create('Plan').getBody();
      body.appendParagraph('last');
      body.insertParagraph(0, 'first');
      expect(body.getParagraphs().map((p) => p.getText())).toContain('first');
      expect((body.getChild(0) as GoogleAppsScript.Document.Paragraph).getText()).toBe('first');
      body.insertTable(1, [['a', 'b']]);
      expect(body.getChild(1).getType()).toBe(g.DocumentApp.ElementType ? g.DocumentApp.ElementType.TABLE : 'TABLE');
      body.removeChild(body.getChild(0));
      expect(body.getChild(0).getType()).toBe('TABLE');
      body.setText('one\ntwo');
      expect(body.getText()).toBe('one\ntwo');
      expect(body.getType()).toBe('BODY_SECTION');
    });
  });
});

describe('Document, Folder, File sharing and details', () => {
  test('Document.addEditor(s): "Adds the given user(s) to the list of editors for the Document."; File.addEditors likewise', () => {
    const { run, g } = env();
    run(() => {
      const doc = g.DocumentApp.create('Contract');
      doc.addEditor('ann@client.test').addEditors(['bob@client.test']);
      // Document.getEditors names the owner too (live, gas-fakes testdocs.js "Document basic methods").
      const owner = g.DriveApp.getFileById(doc.getId()).getOwner().getEmail();
      expect(doc.getEditors().map((u) => u.getEmail()).sort()).toEqual([owner, 'ann@client.test', 'bob@client.test'].sort());
      const file = g.DriveApp.createFile('notes.txt', 'x');
      file.addEditors(['c@studio.test', 'd@studio.test']);
      expect(file.getEditors().map((u) => u.getEmail())).toEqual(['c@studio.test', 'd@studio.test']);
    });
  });

  test('Folder.setDescription / getDescription; getSize: "Gets the number of bytes used to store the folder in Drive."', () => {
    const { run, g } = env();
    run(() => {
      const folder = g.DriveApp.createFolder('Templates');
      expect(folder.getDescription()).toBeNull();
      expect(folder.setDescription('Proposal templates').getDescription()).toBe('Proposal templates');
      expect(folder.getSize()).toBe(0);
    });
  });

  test('DriveApp.getFilesByType: "Gets a collection of all files in the user\'s Drive that have the given MIME type."', () => {
    const { run, g } = env();
    run(() => {
      g.DocumentApp.create('Proposal');
      g.DriveApp.createFile('notes.txt', 'x');
      const it = g.DriveApp.getFilesByType(g.MimeType.GOOGLE_DOCS);
      const names: string[] = [];
      while (it.hasNext()) names.push(it.next().getName());
      expect(names).toEqual(['Proposal']);
    });
  });

  test('DriveApp.searchFiles: "Gets a collection of all files in the user\'s Drive that match the given search criteria."', () => {
    const { run, g } = env();
    run(() => {
      const folder = g.DriveApp.createFolder('Invoices 2026');
      folder.createFile('Invoice 041.txt', 'a');
      g.DriveApp.createFile('Invoice draft.txt', 'b').setTrashed(true);
      g.DriveApp.createFile('Notes.txt', 'c').setStarred(true);
      const names = (it: GoogleAppsScript.Drive.FileIterator) => { const out: string[] = []; while (it.hasNext()) out.push(it.next().getName()); return out.sort(); };
      expect(names(g.DriveApp.searchFiles("title contains 'invoice'"))).toEqual(['Invoice 041.txt']);
      expect(names(g.DriveApp.searchFiles("title contains 'invoice' and trashed = true"))).toEqual(['Invoice draft.txt']);
      expect(names(g.DriveApp.searchFiles(`'${folder.getId()}' in parents and mimeType = 'text/plain'`))).toEqual(['Invoice 041.txt']);
      expect(names(g.DriveApp.searchFiles('starred = true'))).toEqual(['Notes.txt']);
      expect(names(folder.searchFiles("title = 'Invoice 041.txt'"))).toEqual(['Invoice 041.txt']);
      expect(g.DriveApp.searchFolders("title contains '2026'").next().getName()).toBe('Invoices 2026');
      expect(caught(() => g.DriveApp.searchFiles("modifiedDate > '2026-01-01'")).message).toContain('Not implemented in the Dealboard emulator: DriveApp.searchFiles query clause');
    });
  });

  test('removeEditor / revokePermissions take a user off the file', () => {
    const { run, g } = env();
    run(() => {
      const file = g.DriveApp.createFile('a.txt', 'x').addEditor('ann@studio.test').addViewer('bob@studio.test');
      expect(file.removeEditor('ann@studio.test').getEditors()).toEqual([]);
      file.revokePermissions('bob@studio.test');
      expect(file.getViewers()).toEqual([]);
      expect(file.isStarred()).toBe(false);
    });
  });
});
