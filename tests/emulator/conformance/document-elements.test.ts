// DocumentApp elements beyond the add-on's own needs (reference/document/paragraph, text, table,
// header-section, body; issue 27 — gas-fakes' Docs suite, whose expected values were verified live).
import { caught, env } from './env';

type Doc = GoogleAppsScript.Document.Document;

function newDoc(): { run: <T>(fn: (doc: Doc, DA: GoogleAppsScript.Document.DocumentApp) => T) => T; ws: ReturnType<typeof env>['ws'] } {
  const { run, g, ws } = env();
  return { ws, run: (fn) => run(() => fn(g.DocumentApp.create('Elements'), g.DocumentApp)) };
}

describe('Text styles', () => {
  test('setStrikethrough / setFontFamily / setForegroundColor / setBackgroundColor / setAttributes', () => {
    const { run } = newDoc();
    run((doc, DA) => {
      const text = doc.getBody().appendParagraph('Text for styling.').editAsText();
      // "Sets the strikethrough setting for the entire Text."
      text.setStrikethrough(true);
      expect(text.isStrikethrough()).toBe(true);
      // "Sets the font family for the entire Text." / "Retrieves the font family …"
      text.setFontFamily('Courier New');
      expect(text.getFontFamily()).toBe('Courier New');
      text.setFontSize(14);
      expect(text.getFontSize()).toBe(14);
      // "Sets the foreground color for the entire Text." (a CSS notation like '#ffffff')
      text.setForegroundColor('#ff0000');
      expect(text.getForegroundColor()).toBe('#ff0000');
      text.setBackgroundColor('#ffff00');
      expect(text.getBackgroundColor()).toBe('#ffff00');
      expect(caught(() => text.setForegroundColor('red')).message).toBe('Invalid argument: color');
      // setAttributes: "each property name corresponds to an item in the DocumentApp.Attribute enumeration"
      text.setAttributes({ [DA.Attribute.BOLD]: true, [DA.Attribute.FONT_SIZE]: 18 } as never);
      expect(text.isBold()).toBe(true);
      expect(text.getFontSize()).toBe(18);
      // "The result is null if the element contains multiple values for this attribute."
      text.setFontSize(0, 3, 9);
      expect(text.getFontSize()).toBeNull();
      expect(text.getFontSize(0)).toBe(9);
    });
  });

  test('the Docs resource shows them (strikethrough, weightedFontFamily, foregroundColor)', () => {
    const { run, ws } = newDoc();
    const id = run((doc) => {
      const t = doc.getBody().appendParagraph('abc').editAsText();
      t.setStrikethrough(true).setFontFamily('Georgia').setForegroundColor('#ff0000');
      return doc.getId();
    });
    const json = ws.drive.documentJson(id) as { body: { content: { paragraph?: { elements: { textRun?: { content: string; textStyle: Record<string, unknown> } }[] } }[] } };
    const run0 = json.body.content.flatMap((c) => c.paragraph?.elements ?? []).find((e) => e.textRun?.content.startsWith('abc'))!;
    expect(run0.textRun!.textStyle).toMatchObject({
      strikethrough: true, weightedFontFamily: { fontFamily: 'Georgia' }, foregroundColor: { color: { rgbColor: { red: 1, green: 0, blue: 0 } } },
    });
  });
});

