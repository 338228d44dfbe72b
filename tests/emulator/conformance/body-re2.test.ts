// Body.replaceText (reference/document/body#replaceText(String,String)):
// "Replaces all occurrences of a given text pattern with a given replacement string, using
// regular expressions." ... "The search pattern is passed as a string, not a JavaScript regular
// expression object." ... "Google's RE2 regular expression library limits the supported syntax"
// (quoted from memory of the reference; RE2 has no lookaround and no backreferences).
import { caught, env } from './env';

describe('Body.replaceText follows RE2', () => {
  test('ordinary patterns replace within paragraphs', () => {
    const { run } = env();
    run(({ DocumentApp }) => {
      const body = DocumentApp.create('Invoice').getBody();
      body.appendParagraph('Total: {{total}} EUR');
      body.replaceText('\\{\\{total\\}\\}', '1,200');
      body.replaceText('E(U)R', 'euro');
      expect(body.getText()).toContain('Total: 1,200 euro');
    });
  });

  test('lookahead, lookbehind and backreferences throw', () => {
    const { run } = env();
    run(({ DocumentApp }) => {
      const body = DocumentApp.create('Invoice').getBody();
      body.appendParagraph('aa bb');
      for (const pattern of ['a(?=a)', 'a(?!b)', '(?<=a)a', '(?<!b)a', '(a)\\1', '(?<x>a)\\k<x>']) {
        const e = caught(() => body.replaceText(pattern, 'x'));
        expect(e.name).toBe('Exception');
        expect(e.message).toBe('Invalid argument: searchPattern');
      }
      // escaped and in-class parentheses are not lookarounds
      body.replaceText('[(?=]', '');
      body.replaceText('\\(\\?=', '');
      expect(body.getText()).toContain('aa bb');
    });
  });
});
