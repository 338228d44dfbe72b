// Evaluation of conditional-format conditions (including a tiny formula evaluator) and of
// data-validation criteria.

import { lettersToColumn } from './a1';
import { dateToSerial } from './format';
import { CFRuleData, SheetData, SpreadsheetModel, ValidationData, isBlank, isDate } from './model';

// ---- values as Sheets compares them ------------------------------------------------------------

type Scalar = number | string | boolean | null; // null = blank

function toScalar(v: unknown, timeZone: string): Scalar {
  if (v === undefined || v === null || v === '') return null;
  if (v instanceof Date) return dateToSerial(v, timeZone);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

function typeRank(v: number | string | boolean): number {
  return typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2;
}

/** Sheets comparison: blank adapts to the other side; numbers < text < booleans; text case-insensitive. */
export function compareScalars(a: Scalar, b: Scalar): number {
  if (a === null && b === null) return 0;
  if (a === null) a = typeof b === 'number' ? 0 : typeof b === 'string' ? '' : false;
  if (b === null) b = typeof a === 'number' ? 0 : typeof a === 'string' ? '' : false;
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'string') {
    const x = a.toLowerCase();
    const y = (b as string).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

// ---- formula evaluator ---------------------------------------------------------------------

type Node =
  | { k: 'lit'; v: Scalar }
  | { k: 'ref'; row: number; col: number; absRow: boolean; absCol: boolean }
  | { k: 'call'; name: string; args: Node[] }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'neg'; a: Node };

interface Tok {
  t: 'num' | 'str' | 'ref' | 'name' | 'op' | '(' | ')' | ',';
  v: string;
}

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === ' ' || ch === '\t' || ch === '\n') { i++; continue; }
    if (ch === '"') {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new Error('unterminated string');
        if (src[i] === '"') {
          if (src[i + 1] === '"') { s += '"'; i += 2; continue; }
          i++;
          break;
        }
        s += src[i++];
      }
      out.push({ t: 'str', v: s });
      continue;
    }
    const num = /^(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?/.exec(src.slice(i));
    if (num) { out.push({ t: 'num', v: num[0] }); i += num[0].length; continue; }
    const ref = /^\$?[A-Za-z]{1,3}\$?\d+(?![A-Za-z0-9_(])/.exec(src.slice(i));
    if (ref) { out.push({ t: 'ref', v: ref[0] }); i += ref[0].length; continue; }
    const name = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(src.slice(i));
    if (name) { out.push({ t: 'name', v: name[0].toUpperCase() }); i += name[0].length; continue; }
    const op = /^(<>|<=|>=|[=<>+\-*/&])/.exec(src.slice(i));
    if (op) { out.push({ t: 'op', v: op[0] }); i += op[0].length; continue; }
    if (ch === '(' || ch === ')' || ch === ',') { out.push({ t: ch, v: ch }); i++; continue; }
    throw new Error(`unsupported character ${ch}`);
  }
  return out;
}

