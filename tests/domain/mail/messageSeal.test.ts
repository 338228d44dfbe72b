// The text a queued message's seal signs: any change to a sealed field changes it; fields that
// are not part of the message (status, attempts, reason) do not.
import fc from 'fast-check';
import { SEALED_FIELDS, sealText } from '../../../src/domain/mail/messageSeal';

const message = fc.record(Object.fromEntries(SEALED_FIELDS.map((f) => [f, fc.string()])) as Record<(typeof SEALED_FIELDS)[number], fc.Arbitrary<string>>);

describe('sealText', () => {
  test('changing any sealed field (recipient, sender, subject, text, HTML, attachments, ids) changes the text signed', () => {
    fc.assert(fc.property(message, fc.constantFrom(...SEALED_FIELDS), fc.string(), (m, field, other) => {
      fc.pre(other !== m[field]);
      expect(sealText({ ...m, [field]: other })).not.toBe(sealText(m));
    }));
  });

  test('a field\'s text cannot move into its neighbour (boundaries are kept)', () => {
    expect(sealText({ to: 'a@x.test', replyTo: 'b' })).not.toBe(sealText({ to: 'a@x.testb', replyTo: '' }));
  });

  test('status, attempts and reason are not sealed: the drain may change them', () => {
    fc.assert(fc.property(message, fc.string(), fc.integer(), (m, status, attempts) => {
      expect(sealText({ ...m, status, attempts, reason: status })).toBe(sealText(m));
    }));
  });
});
