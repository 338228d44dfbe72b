#!/usr/bin/env node
// Dev-time harness (issue 27): runs the test suite of brucemcpherson/gas-fakes — written to pass
// on real Apps Script as well as on Node — against the Dealboard emulator instead of gas-fakes'
// own fakes, and prints per service: passed / failed / unreached assertions and the rate.
//
//   npm run build                      # build/emulator.cjs
//   npm run conformance:gas-fakes -- <path to a gas-fakes checkout> [--only testsheets,testdrive] [--json out.json]
//   GAS_FAKES_NO_STAND_INS=1 npm run conformance:gas-fakes -- …  # without the fixture file and public-URL stand-ins
//
// No network and no install: the checkout's test/*.js are copied to a scratch folder whose
// node_modules holds stand-ins (gasFakesShims.mjs); the emulator's globals (SpreadsheetApp,
// DriveApp, Drive, DocumentApp, Docs, GmailApp, CalendarApp, Calendar, Utilities, …) are set on
// globalThis as loadAddon hands them to a bundle, with the suite's own appsscript.json applied
// (its scopes, so Drive sees every file). The suite is the list test/test.js's testFakes() runs.
// Each test file runs in its own child process with a fresh workspace (a hang or crash costs one
// file), as the suite's user (fixes.EMAIL) in the suite's time zone (fixes.TIMEZONE).
// Not part of `npm test`: it needs a gas-fakes checkout that CI does not have.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { countFile, formatTable, newCountingUnit, rate } from './gasFakesCounting.mjs';
import { shimPackages } from './gasFakesShims.mjs';
import { suiteNetworkRoute } from './gasFakesNetwork.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const RESULT_MARK = '@@gas-fakes-result@@';
const FILE_TIMEOUT_MS = 240_000;

/** Which service each suite file tests, and whether the emulator emulates that service. */
export const SERVICE_OF = [
  [/^testsheets(chart)?\.js$|^testsheets(values|text|range|sets|vui|data|datavalidations|exotics|developer|permissions)\.js$|^testconditionalformat\.js$/, 'SpreadsheetApp / Sheets', true],
  [/^testdrive(new|sharing)?\.js$/, 'DriveApp / Drive', true],
  [/^testdocs/, 'DocumentApp / Docs', true],
  [/^testgmail\.js$/, 'GmailApp', true],
  [/^testcalendars\.js$/, 'CalendarApp / Calendar', true],
  [/^testutilities\.js$/, 'Utilities', true],
  [/^teststores\.js$/, 'PropertiesService / CacheService', true],
  [/^testlock\.js$/, 'LockService', true],
  [/^testsession\.js$/, 'Session', true],
  [/^testscriptapp\.js$/, 'ScriptApp', true],
  [/^testlogger\.js$/, 'Logger', true],
  [/^testmimetype\.js$/, 'MimeType', true],
  [/^testenums\.js$/, 'enums', true],
  [/^testhtmlservice\.js$/, 'HtmlService', true],
  [/^testfetch\.js$/, 'UrlFetchApp', true],
  [/^testchartsapp\.js$/, 'Charts', true],
];
export function serviceOf(file) {
  for (const [pattern, name, emulated] of SERVICE_OF) if (pattern.test(file)) return { name, emulated };
  return { name: `(not emulated) ${file.replace(/^test|\.js$/g, '')}`, emulated: false };
}

