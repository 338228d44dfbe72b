// Counting logic of the gas-fakes conformance harness (gasFakesConformance.mjs), kept apart
// so that tests/emulator/gasFakesCounting.test.ts can check it on a tiny fixture, offline.
//
// gas-fakes' tests use @mcpher/unit: `unit.section(description, t => { t.is(actual, expected) … })`.
// The harness hands the suite a unit of its own (`newCountingUnit`) that records, per section,
// every assertion run (passed / failed, and the source line it was called from) and the
// exception that ended a section early. What never ran is estimated from the source: each
// assertion call site (`t.is(`, `t.deepEqual(` …) in a section that threw, or in a section the
// test file never reached because it threw between sections, and that was not run, counts as
// one unreached assertion. A site a completed section skipped (an `if` branch) is not counted.

/** The assertions of @mcpher/unit's `t` (t.threw only catches, it asserts nothing). */
export const ASSERTION_METHODS = [
  'is', 'not', 'deepEqual', 'notDeepEqual', 'equal', 'notEqual', 'true', 'false', 'truthy', 'falsey',
  'rxMatch', 'notRxMatch', 'wildCardMatch', 'notWildCardMatch', 'hasWildCards', 'notHasWildCards',
];

const SITE_PATTERN = new RegExp(`\\bt\\s*\\.\\s*(${ASSERTION_METHODS.join('|')})\\s*\\(`, 'g');
const SECTION_PATTERN = /\bunit\s*\.\s*section\s*\(/g;

/** The source with comments blanked (same length, newlines kept) so offsets stay line-true. */
export function blankComments(source) {
  let out = '';
  let i = 0;
  let quote = null;
  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (quote) {
      out += c;
      if (c === '\\') { out += next ?? ''; i += 2; continue; }
      if (c === quote) quote = null;
      i += 1;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') { quote = c; out += c; i += 1; continue; }
    if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') { out += ' '; i += 1; }
      continue;
    }
    if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? source.length : end + 2;
      for (; i < stop; i += 1) out += source[i] === '\n' ? '\n' : ' ';
      continue;
    }
    out += c;
    i += 1;
  }
  return out;
}

const lineAt = (source, offset) => {
  let line = 1;
  for (let i = 0; i < offset; i += 1) if (source.charCodeAt(i) === 10) line += 1;
  return line;
};

/** Assertion call sites of a file: [{ line, offset, method }] (comments ignored). */
export function assertionSites(source) {
  const text = blankComments(source);
  const sites = [];
  for (const m of text.matchAll(SITE_PATTERN)) sites.push({ line: lineAt(source, m.index), offset: m.index, method: m[1] });
  return sites;
}

/** Offsets where `unit.section(` calls start (comments ignored), to know which sections a file never reached. */
export function sectionStarts(source) {
  const text = blankComments(source);
  return [...text.matchAll(SECTION_PATTERN)].map((m) => m.index);
}

/** Where a section's callback sits in its file: [start, end) offsets, or null when it cannot be found. */
export function locateFunction(source, fn) {
  const text = String(fn);
  const at = source.indexOf(text);
  return at < 0 ? null : [at, at + text.length];
}

// ---- deep equality as @mcpher/unit's deepEqual uses it (chai's deep-eql semantics, enough for the suite) ----
export function deepEqual(a, b, seen = new Map()) {
  if (Object.is(a, b)) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return false;
  }
  const tag = Object.prototype.toString;
  if (tag.call(a) !== tag.call(b)) return false;
  if (a instanceof Date) return a.getTime() === b.getTime();
  if (a instanceof RegExp) return String(a) === String(b);
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  if (ArrayBuffer.isView(a)) return a.length === b.length && Array.prototype.every.call(a, (v, i) => Object.is(v, b[i]));
  if (a instanceof Map || a instanceof Set) {
    return deepEqual([...a.entries()], [...b.entries()], seen);
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k], seen));
}

