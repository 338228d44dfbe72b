// Conformance probes: each one exercises Apps Script as an ordinary script would and returns
// plain data, so the same probe runs in the emulator and in real Apps Script (through
// `npm run live-check`) and the two answers can be compared. `expected` is what the Apps Script
// reference says (the quoted sentence); the emulator's test holds the emulator to it.
/* eslint-disable @typescript-eslint/no-explicit-any */
type Globals = any;

export interface ProbeContext {
  g: Globals;
  /** A scratch sheet the runner creates for this run and deletes afterwards. */
  sheet: any;
}

export interface Probe {
  id: string;
  /** Reference page and the sentence the expectation rests on. */
  reference: string;
  expected: unknown;
  run(c: ProbeContext): unknown;
}

/** An exception as plain data: Apps Script's name and message are what scripts match on. */
export function caughtError(fn: () => unknown): { name: string; message: string } | 'no error' {
  try {
    fn();
    return 'no error';
  } catch (e) {
    const err = e as Error;
    return { name: String(err.name), message: String(err.message) };
  }
}

export const PROBES: Probe[] = [
  {
    id: 'range.a1.rowsColumns',
    reference: 'Range.getA1Notation: "Returns a string description of the range, in A1 notation."',
    expected: ['A1:E2', 'C2:D3', 'B:D', '5:7'],
    run: ({ sheet }) => [sheet.getRange(1, 1, 2, 5).getA1Notation(), sheet.getRange(2, 3, 2, 2).getA1Notation(), sheet.getRange('B:D').getA1Notation(), sheet.getRange('5:7').getA1Notation()],
  },
  {
    id: 'range.values.roundTrip',
    reference: 'Range.getValues: "Returns the rectangular grid of values for this range." Empty cells give an empty string.',
    expected: [[1.5, 'text', true], ['', false, 0]],
    run: ({ sheet }) => {
      sheet.getRange('A1:C2').setValues([[1.5, 'text', true], ['', false, 0]]);
      return sheet.getRange('A1:C2').getValues();
    },
  },
  {
    id: 'range.setValue.apostropheText',
    reference: 'A value stored as text with a leading apostrophe reads back without it and is not a formula (the reason our writes never rewrite what they read).',
    expected: { value: '=1+2', formula: '' },
    run: ({ sheet }) => {
      sheet.getRange('A1').setValue("'=1+2");
      return { value: sheet.getRange('A1').getValue(), formula: sheet.getRange('A1').getFormula() };
    },
  },
  {
    id: 'range.setFormula.evaluates',
    reference: 'Range.setFormula: "Updates the formula for this range. The given formula must be in A1 notation."',
    expected: { value: 3, formula: '=1+2' },
    run: ({ sheet }) => {
      sheet.getRange('B1').setFormula('=1+2');
      return { value: sheet.getRange('B1').getValue(), formula: sheet.getRange('B1').getFormula() };
    },
  },
  {
    id: 'range.setValue.formulaString',
    reference: 'Range.setValue: "If the value starts with \'=\' it is interpreted as a formula."',
    expected: { value: 6, formula: '=2*3' },
    run: ({ sheet }) => {
      sheet.getRange('C1').setValue('=2*3');
      return { value: sheet.getRange('C1').getValue(), formula: sheet.getRange('C1').getFormula() };
    },
  },
  {
    id: 'range.setValues.rowMismatch',
    reference: 'Range.setValues: "The dimensions of the array must match the size of the range."',
    expected: { name: 'Exception', message: 'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.' },
    run: ({ sheet }) => caughtError(() => sheet.getRange('A1:B2').setValues([[1, 2]])),
  },
  {
    id: 'range.r1c1.relativeRefused',
    reference: 'Sheet.getRange(a1Notation): "Returns the range as specified in A1 notation or R1C1 notation."',
    expected: ['C2:E4', { name: 'Exception', message: 'Range not found' }],
    run: ({ sheet }) => [sheet.getRange('R2C3:R4C5').getA1Notation(), caughtError(() => sheet.getRange('R[1]C[1]'))],
  },
  {
    id: 'range.offset',
    reference: 'Range.offset(rowOffset, columnOffset): "Returns a new range that is offset from this range by the given number of rows and columns."',
    expected: 'C3',
    run: ({ sheet }) => sheet.getRange('B2').offset(1, 1).getA1Notation(),
  },
  {
    id: 'range.displayValue.percent',
    reference: 'Range.getDisplayValue: "Returns the displayed value of the top-left cell in the range."',
    expected: '50%',
    run: ({ sheet }) => {
      const cell = sheet.getRange('D1');
      cell.setValue(0.5).setNumberFormat('0%');
      return cell.getDisplayValue();
    },
  },
  {
    id: 'sheet.lastRowColumn',
    reference: 'Sheet.getLastRow: "Returns the position of the last row that has content."',
    expected: [5, 4],
    run: ({ sheet }) => {
      sheet.getRange('D5').setValue('x');
      return [sheet.getLastRow(), sheet.getLastColumn()];
    },
  },
  {
    id: 'sheet.hideColumns.outOfBounds',
    reference: 'Sheet.hideColumns(columnIndex): hiding a column past the grid fails.',
    expected: { name: 'Exception', message: 'Those columns are out of bounds.' },
    run: ({ sheet }) => caughtError(() => sheet.hideColumns(sheet.getMaxColumns() + 4)),
  },
  {
    id: 'spreadsheet.insertSheet.duplicate',
    reference: 'Spreadsheet.insertSheet(sheetName): a name that exists is refused.',
    expected: { name: 'Exception', message: `A sheet with the name "${'$NAME'}" already exists. Please enter another name.` },
    run: ({ g, sheet }) => {
      const name = sheet.getName();
      const result = caughtError(() => g.SpreadsheetApp.getActive().insertSheet(name));
      return result === 'no error' ? result : { name: result.name, message: result.message.replace(name, '$NAME') };
    },
  },
  {
    id: 'textFinder.findAll',
    reference: 'TextFinder.findAll: "Returns all the cells matching the search criteria."',
    expected: ['A1', 'A3'],
    run: ({ sheet }) => {
      sheet.getRange('A1:A3').setValues([['apple'], ['pear'], ['Apple pie']]);
      return sheet.getRange('A1:A3').createTextFinder('apple').findAll().map((r: any) => r.getA1Notation());
    },
  },
  {
    id: 'utilities.formatDate',
    reference: 'Utilities.formatDate: "Formats date according to specification described in Java SE SimpleDateFormat class."',
    expected: '2026-01-02 03:04:05 Fri',
    run: ({ g }) => g.Utilities.formatDate(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)), 'UTC', 'yyyy-MM-dd HH:mm:ss EEE'),
  },
  {
    id: 'utilities.base64',
    reference: 'Utilities.base64Encode(data): "Generates a Base64 encoded string from the given string."',
    expected: ['aGVsbG8g4oKs', 'hello €'],
    run: ({ g }) => {
      const encoded = g.Utilities.base64Encode('hello €', g.Utilities.Charset.UTF_8);
      return [encoded, g.Utilities.newBlob(g.Utilities.base64Decode(encoded)).getDataAsString()];
    },
  },
  {
    id: 'utilities.computeDigest.md5',
    reference: 'Utilities.computeDigest(algorithm, value): "Compute a digest using the specified algorithm on the specified String value." Bytes are signed (Java bytes).',
    expected: [-112, 1, 80, -104, 60, -46, 79, -80, -42, -106, 63, 125, 40, -31, 127, 114],
    run: ({ g }) => g.Utilities.computeDigest(g.Utilities.DigestAlgorithm.MD5, 'abc'),
  },
  {
    id: 'utilities.computeDigest.defaultCharset',
    reference: 'Utilities.computeDigest(algorithm, value) names no charset; a String without one is encoded as US_ASCII (non-ASCII → "?"), as gas-fakes measured live (test/testutilities.js).',
    expected: [-22, 3, -4, -72, -60, 120, 34, -68, -25, 114, -49, 108, 7, -48, -21, -69],
    run: ({ g }) => g.Utilities.computeDigest(g.Utilities.DigestAlgorithm.MD5, '€🙂'),
  },
  {
    id: 'utilities.hmacSha256',
    reference: 'Utilities.computeHmacSha256Signature(value, key): "Signs the provided value using HMAC-SHA256 with the given key."',
    expected: 'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8',
    run: ({ g }) => g.Utilities.computeHmacSha256Signature('The quick brown fox jumps over the lazy dog', 'key')
      .map((b: number) => ((b + 256) % 256).toString(16).padStart(2, '0')).join(''),
  },
  {
    id: 'properties.document',
    reference: 'Properties.getProperty(key): "Gets the value associated with the given key in the current Properties store, or null if no such key exists."',
    expected: ['v1', null],
    run: ({ g }) => {
      const store = g.PropertiesService.getDocumentProperties();
      store.setProperty('conformance.k', 'v1');
      const read = store.getProperty('conformance.k');
      store.deleteProperty('conformance.k');
      return [read, store.getProperty('conformance.k')];
    },
  },
  {
    id: 'cache.putGet',
    reference: 'Cache.get(key): "Gets the cached value for the given key, or null if none is found."',
    expected: ['v', null],
    run: ({ g }) => {
      const cache = g.CacheService.getScriptCache();
      cache.put('conformance.k', 'v', 60);
      const read = cache.get('conformance.k');
      cache.remove('conformance.k');
      return [read, cache.get('conformance.k')];
    },
  },
  {
    id: 'lock.tryLock',
    reference: 'Lock.tryLock(timeoutInMillis): "Attempts to acquire the lock, timing out after the provided number of milliseconds." hasLock reports it.',
    expected: [true, true, false],
    run: ({ g }) => {
      const lock = g.LockService.getScriptLock();
      const got = lock.tryLock(1000);
      const held = lock.hasLock();
      lock.releaseLock();
      return [got, held, lock.hasLock()];
    },
  },
  {
    id: 'mimeType.enum',
    reference: 'MimeType: "An enumeration that provides access to MIME-type declarations without typing the strings explicitly."',
    expected: ['application/vnd.google-apps.document', 'application/pdf'],
    run: ({ g }) => [String(g.MimeType.GOOGLE_DOCS), String(g.MimeType.PDF)],
  },
];