/** The suite as test/test.js runs it: [{ fn, file }] in testFakes() order. */
export function suiteOf(testJs) {
  const fileOf = new Map();
  for (const m of testJs.matchAll(/import\s*\{([^}]*)\}\s*from\s*["']\.\/([\w.-]+\.js)["']/g)) {
    for (const name of m[1].split(',').map((s) => s.trim().split(/\s+as\s+/).pop()).filter(Boolean)) fileOf.set(name, m[2]);
  }
  const body = testJs.slice(testJs.indexOf('testFakes'));
  const seen = new Set();
  const suite = [];
  for (const m of body.matchAll(/^\s*(test\w+)\(pack\)/gm)) {
    const file = fileOf.get(m[1]);
    if (file && !seen.has(m[1])) { seen.add(m[1]); suite.push({ fn: m[1], file }); }
  }
  return suite;
}

function fixture(source, key) {
  const m = new RegExp(`"${key}"\\s*:\\s*"([^"]*)"`).exec(source);
  return m ? m[1].replace(/\\\//g, '/') : undefined;
}

/** Copies test/*.js into a scratch folder next to the stand-in packages; returns its test folder. */
function prepare(checkout) {
  const scratch = mkdtempSync(join(tmpdir(), 'gas-fakes-run-'));
  const testDir = join(scratch, 'test');
  mkdirSync(testDir);
  for (const f of readdirSync(join(checkout, 'test'))) if (/\.(js|json)$/.test(f)) cpSync(join(checkout, 'test', f), join(testDir, f));
  const counting = pathToFileURL(join(here, 'gasFakesCounting.mjs')).href;
  for (const [name, files] of Object.entries(shimPackages(counting))) {
    const dir = join(scratch, 'node_modules', name);
    mkdirSync(dir, { recursive: true });
    for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  }
  // src/support/syncit.js (imported by the sandbox tests, gas-fakes internals): absent on purpose.
  return { scratch, testDir };
}

// ---------------------------------------------------------------- child: one test file
async function runChild(testDir, file, fnName) {
  const source = readFileSync(join(testDir, file), 'utf8');
  const fixesText = readFileSync(join(testDir, 'testfixes.js'), 'utf8');
  const require = createRequire(import.meta.url);
  const { createWorkspace } = require(join(repoRoot, 'build/emulator.cjs'));
  const { applyManifest } = require(join(repoRoot, 'build/emulator.cjs'));
  const ws = createWorkspace({
    now: new Date().toISOString(),
    user: fixture(fixesText, 'EMAIL') ?? 'user@example.test',
    timeZone: fixture(fixesText, 'TIMEZONE') ?? 'Europe/London',
  });
  const manifestPath = join(testDir, 'appsscript.json');
  if (existsSync(manifestPath)) applyManifest(ws, JSON.parse(readFileSync(manifestPath, 'utf8')));
  // The one fixture file testfixes.js describes completely (id, name, type and content): the suite
  // expects it in the user's Drive, so it is put there. Fixtures it names without their content
  // (the test spreadsheets and folders) are not invented; the sections using them stay unreached.
  // GAS_FAKES_NO_STAND_INS=1 leaves out this fixture and the network stand-ins below, to measure
  // the emulator alone (the README reports both figures).
  const standIns = process.env.GAS_FAKES_NO_STAND_INS !== '1';
  const textFile = { id: fixture(fixesText, 'TEXT_FILE_ID'), name: fixture(fixesText, 'TEXT_FILE_NAME'), mimeType: fixture(fixesText, 'TEXT_FILE_TYPE'), content: fixture(fixesText, 'TEXT_FILE_CONTENT') };
  if (standIns && Object.values(textFile).every((v) => v !== undefined)) ws.drive.addFile({ ...textFile, owner: fixture(fixesText, 'EMAIL') });
  // The few public URLs the suite fetches (an image, a JSON API) get stand-in answers (gasFakesNetwork.mjs).
  if (standIns) ws.fetchRoutes.register(suiteNetworkRoute({ randomImage: fixture(fixesText, 'RANDOM_IMAGE'), apiUrl: fixture(fixesText, 'API_URL') }));
  // The bundle's view of the globals, minus Date and console: Node's own keep the harness
  // working (the virtual clock starts at the real time, so "now" agrees closely enough).
  for (const [name, value] of Object.entries(ws.globals)) if (name !== 'Date' && name !== 'console') globalThis[name] = value;
  const quiet = () => {};
  const realWrite = process.stdout.write.bind(process.stdout);
  for (const k of ['log', 'info', 'warn', 'error', 'debug']) console[k] = quiet;

  const unit = newCountingUnit(`/${file}`);
  globalThis.__gasFakesUnit = unit;
  let fileError = null;
  try {
    const fixesModule = await import(pathToFileURL(join(testDir, 'testfixes.js')).href);
    const mod = await import(pathToFileURL(join(testDir, file)).href);
    const fn = mod[fnName];
    if (typeof fn !== 'function') throw new Error(`${file} exports no ${fnName}`);
    const pack = { unit, fixes: fixesModule.testFixes, runnables: [] };
    const r = ws.execute(() => fn(pack));
    if (r && typeof r.then === 'function') await r;
  } catch (e) {
    fileError = (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).split('\n')[0].slice(0, 200);
  }
  await Promise.race([unit.settle(), new Promise((r) => setTimeout(r, 30_000))]);
  const counted = countFile(source, unit, fileError);
  const failures = unit.sections.flatMap((s) => s.results.filter((r) => !r.passed).map((r) => ({ section: s.description, line: r.line, method: r.method })));
  realWrite(`${RESULT_MARK}${JSON.stringify({ file, fn: fnName, ...counted, failures })}\n`);
  process.exit(0);
}

// ---------------------------------------------------------------- parent
function normaliseCrash(error) {
  return error
    .replace(/\b[\w-]{25,}\b/g, '<id>')
    .replace(/"[^"]{0,80}"/g, '"…"')
    .replace(/\d+/g, 'N');
}

function main(argv) {
  const args = argv.slice(2);
  const checkout = args.find((a) => !a.startsWith('--') && !/^(--only|--json|--commit)$/.test(args[args.indexOf(a) - 1] ?? ''));
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',').map((s) => s.replace(/\.js$/, '')) : null;
  const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;
  if (!checkout || !existsSync(join(checkout, 'test', 'test.js'))) {
    console.error('usage: npm run conformance:gas-fakes -- <path to a gas-fakes checkout (with test/test.js)> [--only testsheets,testdrive] [--json out.json]');
    process.exit(2);
  }
  if (!existsSync(join(repoRoot, 'build/emulator.cjs'))) {
    console.error('build/emulator.cjs is missing: run npm run build first');
    process.exit(2);
  }
  const suite = suiteOf(readFileSync(join(checkout, 'test', 'test.js'), 'utf8'))
    .filter((s) => !only || only.includes(s.file.replace(/\.js$/, '')));
  const { scratch, testDir } = prepare(checkout);
  const results = [];
  try {
    for (const { fn, file } of suite) {
      const started = Date.now();
      const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', testDir, file, fn], {
        cwd: testDir, encoding: 'utf8', timeout: FILE_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024,
      });
      const line = (child.stdout ?? '').split('\n').find((l) => l.startsWith(RESULT_MARK));
      let result;
      if (line) {
        result = JSON.parse(line.slice(RESULT_MARK.length));
      } else {
        // The child died (timeout, crash): every assertion site of the file counts as unreached.
        const why = child.error ? String(child.error.message) : `exit ${child.status}: ${(child.stderr ?? '').trim().split('\n').slice(-1)[0] ?? ''}`;
        const counted = countFile(readFileSync(join(testDir, file), 'utf8'), null, `harness: ${why}`.slice(0, 200));
        result = { file, fn, ...counted, failures: [] };
      }
      result.seconds = Math.round((Date.now() - started) / 100) / 10;
      results.push(result);
      process.stderr.write(`${file}: ${result.passed} passed, ${result.failed} failed, ${result.unreached} unreached (${result.seconds}s)\n`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  report(results, checkout, jsonOut, args.includes('--commit') ? args[args.indexOf('--commit') + 1] : null);
}

function report(results, checkout, jsonOut, commitArg) {
  const groups = new Map();
  for (const r of results) {
    const { name, emulated } = serviceOf(r.file);
    const g = groups.get(name) ?? { name, emulated, passed: 0, failed: 0, unreached: 0, files: [] };
    g.passed += r.passed; g.failed += r.failed; g.unreached += r.unreached; g.files.push(r.file);
    groups.set(name, g);
  }
  const emulated = [...groups.values()].filter((g) => g.emulated);
  const others = [...groups.values()].filter((g) => !g.emulated);
  const sum = (rows) => rows.reduce((t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed, unreached: t.unreached + r.unreached }), { passed: 0, failed: 0, unreached: 0 });
  let commit = commitArg ?? '';
  if (!commit && existsSync(join(checkout, '.git'))) {
    commit = (spawnSync('git', ['-C', checkout, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).stdout ?? '').trim();
  }
  const scoped = sum(emulated);
  const whole = sum([...groups.values()]);
  const out = [];
  out.push(`gas-fakes suite against the Dealboard emulator — ${new Date().toISOString().slice(0, 10)}${commit ? `, gas-fakes ${commit}` : ''}`);
  out.push('', 'Services the emulator emulates:', '', formatTable(emulated, 'emulated services'));
  out.push('', 'Services it does not emulate (every assertion unreached or failed):', '', formatTable(others, 'not emulated'));
  out.push('', `Rate over the emulated services: ${rate(scoped).toFixed(1)}% (${scoped.passed} / ${scoped.passed + scoped.failed + scoped.unreached});`
    + ` over the whole suite: ${rate(whole).toFixed(1)}% (${whole.passed} / ${whole.passed + whole.failed + whole.unreached}).`);
  out.push(`Of the assertions that ran in the emulated services: ${rate({ ...scoped, unreached: 0 }).toFixed(1)}% pass.`);

  // The biggest gaps: what ended sections early (by message), and the files with most failures.
  const crashes = new Map();
  for (const r of results.filter((x) => serviceOf(x.file).emulated)) {
    for (const c of r.crashes) {
      const key = normaliseCrash(c.error);
      const e = crashes.get(key) ?? { error: c.error, unreached: 0, sections: 0, files: new Set() };
      e.unreached += c.unreached; e.sections += 1; e.files.add(r.file);
      crashes.set(key, e);
    }
  }
  out.push('', 'Biggest gaps in the emulated services (what ended sections early, by unreached assertions):', '');
  out.push('| unreached | sections | error | files |', '| ---: | ---: | --- | --- |');
  for (const e of [...crashes.values()].sort((a, b) => b.unreached - a.unreached).slice(0, 25)) {
    out.push(`| ${e.unreached} | ${e.sections} | ${e.error.replace(/\|/g, '\\|')} | ${[...e.files].join(', ')} |`);
  }
  out.push('', 'Failed assertions by file (emulated services):', '');
  for (const r of results.filter((x) => serviceOf(x.file).emulated && x.failed > 0).sort((a, b) => b.failed - a.failed)) {
    const lines = new Map();
    for (const f of r.failures) lines.set(f.line, (lines.get(f.line) ?? 0) + 1);
    out.push(`- ${r.file}: ${r.failed} (lines ${[...lines.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([l, n]) => (n > 1 ? `${l}×${n}` : `${l}`)).join(', ')})`);
  }
  console.log(out.join('\n'));
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ commit, results }, null, 2));
}

if (process.argv[2] === '--child') {
  await runChild(process.argv[3], process.argv[4], process.argv[5]);
} else if (process.argv[1] && basename(process.argv[1]) === basename(fileURLToPath(import.meta.url))) {
  main(process.argv);
}
