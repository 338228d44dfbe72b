// What an import will do with each row of a file, decided from plain data: create a client,
// merge into one that has the same normalised phone or e-mail (in the base or earlier in the
// same file), or refuse it with the reason. The dry run and the real import use this one rule.
import { ColumnMapping, ImportField, groupOf, yesNo } from './importMapping';
import { normalizeEmail, normalizePhone } from './phones';
import { restoreNeutralized } from './csv';
import { defaultGroup } from './clientGroups';
import { Actor } from '../kernel/roles';
import { canAssignClient, canEditClient } from './clientRights';

export interface ClientDraft {
  name: string;
  company: string;
  contact: string;
  phone: string;
  phoneE164: string;
  otherPhones: string;
  email: string;
  otherEmails: string;
  group: string;
  address: string;
  city: string;
  manager: string;
  preferences: string;
  notes: string;
  callBack: boolean;
}

/** A client already in the base, as far as matching and filling need it. */
export interface KnownClient extends Partial<ClientDraft> {
  id: string;
  /** Import id and file row that created it (a resumed import skips rows already there). */
  importId?: string;
  importRow?: number | null;
}

export type RowAction = 'create' | 'merge' | 'refuse' | 'skip';

export interface RowPlan {
  /** Row number in the file (the header is row 1). */
  row: number;
  action: RowAction;
  reason: string;
  warnings: string[];
  draft: ClientDraft;
  /** For a merge: the existing client's id, or the file row of the client this file creates. */
  into?: string;
  intoRow?: number;
  /** For a merge: the fields it fills (only fields that are empty in the target). */
  fills?: Partial<ClientDraft>;
}

export interface PlanOptions {
  country: string;
  groups: readonly string[];
  /** Who gets clients whose file names no manager (or one not on the team). */
  defaultManager: string;
  team: readonly { email: string; name: string }[];
  /**
   * Whose rights the import applies, exactly those of editing a client card: a row may merge
   * only into a client this person may edit, and name only a manager they may give a client to.
   */
  importer: Actor;
}

/** The refusal of a row that matches a client the importer may not edit: says nothing about that client. */
export const NOT_YOUR_CLIENT = 'matches a client you may not edit';

const TEXT_FIELDS: (keyof ClientDraft)[] = ['name', 'company', 'contact', 'group', 'address', 'city', 'manager', 'preferences', 'notes'];

function emptyDraft(): ClientDraft {
  return {
    name: '', company: '', contact: '', phone: '', phoneE164: '', otherPhones: '', email: '', otherEmails: '', group: '',
    address: '', city: '', manager: '', preferences: '', notes: '', callBack: false,
  };
}

/** Several numbers or addresses in one cell, as people type them: "030 123 / 0171 555", "a@x; b@y". */
export function splitList(text: string): string[] {
  return text.split(/\s*[,;\n]\s*|\s+\/\s+/).map((s) => s.trim()).filter((s) => s !== '');
}

export function isBlankRow(row: readonly string[]): boolean {
  return row.every((cell) => String(cell || '').trim() === '');
}

/** Reads one file row into a draft, with the refusal reason if it cannot be imported. */
export function draftOf(cells: readonly string[], mapping: ColumnMapping, options: PlanOptions): { draft: ClientDraft; reason: string; warnings: string[] } {
  const draft = emptyDraft();
  const warnings: string[] = [];
  const phones: string[] = [];
  const emails: string[] = [];
  mapping.forEach((field, i) => {
    if (field === '') return;
    const value = restoreNeutralized(String(cells[i] == null ? '' : cells[i]).trim());
    if (value === '') return;
    if (/^[=+\-@]/.test(value) && !/^[+\-][\d\s().\/-]*$/.test(value)) warnings.push(`"${value.slice(0, 40)}" looks like a formula; it is kept as text.`);
    assign(draft, field, value, phones, emails, warnings, options);
  });
  if (draft.name === '') draft.name = draft.company || draft.contact;
  let reason = '';
  if (draft.name === '') reason = 'no name or company';
  const readPhones: string[] = [];
  for (const typed of phones) {
    const e164 = normalizePhone(typed, options.country);
    if (!e164) { if (!reason) reason = `phone "${typed}" is not a phone number`; continue; }
    if (readPhones.indexOf(e164) < 0) readPhones.push(e164);
  }
  const typedPhones = phones.filter((p) => normalizePhone(p, options.country));
  if (typedPhones.length > 0) {
    draft.phone = typedPhones[0];
    draft.phoneE164 = readPhones[0];
    draft.otherPhones = typedPhones.slice(1).filter((p, i) => readPhones.indexOf(normalizePhone(p, options.country) as string) === i + 1).join(', ');
  }
  const readEmails: string[] = [];
  for (const typed of emails) {
    const email = normalizeEmail(typed);
    if (!email) { if (!reason) reason = `e-mail "${typed}" is not an e-mail address`; continue; }
    if (readEmails.indexOf(email) < 0) readEmails.push(email);
  }
  draft.email = readEmails[0] || '';
  draft.otherEmails = readEmails.slice(1).join(', ');
  if (!reason && draft.manager !== '' && !canAssignClient(options.importer, draft.manager)) {
    reason = `names ${draft.manager} as manager; only a head or the owner may give clients to another manager`;
  }
  if (draft.manager === '') draft.manager = options.defaultManager;
  // A refused row shows what was typed, so the user can find and fix it in the file.
  if (reason && draft.phone === '' && phones.length > 0) draft.phone = phones[0];
  if (reason && draft.email === '' && emails.length > 0) draft.email = emails[0];
  return { draft, reason, warnings };
}

