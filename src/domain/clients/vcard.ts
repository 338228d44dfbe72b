// vCard 3.0 (RFC 2426) of the client base, the format phones import contacts from.
export interface VCardContact {
  name: string;
  company: string;
  /** The contact person at a company client (Clients: Contact person). */
  contact?: string;
  phones: string[];
  emails: string[];
  address: string;
  city: string;
  note: string;
  group: string;
}

/** Backslash, comma, semicolon and line breaks escaped as RFC 2426 asks. */
export function vcardText(value: string): string {
  return String(value || '').replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r\n|\r|\n/g, '\\n');
}

/** Lines longer than 75 octets folded with CRLF + space (counted in characters; safe for ASCII, conservative otherwise). */
function fold(line: string): string {
  if (line.length <= 75) return line;
  const parts: string[] = [];
  for (let i = 0; i < line.length; i += 74) parts.push(line.slice(i, i + 74));
  return parts.join('\r\n ');
}

/** Legal forms that mark a name as a company's ("Schneider GmbH"), not a person's. */
const COMPANY_WORDS = /(^|[\s.,&])(gmbh|ag|kg|ohg|ug|gbr|e\.?\s?v|llc|ltd|inc|corp|plc|sarl|sas|s\.?a|srl|spa|bv|nv|co|& co|studio|agentur|bau|group|holding)\.?($|[\s.,])/i;

export function looksLikeCompany(name: string): boolean {
  return COMPANY_WORDS.test(String(name || ''));
}

/** "Anna Weiss" or "Weiss, Anna" → N's family and given names (RFC 2426 3.1.2). */
function structuredName(person: string): string {
  const text = person.trim();
  const comma = text.indexOf(',');
  if (comma > 0) return `${vcardText(text.slice(0, comma).trim())};${vcardText(text.slice(comma + 1).trim())};;;`;
  const space = text.lastIndexOf(' ');
  return space > 0 ? `${vcardText(text.slice(space + 1))};${vcardText(text.slice(0, space))};;;` : `${vcardText(text)};;;;`;
}

/**
 * Who the card is about (issue 21, item 14: the company was put into the person's name): the
 * contact person when known; a client whose name is a person's; else the card is the
 * company's own (N empty, ORG the company), as phone address books show companies.
 */
function personOf(contact: VCardContact): { person: string; org: string } {
  const name = contact.name.trim();
  const company = contact.company.trim();
  const person = String(contact.contact || '').trim();
  if (person) return { person, org: company || name };
  if (company && name && name !== company) return { person: looksLikeCompany(name) ? '' : name, org: company };
  if (looksLikeCompany(name) || (!name && company)) return { person: '', org: company || name };
  return { person: name, org: company };
}

export function vcardOf(contact: VCardContact): string {
  const { person, org } = personOf(contact);
  const lines = ['BEGIN:VCARD', 'VERSION:3.0', `FN:${vcardText(person || org)}`, `N:${person ? structuredName(person) : ';;;;'}`];
  if (org) lines.push(`ORG:${vcardText(org)}`);
  contact.phones.forEach((p, i) => lines.push(`TEL;TYPE=${i === 0 ? 'WORK,VOICE,PREF' : 'VOICE'}:${vcardText(p)}`));
  contact.emails.forEach((e, i) => lines.push(`EMAIL;TYPE=INTERNET${i === 0 ? ',PREF' : ''}:${vcardText(e)}`));
  if (contact.address || contact.city) lines.push(`ADR;TYPE=WORK:;;${vcardText(contact.address)};${vcardText(contact.city)};;;`);
  if (contact.group) lines.push(`CATEGORIES:${vcardText(contact.group)}`);
  if (contact.note) lines.push(`NOTE:${vcardText(contact.note)}`);
  lines.push('END:VCARD');
  return lines.map(fold).join('\r\n') + '\r\n';
}
