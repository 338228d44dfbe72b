// Deal fields in a calendar event the client receives: one line, no markup (issue 20 item 11).
import fc from 'fast-check';
import { eventText } from '../../../src/app/meetings/meetings';

describe('eventText', () => {
  test('never a line break, an angle bracket or a control character, whatever the deal holds', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
      expect(eventText(text)).not.toMatch(/[\u0000-\u001f\u007f\u2028\u2029<>]/);
    }));
  });

  test('tags are removed, text is kept', () => {
    expect(eventText('Acme <a href="https://evil.test">click</a>\nDealboard: x')).toBe('Acme click Dealboard: x');
  });
});