const isRegExp = (v) => Object.prototype.toString.call(v) === '[object RegExp]';
const wildcard = (text, pattern) => new RegExp(`^${String(pattern).split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(String(text));

/** How each assertion decides, as @mcpher/unit documents them (actual first; undefined actual fails). */
const CHECKS = {
  is: (a, e) => a === e,
  equal: (a, e) => a === e,
  not: (a, e) => a !== e,
  notEqual: (a, e) => a !== e,
  deepEqual: (a, e) => deepEqual(a, e),
  notDeepEqual: (a, e) => !deepEqual(a, e),
  true: (a) => a === true,
  false: (a) => a !== true,
  truthy: (a) => !!a,
  falsey: (a) => !a,
  rxMatch: (a, e) => { if (!isRegExp(e)) throw new Error('expect argument should be a regex'); return e.test(a); },
  notRxMatch: (a, e) => { if (!isRegExp(e)) throw new Error('expect argument should be a regex'); return !e.test(a); },
  wildCardMatch: (a, e) => wildcard(a, e),
  notWildCardMatch: (a, e) => !wildcard(a, e),
  hasWildCards: (a) => String(a).includes('*'),
  notHasWildCards: (a) => !String(a).includes('*'),
};
// truthy/falsey test !!actual, which is never undefined; the others fail on an undefined actual.
const UNDEFINED_ALLOWED = new Set(['truthy', 'falsey']);
// These take (actual, options); the others (actual, expected, options).
const ONE_VALUE = new Set(['true', 'false', 'truthy', 'falsey', 'hasWildCards', 'notHasWildCards']);

/** The line of `file` the assertion was called from (V8 stack), or 0. */
function callerLine(file) {
  const stack = new Error().stack ?? '';
  for (const line of stack.split('\n')) {
    const at = line.lastIndexOf(file);
    if (at >= 0) {
      const m = /:(\d+):\d+\)?$/.exec(line.slice(at + file.length));
      if (m) return Number(m[1]);
    }
  }
  return 0;
}

const briefError = (err) => {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return text.split('\n')[0].slice(0, 200);
};

/**
 * A stand-in for @mcpher/unit's `newUnit` that counts instead of printing. `file` is the test
 * file's base name (to read assertion lines off the stack). Each section runs in a try/catch:
 * a section that throws ends there (its remaining assertions unreached) and the next section
 * still runs, so one missing member costs one section, not the whole file.
 */
export function newCountingUnit(file) {
  const sections = [];
  const pending = [];
  const makeT = (section) => {
    // @mcpher/unit's t is a Unit whose options hold the section's (tests read t.options.description).
    const t = { options: { ...section.options, description: section.description } };
    for (const method of ASSERTION_METHODS) {
      const oneValue = ONE_VALUE.has(method);
      t[method] = (actual, expected, third) => {
        const options = oneValue ? expected : third;
        // `{ skip: true }` on an assertion: @mcpher/unit neither runs nor counts it.
        if (options && typeof options === 'object' && options.skip) return { options };
        let passed;
        try {
          passed = CHECKS[method](actual, expected) && (UNDEFINED_ALLOWED.has(method) || actual !== undefined);
        } catch {
          passed = false;
        }
        section.results.push({ method, passed, line: callerLine(file) });
        // @mcpher/unit returns the test result; the suite destructures it (`const { actual } = t.is(…)`).
        return { failed: !passed, eql: passed, actual, expect: expected, jsEqual: actual === expected };
      };
    }
    t.threw = (fn) => {
      try {
        const r = fn();
        if (r && typeof r.then === 'function') return r.then(() => undefined, (e) => e);
        return undefined;
      } catch (e) {
        return e;
      }
    };
    t.compares = { equal: CHECKS.is, deepEqual: CHECKS.deepEqual };
    return t;
  };
  const unit = {
    sections,
    section(a, b, c) {
      const [description, fn, options] = typeof a === 'function' ? ['', a, b ?? {}] : [a, b, c ?? {}];
      if (options?.skip) {
        sections.push({ description, fn, results: [], skipped: true, error: null });
        return 0;
      }
      const section = { description, fn, options, results: [], skipped: false, error: null };
      sections.push(section);
      try {
        const r = fn(makeT(section));
        if (r && typeof r.then === 'function') {
          pending.push(r.then(() => undefined, (e) => { section.error = briefError(e); }));
        }
      } catch (e) {
        section.error = briefError(e);
      }
      return section.results.filter((x) => !x.passed).length;
    },
    report: () => sections.every((s) => !s.error && s.results.every((r) => r.passed)),
    isGood: () => unit.report(),
    cancel() {},
    unCancel() {},
    deepEquals: deepEqual,
    settle: () => Promise.all(pending),
  };
  return unit;
}

/**
 * Counts one test file's run. `source` is the file's text, `unit` the counting unit it ran
 * with, `fileError` the exception that stopped the file outside any section (or that stopped
 * it from loading), null when it ran to its end.
 * Returns { passed, failed, unreached, sections, crashedSections, crashes: [{ error, unreached, failed }] }.
 */
export function countFile(source, unit, fileError) {
  const sites = assertionSites(source);
  const starts = sectionStarts(source);
  let passed = 0;
  let failed = 0;
  let unreached = 0;
  const crashes = [];
  let lastEnd = -1;
  const all = unit ? unit.sections : [];
  // A skipped section was reached (its sites are neither run nor unreached): it moves lastEnd too.
  for (const s of all) {
    const range = locateFunction(source, s.fn);
    if (range) lastEnd = Math.max(lastEnd, range[1]);
  }
  const ran = all.filter((s) => !s.skipped);
  for (const s of ran) {
    passed += s.results.filter((r) => r.passed).length;
    const f = s.results.filter((r) => !r.passed).length;
    failed += f;
    if (!s.error) continue;
    const range = locateFunction(source, s.fn);
    const hit = new Set(s.results.map((r) => r.line));
    const missed = range ? sites.filter((x) => x.offset >= range[0] && x.offset < range[1] && !hit.has(x.line)).length : 0;
    unreached += missed;
    crashes.push({ error: s.error, unreached: missed, failed: f, section: s.description });
  }
  if (fileError) {
    // Sections the file never started: every site after the last section that ran, in a
    // `unit.section(` the file contains (sites outside any section are helpers, counted with it).
    const hitLines = new Set(ran.flatMap((s) => s.results.map((r) => r.line)));
    const firstUnstarted = starts.find((o) => o > lastEnd);
    const from = firstUnstarted ?? Infinity;
    const missed = sites.filter((x) => x.offset >= from && !hitLines.has(x.line)).length;
    unreached += missed;
    crashes.push({ error: fileError, unreached: missed, failed: 0, section: '(file)' });
  }
  return {
    passed,
    failed,
    unreached,
    sections: ran.length + (fileError ? starts.filter((o) => o > lastEnd).length : 0),
    crashedSections: ran.filter((s) => s.error).length + (fileError ? starts.filter((o) => o > lastEnd).length : 0),
    crashes,
  };
}

/** rate = passed / (passed + failed + unreached), as a percentage with one decimal. */
export const rate = ({ passed, failed, unreached }) => {
  const all = passed + failed + unreached;
  return all === 0 ? 0 : Math.round((passed / all) * 1000) / 10;
};

/** A Markdown table: one row per group, then the total. */
export function formatTable(rows, totalLabel = 'total') {
  const total = rows.reduce((t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed, unreached: t.unreached + r.unreached }), { passed: 0, failed: 0, unreached: 0 });
  const line = (name, r) => `| ${name} | ${r.passed} | ${r.failed} | ${r.unreached} | ${rate(r).toFixed(1)}% |`;
  return [
    '| service | passed | failed | unreached | rate |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => line(r.name, r)),
    line(`**${totalLabel}**`, total),
  ].join('\n');
}