function assign(draft: ClientDraft, field: ImportField, value: string, phones: string[], emails: string[], warnings: string[], options: PlanOptions): void {
  switch (field) {
    case 'phone':
      for (const p of splitList(value)) phones.push(p);
      return;
    case 'email':
      for (const e of splitList(value)) emails.push(e);
      return;
    case 'group': {
      const group = groupOf(value, options.groups);
      if (group) draft.group = group;
      else warnings.push(`group "${value}" is not one of ${options.groups.join(', ')}; the client gets the default group "${defaultGroup(options.groups)}".`);
      return;
    }
    case 'manager': {
      const word = value.toLowerCase();
      const member = options.team.filter((m) => m.email.toLowerCase() === word || m.name.toLowerCase() === word)[0];
      if (member) draft.manager = member.email;
      else warnings.push(`manager "${value}" is not on the team; the client goes to ${options.defaultManager}.`);
      return;
    }
    case 'callBack':
      draft.callBack = yesNo(value);
      return;
    default:
      draft[field] = draft[field] ? `${draft[field]} ${value}` : value;
  }
}

function phonesOf(client: Partial<ClientDraft>, country: string): string[] {
  const out: string[] = [];
  const add = (typed: string) => {
    const e164 = normalizePhone(typed, country);
    if (e164 && out.indexOf(e164) < 0) out.push(e164);
  };
  if (client.phoneE164) out.push(client.phoneE164);
  else if (client.phone) add(client.phone);
  for (const p of splitList(client.otherPhones || '')) add(p);
  return out;
}

function emailsOf(client: Partial<ClientDraft>): string[] {
  const out: string[] = [];
  for (const e of [client.email || ''].concat(splitList(client.otherEmails || ''))) {
    const email = normalizeEmail(e);
    if (email && out.indexOf(email) < 0) out.push(email);
  }
  return out;
}

/** The fields a merge fills in the target: only empty ones; new phones and e-mails join the "other" lists. */
export function fillsFor(target: Partial<ClientDraft>, draft: ClientDraft, country: string): Partial<ClientDraft> {
  const fills: Partial<ClientDraft> = {};
  for (const key of TEXT_FIELDS) {
    const value = draft[key] as string;
    if (key === 'manager') continue; // a merge never moves a client to another manager
    if (value && !String(target[key] || '').trim()) (fills as Record<string, unknown>)[key] = value;
  }
  if (draft.callBack && target.callBack !== true) fills.callBack = true;
  const knownPhones = phonesOf(target, country);
  const newPhones = splitList([draft.phone, draft.otherPhones].filter(Boolean).join(', '))
    .filter((p) => { const e = normalizePhone(p, country); return e && knownPhones.indexOf(e) < 0; });
  if (newPhones.length > 0) {
    if (!String(target.phone || '').trim()) {
      fills.phone = newPhones[0];
      fills.phoneE164 = normalizePhone(newPhones[0], country) || '';
      newPhones.shift();
    }
    if (newPhones.length > 0) fills.otherPhones = splitList(target.otherPhones || '').concat(newPhones).join(', ');
  }
  const knownEmails = emailsOf(target);
  const newEmails = emailsOf(draft).filter((e) => knownEmails.indexOf(e) < 0);
  if (newEmails.length > 0) {
    if (!String(target.email || '').trim()) {
      fills.email = newEmails[0];
      newEmails.shift();
    }
    if (newEmails.length > 0) fills.otherEmails = splitList(target.otherEmails || '').concat(newEmails).join(', ');
  }
  return fills;
}

