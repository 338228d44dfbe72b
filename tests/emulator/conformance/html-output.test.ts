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
