// Self-test of the gas-fakes conformance harness (scripts/emulator/tools/gasFakesConformance.mjs,
// a dev-time tool, not run on gas-fakes here: no network in CI). It runs the harness on a tiny
// fake checkout (fixtures/gas-fakes/test: test.js lists the suite, testfake.js holds sections
// whose names state what each must count) against the built emulator, and checks the counts:
// passed / failed per assertion run, a skipped assertion or section not counted, a branch a
// completed section skipped not counted, and every assertion site a thrown section or a never
// started section did not run counted as unreached.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../..');

interface FileResult {
  passed: number; failed: number; unreached: number; sections: number; crashedSections: number;
  crashes: { error: string; unreached: number; section: string }[];
  failures: { line: number; method: string }[];
}

let result: FileResult;
let table: string;

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'gf-harness-'));
  try {
    table = execFileSync(process.execPath, [
      join(root, 'scripts/emulator/tools/gasFakesConformance.mjs'),
      join(__dirname, 'fixtures/gas-fakes'), '--json', join(dir, 'out.json'), '--commit', 'fixture',
    ], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    result = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).results[0];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('counts passed and failed assertions as they run, a loop site once per run', () => {
  // section 1: 1 + 1 + 3 (loop); section 2: 1; section 3: 1 before the throw
  expect(result.passed).toBe(7);
  // t.is(2, 3) and t.is(undefined, undefined) (an undefined actual fails, as in @mcpher/unit)
  expect(result.failed).toBe(2);
  expect(result.failures.map((f) => f.method)).toEqual(['is', 'is']);
});

test('counts as unreached the sites a throw kept from running, not skipped ones', () => {
  expect(result.crashes).toEqual([
    expect.objectContaining({ error: 'Exception: Not implemented in the Dealboard emulator: DriveApp.getFileByIdAndResourceKey', unreached: 2 }),
    expect.objectContaining({ error: 'Exception: Not implemented in the Dealboard emulator: SpreadsheetApp.newDataSourceSpec', unreached: 3, section: '(file)' }),
  ]);
  expect(result.unreached).toBe(5);
  // 3 sections ran, 1 never started (the skipped one is not counted)
  expect(result.sections).toBe(4);
  expect(result.crashedSections).toBe(2);
});

test('prints the per-service table with the rate counting unreached assertions', () => {
  expect(table).toContain('gas-fakes fixture');
  expect(table).toMatch(/\| \(not emulated\) fake \| 7 \| 2 \| 5 \| 50\.0% \|/);
  expect(table).toContain('over the whole suite: 50.0% (7 / 14)');
});
