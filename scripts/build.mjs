// Builds the three artefacts: dist/ (what clasp pushes), build/emulator.cjs (Node-only tooling).
// Recipe: ESM pass to learn the entry's exports, IIFE pass for Apps Script, one real
// top-level function per export so the V8 runtime (and gas-local) see them as globals.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const buildDir = join(root, 'build');
mkdirSync(dist, { recursive: true });
mkdirSync(buildDir, { recursive: true });

const FORBIDDEN_IN_BUNDLE = [
  { pattern: /(^|[^.\w$])require\(/, why: 'calls require(): Apps Script has no require' },
  { pattern: /\.#[A-Za-z_]|^\s*(static\s+)?#[A-Za-z_]\w*\s*[=;(]/m, why: 'uses private #fields, which Apps Script V8 rejects' },
  { pattern: /\b(setTimeout|setInterval|setImmediate)\(/, why: 'uses timers, which Apps Script lacks' },
];

export async function exportNamesOf(entry) {
  const result = await build({
    entryPoints: [entry], bundle: true, format: 'esm', write: false, metafile: true, outfile: 'out.js', logLevel: 'silent',
    platform: 'neutral', mainFields: ['module', 'main'], alias: { handlebars: 'handlebars/dist/cjs/handlebars.js' }, loader: { '.html': 'text' },
  });
  const output = Object.values(result.metafile.outputs)[0];
  return output.exports;
}

async function buildAppsScriptBundle() {
  const entry = join(root, 'src/entry.ts');
  const names = await exportNamesOf(entry);
  const footer = names
    .map((name) => `function ${name}() { return __app.${name}.apply(this, arguments); }`)
    .join('\n');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: '__app',
    target: 'es2019',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    // Handlebars' Node entry reads files; its self-contained build is what runs on Apps Script.
    // Its compiler's optional source-map dependency is left out (scripts/noSourceMap.cjs).
    alias: { handlebars: 'handlebars/dist/cjs/handlebars.js', 'source-map': join(root, 'scripts/noSourceMap.cjs') },
    loader: { '.html': 'text' },
    write: false,
    outfile: 'Code.js',
    legalComments: 'none',
    logLevel: 'warning',
  });
  const code = `${result.outputFiles[0].text}\n${footer}\n`;
  for (const rule of FORBIDDEN_IN_BUNDLE) {
    if (rule.pattern.test(code)) throw new Error(`dist/Code.js ${rule.why}`);
  }
  writeFileSync(join(dist, 'Code.js'), code);
  return names;
}

async function buildSidebar() {
  const result = await build({
    entryPoints: [join(root, 'sidebar/main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    minify: true,
    write: false,
    outfile: 'sidebar.js',
    legalComments: 'none',
    logLevel: 'warning',
  });
  const js = result.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  const css = readFileSync(join(root, 'sidebar/styles.css'), 'utf8');
  const shell = readFileSync(join(root, 'sidebar/index.html'), 'utf8');
  const html = shell
    .replace('/*STYLES*/', () => css)
    .replace('/*SCRIPT*/', () => js);
  writeFileSync(join(dist, 'Sidebar.html'), html);
}

/**
 * The Node tools run inside Jest's vm context in the tests, where every read of a global such
 * as Array or Math goes through the contextified global's interceptor (a C++ call each time,
 * never optimised). The emulator's per-cell loops read them millions of times, so each tool
 * binds the standard built-ins once, as module-level constants: the same objects, a cheaper
 * lookup (scripts/emulator/addon.ts does the same for dist/Code.js in each execution).
 */
const HOST_BUILTINS = [
  'Object', 'Function', 'Array', 'Number', 'Boolean', 'String', 'Symbol', 'Date', 'Promise', 'RegExp',
  'Error', 'RangeError', 'SyntaxError', 'TypeError', 'JSON', 'Math', 'Intl', 'Reflect', 'Map', 'Set', 'WeakMap', 'WeakSet',
  'parseInt', 'parseFloat', 'isNaN', 'isFinite', 'encodeURIComponent', 'decodeURIComponent',
];

function bindHostBuiltins(file) {
  const code = readFileSync(file, 'utf8');
  const bind = `const ${HOST_BUILTINS.map((n) => `${n} = globalThis.${n}`).join(', ')};`;
  const directive = /^"use strict";/.exec(code);
  // After the directive (it stays one) and on its line (line numbers of stack traces stay).
  writeFileSync(file, directive ? `${directive[0]}${bind}${code.slice(directive[0].length)}` : `${bind}${code}`);
}

async function buildEmulator() {
  await build({
    entryPoints: [join(root, 'scripts/emulator/index.ts')],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outfile: join(buildDir, 'emulator.cjs'),
    packages: 'external',
    logLevel: 'warning',
  });
  bindHostBuiltins(join(buildDir, 'emulator.cjs'));
}

async function buildNodeTool(entry, outfile) {
  await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outfile: join(buildDir, outfile),
    packages: 'external',
    logLevel: 'warning',
  });
  bindHostBuiltins(join(buildDir, outfile));
}

/** The conformance runner as an Apps Script file (scripts/live): uploaded by npm run provision. */
async function buildConformanceRunner() {
  const result = await build({
    entryPoints: [join(root, 'scripts/live/runner.ts')],
    bundle: true, format: 'iife', globalName: '__conformance', target: 'es2019', platform: 'neutral',
    write: false, outfile: 'Conformance.js', legalComments: 'none', logLevel: 'warning',
  });
  const code = `${result.outputFiles[0].text}\nfunction runConformance() { return __conformance.runConformance.apply(this, arguments); }\n`;
  for (const rule of FORBIDDEN_IN_BUNDLE) {
    if (rule.pattern.test(code)) throw new Error(`build/live/Conformance.js ${rule.why}`);
  }
  mkdirSync(join(buildDir, 'live'), { recursive: true });
  writeFileSync(join(buildDir, 'live/Conformance.js'), code);
}

export async function buildAll() {
  const names = await buildAppsScriptBundle();
  await buildSidebar();
  copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
  await buildEmulator();
  if (existsSync(join(root, 'scripts/playground/server.ts'))) await buildNodeTool('scripts/playground/server.ts', 'playground.cjs');
  await buildNodeTool('scripts/bench/bench.ts', 'bench.cjs');
  await buildConformanceRunner();
  await buildNodeTool('scripts/live/cli.ts', 'live.cjs');
  return names;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildAll().then(
    (names) => console.log(`built dist/Code.js (${names.length} globals), dist/Sidebar.html, dist/appsscript.json, build/emulator.cjs`),
    (error) => { console.error(error.message || error); process.exit(1); },
  );
}
