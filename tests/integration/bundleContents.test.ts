// What dist/Code.js carries (issue 26: Apps Script parses the whole file on every execution).
// Handlebars' compiler requires `source-map` only to map compiled templates back to their text,
// which the add-on never asks for; scripts/build.mjs leaves it out (scripts/noSourceMap.cjs) and
// Handlebars falls back to its own small SourceNode. Placeholders still compile and fill:
// tests/integration/documents.test.ts renders documents through this bundle.
import * as fs from 'fs';
import * as path from 'path';

const CODE = path.join(__dirname, '../../dist/Code.js');

describe('dist/Code.js', () => {
  const code = fs.readFileSync(CODE, 'utf8');

  test('does not carry the source-map library (65 KB) that only Handlebars\' unused source maps need', () => {
    expect(code).not.toContain('SourceMapGenerator');
    expect(code).not.toContain('SourceMapConsumer');
  });

  test('carries Handlebars\' compiler with its built-in SourceNode fallback (placeholders are compiled at run time)', () => {
    expect(code).toContain('JavaScriptCompiler');
    expect(code).toMatch(/SourceNode = function\s*\(line, column, srcFile, chunks\)/);
  });
});
