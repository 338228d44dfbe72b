// The emulator's imports point one way (issue 28): no import circle anywhere in scripts/emulator
// (type-only imports included, as dependency-cruiser counts them), and nothing imported from src/
// (the emulator stands for Apps Script, never for the add-on). The same rules were checked with
// dependency-cruiser 17 (`no-circular`, and `scripts/emulator` → `src/` forbidden): no violation.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const EMULATOR = join(ROOT, 'scripts', 'emulator');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s(?:[^'";]*?\sfrom\s)?\s*['"]([^'"]+)['"]/g;

/** Relative imports of a file, resolved to files (`x` → x.ts or x/index.ts). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1];
    if (!spec.startsWith('.')) continue;
    const base = resolve(dirname(file), spec);
    const found = [`${base}.ts`, join(base, 'index.ts'), base].find((p) => existsSync(p) && statSync(p).isFile());
    out.push(found ?? base);
  }
  return out;
}

/** Strongly connected components with more than one module (or a module importing itself): Tarjan. */
export function circles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index); low.set(v, index); index++;
    stack.push(v); on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) { visit(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); }
      else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do { w = stack.pop()!; on.delete(w); scc.push(w); } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

const graph = new Map(tsFiles(EMULATOR).map((f) => [f, importsOf(f)]));
const rel = (p: string) => relative(ROOT, p);

describe('scripts/emulator imports point one way', () => {
  test('the check finds a circle when there is one (so it can fail)', () => {
    const g = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
    expect(circles(g)).toEqual([['a', 'b', 'c']]);
    expect(circles(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });

  test('it sees the spreadsheet modules and their imports (type-only ones too)', () => {
    const objects = join(EMULATOR, 'spreadsheet', 'objects.ts');
    expect(graph.get(objects)).toEqual(expect.arrayContaining([join(EMULATOR, 'spreadsheet', 'extras.ts'), join(EMULATOR, 'spreadsheet', 'sessionApi.ts')]));
    expect(graph.get(join(EMULATOR, 'spreadsheet', 'builders.ts'))).toContain(join(EMULATOR, 'spreadsheet', 'sessionApi.ts'));
  });

  test('no import circle in scripts/emulator', () => {
    expect(circles(graph).map((c) => c.map(rel))).toEqual([]);
  });

  test('the emulator never imports from src/', () => {
    const src = join(ROOT, 'src') + '/';
    const back = [...graph].flatMap(([f, deps]) => deps.filter((d) => d.startsWith(src)).map((d) => `${rel(f)} → ${rel(d)}`));
    expect(back).toEqual([]);
  });
});