describe('Paragraph attributes', () => {
  test('alignment, indents, spacing, line spacing, direction', () => {
    const { run } = newDoc();
    run((doc, DA) => {
      const p = doc.getBody().appendParagraph('attributes');
      // "Sets the HorizontalAlignment."
      p.setAlignment(DA.HorizontalAlignment.CENTER);
      expect(p.getAlignment()).toBe(DA.HorizontalAlignment.CENTER);
      // "Sets the end indentation, in points." (and start, first line)
      p.setIndentEnd(50).setIndentFirstLine(25).setIndentStart(75);
      expect([p.getIndentEnd(), p.getIndentFirstLine(), p.getIndentStart()]).toEqual([50, 25, 75]);
      // "Sets the line spacing, as a quantity indicating the number of lines to use for spacing."
      p.setLineSpacing(1.5);
      expect(p.getLineSpacing()).toBe(1.5);
      p.setSpacingAfter(10).setSpacingBefore(20);
      expect([p.getSpacingAfter(), p.getSpacingBefore()]).toEqual([10, 20]);
      // "Sets the left-to-right setting."
      p.setLeftToRight(false);
      expect(p.isLeftToRight()).toBe(false);
      expect(caught(() => p.setIndentEnd('wide' as never)).message).toBe('Invalid argument: indentEnd');
      expect(caught(() => p.setAlignment('MIDDLE' as never)).message).toBe('Invalid argument: alignment');
    });
  });

  test('getAttributes: "a property for each valid element attribute"; null where inherited (live values from gas-fakes testdocsstyles.js)', () => {
    const { run } = newDoc();
    run((doc, DA) => {
      const body = doc.getBody();
      body.setText('Initial paragraph.');
      const initial = body.getChild(0).asParagraph().getAttributes() as Record<string, unknown>;
      expect(initial[DA.Attribute.HORIZONTAL_ALIGNMENT]).toBeNull();
      expect(initial[DA.Attribute.ITALIC]).toBeNull();
      const appended = body.appendParagraph('p1').getAttributes() as Record<string, unknown>;
      expect(appended[DA.Attribute.HEADING]).toBe(DA.ParagraphHeading.NORMAL);
      expect(appended[DA.Attribute.HORIZONTAL_ALIGNMENT]).toBe(DA.HorizontalAlignment.LEFT);
      expect(appended[DA.Attribute.LINE_SPACING]).toBe(1.15);
      expect(appended[DA.Attribute.LEFT_TO_RIGHT]).toBe(true);
      const heading = body.appendParagraph('h').setHeading(DA.ParagraphHeading.HEADING1).getAttributes() as Record<string, unknown>;
      expect(heading[DA.Attribute.HORIZONTAL_ALIGNMENT]).toBeNull();
    });
  });
});

describe('copy() and detached elements', () => {
  test('"Returns a detached, deep copy of the current element." … "The new element doesn\'t have a parent."', () => {
    const { run } = newDoc();
    run((doc, DA) => {
      const body = doc.getBody();
      const source = body.appendParagraph('Source').setHeading(DA.ParagraphHeading.HEADING1);
      const copy = source.copy();
      expect(copy.getParent()).toBeNull();
      expect(copy.getText()).toBe('Source');
      body.appendParagraph('Middle');
      const appended = body.appendParagraph(copy);
      expect(appended.getHeading()).toBe(DA.ParagraphHeading.HEADING1);
      expect(body.getNumChildren()).toBe(4);
      expect(source.getParent()!.getType()).toBe(DA.ElementType.BODY_SECTION);
      // An attached element cannot be inserted again (live: "Element must be detached.").
      expect(caught(() => body.insertParagraph(1, source)).message).toBe('Element must be detached.');
      const table = body.appendTable([['a', 'b'], ['c', 'd']]);
      const tcopy = table.copy();
      expect(tcopy.getParent()).toBeNull();
      body.insertTable(1, tcopy);
      expect(body.getChild(1).asTable().getCell(1, 1).getText()).toBe('d');
      expect(caught(() => body.insertTable(1, table)).message).toBe('Element must be detached.');
      const li = body.appendListItem('item').copy();
      expect(body.insertListItem(1, li).getType()).toBe(DA.ElementType.LIST_ITEM);
    });
  });

  test('Table.getText / TableRow.getText join cells with "\\n" (live, gas-fakes testdocsnext.js); Body.getText puts each cell on its line', () => {
    const { run } = newDoc();
    run((doc) => {
      const body = doc.getBody();
      body.appendParagraph('First');
      const table = body.appendTable([['R1C1', 'R1C2'], ['R2C1', 'R2C2']]);
      expect(table.getText()).toBe('R1C1\nR1C2\nR2C1\nR2C2');
      expect(table.getRow(0).getText()).toBe('R1C1\nR1C2');
      body.appendParagraph('Last');
      expect(body.getText()).toBe('\nFirst\nR1C1\nR1C2\nR2C1\nR2C2\n\nLast');
    });
  });

  test('Document\'s appendParagraph / insertParagraph / appendTable act on its body', () => {
    const { run } = newDoc();
    run((doc) => {
      const d = doc as unknown as { appendParagraph(t: string): GoogleAppsScript.Document.Paragraph; appendTable(c: string[][]): GoogleAppsScript.Document.Table };
      d.appendParagraph('p1');
      d.appendTable([['x']]);
      expect(doc.getBody().getText()).toBe('\np1\nx\n');
    });
  });
});

