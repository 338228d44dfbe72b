// Issue 21, item 8: one way to write dates and money, everywhere a person reads them (sidebar,
// documents, e-mails): the spreadsheet's locale (Spreadsheet.getSpreadsheetLocale, "en_US",
// "de_DE", "fil" as Sheets names them) and the spreadsheet's time zone, through the standard
// Intl API (present in Apps Script's V8 and in every browser). Pure: no clock, no globals.
// Machine files (CSV/XLSX exports, ISO values in cells) keep ISO days: a spreadsheet reads them
// as dates in any locale.

/** The locale used when the spreadsheet's is missing or not a locale Intl knows. */
export const FALLBACK_LOCALE = 'en-US';

/** A BCP 47 tag Intl accepts, from a Sheets locale ("en_US" → "en-US", "de" → "de"). */
export function localeTag(sheetLocale: string | null | undefined): string {
  const text = String(sheetLocale == null ? '' : sheetLocale).trim().replace(/_/g, '-');
  if (text === '') return FALLBACK_LOCALE;
  try {
    const canonical = Intl.getCanonicalLocales(text)[0];
    if (!canonical) return FALLBACK_LOCALE;
    // A well-formed tag Intl has no data for falls back silently; say so by using ours.
    const supported = Intl.NumberFormat.supportedLocalesOf([canonical]);
    return supported.length > 0 ? canonical : FALLBACK_LOCALE;
  } catch (_malformed) {
    return FALLBACK_LOCALE;
  }
}

/**
 * How a day is typed in a locale (issue 22 leftover: the card's date fields): the order of day,
 * month and year and the separator the locale writes between them ("12/7/2026" → m d y and "/";
 * "07.12.2026" → d m y and "."; "2026-12-07" → y m d and "-"), and the hint a field shows.
 */
export interface DayInputShape {
  order: ('d' | 'm' | 'y')[];
  separator: string;
  /** "MM/DD/YYYY", "DD.MM.YYYY", "YYYY-MM-DD". */
  hint: string;
}

export function dayInputShape(sheetLocale: string | null | undefined): DayInputShape {
  const parts = new Intl.DateTimeFormat(localeTag(sheetLocale), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' })
    .formatToParts(new Date(Date.UTC(2026, 11, 7, 12)));
  const order: ('d' | 'm' | 'y')[] = [];
  let separator = '';
  for (const p of parts) {
    if (p.type === 'day') order.push('d');
    else if (p.type === 'month') order.push('m');
    else if (p.type === 'year') order.push('y');
    else if (p.type === 'literal' && separator === '' && order.length === 1) separator = p.value.trim() || p.value;
  }
  if (order.length !== 3) return { order: ['y', 'm', 'd'], separator: '-', hint: 'YYYY-MM-DD' };
  const word = { d: 'DD', m: 'MM', y: 'YYYY' };
  return { order, separator, hint: order.map((k) => word[k]).join(separator) };
}

/** A calendar day 'yyyy-MM-dd' as a date field shows it in the locale: "12/07/2026", "07.12.2026" ('' for anything else). */
export function dayInputText(day: string | null | undefined, sheetLocale: string | null | undefined): string {
  const m = DAY_ONLY.exec(String(day || '').trim());
  if (!m) return '';
  const shape = dayInputShape(sheetLocale);
  const value = { y: m[1], m: m[2], d: m[3] };
  return shape.order.map((k) => value[k]).join(shape.separator);
}

export interface Formats {
  /** The BCP 47 tag in use. */
  locale: string;
  timeZone: string;
  /** The decimal separator of the locale: how a lone "1,5" or "1.5" typed in is read. */
  decimalSeparator: '.' | ',';
  /** An amount in major units, whole: "€1,600" / "1.600 €"; compact: "€158K". */
  money(amount: number, options?: { compact?: boolean; cents?: boolean }): string;
  /** Minor units (cents) with the currency's decimals: "€1,600.00" / "1.600,00 €". */
  moneyMinor(minorUnits: number): string;
  /** A day: "Dec 7, 2026" / "07.12.2026" (medium). From 'yyyy-MM-dd' (taken as that day) or an instant (its day in the zone). */
  day(value: string | Date): string;
  /** A day written out, for documents: "December 7, 2026" / "7. Dezember 2026". */
  longDay(value: string | Date): string;
  /** A day with its weekday, short: "Mon, Dec 7" / "Mo., 7. Dez.". */
  weekdayDay(value: string | Date): string;
  /** The clock time in the zone: "9:00 AM" / "09:00". */
  time(value: Date): string;
  /** Day and time in the zone: "Dec 7, 2026, 9:00 AM" / "07.12.2026, 09:00". */
  dateTime(value: Date): string;
  /**
   * When something happened, for a sentence: "at 9:00 AM" the same day in the zone as `now`,
   * else "on Dec 7, 2026 at 9:00 AM" / "on 07.12.2026 at 09:00" (the words are the UI's).
   */
  happened(value: Date, now: Date): string;
}

const DAY_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A Date from any realm (the emulator's cells are host-realm Dates; instanceof would miss them). */
function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

function safeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone }).format(0);
    return timeZone;
  } catch (_unknownZone) {
    return 'UTC';
  }
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions, fallback: Intl.NumberFormatOptions): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(locale, options);
  } catch (_unknownCurrency) {
    return new Intl.NumberFormat(locale, fallback);
  }
}

