// Time-zone arithmetic and Sheets number formats -> display values.

export interface WallClock {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  weekday: number; // 0 = Sunday
}

const partFormatters = new Map<string, Intl.DateTimeFormat>();
/** Per time zone: UTC offset (ms) by 15-minute bucket; offsets only change on such boundaries. */
const offsetCache = new Map<string, Map<number, number>>();
const BUCKET_MS = 15 * 60 * 1000;
const DAY_MS_ = 86400000;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = partFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partFormatters.set(timeZone, f);
  }
  return f;
}

function offsetAt(bucketStart: number, timeZone: string): number {
  let y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  for (const p of formatterFor(timeZone).formatToParts(bucketStart)) {
    switch (p.type) {
      case 'year': y = Number(p.value); break;
      case 'month': mo = Number(p.value); break;
      case 'day': d = Number(p.value); break;
      case 'hour': h = Number(p.value) % 24; break;
      case 'minute': mi = Number(p.value); break;
      case 'second': sec = Number(p.value); break;
      default: break;
    }
  }
  return Date.UTC(y, mo - 1, d, h, mi, sec) - bucketStart;
}

/** UTC offset of a time zone at an instant, in ms (wall clock minus UTC). */
export function zoneOffset(t: number, timeZone: string): number {
  let cache = offsetCache.get(timeZone);
  if (!cache) {
    cache = new Map();
    offsetCache.set(timeZone, cache);
  }
  if (cache.size > 100000) cache.clear();
  // whole UTC days with one offset are cached under a negative key; others per 15 minutes
  const day = Math.floor(t / DAY_MS_);
  const dayKey = -1 - day;
  let off = cache.get(dayKey);
  if (off === undefined) {
    const a = offsetAt(day * DAY_MS_, timeZone);
    const b = offsetAt((day + 1) * DAY_MS_ - 1000, timeZone);
    off = a === b ? a : NaN;
    cache.set(dayKey, off);
  }
  if (!Number.isNaN(off)) return off;
  const bucket = Math.floor(t / BUCKET_MS);
  let o = cache.get(bucket);
  if (o === undefined) {
    o = offsetAt(bucket * BUCKET_MS, timeZone);
    cache.set(bucket, o);
  }
  return o;
}

/** The wall-clock reading of an instant in a time zone. */
export function wallClock(date: Date, timeZone: string): WallClock {
  const t = date.getTime();
  const w = new Date(t + zoneOffset(t, timeZone));
  return {
    year: w.getUTCFullYear(), month: w.getUTCMonth() + 1, day: w.getUTCDate(), hour: w.getUTCHours(),
    minute: w.getUTCMinutes(), second: w.getUTCSeconds(), ms: w.getUTCMilliseconds(), weekday: w.getUTCDay(),
  };
}

/** The instant at which the wall clock of timeZone reads the given time. */
export function zonedDate(timeZone: string, year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  const off1 = zoneOffset(guess, timeZone);
  let t = guess - off1;
  const off2 = zoneOffset(t, timeZone);
  if (off2 !== off1) t = guess - off2;
  return new Date(t);
}

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;

/** Sheets serial number (days since 1899-12-30) of an instant, read in timeZone. */
const serialCache = new WeakMap<Date, { tz: string; t: number; serial: number }>();

export function dateToSerial(date: Date, timeZone: string): number {
  const hit = serialCache.get(date);
  const t = date.getTime();
  if (hit && hit.tz === timeZone && hit.t === t) return hit.serial;
  const serial = computeSerial(date, timeZone);
  serialCache.set(date, { tz: timeZone, t, serial });
  return serial;
}

function computeSerial(date: Date, timeZone: string): number {
  const w = wallClock(date, timeZone);
  return (Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms) - SERIAL_EPOCH) / DAY_MS;
}

function serialToWallClock(serial: number): WallClock {
  const d = new Date(SERIAL_EPOCH + Math.round(serial * DAY_MS));
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(),
    minute: d.getUTCMinutes(), second: d.getUTCSeconds(), ms: d.getUTCMilliseconds(), weekday: d.getUTCDay(),
  };
}

export const DEFAULT_NUMBER_FORMAT = '0.###############';
export const DEFAULT_DATE_FORMAT = 'M/d/yyyy';
export const DEFAULT_DATETIME_FORMAT = 'M/d/yyyy H:mm:ss';

/** The number format Sheets reports for a cell with no explicit format. */
export function implicitFormat(value: unknown, timeZone: string): string {
  if (value instanceof Date) {
    const w = wallClock(value, timeZone);
    return w.hour === 0 && w.minute === 0 && w.second === 0 ? DEFAULT_DATE_FORMAT : DEFAULT_DATETIME_FORMAT;
  }
  return DEFAULT_NUMBER_FORMAT;
}

// ---- format compilation -------------------------------------------------------------------

type Token =
  | { t: 'lit'; s: string }
  | { t: 'date'; c: 'y' | 'm' | 'd' | 'h' | 's' | 'M'; n: number }
  | { t: 'ampm' }
  | { t: 'num'; s: string }
  | { t: 'text' };