describe('HeaderSection / FooterSection', () => {
  test('addHeader: "Adds a document header section, if none exists."; its children are edited like the body\'s', () => {
    const { run } = newDoc();
    run((doc, DA) => {
      expect(doc.getHeader()).toBeNull();
      const header = doc.addHeader();
      expect(String(header)).toBe('HeaderSection');
      expect(header.getNumChildren()).toBe(1);
      expect(header.getText()).toBe('');
      header.appendParagraph('Header text');
      expect(doc.getHeader()!.getText()).toBe('\nHeader text');
      const table = header.appendTable([['h1', 'h2']]);
      expect(table.getParent()!.getType()).toBe(DA.ElementType.HEADER_SECTION);
      expect(header.getNumChildren()).toBe(4);
      expect(caught(() => doc.addHeader()).message).toBe('Document tab already contains a header.');
      const footer = doc.addFooter();
      expect(footer.getType()).toBe(DA.ElementType.FOOTER_SECTION);
      expect(doc.getBody().getText()).toBe('');
    });
  });
});

describe('Document style', () => {
  test('a new document is US Letter with 72 pt margins (gas-fakes "Document initial documentStyle validation", live)', () => {
    const { run, ws } = newDoc();
    const id = run((doc) => doc.getId());
    const style = (ws.drive.documentJson(id) as { documentStyle: Record<string, unknown> }).documentStyle;
    expect(style.marginTop).toEqual({ magnitude: 72, unit: 'PT' });
    expect(style.marginHeader).toEqual({ magnitude: 36, unit: 'PT' });
    expect(style.pageNumberStart).toBe(1);
  });
});

describe('Body attributes and page setup', () => {
  test('Body.setAttributes: text attributes reach the paragraphs and later ones; alignment stays (live, gas-fakes testdocsstyles.js)', () => {
    const { run } = newDoc();
    run((doc, DA) => {
      const body = doc.getBody();
      body.setText('Initial paragraph.');
      body.setAttributes({ [DA.Attribute.HORIZONTAL_ALIGNMENT]: DA.HorizontalAlignment.CENTER, [DA.Attribute.ITALIC]: true, [DA.Attribute.FONT_FAMILY]: 'Comic Sans MS' } as never);
      const first = body.getChild(0).asParagraph().getAttributes() as Record<string, unknown>;
      expect([first[DA.Attribute.HORIZONTAL_ALIGNMENT], first[DA.Attribute.ITALIC], first[DA.Attribute.FONT_FAMILY]]).toEqual([null, true, 'Comic Sans MS']);
      const next = body.appendParagraph('A new paragraph').getAttributes() as Record<string, unknown>;
      expect([next[DA.Attribute.ITALIC], next[DA.Attribute.FONT_FAMILY]]).toEqual([true, 'Comic Sans MS']);
    });
  });

  test('setMarginTop: "Sets the top margin, in points."; Document.clear keeps it', () => {
    const { run, ws } = newDoc();
    const id = run((doc) => {
      doc.getBody().setMarginTop(144);
      expect(doc.getBody().getMarginTop()).toBe(144);
      expect(caught(() => doc.getBody().setMarginTop(-1)).message).toBe('Invalid argument: marginTop');
      (doc as unknown as { clear(): void }).clear();
      return doc.getId();
    });
    expect((ws.drive.documentJson(id) as { documentStyle: { marginTop: unknown } }).documentStyle.marginTop).toEqual({ magnitude: 144, unit: 'PT' });
  });
});

