import { parsePhoneNumberFromString, CountryCode } from 'libphonenumber-js/min';

/** E.164 form of a phone typed in any local or international format, or null. */
export function normalizePhone(text: string, defaultCountry: string): string | null {
  const trimmed = String(text || '').trim();
  if (trimmed === '') return null;
  const parsed = parsePhoneNumberFromString(trimmed, defaultCountry.toUpperCase() as CountryCode);
  if (parsed && parsed.isPossible()) return parsed.number;
  const digits = trimmed.replace(/\D/g, '');
  return digits.length >= 6 ? `+${digits}` : null;
}

export function normalizeEmail(text: string): string | null {
  const trimmed = String(text || '').trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed) ? trimmed : null;
}

export interface ContactLike {
  id: string;
  phone: string;
  email: string;
}

/** The existing client with the same phone (any format) or email, so nobody is entered twice. */
export function findSameContact<T extends ContactLike>(
  clients: readonly T[],
  phone: string,
  email: string,
  defaultCountry: string,
): T | null {
  const wantedPhone = normalizePhone(phone, defaultCountry);
  const wantedEmail = normalizeEmail(email);
  if (!wantedPhone && !wantedEmail) return null;
  for (const client of clients) {
    if (wantedPhone && normalizePhone(client.phone, defaultCountry) === wantedPhone) return client;
    if (wantedEmail && normalizeEmail(client.email) === wantedEmail) return client;
  }
  return null;
}
