// Money and time as people read them: the payload's currency, the browser's locale.
const moneyFormats: Record<string, Intl.NumberFormat> = {};

function moneyFormat(currency: string, compact: boolean): Intl.NumberFormat {
  const key = `${currency}|${compact}`;
  if (!moneyFormats[key]) {
    const options: Intl.NumberFormatOptions = compact
      ? { style: 'currency', currency: currency || 'USD', notation: 'compact', maximumSignificantDigits: 3 }
      : { style: 'currency', currency: currency || 'USD', maximumFractionDigits: 0 };
    try {
      moneyFormats[key] = new Intl.NumberFormat(undefined, options);
    } catch (_) {
      moneyFormats[key] = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
    }
  }
  return moneyFormats[key];
}

export function money(amount: number, currency: string, compact = false): string {
  return moneyFormat(currency, compact).format(Number(amount) || 0);
}

function valid(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return isNaN(d.getTime()) ? null : d;
}

// Times are shown in the spreadsheet's zone (the workbook's truth), not the browser's (issue 11
// item 5); setDisplayZone is called when the board arrives.
let zone: string | undefined;
let timeFmt = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
let dayFmt = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
let shortDayFmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
let dayParts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });

export function setDisplayZone(timeZone: string | undefined): void {
  if (!timeZone || timeZone === zone) return;
  try {
    const tz = { timeZone };
    timeFmt = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', ...tz });
    dayFmt = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', ...tz });
    shortDayFmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', ...tz });
    dayParts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', ...tz });
    zone = timeZone;
  } catch (_) {
    // An unknown zone name: keep the browser's rather than failing to draw.
  }
}

function localDay(d: Date): string {
  const parts: Record<string, string> = {};
  for (const p of dayParts.formatToParts(d)) parts[p.type] = p.value;
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** A 'yyyy-MM-dd' day moved by n days (calendar arithmetic, no zone involved). */
function shiftDay(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86400000;
}

/** "Today 14:30", "Tomorrow 09:00", "Thu, 14 Mar 10:00": in the spreadsheet's zone. */
export function when(iso: string | null | undefined, today?: string): string {
  const d = valid(iso);
  if (!d) return '';
  const day = localDay(d);
  const t = timeFmt.format(d);
  const base = today || localDay(new Date());
  if (day === base) return `Today ${t}`;
  if (day === shiftDay(base, 1)) return `Tomorrow ${t}`;
  if (day === shiftDay(base, -1)) return `Yesterday ${t}`;
  const days = dayNumber(day) - dayNumber(base);
  return `${Math.abs(days) < 7 ? dayFmt.format(d) : shortDayFmt.format(d)}, ${t}`;
}

const dateOnlyFmt = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });

/** A day ('yyyy-MM-dd', already the sheet's day) or an instant, as "Thu, 14 Mar". */
export function day(iso: string | null | undefined): string {
  if (iso && iso.length === 10) { const d = valid(`${iso}T12:00:00Z`); return d ? dateOnlyFmt.format(d) : ''; }
  const d = valid(iso);
  return d ? dayFmt.format(d) : '';
}

export function daysFrom(iso: string, today: string): number {
  const d = valid(iso);
  if (!d) return Infinity;
  return dayNumber(localDay(d)) - dayNumber(today);
}

const exactFormats: Record<string, Intl.NumberFormat> = {};

/** Minor units (cents) with the currency's own decimals: quote lines and totals. */
export function moneyMinor(minorUnits: number, currency: string): string {
  const key = currency || 'USD';
  if (!exactFormats[key]) {
    try {
      exactFormats[key] = new Intl.NumberFormat(undefined, { style: 'currency', currency: key });
    } catch (_) {
      exactFormats[key] = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
  }
  return exactFormats[key].format((Number(minorUnits) || 0) / 100);
}

/** A checkpoint's time left: "3 days left", "due today", "2 days late". */
export function dueLabel(daysLeft: number | null): string {
  if (daysLeft === null || !isFinite(daysLeft)) return '';
  if (daysLeft === 0) return 'due today';
  const n = Math.abs(daysLeft);
  return `${n} day${n === 1 ? '' : 's'} ${daysLeft > 0 ? 'left' : 'late'}`;
}