function parseFormula(formula: string): Node {
  const src = formula.trim().replace(/^=/, '');
  const toks = tokenize(src);
  let p = 0;
  const peek = (): Tok | undefined => toks[p];
  const expect = (t: Tok['t']): Tok => {
    const tok = toks[p];
    if (!tok || tok.t !== t) throw new Error(`expected ${t}`);
    p++;
    return tok;
  };
  const level = (ops: string[], next: () => Node) => (): Node => {
    let a = next();
    for (;;) {
      const tok = peek();
      if (!tok || tok.t !== 'op' || !ops.includes(tok.v)) return a;
      p++;
      a = { k: 'bin', op: tok.v, a, b: next() };
    }
  };
  const primary = (): Node => {
    const tok = toks[p++];
    if (!tok) throw new Error('unexpected end');
    if (tok.t === 'num') return { k: 'lit', v: Number(tok.v) };
    if (tok.t === 'str') return { k: 'lit', v: tok.v };
    if (tok.t === 'op' && tok.v === '-') return { k: 'neg', a: primary() };
    if (tok.t === 'op' && tok.v === '+') return primary();
    if (tok.t === '(') {
      const e = comparison();
      expect(')');
      return e;
    }
    if (tok.t === 'ref') {
      const m = /^(\$?)([A-Za-z]+)(\$?)(\d+)$/.exec(tok.v)!;
      return { k: 'ref', absCol: m[1] === '$', col: lettersToColumn(m[2]), absRow: m[3] === '$', row: Number(m[4]) };
    }
    if (tok.t === 'name') {
      if (tok.v === 'TRUE' && peek()?.t !== '(') return { k: 'lit', v: true };
      if (tok.v === 'FALSE' && peek()?.t !== '(') return { k: 'lit', v: false };
      expect('(');
      const args: Node[] = [];
      if (peek()?.t !== ')') {
        args.push(comparison());
        while (peek()?.t === ',') {
          p++;
          args.push(comparison());
        }
      }
      expect(')');
      return { k: 'call', name: tok.v, args };
    }
    throw new Error(`unexpected ${tok.v}`);
  };
  const mul = level(['*', '/'], primary);
  const add = level(['+', '-'], mul);
  const concat = level(['&'], add);
  const comparison = level(['=', '<>', '<', '>', '<=', '>='], concat);
  const node = comparison();
  if (p !== toks.length) throw new Error('trailing input');
  return node;
}

const parsedFormulas = new Map<string, Node | null>();

function compiledFormula(formula: string): Node | null {
  if (!parsedFormulas.has(formula)) {
    let node: Node | null;
    try {
      node = parseFormula(formula);
    } catch {
      node = null;
    }
    parsedFormulas.set(formula, node);
  }
  return parsedFormulas.get(formula) ?? null;
}

export interface FormulaEnv {
  cell(row: number, col: number): unknown;
  timeZone: string;
  todaySerial: number;
  nowSerial: number;
  /** Offsets of the evaluated cell from the anchor (top-left of the rule's first range). */
  dRow: number;
  dCol: number;
}

function num(v: Scalar): number {
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const n = Number(v);
  if (v.trim() === '' || Number.isNaN(n)) throw new Error('#VALUE!');
  return n;
}

function text(v: Scalar): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

function truthy(v: Scalar): boolean {
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (/^true$/i.test(v)) return true;
  if (/^false$/i.test(v)) return false;
  throw new Error('#VALUE!');
}

function evalNode(n: Node, env: FormulaEnv): Scalar {
  switch (n.k) {
    case 'lit': return n.v;
    case 'neg': return -num(evalNode(n.a, env));
    case 'ref': {
      const row = n.absRow ? n.row : n.row + env.dRow;
      const col = n.absCol ? n.col : n.col + env.dCol;
      if (row < 1 || col < 1) throw new Error('#REF!');
      return toScalar(env.cell(row, col), env.timeZone);
    }
    case 'bin': {
      const a = evalNode(n.a, env);
      const b = evalNode(n.b, env);
      switch (n.op) {
        case '=': return compareScalars(a, b) === 0;
        case '<>': return compareScalars(a, b) !== 0;
        case '<': return compareScalars(a, b) < 0;
        case '>': return compareScalars(a, b) > 0;
        case '<=': return compareScalars(a, b) <= 0;
        case '>=': return compareScalars(a, b) >= 0;
        case '&': return text(a) + text(b);
        case '+': return num(a) + num(b);
        case '-': return num(a) - num(b);
        case '*': return num(a) * num(b);
        case '/': {
          const d = num(b);
          if (d === 0) throw new Error('#DIV/0!');
          return num(a) / d;
        }
        default: throw new Error(`operator ${n.op}`);
      }
    }
    case 'call': {
      const args = (): Scalar[] => n.args.map((a) => evalNode(a, env));
      switch (n.name) {
        case 'TODAY': return env.todaySerial;
        case 'NOW': return env.nowSerial;
        case 'AND': return args().every(truthy);
        case 'OR': return args().some(truthy);
        case 'NOT': return !truthy(evalNode(n.args[0], env));
        case 'IF': {
          const c = truthy(evalNode(n.args[0], env));
          if (c) return n.args[1] ? evalNode(n.args[1], env) : true;
          return n.args[2] ? evalNode(n.args[2], env) : false;
        }
        case 'ISBLANK': return evalNode(n.args[0], env) === null;
        case 'ISNUMBER': return typeof evalNode(n.args[0], env) === 'number';
        case 'LEN': return text(evalNode(n.args[0], env)).length;
        case 'TRIM': return text(evalNode(n.args[0], env)).trim().replace(/\s+/g, ' ');
        case 'LOWER': return text(evalNode(n.args[0], env)).toLowerCase();
        case 'UPPER': return text(evalNode(n.args[0], env)).toUpperCase();
        case 'INT': return Math.floor(num(evalNode(n.args[0], env)));
        case 'ABS': return Math.abs(num(evalNode(n.args[0], env)));
        case 'DATE': {
          const [y, m, d] = args().map(num);
          return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;
        }
        case 'REGEXMATCH': {
          const [s, re] = args().map(text);
          return new RegExp(re).test(s);
        }
        default: throw new Error(`unknown function ${n.name}`);
      }
    }
    default: throw new Error('bad node');
  }
}