describe('Docs advanced service', () => {
  test('AdvancedServiceIdentifier, getVersion, Docs.new<Schema>() builders with set<Field>()', () => {
    const { ws, run } = env();
    const Docs = ws.globals.Docs as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    run(() => {
      expect(String(Docs)).toBe('AdvancedServiceIdentifier{name=docs, version=v1}');
      expect(String(Docs.Documents)).toBe(String(Docs));
      expect(Docs.getVersion()).toBe('v1');
      const resource = Docs.newDocument().setTitle('Built');
      expect(JSON.stringify(resource)).toBe('{"title":"Built"}');
      const doc = Docs.Documents.create(resource);
      expect(doc.title).toBe('Built');
      // updateDocumentStyle: "Updates the DocumentStyle." (pageSize through builders)
      const style = Docs.newDocumentStyle().setPageSize(Docs.newSize().setWidth({ magnitude: 400, unit: 'PT' }).setHeight({ magnitude: 800, unit: 'PT' }));
      const reply = Docs.Documents.batchUpdate({ requests: [{ updateDocumentStyle: Docs.newUpdateDocumentStyleRequest().setDocumentStyle(style).setFields('pageSize') }] }, doc.documentId);
      expect(reply.replies).toHaveLength(1);
      expect(Docs.Documents.get(doc.documentId).documentStyle.pageSize.width).toEqual({ magnitude: 400, unit: 'PT' });
    });
  });

  test('includeTabsContent: "When True: Document content populates in the Document.tabs field instead of the text content fields"', () => {
    const { ws, run } = env();
    const Docs = ws.globals.Docs as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    run(() => {
      const id = Docs.Documents.create({ title: 'Tabs' }).documentId;
      const flat = Docs.Documents.get(id, { includeTabsContent: false });
      const tabbed = Docs.Documents.get(id, { includeTabsContent: true });
      expect('tabs' in flat).toBe(false);
      expect(tabbed.tabs).toHaveLength(1);
      expect(tabbed.body).toBeUndefined();
      expect(tabbed.tabs[0].documentTab.body).toEqual(flat.body);
      // A new document's named styles: NORMAL_TEXT Arial 11 pt, HEADING_1 20 pt (live values, gas-fakes testdocsnext.js).
      const styles = flat.namedStyles.styles as { namedStyleType: string; textStyle: { fontSize: { magnitude: number } } }[];
      expect(styles).toHaveLength(9);
      expect(styles.find((s) => s.namedStyleType === 'HEADING_1')!.textStyle.fontSize.magnitude).toBe(20);
    });
  });
});

describe('insert argument checks (live texts, gas-fakes testdocsnext.js "Body.insertParagraph method")', () => {
  test('an index past the end; an element of the wrong class; list items carry a bullet in the Docs resource', () => {
    const { run, ws } = newDoc();
    const id = run((doc) => {
      const body = doc.getBody();
      const copy = body.appendParagraph('attached').copy();
      expect(caught(() => body.insertParagraph(99, copy)).message).toBe('Child index (99) must be less than or equal to the number of child elements (2).');
      expect(caught(() => body.insertParagraph(1, body as never)).message)
        .toBe("The parameters (number,DocumentApp.Body) don't match the method signature for DocumentApp.Body.insertParagraph.");
      const li = body.appendListItem('one');
      body.appendListItem('two');
      // getParagraphs: "Retrieves all the Paragraphs contained in the section (including ListItems)."
      expect(body.getParagraphs().map((p) => String(p.getType()))).toContain('LIST_ITEM');
      expect(li.getListId()).toBeTruthy();
      return doc.getId();
    });
    const content = (ws.drive.documentJson(id) as { body: { content: { paragraph?: { bullet?: { listId: string } } }[] } }).body.content;
    expect(content.filter((c) => c.paragraph?.bullet)).toHaveLength(2);
  });
});

