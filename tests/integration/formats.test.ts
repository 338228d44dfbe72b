// Issue 21, item 8: dates and money in one format, from the spreadsheet's locale and time zone
// (Spreadsheet.getSpreadsheetLocale), in the sidebar's payload, documents and typed amounts.
import { freshWorkspace } from './harness';
import { createFormats } from '../../src/domain/kernel/formatting';
import { createEvaluator, longDayIn } from '../../src/app/documents/templating';

/* eslint-disable @typescript-eslint/no-explicit-any */
const docId = (url: string) => /\/d\/([^/]+)/.exec(url)![1];

function studio(locale: string) {
  const { ws, addon } = freshWorkspace({ locale });
  addon.setupWorkbook();
  addon.loadDemoData();
  addon.installDocumentTemplates();
  const deal = addon.api_getBoard({ scope: 'all' }).columns.find((c: any) => c.key === 'negotiation').cards.find((c: any) => c.editable);
  const item = addon.api_getCatalog().items[0];
  addon.api_saveQuote(deal.id, { lines: [{ code: item.code, description: item.service, unit: item.unit, quantity: 3, unitPriceMinor: 123450 }] }, addon.api_getDeal(deal.id).card.version);
  return { ws, addon, deal };
}

describe('formats follow the spreadsheet\'s locale', () => {
  it('a de_DE workbook: the board says so, the proposal writes German dates and amounts, a typed "1,50" is one euro fifty', () => {
    const { ws, addon, deal } = studio('de_DE');
    const board = addon.api_getBoard({ scope: 'all' });
    expect(board.locale).toBe('de_DE');
    expect(board.timeZone).toBe('Europe/Berlin');

    const de = createFormats({ locale: 'de_DE', timeZone: 'Europe/Berlin', currency: 'EUR' });
    const proposal = addon.api_generateDocument(deal.id, 'proposal');
    const text = ws.drive.documentText(docId(proposal.url)) as string;
    expect(text).toContain('23. November 2026');
    expect(text).not.toContain('November 23, 2026');
    // 3 × 1.234,50 € = 3.703,50 € before tax.
    expect(text).toContain(`Subtotal: ${de.moneyMinor(370350)}`);
    expect(de.moneyMinor(370350)).toBe('3.703,50\u00a0€');

    const paid = addon.api_recordPayment({ dealId: deal.id, amount: '1,50', method: 'cash', date: '2026-11-23' });
    expect(paid.payment.amountMinor).toBe(150);
  });

  it('an en_US workbook writes "November 23, 2026" and "€3,703.50"; a lone "1,500" is fifteen hundred', () => {
    const { ws, addon, deal } = studio('en_US');
    expect(addon.api_getBoard({ scope: 'all' }).locale).toBe('en_US');
    const proposal = addon.api_generateDocument(deal.id, 'proposal');
    const text = ws.drive.documentText(docId(proposal.url)) as string;
    expect(text).toContain('November 23, 2026');
    expect(text).toContain('Subtotal: €3,703.50');
    const paid = addon.api_recordPayment({ dealId: deal.id, amount: '1,500', method: 'cash', date: '2026-11-23' });
    expect(paid.payment.amountMinor).toBe(150000);
  });

  it('a de_DE workbook: slot, booking and planner labels are German, in the spreadsheet\'s zone (issue 21, item 8)', () => {
    const { addon, deal } = studio('de_DE');
    const de = createFormats({ locale: 'de_DE', timeZone: 'Europe/Berlin', currency: 'EUR' });
    const search = addon.api_findMeetingSlots(deal.id, { durationMinutes: 60, place: 'office' });
    const slot = search.slots[0];
    const start = new Date(slot.start);
    const end = new Date(start.getTime() + 3600000);
    expect(slot.label).toBe(`${de.weekdayDay(start)} ${de.time(start)}–${de.time(end)}`);
    // German words and a 24-hour clock: "Mo., 23. Nov. 09:00–10:00" (not "Mon 23 Nov" nor "9:00 AM").
    expect(slot.label).toMatch(/^[A-Z][a-z]\., \d{1,2}\. [A-Z][a-zä]+\.? \d\d:\d\d–\d\d:\d\d$/);
    const booked = addon.api_bookMeeting(deal.id, { start: slot.start, durationMinutes: 60, place: 'office' });
    expect(booked.label).toBe(slot.label);
    const planner = addon.api_getPlanner();
    const day = planner.days.find((d: any) => d.meetings.some((m: any) => m.dealId === deal.id));
    expect(day.label).toBe(de.weekdayDay(day.day));
    expect(day.meetings.find((m: any) => m.dealId === deal.id).time).toBe(`${de.time(start)}–${de.time(end)}`);
  });

  it('e-mail texts use the same helpers: {{money}} and {{date}} in the owner\'s words follow the locale', () => {
    const evaluate = createEvaluator({ total: 160000, today: '2026-12-07' }, 'EUR', longDayIn('de_DE'), 'de_DE');
    expect(evaluate('money total')).toBe('1.600,00\u00a0€');
    expect(evaluate('date today')).toBe('7. Dezember 2026');
  });
});
