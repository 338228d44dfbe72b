// HtmlOutput.getBlob / getAs (reference/html/html-output): "Return the data inside this object as a blob."
import { caught, env } from './env';

describe('HtmlOutput as a blob', () => {
  test('getBlob is text/html with the page; getAs(text/html) too; other types are refused', () => {
    const { run, ws } = env();
    run(() => {
      const HtmlService = ws.globals.HtmlService as GoogleAppsScript.HTML.HtmlService;
      const out = HtmlService.createHtmlOutput('<b>Invoice</b>').setTitle('Invoice');
      const blob = out.getBlob();
      expect(blob.getContentType()).toBe('text/html');
      expect(blob.getDataAsString()).toBe('<b>Invoice</b>');
      expect(blob.getName()).toBe('Invoice.html');
      expect(out.getAs('text/html').getDataAsString()).toBe('<b>Invoice</b>');
      expect(caught(() => out.getAs('application/pdf')).message).toBe('Converting from text/html to application/pdf is not supported.');
    });
  });
});

describe('HtmlOutput meta tags, getAs text/plain, asTemplate; HtmlTemplate code', () => {
  test('getMetaTags: "Gets an array of objects that represent meta tags added to the page."', () => {
    const { run, ws } = env();
    run(() => {
      const HtmlService = ws.globals.HtmlService as GoogleAppsScript.HTML.HtmlService;
      const out = HtmlService.createHtmlOutput('').addMetaTag('viewport', 'width=device-width');
      const tags = out.getMetaTags();
      expect(tags.map((m) => [m.getName(), m.getContent()])).toEqual([['viewport', 'width=device-width']]);
      // getAs: "Return the data inside this object as a blob converted to the specified content type."
      out.setContent('<b>x</b>');
      expect(out.getAs('text/plain').getContentType()).toBe('text/plain');
      // asTemplate: "Creates and returns a new HtmlTemplate from this HtmlOutput."
      expect(out.asTemplate().getRawContent()).toBe('<b>x</b>');
    });
  });

  test('getCode: "Generates a string of JavaScript code, based on the template file, that can be evaluated."', () => {
    const { run, ws } = env();
    run(() => {
      const HtmlService = ws.globals.HtmlService as GoogleAppsScript.HTML.HtmlService;
      const t = HtmlService.createTemplate('Hello <?= name ?>');
      expect(t.getCode()).toContain('"Hello "');
      expect(t.getCode()).toContain('output._$ = name;');
      // getCodeWithComments: "…with each line of the code containing the original line from the template as a comment."
      expect(t.getCodeWithComments()).toContain('// <?= name ?>');
    });
  });
});
