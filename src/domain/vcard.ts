// vCard 3.0 (RFC 2426) of the client base, the format phones import contacts from.
export interface VCardContact {
  name: string;
  company: string;
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

export function vcardOf(contact: VCardContact): string {
  const lines = ['BEGIN:VCARD', 'VERSION:3.0', `FN:${vcardText(contact.name || contact.company)}`, `N:${vcardText(contact.name || contact.company)};;;;`];
  if (contact.company) lines.push(`ORG:${vcardText(contact.company)}`);
  contact.phones.forEach((p, i) => lines.push(`TEL;TYPE=${i === 0 ? 'WORK,VOICE,PREF' : 'VOICE'}:${vcardText(p)}`));
  contact.emails.forEach((e, i) => lines.push(`EMAIL;TYPE=INTERNET${i === 0 ? ',PREF' : ''}:${vcardText(e)}`));
  if (contact.address || contact.city) lines.push(`ADR;TYPE=WORK:;;${vcardText(contact.address)};${vcardText(contact.city)};;;`);
  if (contact.group) lines.push(`CATEGORIES:${vcardText(contact.group)}`);
  if (contact.note) lines.push(`NOTE:${vcardText(contact.note)}`);
  lines.push('END:VCARD');
  return lines.map(fold).join('\r\n') + '\r\n';
}