interface Section {
  tokens: Token[];
  isDate: boolean;
  hasNum: boolean;
  hasText: boolean;
  percent: boolean;
  ampm: boolean;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inQuote = false;
  let inBracket = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '\\' && !inQuote && i + 1 < fmt.length) {
      cur += ch + fmt[i + 1];
      i++;
      continue;
    }
    if (ch === '"' && !inBracket) inQuote = !inQuote;
    else if (ch === '[' && !inQuote) inBracket = true;
    else if (ch === ']' && !inQuote) inBracket = false;
    if (ch === ';' && !inQuote && !inBracket) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

function compileSection(src: string): Section {
  const tokens: Token[] = [];
  const lit = (s: string): void => {
    const last = tokens[tokens.length - 1];
    if (last && last.t === 'lit') last.s += s;
    else tokens.push({ t: 'lit', s });
  };
  let percent = false;
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === '"') {
      const end = src.indexOf('"', i + 1);
      const stop = end < 0 ? src.length : end;
      lit(src.slice(i + 1, stop));
      i = stop + 1;
      continue;
    }
    if (ch === '\\') {
      if (i + 1 < src.length) lit(src[i + 1]);
      i += 2;
      continue;
    }
    if (ch === '[') {
      const end = src.indexOf(']', i + 1);
      const stop = end < 0 ? src.length : end;
      const inner = src.slice(i + 1, stop);
      if (inner.startsWith('$')) {
        const dash = inner.indexOf('-');
        lit(dash < 0 ? inner.slice(1) : inner.slice(1, dash));
      }
      i = stop + 1;
      continue;
    }
    if (ch === '_') {
      lit(' ');
      i += 2;
      continue;
    }
    if (ch === '*') {
      i += 2;
      continue;
    }
    const low = ch.toLowerCase();
    if (low === 'a' && /^(am\/pm|a\/p)/i.test(src.slice(i))) {
      tokens.push({ t: 'ampm' });
      i += /^am\/pm/i.test(src.slice(i)) ? 5 : 3;
      continue;
    }
    if (low === 'y' || low === 'm' || low === 'd' || low === 'h' || low === 's') {
      let j = i;
      while (j < src.length && src[j].toLowerCase() === low) j++;
      tokens.push({ t: 'date', c: low as 'y', n: j - i });
      i = j;
      // fractional seconds 'ss.000'
      continue;
    }
    if (ch === '0' || ch === '#' || ch === '?' || ch === '.' || ch === ',') {
      let j = i;
      while (j < src.length && '0#?.,'.includes(src[j])) j++;
      const run = src.slice(i, j);
      const prevIsDate = tokens.length > 0 && tokens[tokens.length - 1].t === 'date';
      if (prevIsDate || !/[0#?]/.test(run)) lit(run);
      else tokens.push({ t: 'num', s: run });
      i = j;
      continue;
    }
    if (ch === '%') {
      percent = true;
      lit('%');
      i++;
      continue;
    }
    if (ch === '@') {
      tokens.push({ t: 'text' });
      i++;
      continue;
    }
    lit(ch);
    i++;
  }
  // resolve m: minutes when after an hour or before a second token
  const dateIdx = tokens.map((t, k) => (t.t === 'date' ? k : -1)).filter((k) => k >= 0);
  for (let k = 0; k < dateIdx.length; k++) {
    const tok = tokens[dateIdx[k]] as Extract<Token, { t: 'date' }>;
    if (tok.c !== 'm' || tok.n > 2) continue;
    const prev = k > 0 ? (tokens[dateIdx[k - 1]] as Extract<Token, { t: 'date' }>) : null;
    const next = k + 1 < dateIdx.length ? (tokens[dateIdx[k + 1]] as Extract<Token, { t: 'date' }>) : null;
    if ((prev && prev.c === 'h') || (next && next.c === 's')) tok.c = 'M';
  }
  return {
    tokens,
    isDate: tokens.some((t) => t.t === 'date'),
    hasNum: tokens.some((t) => t.t === 'num'),
    hasText: tokens.some((t) => t.t === 'text'),
    percent,
    ampm: tokens.some((t) => t.t === 'ampm'),
  };
}

interface Compiled {
  general: boolean;
  sections: Section[];
}

const compiledCache = new Map<string, Compiled>();

function compile(fmt: string): Compiled {
  let c = compiledCache.get(fmt);
  if (!c) {
    const general = fmt === '' || /^general$/i.test(fmt.trim());
    c = { general, sections: general ? [] : splitSections(fmt).map(compileSection) };
    compiledCache.set(fmt, c);
  }
  return c;
}

/** Whether a number format shows dates (used by the typing parser and getNumberFormat). */
export function isDateFormat(fmt: string): boolean {
  const c = compile(fmt);
  return !c.general && c.sections.length > 0 && c.sections[0].isDate;
}

function pad(n: number, width: number): string {
  const s = String(n);
  return s.length >= width ? s : '0'.repeat(width - s.length) + s;
}