describe('PageBreak', () => {
  test('appendPageBreak: "Creates and appends a new PageBreak." — in a paragraph of its own, with no text (live, gas-fakes testdocsnext.js)', () => {
    const { run, ws } = newDoc();
    const id = run((doc, DA) => {
      const body = doc.getBody();
      body.appendParagraph('p1');
      const pb = body.appendPageBreak();
      body.appendParagraph('p2');
      expect(pb.getType()).toBe(DA.ElementType.PAGE_BREAK);
      expect(pb.getParent().getType()).toBe(DA.ElementType.PARAGRAPH);
      expect(pb.getParent().getParent().getType()).toBe(DA.ElementType.BODY_SECTION);
      const para = body.getChild(2).asParagraph();
      expect(para.getText()).toBe('');
      expect(para.getNumChildren()).toBe(1);
      expect(para.getChild(0).getType()).toBe(DA.ElementType.PAGE_BREAK);
      // copy(): "The new element doesn't have a parent."
      const detached = pb.copy();
      expect(detached.getParent()).toBeNull();
      body.insertPageBreak(1, detached);
      expect(body.getText()).toBe('\n\np1\n\np2');
      expect(caught(() => body.insertPageBreak(1, pb)).message).toBe('Element must be detached.');
      return doc.getId();
    });
    const elements = (ws.drive.documentJson(id) as { body: { content: { paragraph?: { elements: Record<string, unknown>[] } }[] } }).body.content
      .flatMap((c) => c.paragraph?.elements ?? []);
    expect(elements.filter((e) => e.pageBreak)).toHaveLength(2);
  });
});

describe('Document.newRange', () => {
  test('"Creates a new RangeBuilder, used to construct Range objects from document elements."', () => {
    const { run } = newDoc();
    run((doc) => {
      const builder = doc.newRange();
      expect(String(builder)).toBe('RangeBuilder');
      expect(builder.build().getRangeElements()).toHaveLength(0);
      const body = doc.getBody();
      const [p1, p2, p3] = ['p1', 'p2', 'p3'].map((t) => body.appendParagraph(t));
      builder.addElement(p1).addElement(p2);
      expect(builder.build().getRangeElements().map((e) => e.getElement().asParagraph().getText())).toEqual(['p1', 'p2']);
      // addRange: "Adds all the elements contained in another Range."
      builder.addRange(doc.newRange().addElement(p3).build());
      const all = builder.build().getRangeElements();
      expect(all).toHaveLength(3);
      // getStartOffset: "in all other cases, this method returns -1"
      expect(all[0].getStartOffset()).toBe(-1);
      expect(all[0].isPartial()).toBe(false);
      const partial = doc.newRange().addElement(p1.editAsText(), 0, 0).build().getRangeElements()[0];
      expect([partial.isPartial(), partial.getStartOffset(), partial.getEndOffsetInclusive()]).toEqual([true, 0, 0]);
    });
  });
});