/** Finds clients by normalised phone and e-mail; knows the drafts this file creates too. */
class ContactIndex {
  private byPhone: Record<string, string> = {};
  private byEmail: Record<string, string> = {};
  constructor(private country: string) {}
  add(key: string, client: Partial<ClientDraft>): void {
    for (const p of phonesOf(client, this.country)) if (!(p in this.byPhone)) this.byPhone[p] = key;
    for (const e of emailsOf(client)) if (!(e in this.byEmail)) this.byEmail[e] = key;
  }
  /** The draft without phones and e-mails that belong to a client other than `key`. */
  withoutForeign(draft: ClientDraft, key: string, warnings: string[]): ClientDraft {
    const out = { ...draft };
    const phones = splitList([draft.phone, draft.otherPhones].filter(Boolean).join(', ')).filter((typed) => {
      const e164 = normalizePhone(typed, this.country);
      const owner = e164 ? this.byPhone[e164] : undefined;
      if (owner !== undefined && owner !== key) { warnings.push(`phone ${typed} belongs to another client; not added.`); return false; }
      return true;
    });
    out.phone = phones[0] || '';
    out.phoneE164 = out.phone ? normalizePhone(out.phone, this.country) || '' : '';
    out.otherPhones = phones.slice(1).join(', ');
    const emails = emailsOf(draft).filter((e) => {
      const owner = this.byEmail[e];
      if (owner !== undefined && owner !== key) { warnings.push(`e-mail ${e} belongs to another client; not added.`); return false; }
      return true;
    });
    out.email = emails[0] || '';
    out.otherEmails = emails.slice(1).join(', ');
    return out;
  }
  find(draft: ClientDraft): string | null {
    for (const p of phonesOf(draft, this.country)) if (p in this.byPhone) return this.byPhone[p];
    for (const e of emailsOf(draft)) if (e in this.byEmail) return this.byEmail[e];
    return null;
  }
}

/**
 * The plan of every row. `firstRow` is the file row number of rows[0]. Rows of this import
 * already in the base (same import id and row) are skipped, so a resumed import creates
 * nothing twice.
 */
export function planImport(
  rows: readonly (readonly string[])[],
  firstRow: number,
  mapping: ColumnMapping,
  known: readonly KnownClient[],
  importId: string,
  options: PlanOptions,
): RowPlan[] {
  const index = new ContactIndex(options.country);
  const byId: Record<string, Partial<ClientDraft>> = {};
  const alreadyImported: Record<number, boolean> = {};
  for (const client of known) {
    const key = `id:${client.id}`;
    byId[key] = client;
    index.add(key, client);
    if (client.importId === importId && typeof client.importRow === 'number') alreadyImported[client.importRow] = true;
  }
  const plans: RowPlan[] = [];
  rows.forEach((cells, i) => {
    const row = firstRow + i;
    if (isBlankRow(cells)) {
      plans.push({ row, action: 'skip', reason: 'empty row', warnings: [], draft: emptyDraft() });
      return;
    }
    const { draft, reason, warnings } = draftOf(cells, mapping, options);
    if (alreadyImported[row]) {
      plans.push({ row, action: 'skip', reason: 'already imported', warnings: [], draft });
      return;
    }
    if (reason) {
      plans.push({ row, action: 'refuse', reason, warnings, draft });
      return;
    }
    const match = index.find(draft);
    if (match === null) {
      const key = `row:${row}`;
      byId[key] = draft;
      index.add(key, draft);
      plans.push({ row, action: 'create', reason: '', warnings, draft });
      return;
    }
    const target = byId[match];
    if (match.indexOf('id:') === 0 && !canEditClient(options.importer, { manager: String(target.manager || '') })) {
      // Nothing of the other client is told: not its name, not what the row would fill.
      plans.push({ row, action: 'refuse', reason: NOT_YOUR_CLIENT, warnings, draft });
      return;
    }
    const fills = fillsFor(target, index.withoutForeign(draft, match, warnings), options.country);
    // Later rows may match on what this merge adds, and must see the target as it now is.
    Object.assign(target, fills);
    index.add(match, target);
    const plan: RowPlan = { row, action: 'merge', reason: '', warnings, draft, fills };
    if (match.indexOf('id:') === 0) plan.into = match.slice(3);
    else plan.intoRow = Number(match.slice(4));
    plans.push(plan);
  });
  return plans;
}

export interface PlanSummary {
  rows: number;
  create: number;
  merge: number;
  refuse: number;
  skip: number;
}

export function summarize(plans: readonly RowPlan[]): PlanSummary {
  const out: PlanSummary = { rows: plans.length, create: 0, merge: 0, refuse: 0, skip: 0 };
  for (const p of plans) out[p.action] += 1;
  return out;
}