/** Evaluates a custom formula for one cell; any error (or unsupported syntax) counts as false. */
export function formulaSatisfied(formula: string, env: FormulaEnv): boolean {
  const node = compiledFormula(formula);
  if (!node) return false;
  try {
    return truthy(evalNode(node, env));
  } catch {
    return false;
  }
}

// ---- conditional-format conditions -----------------------------------------------------------

function relativeDateSerial(rel: string, todaySerial: number, now: Date, timeZone: string): number {
  switch (rel) {
    case 'TODAY': return todaySerial;
    case 'TOMORROW': return todaySerial + 1;
    case 'YESTERDAY': return todaySerial - 1;
    case 'PAST_WEEK': return todaySerial - 7;
    case 'PAST_MONTH': {
      const d = new Date(now.getTime());
      d.setUTCMonth(d.getUTCMonth() - 1);
      return Math.floor(dateToSerial(d, timeZone));
    }
    case 'PAST_YEAR': {
      const d = new Date(now.getTime());
      d.setUTCFullYear(d.getUTCFullYear() - 1);
      return Math.floor(dateToSerial(d, timeZone));
    }
    default: return NaN;
  }
}

export interface CellEnv {
  value: unknown;
  formula: FormulaEnv;
  now: Date;
}

export function conditionMatches(rule: CFRuleData, cell: CellEnv): boolean {
  const v = cell.value;
  const tz = cell.formula.timeZone;
  const vals = rule.values;
  const str = (x: unknown): string => (isBlank(x) ? '' : typeof x === 'boolean' ? (x ? 'TRUE' : 'FALSE') : String(x)).toLowerCase();
  switch (rule.criteria) {
    case 'CELL_EMPTY': return isBlank(v);
    case 'CELL_NOT_EMPTY': return !isBlank(v);
    case 'TEXT_EQUAL_TO': return !isBlank(v) && str(v) === str(vals[0]);
    case 'TEXT_CONTAINS': return !isBlank(v) && str(v).includes(str(vals[0]));
    case 'TEXT_DOES_NOT_CONTAIN': return !str(v).includes(str(vals[0]));
    case 'TEXT_STARTS_WITH': return !isBlank(v) && str(v).startsWith(str(vals[0]));
    case 'TEXT_ENDS_WITH': return !isBlank(v) && str(v).endsWith(str(vals[0]));
    case 'NUMBER_GREATER_THAN': return typeof v === 'number' && v > Number(vals[0]);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO': return typeof v === 'number' && v >= Number(vals[0]);
    case 'NUMBER_LESS_THAN': return typeof v === 'number' && v < Number(vals[0]);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO': return typeof v === 'number' && v <= Number(vals[0]);
    case 'NUMBER_EQUAL_TO': return typeof v === 'number' && v === Number(vals[0]);
    case 'NUMBER_NOT_EQUAL_TO': return typeof v === 'number' && v !== Number(vals[0]);
    case 'NUMBER_BETWEEN': {
      const [a, b] = [Number(vals[0]), Number(vals[1])];
      return typeof v === 'number' && v >= Math.min(a, b) && v <= Math.max(a, b);
    }
    case 'NUMBER_NOT_BETWEEN': {
      const [a, b] = [Number(vals[0]), Number(vals[1])];
      return typeof v === 'number' && (v < Math.min(a, b) || v > Math.max(a, b));
    }
    case 'DATE_BEFORE':
    case 'DATE_AFTER':
    case 'DATE_EQUAL_TO':
    case 'DATE_BEFORE_RELATIVE':
    case 'DATE_AFTER_RELATIVE':
    case 'DATE_EQUAL_TO_RELATIVE': {
      if (!(v instanceof Date)) return false;
      const day = Math.floor(dateToSerial(v, tz));
      const arg = vals[0];
      const ref = arg instanceof Date
        ? Math.floor(dateToSerial(arg, tz))
        : relativeDateSerial(String(arg), cell.formula.todaySerial, cell.now, tz);
      if (Number.isNaN(ref)) return false;
      if (rule.criteria.startsWith('DATE_BEFORE')) return day < ref;
      if (rule.criteria.startsWith('DATE_AFTER')) return day > ref;
      return day === ref;
    }
    case 'CUSTOM_FORMULA': return formulaSatisfied(String(vals[0] ?? ''), cell.formula);
    default: return false;
  }
}

