// Paragraph.appendInlineImage / insertInlineImage / getChildIndex (reference/document/paragraph),
// quoted per test; the paragraph's text leaves the images out, as on Apps Script (gas-fakes'
// testdocsimages.js, verified live: "Text content of paragraph should not include image").
import { caught, env } from './env';

// A small PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGP4z8DwH4QZGBgAKeQF+6QGbDMAAAAASUVORK5CYII=', 'base64');

test('appendInlineImage, insertInlineImage and getChildIndex', () => {
  const { run, g } = env();
  run(() => {
    const body = g.DocumentApp.create('Images').getBody();
    const para = body.appendParagraph('Some text. ');
    const blob = g.Utilities.newBlob(Array.from(PNG), 'image/png', 'dot.png');
    // appendInlineImage(image): "Creates and appends a new InlineImage from the specified image blob."
    const appended = para.appendInlineImage(blob);
    expect(String(appended)).toBe('InlineImage');
    expect(para.getNumChildren()).toBe(2);
    expect(para.getChild(1).getType()).toBe(g.DocumentApp.ElementType.INLINE_IMAGE);
    expect(para.getText()).toBe('Some text. ');
    // insertInlineImage(childIndex, image): "Inserts the given InlineImage at the specified index." (a detached copy)
    const inserted = para.insertInlineImage(0, appended.copy());
    expect(para.getChild(0).getType()).toBe(g.DocumentApp.ElementType.INLINE_IMAGE);
    expect(para.getChild(1).getType()).toBe(g.DocumentApp.ElementType.TEXT);
    // getChildIndex(child): "Retrieves the child index for the specified child element."
    expect(para.getChildIndex(inserted)).toBe(0);
    expect(para.getChildIndex(appended)).toBe(2);
    expect(para.getChildIndex(para.getChild(1))).toBe(1);
    expect(caught(() => para.appendInlineImage(para.getChild(0) as never)).message).toBe('Element must be detached.');
    expect(caught(() => para.insertInlineImage(9, blob)).message).toBe('Child index (9) must be less than or equal to the number of child elements (3).');
  });
});
