// The README's two commands stay true: they sit in a marked block, name scripts package.json
// has, and CI runs the very test command the README shows (it reads it from the README).
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '../..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

/** The commands of the README's marked block: each shell line without its comment. */
function readmeCommands(readme: string): string[] {
  const block = /<!-- commands:start[^>]*-->([\s\S]*?)<!-- commands:end -->/.exec(readme);
  if (!block) throw new Error('README.md has no <!-- commands:start --> … <!-- commands:end --> block');
  const fence = /```sh\n([\s\S]*?)```/.exec(block[1]);
  if (!fence) throw new Error('the commands block has no ```sh fence');
  return fence[1].split('\n').map((line) => line.replace(/\s#.*$/, '').trim()).filter((line) => line !== '');
}

/** The npm scripts a command line runs (`npm start`, `npm test`, `npm run x`); npm's own install is not a script. */
function scriptsNamed(command: string): string[] {
  return command.split('&&').map((part) => part.trim().split(/\s+/)).flatMap((words) => {
    if (words[0] !== 'npm') throw new Error(`"${command}": only npm commands are expected`);
    if (words[1] === 'install' || words[1] === 'ci') return [];
    return [words[1] === 'run' ? words[2] : words[1]];
  });
}

function ciTestCommand(root: string): string {
  return execFileSync('bash', [path.join(root, '.ci/run'), '--print-test-command'], { encoding: 'utf8' }).trim();
}

describe('the README\'s two commands', () => {
  const commands = readmeCommands(README);

  test('are exactly the playground and the test run, each after npm install', () => {
    expect(commands).toEqual(['npm install && npm start', 'npm install && npm test']);
  });

  test('name scripts package.json has: start runs the playground, test builds and runs jest', () => {
    for (const command of commands) {
      for (const script of scriptsNamed(command)) expect(Object.keys(packageJson.scripts)).toContain(script);
    }
    expect(packageJson.scripts.start).toMatch(/playground/);
    expect(packageJson.scripts.test).toMatch(/build.*jest/);
  });

  test('CI runs the README\'s test command, read from the README', () => {
    const testLine = commands.find((c) => /npm (run )?test\b/.test(c))!;
    expect(ciTestCommand(ROOT)).toBe(testLine.split('&&').pop()!.trim());
  });

  test('a README whose test command changes changes what CI runs; one without the block stops CI', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealboard-readme-'));
    try {
      fs.mkdirSync(path.join(dir, '.ci'));
      fs.copyFileSync(path.join(ROOT, '.ci/run'), path.join(dir, '.ci/run'));
      fs.writeFileSync(path.join(dir, 'README.md'), README.replace('npm install && npm test ', 'npm install && npm run test:unit '));
      expect(ciTestCommand(dir)).toBe('npm run test:unit');

      fs.writeFileSync(path.join(dir, 'README.md'), README.replace('<!-- commands:start', '<!-- gone'));
      let refusal = '';
      try { ciTestCommand(dir); } catch (e) { refusal = String((e as { stdout?: string }).stdout); }
      expect(refusal).toMatch(/README.md has no test command[\s\S]*0 passed, 1 failed/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
