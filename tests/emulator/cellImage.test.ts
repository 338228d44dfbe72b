// Cell images against the Apps Script reference (SpreadsheetApp.newCellImage, Class CellImageBuilder,
// Class CellImage, SpreadsheetApp.ValueType), quoted per test.
import { createWorkspace } from '../../scripts/emulator/workspace';
import { caught } from './fixtures/context';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

const URL = 'https://example.test/logo.png';

function fresh() {
  const ws = createWorkspace({ now: '2026-11-23T09:00:00Z', user: 'owner@studio.test' });
  const app = (ws.globals as Any).SpreadsheetApp;
  const run = <T>(fn: () => T) => ws.execute(fn);
  return { ws, app, run, sheet: () => app.getActive().getSheets()[0] };
}

test('newCellImage(): a CellImageBuilder whose setters chain and whose getters read back', () => {
  const { app, run } = fresh();
  run(() => {
    // SpreadsheetApp.newCellImage: "Creates a builder for a CellImage."
    const builder = app.newCellImage();
    expect(String(builder)).toBe('CellImageBuilder');
    // setSourceUrl: "Sets the image source URL." (returns the CellImageBuilder, for chaining)
    expect(builder.setSourceUrl(URL)).toBe(builder);
    // setAltTextTitle: "Sets the alt text title for this image." getAltTextTitle: "Returns the alt text title for this image."
    expect(builder.setAltTextTitle('Logo')).toBe(builder);
    expect(builder.getAltTextTitle()).toBe('Logo');
    // setAltTextDescription: "Sets the alt-text description for this image."
    builder.setAltTextDescription('The studio logo');
    expect(builder.getAltTextDescription()).toBe('The studio logo');
    // getUrl: "Gets the image's source URL; returns null if the URL is unavailable."
    expect(builder.getUrl()).toBe(URL);
    expect(app.newCellImage().getUrl()).toBeNull();
    // valueType: "The value type of the cell image, which is ValueType.IMAGE."
    expect(builder.valueType).toBe(app.ValueType.IMAGE);
    expect(String(app.ValueType.IMAGE)).toBe('IMAGE');
    // toBuilder: "Creates a cell image builder based on the current image properties."
    const copy = builder.toBuilder();
    expect(copy.getAltTextTitle()).toBe('Logo');
    copy.setAltTextTitle('Other');
    expect(builder.getAltTextTitle()).toBe('Logo');
    expect(caught(() => builder.setSourceUrl()).message).toBe("The parameters () don't match the method signature for SpreadsheetApp.CellImageBuilder.setSourceUrl.");
  });
});

test('build(): a CellImage with the builder\'s properties; getContentUrl throws for an image Google has not hosted', () => {
  const { app, run } = fresh();
  run(() => {
    const builder = app.newCellImage().setSourceUrl(URL).setAltTextTitle('Logo').setAltTextDescription('desc');
    // build: "Creates the image value type needed to add an image to a cell. The image value is built
    // from the image properties added to the builder, such as the source URL."
    const image = builder.build();
    expect(String(image)).toBe('CellImage');
    expect([image.getAltTextTitle(), image.getAltTextDescription(), image.getUrl()]).toEqual(['Logo', 'desc', URL]);
    expect(image.valueType).toBe(app.ValueType.IMAGE);
    // A built image is a value: later builder changes do not reach it.
    builder.setAltTextTitle('Changed');
    expect(image.getAltTextTitle()).toBe('Logo');
    // getContentUrl: "Returns a Google-hosted URL to the image." The emulator hosts none; Apps Script
    // throws for a new image too (gas-fakes' live suite, testsheetsvui.js).
    expect(caught(() => image.getContentUrl()).message).toBe('Unexpected error while getting the method or property getContentUrl on object SpreadsheetApp.CellImage.');
    expect(caught(() => builder.getContentUrl()).message).toMatch(/getContentUrl on object SpreadsheetApp.CellImageBuilder/);
    // CellImage.toBuilder: "Creates a cell image builder based on the current image properties."
    expect(image.toBuilder().getAltTextTitle()).toBe('Logo');
  });
});

test('setValue/setValues(cellImage) put the image in the cell; getValue(s) read a CellImage back', () => {
  const { app, run, sheet, ws } = fresh();
  run(() => {
    // CellImage: "To add an image to a cell, you must create a new image value for the image using
    // SpreadsheetApp.newCellImage() and CellImageBuilder. Then you can use Range.setValue(value) or
    // Range.setValues(values) to add the image value to the cell."
    const image = app.newCellImage().setSourceUrl(URL).setAltTextTitle('Logo').build();
    const cell = sheet().getRange('B2');
    cell.setValue(image);
    const back = cell.getValue();
    // ValueType: "the value types returned by Range.getValue and Range.getValues() … IMAGE"
    expect(back.valueType).toBe(app.ValueType.IMAGE);
    expect(String(back)).toBe('CellImage');
    expect(back.getUrl()).toBe(URL);
    expect(back.getAltTextTitle()).toBe('Logo');
    expect(cell.getFormula()).toBe('');
    expect(cell.isBlank()).toBe(false);
    expect(sheet().getLastRow()).toBe(2);
    sheet().getRange('C3:D3').setValues([[image, 'text']]);
    const row = sheet().getRange('C3:D3').getValues()[0];
    expect(row[0].getAltTextTitle()).toBe('Logo');
    expect(row[1]).toBe('text');
    // A builder is not a cell value: only a built CellImage is.
    sheet().getRange('E5').setValue(app.newCellImage().setSourceUrl(URL));
    expect(typeof sheet().getRange('E5').getValue()).toBe('string');
    // Any other write replaces the image.
    cell.setValue('plain');
    expect(cell.getValue()).toBe('plain');
    sheet().getRange('C3').clearContent();
    expect(sheet().getRange('C3').getValue()).toBe('');
  });
  run(() => { sheet().getRange('F6').setValue(app.newCellImage().setSourceUrl(URL).setAltTextDescription('kept').build()); });
  // The image survives persistence (the playground's saved workspace).
  const again = createWorkspace({ now: '2026-11-23T09:00:00Z', user: 'owner@studio.test', state: JSON.parse(JSON.stringify(ws.toJSON())) });
  const kept = again.execute(() => (again.globals as Any).SpreadsheetApp.getActive().getSheets()[0].getRange('F6').getValue());
  expect([kept.getUrl(), kept.getAltTextDescription()]).toEqual([URL, 'kept']);
});