describe('InlineImage', () => {
  // A 2×1 PNG (IHDR width 2, height 1): enough for the size the emulator reads from a blob.
  const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 2, 0, 0, 0, 1, 8, 2, 0, 0, 0]);

  test('Docs insertInlineImage: "Inserts an InlineObject containing an image at the given location."; DocumentApp sees an InlineImage', () => {
    const { run, ws, g } = env();
    const Docs = ws.globals.Docs as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    run(() => {
      const doc = g.DocumentApp.create('Images');
      const reply = Docs.Documents.batchUpdate({ requests: [{ insertInlineImage: {
        location: { index: 1 }, uri: 'https://example.test/logo.png', objectSize: { height: { magnitude: 60, unit: 'PT' }, width: { magnitude: 120, unit: 'PT' } },
      } }] }, doc.getId());
      expect(reply.replies[0].insertInlineImage.objectId).toMatch(/^kix\./);
      const body = g.DocumentApp.openById(doc.getId()).getBody();
      const image = body.getChild(0).asParagraph().getChild(0).asInlineImage();
      expect(String(image.getType())).toBe('INLINE_IMAGE');
      // "Retrieves the image's width, in pixels." (120 pt at 96 dpi)
      expect([image.getWidth(), image.getHeight()]).toEqual([160, 80]);
      const copy = image.copy();
      expect(copy.getParent()).toBeNull();
      // appendImage(image): "Appends the given InlineImage." — in a paragraph of its own
      const appended = body.appendImage(copy);
      expect(appended.getParent().getParent().getType()).toBe(g.DocumentApp.ElementType.BODY_SECTION);
      expect(appended.getHeight()).toBe(80);
      expect(caught(() => body.insertImage(1, image)).message).toBe('Element must be detached.');
      expect(body.getImages()).toHaveLength(2);
    });
  });

  test('appendImage(blob): "Creates and appends a new InlineImage from the specified image blob."; other blobs are refused', () => {
    const { run, g } = env();
    run(() => {
      const body = g.DocumentApp.create('Blob image').getBody();
      const image = body.appendImage(g.Utilities.newBlob(Array.from(PNG), 'image/png', 'dot.png'));
      expect([image.getWidth(), image.getHeight()]).toEqual([2, 1]);
      expect(caught(() => body.appendImage(g.Utilities.newBlob('not an image', 'text/plain', 'x.txt'))).message).toBe('Invalid image data.');
    });
  });
});

describe('live answers (gas-fakes testdocs.js)', () => {
  test('Document.getEditors / getViewers keep the owner after every other user is removed', () => {
    const { run, g } = env();
    run(() => {
      const doc = g.DocumentApp.create('Shared');
      doc.addEditor('editor@example.test').addViewer('viewer@example.test');
      doc.removeEditor('editor@example.test').removeViewer('viewer@example.test');
      const owner = g.DriveApp.getFileById(doc.getId()).getOwner().getEmail();
      expect(doc.getEditors().map((u) => u.getEmail())).toEqual([owner]);
      expect(doc.getViewers().map((u) => u.getEmail())).toEqual([owner]);
    });
  });
});

describe('headers and footers in the Docs resource', () => {
  test('Document.headers: "The headers in the document, keyed by header ID."; documentStyle.defaultHeaderId names it; segments index from 0', () => {
    const { run, ws } = newDoc();
    const id = run((doc) => {
      doc.addHeader().appendParagraph('Top');
      doc.addFooter();
      return doc.getId();
    });
    const json = ws.drive.documentJson(id) as {
      headers: Record<string, { headerId: string; content: { startIndex?: number; endIndex: number; paragraph?: { elements: { textRun?: { content: string } }[] } }[] }>;
      footers: Record<string, unknown>;
      documentStyle: { defaultHeaderId: string; defaultFooterId: string };
    };
    const header = json.headers[json.documentStyle.defaultHeaderId];
    expect(header.headerId).toBe(json.documentStyle.defaultHeaderId);
    // Zero values are left out of the JSON: the first paragraph spans 0–1 with only its endIndex.
    expect(header.content[0].startIndex).toBeUndefined();
    expect(header.content[0].endIndex).toBe(1);
    expect(header.content[1].paragraph!.elements[0].textRun!.content).toBe('Top\n');
    expect(json.footers[json.documentStyle.defaultFooterId]).toBeTruthy();
  });
});

describe('ListItem attributes', () => {
  test('setIndentStart: "Sets the start indentation, in points." — returns the ListItem, "for chaining"', () => {
    const { run } = newDoc();
    run((doc) => {
      const li = doc.getBody().appendListItem('Item 1');
      const same = li.setIndentStart(36).setIndentFirstLine(-18);
      expect(String(same)).toBe('ListItem');
      expect([li.getIndentStart(), li.getIndentFirstLine()]).toEqual([36, -18]);
      expect(Object.keys(li)).not.toContain('handle');
    });
  });
});
