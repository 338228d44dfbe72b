// The pure domain rules the sidebar runs too, re-exported here because the sidebar may import
// only src/app/contracts (docs/architecture.md, "The dependency rule"; checked by npm run
// depcheck). Why the sidebar runs them at all: the same rule must give the same answer in both
// bundles — a stage move the board offers is one the server accepts, a typed amount parses the
// same, a date shows the same. Only what the sidebar uses is listed; each source stays pure
// (no Apps Script, no clock), so the browser bundle can carry it. Add a name here, not a path.

// Stages and forecasts: which columns exist, which moves the board offers.
export { ALLOWED_TRANSITIONS, CLOSED_STAGES } from '../../domain/deals/stages';
export type { StageKey } from '../../domain/deals/stages';
export type { Forecast } from '../../domain/reports/forecast';
export type { Health } from '../../domain/checkpoints/health';

// Who may do what (the sidebar hides what the server would refuse).
export { sameEmail } from '../../domain/kernel/roles';
export { mayRun } from '../../domain/kernel/access';

// Reading what people type, and showing numbers and dates the way the sheet does.
export { parseLocaleDayInput, parseMoneyInput } from '../../domain/kernel/typedInput';
export { createFormats, dayInputShape, dayInputText, localeTag } from '../../domain/kernel/formatting';
export { dateTimeInputShape, dateTimeInputText, parseLocaleDateTimeInput } from '../../domain/kernel/dateTimeInput';
export type { Formats } from '../../domain/kernel/formatting';
export { localDay } from '../../domain/kernel/timezone';
export { googleLink } from '../../domain/kernel/links';

// Quotes: the draft's totals while typing, before the server recomputes them.
export { calculateQuote } from '../../domain/documents/calculator';
export type { QuoteLineInput, QuoteTotals } from '../../domain/documents/calculator';

// The Today list, the data freshness check, dashboard figures and the client import mapping.
export { defaultNextContact, todayList } from '../../domain/deals/today';
export type { TodayItem } from '../../domain/deals/today';
export { checkDue, freshnessOf } from '../../domain/deals/freshness';
export type { CheckReason } from '../../domain/deals/freshness';
export type { Figure } from '../../domain/reports/kpi';
export type { ColumnMapping, ImportField } from '../../domain/clients/importMapping';
