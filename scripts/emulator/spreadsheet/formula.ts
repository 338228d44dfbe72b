// Values of formula cells as Sheets computes them, for the formulas the emulator evaluates:
// arithmetic (+ - * / ^, unary minus, %), comparison, & , cell and range references (also on
// other sheets), and SUM, AVERAGE, MIN, MAX, COUNT, COUNTA, ROUND, ABS, INT, IF, AND, OR, NOT,
// CONCATENATE, HYPERLINK (its label), LEN, UPPER, LOWER, TRIM, TODAY, NOW, ISBLANK, ISNUMBER.
// Anything else reads back as Sheets shows it: '#NAME?' for an unknown function or name,
// '#ERROR!' for a formula that does not parse, '#REF!' for a missing sheet or a circular
// reference, '#DIV/0!', '#VALUE!'. Never a silent ''.
import { lettersToColumn } from './a1';
import { dateToSerial } from './format';
import { SheetData, SpreadsheetModel, isDate } from './model';

export class FormulaError {
  constructor(readonly code: '#NAME?' | '#ERROR!' | '#REF!' | '#DIV/0!' | '#VALUE!' | '#N/A' | '#NUM!') {}
}

type Val = number | string | boolean | null | FormulaError; // null = blank
interface RangeVal { range: Val[][] }
type Any = Val | RangeVal;

type Node =
  | { k: 'lit'; v: Val }
  | { k: 'ref'; sheet: string | null; row: number; col: number; row2: number; col2: number; isRange: boolean }
  | { k: 'name'; name: string }
  | { k: 'un'; op: string; a: Node }
  | { k: 'pct'; a: Node }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'call'; name: string; args: Node[] };

class ParseError extends Error {}

