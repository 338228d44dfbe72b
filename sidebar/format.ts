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

const timeFmt = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dayFmt = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const shortDayFmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

function localDay(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** "Today 14:30", "Tomorrow 09:00", "Thu, 14 Mar 10:00". */
export function when(iso: string | null | undefined, today?: string): string {
  const d = valid(iso);
  if (!d) return '';
  const day = localDay(d);
  const t = timeFmt.format(d);
  const base = today || localDay(new Date());
  if (day === base) return `Today ${t}`;
  const next = new Date(`${base}T12:00:00`);
  next.setDate(next.getDate() + 1);
  if (day === localDay(next)) return `Tomorrow ${t}`;
  const prev = new Date(`${base}T12:00:00`);
  prev.setDate(prev.getDate() - 1);
  if (day === localDay(prev)) return `Yesterday ${t}`;
  const days = Math.round((new Date(`${day}T12:00:00`).getTime() - new Date(`${base}T12:00:00`).getTime()) / 86400000);
  return `${Math.abs(days) < 7 ? dayFmt.format(d) : shortDayFmt.format(d)}, ${t}`;
}

export function day(iso: string | null | undefined): string {
  const d = valid(iso && iso.length === 10 ? `${iso}T12:00:00` : iso);
  return d ? dayFmt.format(d) : '';
}

/** ISO instant -> value of <input type="datetime-local"> in the browser's time. */
export function toLocalInput(iso: string | null | undefined): string {
  const d = valid(iso);
  return d ? `${localDay(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}` : '';
}

/** <input type="datetime-local"> value -> ISO instant, or null when empty. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return isNaN(d.getTime()) ? null : d.toISOString();
}

export function daysFrom(iso: string, today: string): number {
  const a = new Date(`${today}T12:00:00`).getTime();
  const d = valid(iso);
  if (!d) return Infinity;
  return Math.floor((new Date(`${localDay(d)}T12:00:00`).getTime() - a) / 86400000);
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
