// SpreadsheetApp.newCellImage() → CellImageBuilder → CellImage, the image value of a cell
// ("To add an image to a cell, you must create a new image value for the image using
// SpreadsheetApp.newCellImage() and CellImageBuilder. Then you can use Range.setValue(value) or
// Range.setValues(values) to add the image value to the cell." — CellImage reference).
// A cell holds the image's data in its 'image' layer (model.ts, writeValue) and reads back a
// CellImage from getValue(s). Nothing is uploaded: the emulator hosts no image, so
// getContentUrl ("Returns a Google-hosted URL to the image") throws, as Apps Script does for an
// image Google has not hosted (gas-fakes' live suite: "getContentUrl on new CellImage should throw").
import { CellImageData, gasError } from './model';
import { SELF } from './self';
import type { Session } from './sessionApi';
import { makeEnum } from '../services/enums';

/** SpreadsheetApp.ValueType: "the value types returned by Range.getValue and Range.getValues() … in addition to Number, Boolean, Date, or String". */
export const ValueType = makeEnum('SpreadsheetApp', ['IMAGE'] as const);

function text(v: unknown, name: string, cls: string, method: string): string {
  if (typeof v !== 'string') {
    if (v === undefined) throw gasError(`The parameters () don't match the method signature for SpreadsheetApp.${cls}.${method}.`);
    if (v === null) throw gasError(`Invalid argument: ${name}`);
  }
  return String(v);
}

class EmuCellImage {
  readonly [SELF] = this;
  /** Only a built CellImage is a cell value (model.ts cellImageOf), not a builder. */
  readonly isCellImage: boolean;
  /** "The value type of the cell image, which is ValueType.IMAGE." */
  readonly valueType = ValueType.IMAGE;
  constructor(protected s: Session, readonly cellImage: CellImageData, protected cls: 'CellImage' | 'CellImageBuilder' = 'CellImage') {
    this.isCellImage = cls === 'CellImage';
  }
  /** "Returns the alt text description for this image." */
  getAltTextDescription(): string | null { return this.cellImage.altTextDescription; }
  /** "Returns the alt text title for this image." */
  getAltTextTitle(): string | null { return this.cellImage.altTextTitle; }
  /** "Returns a Google-hosted URL to the image." The emulator hosts none. */
  getContentUrl(): string {
    throw gasError(`Unexpected error while getting the method or property getContentUrl on object SpreadsheetApp.${this.cls}.`);
  }
  /** "Gets the image's source URL; returns null if the URL is unavailable." */
  getUrl(): string | null { return this.cellImage.sourceUrl; }
  /** "Creates a cell image builder based on the current image properties." */
  toBuilder(): object { return newCellImageBuilder(this.s, { ...this.cellImage }); }
}

class EmuCellImageBuilder extends EmuCellImage {
  wrapped!: object;
  constructor(s: Session, data: CellImageData) { super(s, data, 'CellImageBuilder'); }
  /** "Creates the image value type needed to add an image to a cell." */
  build(): object { return cellImageValue(this.s, this.cellImage); }
  /** "Sets the alt-text description for this image." */
  setAltTextDescription(description: unknown): object {
    this.cellImage.altTextDescription = text(description, 'description', this.cls, 'setAltTextDescription');
    return this.wrapped;
  }
  /** "Sets the alt text title for this image." */
  setAltTextTitle(title: unknown): object {
    this.cellImage.altTextTitle = text(title, 'title', this.cls, 'setAltTextTitle');
    return this.wrapped;
  }
  /** "Sets the image source URL." */
  setSourceUrl(url: unknown): object {
    this.cellImage.sourceUrl = text(url, 'url', this.cls, 'setSourceUrl');
    return this.wrapped;
  }
}

/** A CellImage over a copy of `data` (an image is a value: later builder changes do not reach it). */
export function cellImageValue(s: Session, data: CellImageData): object {
  return s.wrap('CellImage', new EmuCellImage(s, { ...data }), false);
}

export function newCellImageBuilder(s: Session, data: CellImageData = { sourceUrl: null, altTextTitle: null, altTextDescription: null }): object {
  const b = new EmuCellImageBuilder(s, data);
  b.wrapped = s.wrap('CellImageBuilder', b, false);
  return b.wrapped;
}