/** Every format for one spreadsheet; build once per request (or once per board in the sidebar). */
export function createFormats(input: { locale?: string | null; timeZone?: string | null; currency?: string | null }): Formats {
  const locale = localeTag(input.locale);
  const timeZone = safeZone(String(input.timeZone || 'UTC'));
  const currency = String(input.currency || '').trim().toUpperCase() || 'EUR';
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).filter((p) => p.type === 'decimal')[0];
  const whole = numberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 0 }, { maximumFractionDigits: 0 });
  const exact = numberFormat(locale, { style: 'currency', currency }, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const compact = numberFormat(locale, { style: 'currency', currency, notation: 'compact', maximumSignificantDigits: 3 }, { notation: 'compact', maximumSignificantDigits: 3 });
  const unknownCurrency = exact.resolvedOptions().style !== 'currency';
  const withCode = (text: string) => (unknownCurrency ? `${text} ${currency}` : text);

  // Days given as 'yyyy-MM-dd' are calendar days: formatted at noon UTC in UTC, so no zone moves them.
  const dayOptions: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
  const longOptions: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
  const weekdayOptions: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };
  const inZone = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { ...o, timeZone });
  const inUtc = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { ...o, timeZone: 'UTC' });
  const dayFormats = { zone: inZone(dayOptions), utc: inUtc(dayOptions) };
  const longFormats = { zone: inZone(longOptions), utc: inUtc(longOptions) };
  const weekdayFormats = { zone: inZone(weekdayOptions), utc: inUtc(weekdayOptions) };
  const timeFormat = inZone({ hour: 'numeric', minute: '2-digit' });
  const dateTimeFormat = inZone({ ...dayOptions, hour: 'numeric', minute: '2-digit' });

  const dayWith = (formats: { zone: Intl.DateTimeFormat; utc: Intl.DateTimeFormat }) => (value: string | Date): string => {
    if (isDate(value)) return isNaN(value.getTime()) ? '' : formats.zone.format(value);
    const text = String(value == null ? '' : value).trim();
    const match = DAY_ONLY.exec(text);
    if (match) return formats.utc.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12)));
    const instant = new Date(text);
    return text === '' || isNaN(instant.getTime()) ? text : formats.zone.format(instant);
  };
  const finite = (n: number) => (typeof n === 'number' && isFinite(n) ? n : 0);

  return {
    locale,
    timeZone,
    decimalSeparator: decimal && decimal.value === ',' ? ',' : '.',
    money: (amount, options = {}) => withCode((options.compact ? compact : options.cents ? exact : whole).format(finite(amount))),
    moneyMinor: (minorUnits) => withCode(exact.format(finite(minorUnits) / 100)),
    day: dayWith(dayFormats),
    longDay: dayWith(longFormats),
    weekdayDay: dayWith(weekdayFormats),
    time: (value) => (isNaN(value.getTime()) ? '' : timeFormat.format(value)),
    dateTime: (value) => (isNaN(value.getTime()) ? '' : dateTimeFormat.format(value)),
    happened: (value, now) => {
      if (isNaN(value.getTime())) return '';
      const at = `at ${timeFormat.format(value)}`;
      return dayFormats.zone.format(value) === dayFormats.zone.format(now) ? at : `on ${dayFormats.zone.format(value)} ${at}`;
    },
  };
}

const cached: Record<string, Formats> = {};

/** createFormats, kept per locale/zone/currency for the life of the execution (Intl formats are costly to build). */
export function formatsFor(input: { locale?: string | null; timeZone?: string | null; currency?: string | null }): Formats {
  const key = `${input.locale || ''}|${input.timeZone || ''}|${input.currency || ''}`;
  return (cached[key] = cached[key] || createFormats(input));
}
