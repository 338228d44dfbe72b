import { parseArchiveAfterMonths } from '../backup/archivePlan';
import { DEFAULT_STAGE_COLOURS, DEFAULT_STAGE_NAMES, STAGE_KEYS, StageKey } from '../deals/stages';
import { DEFAULT_MAIL_SETTINGS, MailSettings, readMailSettings } from '../mail/mailSettings';
import { DEFAULT_CLIENT_GROUPS, parseClientGroups } from '../clients/clientGroups';
import { DEFAULT_REMINDER_DAYS, REMINDER_DAYS_KEY, ReminderDays, parseReminderDays } from '../money/reminderDays';

export interface Settings {
  currency: string;
  defaultCountry: string;
  stageNames: Record<StageKey, string>;
  stageColours: Record<StageKey, string>;
  closedVisibleDays: number;
  healthAmberDays: number;
  workingHours: string;
  workingDays: string;
  meetingMinutes: number;
  autoApplyPlan: boolean;
  taxRatePercent: number;
  taxIncluded: boolean;
  companyName: string;
  /** Seller details printed on documents (each line only when filled in). */
  company: { address: string; taxId: string; bank: string; email: string; phone: string };
  shareMode: 'link' | 'client';
  paymentLink: string;
  invoiceDueDays: number;
  /** Money in (issue 22): the checkpoint a deal's full payment completes. */
  paymentCheckpoint: string;
  /** Days after the due date at which reminders go out (payment_reminder_days), or why the value is refused. */
  paymentReminderDays: ReminderDays;
  templates: Record<string, string>;
  templatesFolder: string;
  documentsFolder: string;
  /** Client base (issue 14): managers may open other managers' clients (read only). */
  clientViewOthers: boolean;
  /** Executors see prices, amounts and forecasts (issue 21, item 17); by default they see the work, not the money. */
  executorSeesMoney: boolean;
  /** Client groups (Settings client_groups), in the owner's order and spelling. */
  clientGroups: string[];
  mail: MailSettings;
  meetings: MeetingSettings;
  /** The director's dashboard (issue 23). */
  dashboard: DashboardSettings;
  /** Daily backups (issue 24): how many daily and weekly backups retention keeps. */
  backups: { keepDaily: number; keepWeekly: number };
  /** Yearly archives (issue 24): closed deals older than this many months move out; null = off. */
  archive: { afterMonths: number | null; problem: string };
}

export interface DashboardSettings {
  /** Probability of each forecast light, for the weighted forecast (0…1). */
  probabilities: { green: number; yellow: number; red: number };
  /** Seed 001: a payment counts toward the manager's plan only once the work is delivered. */
  paymentsWhenClosed: boolean;
}

export interface MeetingSettings {
  bufferMinutes: number;
  travelMinutes: number;
  windowDays: number;
  sendInvites: boolean;
  officeAddress: string;
  title: string;
}

export interface SettingDefinition {
  key: string;
  value: string;
  description: string;
}

