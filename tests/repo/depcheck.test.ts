// The dependency check's own test: the project's .dependency-cruiser.cjs, run by the depcruise
// CLI on a small fixture tree, passes when every import points down the layers and fails, naming
// the rule, on each deliberate back-import (domain → app, app → gas, sidebar → domain,
// emulator → src, a layer's kernel → one of that layer's capabilities) and on the cycle one of
// them closes.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '../..');
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

function write(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
}

function depcheck(dir: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [DEPCRUISE, 'src', 'sidebar', 'scripts', '--config', CONFIG], { cwd: dir, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

/** A tree shaped like ours in which every import points down: entry → gas → app → workbook → domain. */
const CLEAN: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'es2019', module: 'commonjs', strict: true } }),
  'src/domain/rule.ts': 'export const limit = 1;\n',
  'src/workbook/schema.ts': "import { limit } from '../domain/rule';\nexport const columns = limit;\n",
  'src/ports/index.ts': "export interface Clock { now(): Date }\n",
  'src/app/contracts/board.ts': "export interface Board { cards: number }\n",
  'src/app/useCase.ts': "import { columns } from '../workbook/schema';\nimport type { Clock } from '../ports';\nexport const useCase = (clock: Clock) => columns + clock.now().getTime();\n",
  'src/gas/adapter.ts': "import { useCase } from '../app/useCase';\nexport const run = () => useCase({ now: () => new Date(0) });\n",
  'src/entry.ts': "import { run } from './gas/adapter';\nexport function onOpen() { return run(); }\n",
  'sidebar/main.ts': "import type { Board } from '../src/app/contracts/board';\nexport const empty: Board = { cards: 0 };\n",
  'scripts/emulator/workspace.ts': 'export const workspace = {};\n',
  // Capability folders around a kernel: a capability uses its layer's kernel, and a kernel may use
  // the capabilities of the layer below it.
  'src/domain/clients/phones.ts': 'export const e164 = (text: string) => text;\n',
  'src/app/kernel/session.ts': "import { e164 } from '../../domain/clients/phones';\nexport const caller = () => e164('+1');\n",
  'src/app/clients/clients.ts': "import { caller } from '../kernel/session';\nexport const clientCard = () => caller();\n",
};

describe('npm run depcheck (.dependency-cruiser.cjs)', () => {
  let dir = '';
  beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealboard-depcheck-')); });
  afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  test('passes on a tree whose imports all point down the layers', () => {
    write(dir, CLEAN);
    const result = depcheck(dir);
    expect(result.output).toMatch(/no dependency violations found/);
    expect(result.status).toBe(0);
  }, 120000);

  test('fails on deliberate back-imports, naming each rule broken', () => {
    write(dir, {
      ...CLEAN,
      // domain → app: a back-arrow that also closes a cycle (app → workbook → domain → app).
      'src/domain/rule.ts': "import { useCase } from '../app/useCase';\nexport const limit = 1;\nexport const again = () => useCase;\n",
      // app → gas
      'src/app/other.ts': "import { run } from '../gas/adapter';\nexport const other = run;\n",
      // sidebar → domain (not a contract)
      'sidebar/main.ts': "import { limit } from '../src/domain/rule';\nexport const empty = limit;\n",
      // emulator → src
      'scripts/emulator/workspace.ts': "import { limit } from '../../src/domain/rule';\nexport const workspace = { limit };\n",
      // a layer's kernel → a capability of the same layer
      'src/app/kernel/session.ts': "import { clientCard } from '../clients/clients';\nexport const caller = () => 'x';\nexport const card = clientCard;\n",
    });
    const result = depcheck(dir);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/domain-is-pure: src\/domain\/rule\.ts → src\/app\/useCase\.ts/);
    expect(result.output).toMatch(/app-below-gas: src\/app\/other\.ts → src\/gas\/adapter\.ts/);
    expect(result.output).toMatch(/sidebar-sees-contracts-only: sidebar\/main\.ts → src\/domain\/rule\.ts/);
    expect(result.output).toMatch(/emulator-never-imports-src: scripts\/emulator\/workspace\.ts → src\/domain\/rule\.ts/);
    expect(result.output).toMatch(/kernel-knows-no-capability: src\/app\/kernel\/session\.ts → src\/app\/clients\/clients\.ts/);
    expect(result.output).toMatch(/no-circular: /);
  }, 120000);
});
