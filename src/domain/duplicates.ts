// Possible duplicates in the client base: the same normalised phone or e-mail, or a name that
// is the same once case, accents, punctuation, word order and legal forms are set aside
// ("Weiss, Anna" = "Anna Weiss", "Müller Bau GmbH" = "Mueller Bau").
import { normalizeEmail, normalizePhone } from './phones';
import { fold } from './clientSearch';
import { splitList } from './importPlan';

export interface DuplicateCandidate {
  id: string;
  name: string;
  company: string;
  phone: string;
  phoneE164: string;
  otherPhones: string;
  email: string;
  otherEmails: string;
}

export interface DuplicateSet {
  ids: string[];
  reasons: string[];
}

const LEGAL_FORMS = ['gmbh', 'ag', 'kg', 'ohg', 'ug', 'gbr', 'ev', 'llc', 'ltd', 'inc', 'co', 'corp', 'plc', 'sarl', 'sas', 'sa', 'srl', 'spa',
  'bv', 'nv', 'oy', 'ab', 'as', 'ооо', 'оао', 'зао', 'ао', 'ип', 'тов', 'sp', 'zoo'];

/** The name as compared: folded, German umlauts spelled out, legal forms and punctuation dropped, words sorted. */
export function nameKey(name: string): string {
  const words = fold(String(name || '').replace(/ä/gi, 'a').replace(/ö/gi, 'o').replace(/ü/gi, 'u').replace(/ß/g, 'ss'))
    .replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '' && LEGAL_FORMS.indexOf(w) < 0);
  return words.sort().join(' ');
}

export function findDuplicates(clients: readonly DuplicateCandidate[], country: string): DuplicateSet[] {
  const parent = clients.map((_c, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  const why: Record<number, string[]> = {};
  const owners: Record<string, number> = {};
  const link = (key: string, i: number, reason: string) => {
    if (!(key in owners)) { owners[key] = i; return; }
    const a = root(owners[key]);
    const b = root(i);
    if (a !== b) parent[b] = a;
    const r = root(i);
    why[r] = why[r] || [];
    if (why[r].indexOf(reason) < 0) why[r].push(reason);
  };
  clients.forEach((c, i) => {
    const phones = [c.phoneE164 || normalizePhone(c.phone, country) || ''].concat(splitList(c.otherPhones).map((p) => normalizePhone(p, country) || ''));
    for (const p of phones) if (p) link(`t:${p}`, i, `same phone ${p}`);
    for (const e of [c.email].concat(splitList(c.otherEmails))) {
      const email = normalizeEmail(e);
      if (email) link(`e:${email}`, i, `same e-mail ${email}`);
    }
    const key = nameKey(c.name);
    if (key.length >= 4) link(`n:${key}`, i, 'similar name');
  });
  const sets: Record<number, DuplicateSet> = {};
  clients.forEach((c, i) => {
    const r = root(i);
    sets[r] = sets[r] || { ids: [], reasons: [] };
    sets[r].ids.push(c.id);
  });
  // Reasons were collected on whichever root was current; gather them onto the final roots.
  for (const k of Object.keys(why)) {
    const r = root(Number(k));
    for (const reason of why[Number(k)]) if (sets[r].reasons.indexOf(reason) < 0) sets[r].reasons.push(reason);
  }
  return Object.keys(sets).map((k) => sets[Number(k)]).filter((s) => s.ids.length > 1);
}