/** The rows setup writes into an empty Settings tab; owners edit the Value column. */
export const DEFAULT_SETTINGS: readonly SettingDefinition[] = [
  { key: 'company_name', value: 'Your studio', description: 'Printed on proposals, contracts and invoices.' },
  { key: 'company_address', value: '', description: 'Your address, printed under your name on documents (left out while empty).' },
  { key: 'company_tax_id', value: '', description: 'Your VAT or tax number, printed on invoices and contracts (left out while empty).' },
  { key: 'company_bank', value: '', description: 'Bank details for payment (IBAN, BIC, bank), printed on invoices (left out while empty).' },
  { key: 'company_email', value: '', description: 'Contact e-mail printed on documents (left out while empty).' },
  { key: 'company_phone', value: '', description: 'Contact phone printed on documents (left out while empty).' },
  { key: 'currency', value: 'EUR', description: 'ISO currency code of all amounts.' },
  { key: 'default_country', value: 'DE', description: 'Two-letter country used to read phone numbers typed without +code.' },
  ...STAGE_KEYS.map((key) => ({ key: `stage_name.${key}`, value: DEFAULT_STAGE_NAMES[key], description: `Display name of the stage "${key}".` })),
  ...STAGE_KEYS.map((key) => ({ key: `stage_colour.${key}`, value: DEFAULT_STAGE_COLOURS[key], description: `Colour of the stage "${key}" on the board.` })),
  { key: 'closed_visible_days', value: '30', description: 'Failed and completed deals stay on the board this many days after closing.' },
  { key: 'health_amber_days', value: '3', description: 'A deal turns amber when an open checkpoint is due within this many days.' },
  { key: 'working_hours', value: '09:00-18:00', description: 'Working hours for meeting slots.' },
  { key: 'working_days', value: 'Mon,Tue,Wed,Thu,Fri', description: 'Working days for meeting slots.' },
  { key: 'meeting_minutes', value: '60', description: 'Default length of a client meeting.' },
  { key: 'auto_apply_plan', value: 'TRUE', description: 'Apply the checkpoint plan when a deal is transferred to work.' },
  { key: 'tax_rate_percent', value: '19', description: 'Tax rate for quotes and invoices.' },
  { key: 'tax_included', value: 'FALSE', description: 'TRUE when catalog prices already include tax.' },
  { key: 'share_mode', value: 'link', description: 'How client documents are shared: "link" (anyone with the link may view) or "client" (only the client\'s email).' },
  { key: 'payment_link', value: '', description: 'Online payment address for invoices (e.g. https://paypal.me/yourstudio/{{amount}}{{currency}}); {{amount}}, {{currency}} and {{number}} are filled in.' },
  { key: 'invoice_due_days', value: '14', description: 'Days until an invoice is due (payment terms; a client\'s "Payment terms (days)" on the Clients tab comes first).' },
  { key: REMINDER_DAYS_KEY, value: DEFAULT_REMINDER_DAYS.join(', '), description: 'Days after an invoice\'s due date at which the payment reminder (Notifications invoice.reminder) goes out, separated by commas, rising (e.g. 7, 14, 21).' },
  { key: 'payment_checkpoint', value: 'Payment received', description: 'The checkpoint a deal\'s payment in full completes (with the payment\'s date), opening the stage it gates.' },
  { key: 'template.proposal', value: '', description: 'Google Doc id of the proposal template (set by Install document templates).' },
  { key: 'template.contract', value: '', description: 'Google Doc id of the contract template.' },
  { key: 'template.invoice', value: '', description: 'Google Doc id of the invoice template.' },
  { key: 'template.brief', value: '', description: 'Google Doc id of the brief template.' },
  { key: 'template.credit', value: '', description: 'Google Doc id of the credit note template (cancels an issued invoice).' },
  { key: 'templates_folder', value: '', description: 'Drive folder of the templates.' },
  { key: 'documents_folder', value: '', description: 'Drive folder "Dealboard documents".' },
  { key: 'client_view_others', value: 'TRUE', description: 'TRUE: managers may view (not edit) other managers\' clients; FALSE: only their own.' },
  { key: 'executor_sees_money', value: 'FALSE', description: 'TRUE: executors see budgets, amounts and forecasts on their board and desk; FALSE: they see the work, not the money.' },
  { key: 'client_groups', value: DEFAULT_CLIENT_GROUPS.join(', '), description: 'Client groups, separated by commas: the Clients Group dropdown, the client card, import and export use them (run Set up workbook again after editing to refresh the dropdown).' },
  ...DEFAULT_MAIL_SETTINGS,
  // Meetings (issue 13)
  { key: 'meeting_buffer_minutes', value: '15', description: 'Free minutes kept between two meetings.' },
  { key: 'meeting_travel_minutes', value: '30', description: 'Travel time each way for a meeting at the client\'s address.' },
  { key: 'meeting_window_days', value: '14', description: 'How far ahead the meeting planner looks.' },
  { key: 'meeting_send_invites', value: 'TRUE', description: 'Calendar e-mails the invitation to the client when a meeting is booked.' },
  { key: 'office_address', value: '', description: 'Location of meetings at the office.' },
  { key: 'meeting_title', value: 'Meeting: {client} — {deal}', description: 'Title of booked Calendar events; {client}, {deal}, {phone}, {address} are filled in.' },
  { key: 'forecast_probability.green', value: '0.8', description: 'Dashboard: the chance a green deal happens (0 to 1), for the weighted forecast.' },
  { key: 'forecast_probability.yellow', value: '0.5', description: 'Dashboard: the chance a yellow deal (or one without a light) happens.' },
  { key: 'forecast_probability.red', value: '0.2', description: 'Dashboard: the chance a red deal happens.' },
  { key: 'count_payments_when_closed', value: 'TRUE', description: 'Dashboard: TRUE — a deal\'s payments count toward the manager\'s plan in the period the deal is completed (work delivered); FALSE — each payment in the period it arrived.' },
  { key: 'backup_keep_daily', value: '7', description: 'Backups: how many days of backups to keep (every backup of the last N days that have one); older ones go to the Drive trash unless kept as weekly.' },
  { key: 'backup_keep_weekly', value: '4', description: 'Backups: how many weekly backups to keep besides (the newest of each of the last N weeks).' },
  { key: 'archive_after_months', value: '', description: 'Yearly archives: closed deals (Completed, Failed) closed more than this many months ago (3 to 120) move with their rows into "Dealboard archive <year>" spreadsheets; empty for off.' },
];

function parseArchive(text: string | undefined): { afterMonths: number | null; problem: string } {
  const parsed = parseArchiveAfterMonths(text);
  return { afterMonths: parsed.months, problem: parsed.problem };
}

function numberOr(text: string | undefined, fallback: number): number {
  const value = text === undefined || text.trim() === '' ? NaN : Number(text);
  return isFinite(value) ? value : fallback;
}

/** A probability: 0…1, or a percentage (80 or "80%") read as 0.8. */
function share(text: string | undefined, fallback: number): number {
  const value = numberOr(text === undefined ? undefined : text.replace('%', ''), NaN);
  if (!isFinite(value) || value < 0) return fallback;
  return value > 1 ? Math.min(1, value / 100) : value;
}

