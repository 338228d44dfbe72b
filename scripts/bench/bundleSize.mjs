// What the two shipped files weigh and what dominates them (issue 26): esbuild's metafile for
// dist/Code.js and the sidebar's script, grouped by package / source folder, plus what a
// minified Code.js would weigh (whitespace and syntax only, names kept, so Apps Script's
// stack traces still name our functions). Run after npm run build:
//   node scripts/bench/bundleSize.mjs
import { build } from 'esbuild';
import { statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

const CODE_OPTIONS = {
  entryPoints: [join(root, 'src/entry.ts')], bundle: true, format: 'iife', globalName: '__app', target: 'es2019',
  platform: 'neutral', mainFields: ['module', 'main'],
  // As scripts/build.mjs: Handlebars' self-contained build, without its optional source-map dependency.
  alias: { handlebars: 'handlebars/dist/cjs/handlebars.js', 'source-map': join(root, 'scripts/noSourceMap.cjs') },
  loader: { '.html': 'text' }, write: false, outfile: 'Code.js', legalComments: 'none', logLevel: 'silent', metafile: true,
};
const SIDEBAR_OPTIONS = {
  entryPoints: [join(root, 'sidebar/main.ts')], bundle: true, format: 'iife', target: 'es2019', platform: 'browser',
  minify: true, write: false, outfile: 'sidebar.js', legalComments: 'none', logLevel: 'silent', metafile: true,
};

/** node_modules/<pkg> (with its scope), else the first two folders of the source path. */
function groupOf(input) {
  const modules = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (modules) return `npm:${modules[1]}`;
  if (/handlebars\/dist\/cjs\/handlebars\/compiler\//.test(input)) return 'npm:handlebars (compiler)';
  return input.split('/').slice(0, 2).join('/');
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function report(name, options, top = 12) {
  const result = await build(options);
  const output = Object.values(result.metafile.outputs)[0];
  const text = result.outputFiles[0].text;
  const groups = {};
  // Handlebars' compiler and runtime are told apart by path inside the package.
  for (const [input, info] of Object.entries(output.inputs)) {
    const compiler = /node_modules\/handlebars\/dist\/cjs\/handlebars\/compiler\//.test(input);
    const key = compiler ? 'npm:handlebars (compiler)' : groupOf(input);
    groups[key] = (groups[key] || 0) + info.bytesInOutput;
  }
  const rows = Object.entries(groups).sort((a, b) => b[1] - a[1]);
  console.log(`\n${name}: ${kb(text.length)} (gzip ${kb(gzipSync(text).length)}), ${Object.keys(output.inputs).length} inputs`);
  for (const [key, bytes] of rows.slice(0, top)) console.log(`  ${kb(bytes).padStart(10)}  ${((100 * bytes) / text.length).toFixed(1).padStart(5)}%  ${key}`);
  return { result, text };
}

const code = await report('dist/Code.js (unminified, as shipped)', CODE_OPTIONS);
const minified = await build({ ...CODE_OPTIONS, metafile: false, minifyWhitespace: true, minifySyntax: true });
const minText = minified.outputFiles[0].text;
console.log(`  minified (whitespace + syntax, names kept): ${kb(minText.length)} (gzip ${kb(gzipSync(minText).length)}), ${(100 - (100 * minText.length) / code.text.length).toFixed(0)}% smaller`);
await report('Sidebar script (minified, inlined in dist/Sidebar.html)', SIDEBAR_OPTIONS);
for (const file of ['dist/Code.js', 'dist/Sidebar.html']) {
  const path = join(root, file);
  try {
    console.log(`${file} on disk: ${kb(statSync(path).size)}`);
  } catch (_missing) {
    console.log(`${file}: not built (npm run build)`);
  }
}
