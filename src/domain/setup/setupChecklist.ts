// Issue 21, item 7: what a new workbook still holds as shipped. Setup ends with this list and the
// owner's sidebar shows it until every item is done, so no invoice goes out without a seller.
// Pure: the facts (settings, team, price list, e-mail texts, what the owner chose to keep) come in.
import { DEFAULT_STAGE_NAMES, STAGE_KEYS, StageKey } from '../deals/stages';
import { missingSellerDetails } from './settings';
import type { Settings } from './settings';

export type ChecklistKey = 'company' | 'team' | 'stages' | 'catalog' | 'templates' | 'hours' | 'emails';

/**
 * todo: must be filled in (an invoice or document would be wrong without it);
 * default: still as shipped, which may be right: the owner may keep it;
 * done: changed from the default, or kept on purpose.
 */
export type ChecklistState = 'todo' | 'default' | 'done';

export interface ChecklistItem {
  key: ChecklistKey;
  label: string;
  state: ChecklistState;
  /** What is missing or still default, in a sentence. */
  detail: string;
  /** Where to change it. */
  where: string;
  /** The owner may mark a 'default' item as right as it is; a 'todo' item must be filled in. */
  keepable: boolean;
}

export interface ChecklistFacts {
  settings: Pick<Settings, 'companyName' | 'company' | 'stageNames' | 'workingHours' | 'workingDays' | 'templates'>;
  team: readonly { role: string; active: boolean }[];
  /** The Catalog rows as read (code and unit price are enough to tell the shipped list). */
  catalog: readonly { code: unknown; unitPrice: unknown }[];
  defaultCatalog: readonly { code: string; unitPrice: number }[];
  /** The Notifications rows as read, and the texts setup writes. */
  notifications: readonly { key: unknown; subject: unknown; body: unknown }[];
  defaultNotifications: readonly { key: string; subject: string; body: string }[];
  defaultWorkingHours: string;
  defaultWorkingDays: string;
  /** Items the owner marked "keep as it is". */
  kept: readonly string[];
}

const SELLER_WORDS: Record<string, string> = {
  company_name: 'company name',
  company_address: 'address',
  company_tax_id: 'tax id',
  company_bank: 'bank details',
};

/** The document templates an invoice, proposal and contract are made from. */
const NEEDED_TEMPLATES = ['proposal', 'contract', 'invoice'];

export function setupChecklist(facts: ChecklistFacts): ChecklistItem[] {
  const kept = (key: ChecklistKey) => facts.kept.indexOf(key) >= 0;
  const item = (key: ChecklistKey, label: string, where: string, state: ChecklistState, detail: string): ChecklistItem => {
    const keepable = state === 'default';
    const final: ChecklistState = keepable && kept(key) ? 'done' : state;
    return { key, label, where, state: final, detail: final === 'done' && state === 'default' ? 'Kept as it is.' : detail, keepable };
  };
  const items: ChecklistItem[] = [];

  const missing = missingSellerDetails(facts.settings);
  items.push(item('company', 'Company details', 'Settings tab, keys company_…', missing.length ? 'todo' : 'done',
    missing.length ? `Missing: ${missing.map((k) => SELLER_WORDS[k] || k).join(', ')} (invoices need them).` : 'Name, address, tax id and bank are filled in.'));

  const others = facts.team.filter((m) => m.active && m.role !== 'owner').length;
  items.push(item('team', 'Team', 'Users tab', others > 0 ? 'done' : 'default',
    others > 0 ? `${others} more ${others === 1 ? 'person' : 'people'} on the team.` : 'Only you are on the team.'));

  const renamed = STAGE_KEYS.filter((k: StageKey) => facts.settings.stageNames[k] !== DEFAULT_STAGE_NAMES[k]).length;
  items.push(item('stages', 'Stage names', 'Settings tab, keys stage_name.…', renamed > 0 ? 'done' : 'default',
    renamed > 0 ? `${renamed} renamed.` : 'The default names (New, Negotiation, …).'));

  const catalogState = catalogStateOf(facts.catalog, facts.defaultCatalog);
  items.push(item('catalog', 'Price list', 'Catalog tab', catalogState,
    catalogState === 'todo' ? 'The price list is empty: quotes have nothing to pick.' : catalogState === 'default' ? 'The sample web-studio prices.' : 'Your own prices.'));

  const absent = NEEDED_TEMPLATES.filter((k) => !String(facts.settings.templates[k] || '').trim());
  items.push(item('templates', 'Document templates', 'Add-on menu › Install document templates, then edit them in Drive', absent.length ? 'todo' : 'default',
    absent.length ? `Not installed: ${absent.join(', ')}.` : 'Installed with the sample texts: edit them in Drive, then mark them done.'));

  const sameHours = facts.settings.workingHours.trim() === facts.defaultWorkingHours && facts.settings.workingDays.trim() === facts.defaultWorkingDays;
  items.push(item('hours', 'Working hours', 'Settings tab, keys working_hours and working_days', sameHours ? 'default' : 'done',
    `${facts.settings.workingDays} ${facts.settings.workingHours}.`));

  const emailState = notificationsStateOf(facts.notifications, facts.defaultNotifications);
  items.push(item('emails', 'E-mail texts', 'Notifications tab', emailState,
    emailState === 'todo' ? 'The Notifications tab holds no texts.' : emailState === 'default' ? 'The sample texts.' : 'Your own texts.'));
  return items;
}

/** Every item done: the sidebar no longer shows the list. */
export function checklistDone(items: readonly ChecklistItem[]): boolean {
  return items.every((i) => i.state === 'done');
}

function catalogStateOf(rows: ChecklistFacts['catalog'], shipped: ChecklistFacts['defaultCatalog']): ChecklistState {
  const filled = rows.filter((r) => String(r.code == null ? '' : r.code).trim() !== '');
  if (filled.length === 0) return 'todo';
  const sig = (code: unknown, price: unknown) => `${String(code).trim()}=${Number(price)}`;
  const now = filled.map((r) => sig(r.code, r.unitPrice)).sort().join('|');
  const was = shipped.map((r) => sig(r.code, r.unitPrice)).sort().join('|');
  return now === was ? 'default' : 'done';
}

function notificationsStateOf(rows: ChecklistFacts['notifications'], shipped: ChecklistFacts['defaultNotifications']): ChecklistState {
  const filled = rows.filter((r) => String(r.key == null ? '' : r.key).trim() !== '');
  if (filled.length === 0) return 'todo';
  const text = (v: unknown) => String(v == null ? '' : v).replace(/\r\n/g, '\n').trim();
  const original: Record<string, string> = {};
  for (const s of shipped) original[s.key] = `${text(s.subject)}\n${text(s.body)}`;
  const edited = filled.some((r) => {
    const key = String(r.key).trim();
    return original[key] === undefined || original[key] !== `${text(r.subject)}\n${text(r.body)}`;
  });
  return edited ? 'done' : 'default';
}

/** The toast at the end of Set up workbook: what it did, then what is still to do. */
export function describeChecklist(items: readonly ChecklistItem[]): string {
  const todo = items.filter((i) => i.state === 'todo');
  const still = items.filter((i) => i.state === 'default');
  const parts: string[] = [];
  if (todo.length) parts.push(`Still to fill in: ${todo.map((i) => `${i.label} (${i.detail.replace(/\.$/, '')})`).join('; ')}.`);
  if (still.length) parts.push(`Still the defaults: ${still.map((i) => i.label.toLowerCase()).join(', ')}.`);
  if (!parts.length) parts.push('Everything on the setup checklist is done.');
  return parts.join(' ');
}
