// Placeholders are Handlebars expressions. Each one is evaluated on its own, in strict
// mode, so a value the data cannot provide is reported instead of printed as blank.
import Handlebars from 'handlebars';
import { formatMoney } from '../../domain/documents/calculator';
import { createFormats, localeTag } from '../../domain/kernel/formatting';

export type Evaluate = (expression: string) => string | null;

/** `sheetLocale`: the spreadsheet's ("de_DE"); {{money}} and {{date}} are written its way (issue 21, item 8). */
export function createEvaluator(context: Record<string, unknown>, currency: string, formatDay: (iso: string) => string, sheetLocale?: string): Evaluate {
  const hb = Handlebars.create();
  const locale = localeTag(sheetLocale);
  hb.registerHelper('money', (value: unknown) => {
    if (typeof value !== 'number' || !isFinite(value)) throw new Error('not an amount');
    return formatMoney(value, currency, locale);
  });
  hb.registerHelper('date', (value: unknown) => {
    if (typeof value !== 'string' || value === '') throw new Error('no date');
    return formatDay(value);
  });
  hb.registerHelper('upper', (value: unknown) => String(value).toUpperCase());
  // Only the documented helpers: a template (or data that slipped into one) cannot log or look
  // up arbitrary names; a call to them fails and is reported as unfilled.
  for (const builtIn of ['log', 'lookup']) hb.unregisterHelper(builtIn);
  const cache: Record<string, HandlebarsTemplateDelegate | null> = {};
  return (expression) => {
    if (!(expression in cache)) {
      try {
        cache[expression] = hb.compile(`{{${expression}}}`, { strict: true, noEscape: true });
      } catch (_syntax) {
        cache[expression] = null;
      }
    }
    const template = cache[expression];
    if (!template) return null;
    try {
      return template(context);
    } catch (_missing) {
      return null;
    }
  };
}

/** Line fields that are optional: empty, they print nothing and are not reported as unfilled. */
export const OPTIONAL_LINE_FIELDS: readonly string[] = ['details'];

/**
 * The evaluator inside the line row: the line's fields first (so {{money total}} is the line
 * total), then the document's. An optional line field ({{details}}) that is empty or missing
 * (a line saved before the Details column existed) prints nothing; any other placeholder the
 * data cannot fill is still null, so it stays visible and is reported.
 */
export function createLineEvaluator(context: Record<string, unknown>, line: Record<string, unknown>, currency: string, formatDay: (iso: string) => string, sheetLocale?: string): Evaluate {
  const evaluate = createEvaluator({ ...context, ...line }, currency, formatDay, sheetLocale);
  return (expression) => {
    const name = expression.trim();
    if (OPTIONAL_LINE_FIELDS.indexOf(name) >= 0) {
      const value = line[name];
      if (value === undefined || value === null || String(value).trim() === '') return '';
    }
    return evaluate(expression);
  };
}

/** A 'yyyy-MM-dd' day written out in the spreadsheet's locale: "November 23, 2026" (en_US), "23. November 2026" (de_DE). */
export function longDayIn(sheetLocale: string | undefined): (day: string) => string {
  const formats = createFormats({ locale: sheetLocale, timeZone: 'UTC', currency: 'EUR' });
  return (day) => {
    const match = /^(\d{4}-\d{2}-\d{2})/.exec(day);
    return match ? formats.longDay(match[1]) : day;
  };
}

/** Every placeholder the templates may use, for docs/user-guide.md and the sidebar's help panel. */
export const PLACEHOLDERS: { token: string; meaning: string }[] = [
  { token: '{{company.name}}', meaning: 'your company (Settings: company_name)' },
  { token: '{{company.address}} {{company.taxId}} {{company.bank}} {{company.email}} {{company.phone}}', meaning: 'your details (Settings: company_address, company_tax_id, company_bank, company_email, company_phone); put each in an {{#if}} so an empty one prints nothing' },
  { token: '{{client.name}}', meaning: 'the client' },
  { token: '{{client.contact}}', meaning: "the client's contact person (Clients: Contact person)" },
  { token: '{{client.greeting}}', meaning: 'the contact person when known, else the client: for "Dear …"' },
  { token: '{{client.address}}', meaning: "the client's address and city (Clients)" },
  { token: '{{client.email}}', meaning: "the client's email" },
  { token: '{{client.phone}}', meaning: "the client's phone" },
  { token: '{{deal.title}}', meaning: 'the deal' },
  { token: '{{date deal.expectedClose}}', meaning: 'the expected close date' },
  { token: '{{manager.name}}', meaning: 'the deal manager' },
  { token: '{{manager.email}}', meaning: "the manager's email" },
  { token: '{{date today}}', meaning: "today's date" },
  { token: '{{date dueDate}}', meaning: 'invoice due date (14 days)' },
  { token: '{{document.number}}', meaning: 'the document\'s number: PRO-, CON-, INV- or BRF-year-sequence' },
  { token: '{{quote.revision}}', meaning: 'revision of the saved quote' },
  { token: '{{money budget}}', meaning: 'the rough budget' },
  { token: '{{money subtotal}}', meaning: 'sum of the lines' },
  { token: '{{orderDiscount}}', meaning: 'order discount %' },
  { token: '{{money discount}}', meaning: 'order discount amount' },
  { token: '{{taxRate}}', meaning: 'tax rate %' },
  { token: '{{money tax}}', meaning: 'tax amount' },
  { token: '{{money total}}', meaning: 'total (inside the line row: the line total)' },
  { token: '{{paymentLink}}', meaning: 'online payment link (Settings: payment_link)' },
  { token: '{{#each lines}} … {{/each}}', meaning: 'in a table row: the row repeats per quote line' },
  { token: '{{#if paymentLink}} … {{/if}}', meaning: 'inside one paragraph: printed only when the value exists; a whole paragraph goes with it, and a whole header cell takes its table column' },
  { token: '{{#if anyDiscount}} … {{/if}}', meaning: 'true when a quote line has a discount: wrap the discount column header in it' },
  { token: '{{position}} {{code}} {{description}} {{quantity}} {{unit}} {{money unitPrice}} {{discount}} {{money total}}', meaning: 'inside the line row' },
  { token: '{{details}}', meaning: "inside the line row: the line's details (from the price list's description); empty prints nothing" },
];