// ---- data validation -----------------------------------------------------------------------

/** Whether a value satisfies a validation rule (blank always does). */
export function validationAccepts(model: SpreadsheetModel, rule: ValidationData, v: unknown): boolean {
  if (isBlank(v)) return true;
  const vals = rule.values;
  switch (rule.criteria) {
    case 'VALUE_IN_LIST': {
      const list = Array.isArray(vals[0]) ? (vals[0] as unknown[]) : [];
      const s = isDate(v) ? v.toISOString() : String(v);
      return list.some((x) => String(x) === s);
    }
    case 'VALUE_IN_RANGE': {
      const ref = (vals[0] as { $range?: { sheetId: number; row: number; col: number; numRows: number; numCols: number } })?.$range;
      if (!ref) return true;
      const sheet: SheetData | null = model.sheetById(ref.sheetId);
      if (!sheet) return true;
      const s = String(v);
      for (let i = 0; i < ref.numRows; i++) {
        for (let j = 0; j < ref.numCols; j++) {
          const x = sheet.get('values', ref.row + i, ref.col + j);
          if (x !== undefined && String(x) === s) return true;
        }
      }
      return false;
    }
    case 'CHECKBOX': {
      if (vals.length === 0) return v === true || v === false;
      return vals.some((x) => x === v || String(x) === String(v));
    }
    case 'DATE_IS_VALID_DATE': return isDate(v);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO': return typeof v === 'number' && v >= Number(vals[0]);
    case 'NUMBER_GREATER_THAN': return typeof v === 'number' && v > Number(vals[0]);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO': return typeof v === 'number' && v <= Number(vals[0]);
    case 'NUMBER_LESS_THAN': return typeof v === 'number' && v < Number(vals[0]);
    case 'NUMBER_EQUAL_TO': return typeof v === 'number' && v === Number(vals[0]);
    case 'NUMBER_NOT_EQUAL_TO': return typeof v === 'number' && v !== Number(vals[0]);
    case 'NUMBER_BETWEEN': return typeof v === 'number' && v >= Number(vals[0]) && v <= Number(vals[1]);
    case 'NUMBER_NOT_BETWEEN': return typeof v === 'number' && (v < Number(vals[0]) || v > Number(vals[1]));
    case 'TEXT_IS_VALID_EMAIL': return typeof v === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v);
    case 'TEXT_IS_VALID_URL': return typeof v === 'string' && /^https?:\/\/\S+$/i.test(v);
    case 'TEXT_CONTAINS': return String(v).includes(String(vals[0]));
    case 'TEXT_DOES_NOT_CONTAIN': return !String(v).includes(String(vals[0]));
    case 'TEXT_EQUAL_TO': return String(v) === String(vals[0]);
    default: return true;
  }
}
