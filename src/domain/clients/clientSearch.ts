// The client search: any part of a name, company, contact person or e-mail, or a phone in
// any format ("+49 30 1234567", "030 1234567", "0049301234567", "(030) 123-45-67"), answered
// from a compact index that fits in CacheService, so a lookup during a call reads no cells.
import { normalizePhone } from './phones';
import { splitList } from './importPlan';

/** One client in the index: short keys, because 20,000 of these travel through the cache. */
export interface IndexEntry {
  /** id */ i: string;
  /** name */ n: string;
  /** company */ c: string;
  /** contact person */ p: string;
  /** e-mails, lower case, space separated */ e: string;
  /** phones as E.164 digits (no +), space separated */ t: string;
  /** the phone as typed */ pt: string;
  /** group */ g: string;
  /** manager */ m: string;
  /** city */ y: string;
  /** call back */ b: 0 | 1;
}

export interface ClientFacts {
  id: string;
  name: string;
  company: string;
  contact: string;
  email: string;
  otherEmails: string;
  phone: string;
  phoneE164: string;
  otherPhones: string;
  group: string;
  manager: string;
  city: string;
  callBack: boolean;
}

/** Digits of the number's E.164 form; the stored E.164 column is trusted when it agrees with what was typed. */
function e164Digits(typed: string, stored: string, country: string): string {
  const digits = typed.replace(/\D/g, '');
  if (digits === '') return '';
  if (/^\+\d{6,15}$/.test(stored)) {
    const local = digits.replace(/^0+/, '');
    if (local !== '' && stored.slice(1).slice(-local.length) === local) return stored.slice(1);
  }
  const e164 = normalizePhone(typed, country);
  return e164 ? e164.slice(1) : '';
}

export function indexEntryOf(client: ClientFacts, country: string): IndexEntry {
  const phones: string[] = [];
  const main = e164Digits(client.phone, client.phoneE164, country);
  if (main) phones.push(main);
  for (const other of splitList(client.otherPhones)) {
    const d = e164Digits(other, '', country);
    if (d && phones.indexOf(d) < 0) phones.push(d);
  }
  const emails = [client.email].concat(splitList(client.otherEmails)).map((e) => e.trim().toLowerCase()).filter(Boolean);
  return {
    i: client.id, n: client.name, c: client.company, p: client.contact, e: emails.join(' '), t: phones.join(' '),
    pt: client.phone, g: client.group, m: client.manager, y: client.city, b: client.callBack ? 1 : 0,
  };
}

/** Lower case without accents, so "Müller" is found by "muller" and "Мюллер" by "мюллер". */
export function fold(text: string): string {
  return String(text || '').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ё/g, 'е');
}

export interface SearchHit {
  entry: IndexEntry;
  /** 3 the exact phone, 2 a phone containing the digits typed, 1 text. */
  score: number;
}

/**
 * Clients matching the query, best first. A query that reads as a phone number matches its
 * E.164 form exactly; 4 or more digits also match any phone that contains them; words match
 * name, company, contact person and e-mail (every word must be found).
 */
export function searchIndex(entries: readonly IndexEntry[], query: string, country: string, limit: number): { hits: SearchHit[]; total: number } {
  const text = String(query || '').trim();
  if (text === '') return { hits: [], total: 0 };
  const digits = text.replace(/\D/g, '');
  const looksLikePhone = /^[\d\s()+\-./]+$/.test(text) && digits.length >= 4;
  const exact = looksLikePhone ? normalizePhone(text, country) : null;
  const exactDigits = exact ? exact.slice(1) : '';
  // "030 123…" written nationally: its digits without the trunk 0 are part of the E.164 form.
  const partial = looksLikePhone ? digits.replace(/^0+/, '') : '';
  const words = looksLikePhone ? [] : fold(text).split(/\s+/).filter(Boolean);
  const hits: SearchHit[] = [];
  for (const entry of entries) {
    let score = 0;
    if (looksLikePhone) {
      if (entry.t === '') continue;
      const phones = entry.t.split(' ');
      if (exactDigits && phones.indexOf(exactDigits) >= 0) score = 3;
      else if (partial.length >= 4 && entry.t.indexOf(partial) >= 0) score = 2;
    } else {
      const haystack = fold(`${entry.n} ${entry.c} ${entry.p} ${entry.e} ${entry.y}`);
      if (words.every((w) => haystack.indexOf(w) >= 0)) score = 1;
    }
    if (score > 0) hits.push({ entry, score });
  }
  hits.sort((a, b) => b.score - a.score || a.entry.n.localeCompare(b.entry.n));
  return { hits: hits.slice(0, limit), total: hits.length };
}
