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
  /**
   * How sure the match is (issue 21, item 14): 'contact' when a phone or an e-mail is shared,
   * 'name' when only the names look alike ("Schneider & Co. KG" ≈ "Schneider GmbH"), listed last.
   */
  evidence: 'contact' | 'name';
}

/** The key of a pair of clients a person said are not the same (order does not matter). */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Every pair within a group: a group is shown until each of its pairs was dismissed. */
export function pairsOf(ids: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) out.push(pairKey(ids[i], ids[j]));
  return out;
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

/**
 * Groups of possible duplicates, the strongest evidence first: shared phones and e-mails (more
 * of them first), then names alone. Pairs in `dismissed` (pairKey) never link two clients, so a
 * pair a person set aside does not come back, while a third client matching either still does.
 */
export function findDuplicates(clients: readonly DuplicateCandidate[], country: string, dismissed: readonly string[] = []): DuplicateSet[] {
  const setAside: Record<string, true> = {};
  for (const key of dismissed) setAside[key] = true;
  const parent = clients.map((_c, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  const why: Record<number, string[]> = {};
  const owners: Record<string, number[]> = {};
  const link = (key: string, i: number, reason: string) => {
    if (!(key in owners)) { owners[key] = [i]; return; }
    // The first earlier holder of the key this client may be linked with (not a dismissed pair).
    const other = owners[key].filter((j) => j !== i && !setAside[pairKey(clients[j].id, clients[i].id)])[0];
    owners[key].push(i);
    if (other === undefined) return;
    const a = root(other);
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
    sets[r] = sets[r] || { ids: [], reasons: [], evidence: 'name' };
    sets[r].ids.push(c.id);
  });
  // Reasons were collected on whichever root was current; gather them onto the final roots.
  for (const k of Object.keys(why)) {
    const r = root(Number(k));
    for (const reason of why[Number(k)]) if (sets[r].reasons.indexOf(reason) < 0) sets[r].reasons.push(reason);
  }
  const strong = (set: DuplicateSet) => set.reasons.filter((r) => r !== 'similar name').length;
  return Object.keys(sets).map((k) => sets[Number(k)])
    .filter((set) => set.ids.length > 1 && !pairsOf(set.ids).every((p) => setAside[p]))
    .map((set) => ({ ...set, evidence: strong(set) > 0 ? 'contact' as const : 'name' as const }))
    // Stable: equal evidence keeps the base's order.
    .map((set, index) => ({ set, index }))
    .sort((x, y) => strong(y.set) - strong(x.set) || x.index - y.index)
    .map((x) => x.set);
}