const REF = /^(?:('(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?/;

function parse(src: string): Node {
  let i = 0;
  const ws = () => { while (i < src.length && /\s/.test(src[i])) i++; };
  const peek = (s: string) => { ws(); return src.startsWith(s, i); };
  const eat = (s: string) => { if (peek(s)) { i += s.length; return true; } return false; };

  const primary = (): Node => {
    ws();
    const c = src[i];
    if (c === undefined) throw new ParseError('end');
    if (c === '(') { i++; const e = expr(); if (!eat(')')) throw new ParseError(')'); return e; }
    if (c === '"') {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new ParseError('string');
        if (src[i] === '"') { if (src[i + 1] === '"') { s += '"'; i += 2; continue; } i++; break; }
        s += src[i++];
      }
      return { k: 'lit', v: s };
    }
    const num = /^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(src.slice(i));
    if (num) { i += num[0].length; return { k: 'lit', v: Number(num[0]) }; }
    const ref = REF.exec(src.slice(i));
    if (ref && !/^[\w(]/.test(src.slice(i + ref[0].length))) {
      i += ref[0].length;
      const sheet = ref[1] ? (ref[1].startsWith("'") ? ref[1].slice(1, -1).replace(/''/g, "'") : ref[1]) : null;
      const row = Number(ref[3]);
      const col = lettersToColumn(ref[2]);
      const row2 = ref[5] ? Number(ref[5]) : row;
      const col2 = ref[4] ? lettersToColumn(ref[4]) : col;
      return { k: 'ref', sheet, row: Math.min(row, row2), col: Math.min(col, col2), row2: Math.max(row, row2), col2: Math.max(col, col2), isRange: !!ref[4] };
    }
    const name = /^[A-Za-z_][\w.]*/.exec(src.slice(i));
    if (name) {
      i += name[0].length;
      const upper = name[0].toUpperCase();
      if (eat('(')) {
        const args: Node[] = [];
        if (!eat(')')) {
          do { args.push(peek(',') || peek(')') ? { k: 'lit', v: null } : expr()); } while (eat(','));
          if (!eat(')')) throw new ParseError(')');
        }
        return { k: 'call', name: upper, args };
      }
      if (upper === 'TRUE') return { k: 'lit', v: true };
      if (upper === 'FALSE') return { k: 'lit', v: false };
      return { k: 'name', name: name[0] };
    }
    throw new ParseError(`unexpected ${c}`);
  };
  const postfix = (): Node => { let n = primary(); while (eat('%')) n = { k: 'pct', a: n }; return n; };
  const unary = (): Node => {
    if (eat('-')) return { k: 'un', op: '-', a: unary() };
    if (eat('+')) return unary();
    return postfix();
  };
  const power = (): Node => { let n = unary(); while (eat('^')) n = { k: 'bin', op: '^', a: n, b: unary() }; return n; };
  const mul = (): Node => {
    let n = power();
    for (;;) { if (eat('*')) n = { k: 'bin', op: '*', a: n, b: power() }; else if (eat('/')) n = { k: 'bin', op: '/', a: n, b: power() }; else return n; }
  };
  const add = (): Node => {
    let n = mul();
    for (;;) { if (eat('+')) n = { k: 'bin', op: '+', a: n, b: mul() }; else if (eat('-')) n = { k: 'bin', op: '-', a: n, b: mul() }; else return n; }
  };
  const concat = (): Node => { let n = add(); while (eat('&')) n = { k: 'bin', op: '&', a: n, b: add() }; return n; };
  const compare = (): Node => {
    let n = concat();
    for (;;) {
      const op = ['<=', '>=', '<>', '=', '<', '>'].find((o) => peek(o));
      if (!op) return n;
      i += op.length;
      n = { k: 'bin', op, a: n, b: concat() };
    }
  };
  const expr = compare;
  const n = expr();
  ws();
  if (i < src.length) throw new ParseError(`trailing ${src.slice(i)}`);
  return n;
}

const compiled = new Map<string, Node | ParseError>();
function compile(formula: string): Node | ParseError {
  let n = compiled.get(formula);
  if (!n) {
    try { n = parse(formula.slice(1)); } catch (e) { n = e instanceof ParseError ? e : new ParseError(String(e)); }
    if (compiled.size > 5000) compiled.clear();
    compiled.set(formula, n);
  }
  return n;
}

export interface FormulaContext {
  model: SpreadsheetModel;
  now: () => Date;
}

/** Evaluates formula cells on demand; one instance per read, so a circular reference is caught. */
export class FormulaEvaluator {
  private active = new Set<string>();
  constructor(private fc: FormulaContext) {}

  /** The value a read of (row, col) returns: the stored value, or the formula's result. */
  cellValue(sheet: SheetData, row: number, col: number): unknown {
    const f = sheet.get('formulas', row, col) as string | undefined;
    if (f === undefined) return sheet.get('values', row, col);
    const out = this.evaluate(sheet, row, col, f);
    return out instanceof FormulaError ? out.code : out === null ? undefined : out;
  }

  private evaluate(sheet: SheetData, row: number, col: number, formula: string): Val {
    const key = `${sheet.id}:${row}:${col}`;
    if (this.active.has(key)) return new FormulaError('#REF!');
    const n = compile(formula);
    if (n instanceof ParseError) return new FormulaError('#ERROR!');
    this.active.add(key);
    try {
      const v = this.scalar(this.node(n, sheet));
      return v === null ? 0 : v; // a formula that yields a blank reads back as 0, as in Sheets
    } finally {
      this.active.delete(key);
    }
  }

  private tz(): string { return this.fc.model.timeZone; }

  private toVal(v: unknown): Val {
    if (v === undefined || v === null || v === '') return null;
    if (isDate(v)) return dateToSerial(v, this.tz());
    if (typeof v === 'number' || typeof v === 'boolean') return v;
    const s = String(v);
    if (/^#(NAME\?|ERROR!|REF!|DIV\/0!|VALUE!|N\/A|NUM!)$/.test(s)) return new FormulaError(s as FormulaError['code']);
    return s;
  }

  private refValue(sheet: SheetData, row: number, col: number): Val {
    if (row > sheet.maxRows || col > sheet.maxCols) return new FormulaError('#REF!');
    const f = sheet.get('formulas', row, col) as string | undefined;
    if (f !== undefined) return this.evaluate(sheet, row, col, f);
    return this.toVal(sheet.get('values', row, col));
  }

  private node(n: Node, sheet: SheetData): Any {
    switch (n.k) {
      case 'lit': return n.v;
      case 'name': return new FormulaError('#NAME?');
      case 'ref': {
        const target = n.sheet === null ? sheet : this.fc.model.findSheet(n.sheet);
        if (!target) return new FormulaError('#REF!');
        if (!n.isRange) return this.refValue(target, n.row, n.col);
        const range: Val[][] = [];
        for (let r = n.row; r <= n.row2; r++) {
          const line: Val[] = [];
          for (let c = n.col; c <= n.col2; c++) line.push(this.refValue(target, r, c));
          range.push(line);
        }
        return { range };
      }
      case 'un': { const a = this.number(this.node(n.a, sheet)); return a instanceof FormulaError ? a : -a; }
      case 'pct': { const a = this.number(this.node(n.a, sheet)); return a instanceof FormulaError ? a : a / 100; }
      case 'bin': return this.binary(n.op, this.scalar(this.node(n.a, sheet)), this.scalar(this.node(n.b, sheet)));
      case 'call': return this.call(n.name, n.args, sheet);
    }
  }

  private scalar(v: Any): Val {
    if (v !== null && typeof v === 'object' && !(v instanceof FormulaError)) {
      const r = (v as RangeVal).range;
      return r.length === 1 && r[0].length === 1 ? r[0][0] : new FormulaError('#VALUE!');
    }
    return v as Val;
  }

  private number(v: Any): number | FormulaError {
    const s = this.scalar(v);
    if (s instanceof FormulaError) return s;
    if (s === null) return 0;
    if (typeof s === 'number') return s;
    if (typeof s === 'boolean') return s ? 1 : 0;
    const t = s.trim();
    if (t !== '' && !Number.isNaN(Number(t))) return Number(t);
    return new FormulaError('#VALUE!');
  }

  private text(v: Val): string {
    if (v === null) return '';
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    return String(v);
  }

  private truthy(v: Val): boolean | FormulaError {
    if (v instanceof FormulaError) return v;
    if (v === null) return false;
    if (typeof v === 'boolean') return v;
    if (typeof v === 'number') return v !== 0;
    if (/^true$/i.test(v)) return true;
    if (/^false$/i.test(v)) return false;
    return new FormulaError('#VALUE!');
  }

  private compare(a: Val, b: Val): number {
    const rank = (v: Val) => (typeof v === 'number' || v === null ? 0 : typeof v === 'string' ? 1 : 2);
    const x = a === null ? (typeof b === 'string' ? '' : typeof b === 'boolean' ? false : 0) : a;
    const y = b === null ? (typeof a === 'string' ? '' : typeof a === 'boolean' ? false : 0) : b;
    if (rank(x as Val) !== rank(y as Val)) return rank(x as Val) - rank(y as Val);
    if (typeof x === 'string') return x.toLowerCase().localeCompare((y as string).toLowerCase());
    return Number(x) - Number(y);
  }

  private binary(op: string, a: Val, b: Val): Val {
    if (a instanceof FormulaError) return a;
    if (b instanceof FormulaError) return b;
    switch (op) {
      case '&': return this.text(a) + this.text(b);
      case '=': return this.compare(a, b) === 0;
      case '<>': return this.compare(a, b) !== 0;
      case '<': return this.compare(a, b) < 0;
      case '>': return this.compare(a, b) > 0;
      case '<=': return this.compare(a, b) <= 0;
      case '>=': return this.compare(a, b) >= 0;
      default: {
        const x = this.number(a);
        const y = this.number(b);
        if (x instanceof FormulaError) return x;
        if (y instanceof FormulaError) return y;
        if (op === '+') return x + y;
        if (op === '-') return x - y;
        if (op === '*') return x * y;
        if (op === '^') return x ** y;
        return y === 0 ? new FormulaError('#DIV/0!') : x / y;
      }
    }
  }

  /** Numbers of the arguments: ranges contribute their numbers only; direct arguments are coerced. */
  private numbers(args: Node[], sheet: SheetData): number[] | FormulaError {
    const out: number[] = [];
    for (const a of args) {
      const v = this.node(a, sheet);
      if (v !== null && typeof v === 'object' && !(v instanceof FormulaError)) {
        for (const line of (v as RangeVal).range) for (const x of line) {
          if (x instanceof FormulaError) return x;
          if (typeof x === 'number') out.push(x);
        }
        continue;
      }
      if (v === null) continue;
      const n = this.number(v);
      if (n instanceof FormulaError) return n;
      out.push(n);
    }
    return out;
  }

  private flat(args: Node[], sheet: SheetData): Val[] {
    const out: Val[] = [];
    for (const a of args) {
      const v = this.node(a, sheet);
      if (v !== null && typeof v === 'object' && !(v instanceof FormulaError)) for (const line of (v as RangeVal).range) out.push(...line);
      else out.push(v as Val);
    }
    return out;
  }

  private call(name: string, args: Node[], sheet: SheetData): Val {
    const arg = (i: number): Val => (args[i] === undefined ? null : this.scalar(this.node(args[i], sheet)));
    const agg = (fn: (ns: number[]) => Val): Val => {
      const ns = this.numbers(args, sheet);
      return ns instanceof FormulaError ? ns : fn(ns);
    };
    const textFn = (fn: (s: string) => Val): Val => { const v = arg(0); return v instanceof FormulaError ? v : fn(this.text(v)); };
    const numFn = (fn: (x: number) => Val): Val => { const v = this.number(arg(0)); return v instanceof FormulaError ? v : fn(v); };
    switch (name) {
      case 'SUM': return agg((ns) => ns.reduce((s, x) => s + x, 0));
      case 'AVERAGE': return agg((ns) => (ns.length === 0 ? new FormulaError('#DIV/0!') : ns.reduce((s, x) => s + x, 0) / ns.length));
      case 'MIN': return agg((ns) => (ns.length === 0 ? 0 : Math.min(...ns)));
      case 'MAX': return agg((ns) => (ns.length === 0 ? 0 : Math.max(...ns)));
      case 'COUNT': return this.flat(args, sheet).filter((v) => typeof v === 'number').length;
      case 'COUNTA': return this.flat(args, sheet).filter((v) => v !== null).length;
      case 'ROUND': {
        const x = this.number(arg(0));
        const d = args.length > 1 ? this.number(arg(1)) : 0;
        if (x instanceof FormulaError) return x;
        if (d instanceof FormulaError) return d;
        const f = 10 ** Math.trunc(d);
        return Math.sign(x) * Math.round(Math.abs(x) * f) / f;
      }
      case 'ABS': return numFn(Math.abs);
      case 'INT': return numFn(Math.floor);
      case 'IF': {
        const c = this.truthy(arg(0));
        if (c instanceof FormulaError) return c;
        if (c) return arg(1);
        return args.length > 2 ? arg(2) : false;
      }
      case 'AND': case 'OR': {
        const vs = this.flat(args, sheet).filter((v) => v !== null);
        const ts: boolean[] = [];
        for (const v of vs) { const t = this.truthy(v); if (t instanceof FormulaError) return t; ts.push(t); }
        return name === 'AND' ? ts.every(Boolean) : ts.some(Boolean);
      }
      case 'NOT': { const t = this.truthy(arg(0)); return t instanceof FormulaError ? t : !t; }
      case 'CONCATENATE': {
        const vs = this.flat(args, sheet);
        const err = vs.find((v) => v instanceof FormulaError);
        return err ?? vs.map((v) => this.text(v)).join('');
      }
      case 'HYPERLINK': {
        const url = arg(0);
        const label = args.length > 1 ? arg(1) : url;
        return label instanceof FormulaError ? label : label === null ? '' : label;
      }
      case 'LEN': return textFn((s) => s.length);
      case 'UPPER': return textFn((s) => s.toUpperCase());
      case 'LOWER': return textFn((s) => s.toLowerCase());
      case 'TRIM': return textFn((s) => s.trim().replace(/ +/g, ' '));
      case 'ISBLANK': return arg(0) === null;
      case 'ISNUMBER': return typeof arg(0) === 'number';
      case 'TODAY': return Math.floor(dateToSerial(this.fc.now(), this.tz()));
      case 'NOW': return dateToSerial(this.fc.now(), this.tz());
      default: return new FormulaError('#NAME?');
    }
  }
}

/** Replaces, in a block read from the values layer, each formula cell by its computed value. */
export function overlayFormulaValues(fc: FormulaContext, sheet: SheetData, row: number, col: number, grid: unknown[][],
  map: (v: unknown) => unknown): void {
  const formulas = sheet.layers.formulas;
  if (!formulas) return;
  let ev: FormulaEvaluator | null = null;
  for (let i = 0; i < grid.length; i++) {
    const line = formulas[row - 1 + i];
    if (!line) continue;
    for (let j = 0; j < grid[i].length; j++) {
      if (line[col - 1 + j] === undefined) continue;
      ev = ev ?? new FormulaEvaluator(fc);
      grid[i][j] = map(ev.cellValue(sheet, row + i, col + j));
    }
  }
}