function renderDate(sec: Section, w: WallClock): string {
  let out = '';
  for (const tok of sec.tokens) {
    if (tok.t === 'lit') out += tok.s;
    else if (tok.t === 'ampm') out += w.hour < 12 ? 'AM' : 'PM';
    else if (tok.t === 'num') out += tok.s;
    else if (tok.t === 'text') continue;
    else {
      switch (tok.c) {
        case 'y': out += tok.n <= 2 ? pad(w.year % 100, 2) : String(w.year); break;
        case 'm':
          if (tok.n === 1) out += String(w.month);
          else if (tok.n === 2) out += pad(w.month, 2);
          else if (tok.n === 3) out += MONTHS[w.month - 1].slice(0, 3);
          else if (tok.n === 5) out += MONTHS[w.month - 1][0];
          else out += MONTHS[w.month - 1];
          break;
        case 'd':
          if (tok.n === 1) out += String(w.day);
          else if (tok.n === 2) out += pad(w.day, 2);
          else if (tok.n === 3) out += DAYS[w.weekday].slice(0, 3);
          else out += DAYS[w.weekday];
          break;
        case 'h': {
          const h = sec.ampm ? ((w.hour + 11) % 12) + 1 : w.hour;
          out += tok.n >= 2 ? pad(h, 2) : String(h);
          break;
        }
        case 'M': out += tok.n >= 2 ? pad(w.minute, 2) : String(w.minute); break;
        case 's': out += tok.n >= 2 ? pad(w.second, 2) : String(w.second); break;
        default: break;
      }
    }
  }
  return out;
}

function roundFixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) return String(x);
  const s = String(x);
  if (s.includes('e')) return x.toFixed(digits);
  const r = Number(`${Math.round(Number(`${s}e${digits}`))}e-${digits}`);
  return r.toFixed(digits);
}

function renderNumberRun(run: string, abs: number): string {
  const dot = run.indexOf('.');
  const intPat = dot < 0 ? run : run.slice(0, dot);
  const fracPat = dot < 0 ? '' : run.slice(dot + 1);
  const grouping = intPat.includes(',');
  const minInt = (intPat.match(/0/g) ?? []).length;
  const fracMax = (fracPat.match(/[0#?]/g) ?? []).length;
  const fracMin = (fracPat.match(/0/g) ?? []).length;
  const fixed = roundFixed(abs, fracMax);
  let [intDigits, frac = ''] = fixed.split('.');
  while (frac.length > fracMin && frac.endsWith('0')) frac = frac.slice(0, -1);
  if (intDigits === '0' && minInt === 0) intDigits = '';
  if (intDigits.length < minInt) intDigits = '0'.repeat(minInt - intDigits.length) + intDigits;
  if (grouping) intDigits = intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac.length > 0 ? `${intDigits}.${frac}` : intDigits;
}

function renderNumber(sec: Section, n: number, withSign: boolean, text: string): string {
  let abs = Math.abs(n);
  if (sec.percent) abs *= 100;
  let out = '';
  let numDone = false;
  let body = '';
  for (const tok of sec.tokens) {
    if (tok.t === 'lit') out += tok.s;
    else if (tok.t === 'text') out += text;
    else if (tok.t === 'num') {
      if (numDone) continue;
      body = renderNumberRun(tok.s, abs);
      out += body;
      numDone = true;
    }
  }
  if (withSign && n < 0 && /[1-9]/.test(body)) out = `-${out}`;
  return out;
}

export function generalNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  return String(Number(n.toPrecision(10)));
}

/** The text a cell shows for a value under a number format, in the spreadsheet time zone. */
export function displayValue(value: unknown, format: string | undefined, timeZone: string): string {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') {
    if (format && format.includes('@')) {
      const c = compile(format);
      const sec = c.sections[3] ?? c.sections.find((s) => s.hasText);
      if (sec && !sec.hasNum && !sec.isDate) return renderNumber(sec, 0, false, value);
    }
    return value;
  }
  if (typeof value === 'number' && (format === undefined || format === '' || format === DEFAULT_NUMBER_FORMAT)) return generalNumber(value);
  const fmt = format === undefined || format === '' ? implicitFormat(value, timeZone) : format;
  const c = compile(fmt);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    if (c.general) return displayValue(value, implicitFormat(value, timeZone), timeZone);
    const sec = c.sections[0];
    if (sec.isDate) return renderDate(sec, wallClock(value, timeZone));
    if (sec.hasNum) return displayValue(dateToSerial(value, timeZone), fmt, timeZone);
    return displayValue(value, implicitFormat(value, timeZone), timeZone);
  }
  if (typeof value === 'number') {
    if (c.general) return generalNumber(value);
    let sec = c.sections[0];
    let withSign = true;
    if (value < 0 && c.sections[1] && (c.sections[1].hasNum || c.sections[1].tokens.length > 0)) {
      sec = c.sections[1];
      withSign = false;
    } else if (value === 0 && c.sections[2] && !c.sections[2].hasText) {
      sec = c.sections[2];
    }
    if (sec.isDate) return renderDate(sec, serialToWallClock(value));
    if (!sec.hasNum) {
      if (sec.hasText || sec.tokens.length === 0) return generalNumber(value);
      return renderNumber(sec, value, false, '');
    }
    return renderNumber(sec, value, withSign, '');
  }
  return String(value);
}