function booleanOr(text: string | undefined, fallback: boolean): boolean {
  if (text === undefined) return fallback;
  const word = text.trim().toLowerCase();
  if (['true', 'yes', '1', 'on'].indexOf(word) >= 0) return true;
  if (['false', 'no', '0', 'off'].indexOf(word) >= 0) return false;
  return fallback;
}

/** Settings from the tab's key/value pairs; anything missing or unreadable falls back to its default. */
export function readSettings(pairs: Record<string, string>): Settings {
  const get = (key: string): string | undefined => {
    const value = pairs[key];
    return value === undefined || String(value).trim() === '' ? undefined : String(value).trim();
  };
  const defaults: Record<string, string> = {};
  for (const definition of DEFAULT_SETTINGS) defaults[definition.key] = definition.value;
  const text = (key: string) => get(key) ?? defaults[key];
  const stageNames = {} as Record<StageKey, string>;
  const stageColours = {} as Record<StageKey, string>;
  for (const key of STAGE_KEYS) {
    stageNames[key] = text(`stage_name.${key}`);
    const colour = text(`stage_colour.${key}`);
    stageColours[key] = /^#[0-9a-f]{3,8}$/i.test(colour) ? colour : DEFAULT_STAGE_COLOURS[key];
  }
  return {
    companyName: text('company_name'),
    company: {
      address: get('company_address') || '',
      taxId: get('company_tax_id') || '',
      bank: get('company_bank') || '',
      email: get('company_email') || '',
      phone: get('company_phone') || '',
    },
    currency: text('currency').toUpperCase(),
    defaultCountry: text('default_country').toUpperCase(),
    stageNames,
    stageColours,
    closedVisibleDays: numberOr(get('closed_visible_days'), 30),
    healthAmberDays: numberOr(get('health_amber_days'), 3),
    workingHours: text('working_hours'),
    workingDays: text('working_days'),
    meetingMinutes: numberOr(get('meeting_minutes'), 60),
    autoApplyPlan: booleanOr(get('auto_apply_plan'), true),
    taxRatePercent: numberOr(get('tax_rate_percent'), 19),
    taxIncluded: booleanOr(get('tax_included'), false),
    shareMode: get('share_mode') === 'client' ? 'client' : 'link',
    paymentLink: get('payment_link') || '',
    invoiceDueDays: numberOr(get('invoice_due_days'), 14),
    paymentCheckpoint: text('payment_checkpoint'),
    paymentReminderDays: parseReminderDays(get(REMINDER_DAYS_KEY)),
    templates: {
      proposal: get('template.proposal') || '',
      contract: get('template.contract') || '',
      invoice: get('template.invoice') || '',
      brief: get('template.brief') || '',
      credit: get('template.credit') || '',
    },
    templatesFolder: get('templates_folder') || '',
    documentsFolder: get('documents_folder') || '',
    clientViewOthers: booleanOr(get('client_view_others'), true),
    executorSeesMoney: booleanOr(get('executor_sees_money'), false),
    clientGroups: parseClientGroups(get('client_groups')),
    mail: readMailSettings(get),
    backups: {
      keepDaily: Math.max(1, Math.floor(numberOr(get('backup_keep_daily'), 7))),
      keepWeekly: Math.max(0, Math.floor(numberOr(get('backup_keep_weekly'), 4))),
    },
    archive: parseArchive(get('archive_after_months')),
    dashboard: {
      probabilities: {
        green: share(get('forecast_probability.green'), 0.8),
        yellow: share(get('forecast_probability.yellow'), 0.5),
        red: share(get('forecast_probability.red'), 0.2),
      },
      paymentsWhenClosed: booleanOr(get('count_payments_when_closed'), true),
    },
    meetings: {
      bufferMinutes: Math.max(0, numberOr(get('meeting_buffer_minutes'), 15)),
      travelMinutes: Math.max(0, numberOr(get('meeting_travel_minutes'), 30)),
      windowDays: Math.min(60, Math.max(1, numberOr(get('meeting_window_days'), 14))),
      sendInvites: booleanOr(get('meeting_send_invites'), true),
      officeAddress: get('office_address') || '',
      title: text('meeting_title'),
    },
  };
}

/** The default company name setup writes: an invoice issued under it would name no seller. */
const PLACEHOLDER_COMPANY = 'Your studio';

/**
 * The seller details an issued invoice must carry (issue 22), as the Settings keys still empty:
 * name, address, tax id and bank. The default name counts as missing.
 */
export function missingSellerDetails(settings: Pick<Settings, 'companyName' | 'company'>): string[] {
  const missing: string[] = [];
  if (!settings.companyName.trim() || settings.companyName.trim() === PLACEHOLDER_COMPANY) missing.push('company_name');
  if (!settings.company.address.trim()) missing.push('company_address');
  if (!settings.company.taxId.trim()) missing.push('company_tax_id');
  if (!settings.company.bank.trim()) missing.push('company_bank');
  return missing;
}
