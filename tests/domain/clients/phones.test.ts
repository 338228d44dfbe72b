import { findSameContact, normalizeEmail, normalizePhone } from '../../../src/domain/clients/phones';

describe('phones', () => {
  it('reads local and international formats to the same number', () => {
    expect(normalizePhone('030 1234567', 'DE')).toBe('+49301234567');
    expect(normalizePhone('+49 30 1234567', 'DE')).toBe('+49301234567');
    expect(normalizePhone('0049 30 123 4567', 'DE')).toBe('+49301234567');
    expect(normalizePhone('+1 (212) 555-0143', 'DE')).toBe('+12125550143');
    expect(normalizePhone('', 'DE')).toBeNull();
  });

  it('matches an existing client by phone in another format or by email', () => {
    const clients = [
      { id: 'C-1', phone: '+49 30 1234567', email: '' },
      { id: 'C-2', phone: '', email: 'Lena@Example.com' },
    ];
    expect(findSameContact(clients, '030/1234567', '', 'DE')?.id).toBe('C-1');
    expect(findSameContact(clients, '', 'lena@example.com ', 'DE')?.id).toBe('C-2');
    expect(findSameContact(clients, '040 999999', 'x@y.test', 'DE')).toBeNull();
    expect(findSameContact(clients, '', '', 'DE')).toBeNull();
  });

  it('normalises emails', () => {
    expect(normalizeEmail(' A@B.CO ')).toBe('a@b.co');
    expect(normalizeEmail('not an email')).toBeNull();
  });
});
