// Issue 21: a number typed as text into a sheet cell ("1.500" in a Price list) is read with the
// spreadsheet locale's separators, never guessed: "1.500" is 1500 in de_DE and 1.5 in en_US.
// A text that the locale cannot read one way only is refused with a reason, so the codec lists
// it as a problem instead of storing a wrong number. Pure: the decimal separator is passed in.

export type NumberText = { ok: true; value: number } | { ok: false; why: string };

// Whitespace (incl. no-break and narrow no-break spaces) and apostrophes group thousands in
// fr_FR, de_CH and others; they never carry a decimal meaning.
const GROUPING_MARKS = /[\s\u00a0\u202f'’]/g;
// A currency sign or ISO code before or after the amount ("€1,600", "1.600 €", "EUR 1.600").
const CURRENCY_SIGN = '[€$£¥₹₽₺₩¢]';
const CURRENCY_BEFORE = new RegExp(`^(?:${CURRENCY_SIGN}|[A-Z]{3}(?![A-Za-z]))`);
const CURRENCY_AFTER = new RegExp(`([\\d.,\\s\u00a0\u202f])(?:${CURRENCY_SIGN}|[A-Z]{3})$`);
// A machine-written number with an exponent ("1.5e3"): JavaScript's own form, read as such.
const EXPONENT = /^\d+(?:\.\d+)?[eE][-+]?\d+$/;
const THOUSANDS_GROUPS = (groups: readonly string[]) => groups.every((g, i) => (i === 0 ? /^\d{1,3}$/.test(g) : /^\d{3}$/.test(g)));

const UNREADABLE = 'not a number';

function ambiguous(text: string, decimalSeparator: '.' | ','): string {
  const other = decimalSeparator === ',' ? '.' : ',';
  return `ambiguous number "${text}": in this spreadsheet's locale "${decimalSeparator}" marks decimals and "${other}" groups thousands (write it as the locale does)`;
}

/**
 * The number a cell's text means in a locale whose decimal separator is `decimalSeparator`.
 * - Both "." and "," present: the last one is the decimal mark and the others must group by
 *   three ("1.234,50", "1,234.50"): one reading only, whatever the locale.
 * - One kind of separator: the locale's decimal mark once is decimal ("1,5" in de_DE); the
 *   other mark groups thousands and must group by three ("1.500" in de_DE is 1500); anything
 *   else ("1.5" in de_DE, "1,5" in en_US) has two readings and is refused as ambiguous.
 */
export function readNumberText(input: string, decimalSeparator: '.' | ','): NumberText {
  const original = String(input).trim();
  let sign = 1;
  let text = original;
  const takeSign = () => {
    if (sign === 1 && /^[-−]/.test(text)) { sign = -1; text = text.slice(1).trim(); }
    else if (text.charAt(0) === '+') text = text.slice(1).trim();
  };
  takeSign();
  text = text.replace(CURRENCY_BEFORE, '').replace(CURRENCY_AFTER, '$1').trim();
  takeSign();
  text = text.replace(GROUPING_MARKS, '');
  if (EXPONENT.test(text)) return finite(sign * Number(text));
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return { ok: false, why: UNREADABLE };
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  let whole = text;
  let fraction = '';
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const at = text.lastIndexOf(decimal);
    const groups = text.slice(0, at).split(decimal === '.' ? ',' : '.');
    fraction = text.slice(at + 1);
    if (text.slice(0, at).indexOf(decimal) >= 0 || !THOUSANDS_GROUPS(groups)) return { ok: false, why: UNREADABLE };
    whole = groups.join('');
  } else if (lastDot >= 0 || lastComma >= 0) {
    const separator = lastDot >= 0 ? '.' : ',';
    const parts = text.split(separator);
    if (separator === decimalSeparator && parts.length === 2) {
      whole = parts[0];
      fraction = parts[1];
    } else if (THOUSANDS_GROUPS(parts)) {
      whole = parts.join('');
    } else {
      return { ok: false, why: parts.length === 2 ? ambiguous(original, decimalSeparator) : UNREADABLE };
    }
  }
  if (whole === '' && fraction === '') return { ok: false, why: UNREADABLE };
  return finite(sign * Number(`${whole || '0'}.${fraction || '0'}`));
}

function finite(value: number): NumberText {
  return isFinite(value) ? { ok: true, value: value === 0 ? 0 : value } : { ok: false, why: UNREADABLE };
}
