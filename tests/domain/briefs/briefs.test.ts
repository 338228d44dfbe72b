// Pure rules of the brief by link (issue 25).
import fc from 'fast-check';
import {
  BriefQuestion, answersOf, formRequests, latestAnswers, mappingProblem, numberFromAnswer, questionIdsOf, quoteLinesFromAnswers, templateVersion,
} from '../../../src/domain/briefs/briefs';

const Q = (question: string, extra: Partial<BriefQuestion> = {}): BriefQuestion => ({ question, kind: 'short', options: [], required: false, mapsTo: '', ...extra });

test('the template version changes with any question and is stable otherwise', () => {
  const base = [Q('Budget', { kind: 'number', mapsTo: 'budget' }), Q('Type', { kind: 'choice', options: ['Shop', 'Site'] })];
  expect(templateVersion(base)).toBe(templateVersion(JSON.parse(JSON.stringify(base))));
  expect(templateVersion(base)).not.toBe(templateVersion([base[0], Q('Type', { kind: 'choice', options: ['Shop', 'Site', 'App'] })]));
  expect(templateVersion(base)).toMatch(/^[0-9a-f]{8}$/);
});

test('formRequests: the description first, then one createItem per question in order, with the Forms kinds', () => {
  const req = formRequests('Known: Ann', [Q('Goals', { kind: 'paragraph', required: true }), Q('Type', { kind: 'checkboxes', options: ['A', 'B'] }), Q('When', { kind: 'date' }), Q('Pages', { kind: 'number' })]);
  expect(req[0]).toEqual({ updateFormInfo: { info: { description: 'Known: Ann' }, updateMask: 'description' } });
  const items = req.slice(1).map((r: any) => r.createItem);
  expect(items.map((i: any) => i.location.index)).toEqual([0, 1, 2, 3]);
  expect(items[0].item.questionItem.question).toEqual({ required: true, textQuestion: { paragraph: true } });
  expect(items[1].item.questionItem.question.choiceQuestion).toEqual({ type: 'CHECKBOX', options: [{ value: 'A' }, { value: 'B' }] });
  expect(items[2].item.questionItem.question).toEqual({ dateQuestion: { includeYear: true } });
  expect(items[3].item.description).toBe('A number.');
  expect(questionIdsOf([{}, { createItem: { questionId: ['a'] } }], [Q('x')])).toEqual([{ ...Q('x'), questionId: 'a' }]);
  expect(questionIdsOf([{}, {}], [Q('x')])).toBeNull();
});

test('answers of a response; several choices joined; the latest answer per question wins, whatever the order read', () => {
  const qs = [{ ...Q('Budget', { mapsTo: 'budget' }), questionId: 'q1' }, { ...Q('Type'), questionId: 'q2' }];
  const got = answersOf({ responseId: 'r1', lastSubmittedTime: '2026-12-01T10:00:00Z', answers: { q1: { textAnswers: { answers: [{ value: '12000' }] } }, q2: { textAnswers: { answers: [{ value: 'A' }, { value: 'B' }] } } } }, qs);
  expect(got.map((a) => [a.question, a.answer, a.mapsTo])).toEqual([['Budget', '12000', 'budget'], ['Type', 'A; B', '']]);
  fc.assert(fc.property(fc.array(fc.record({ questionId: fc.constantFrom('a', 'b', 'c'), answeredAt: fc.integer({ min: 0, max: 1e6 }).map((n) => new Date(1.7e12 + n * 1000).toISOString()) }), { maxLength: 20 }), (list) => {
    const latest = latestAnswers(list);
    expect(new Set(latest.map((a) => a.questionId)).size).toBe(latest.length);
    for (const a of latest) expect(list.filter((b) => b.questionId === a.questionId).every((b) => b.answeredAt <= a.answeredAt)).toBe(true);
  }));
});

test('amounts the client typed; mappings; quote lines by item:CODE', () => {
  expect(numberFromAnswer('€12,000')).toBe(12000);
  expect(numberFromAnswer('about 5k')).toBe(5000);
  expect(numberFromAnswer('12 000 EUR')).toBe(12000);
  expect(numberFromAnswer('not sure')).toBeNull();
  expect(numberFromAnswer('=1+1')).toBeNull();
  expect(mappingProblem('budget')).toBeNull();
  expect(mappingProblem('item:WEB-DES')).toBeNull();
  expect(mappingProblem('deadline')).toMatch(/not a mapping/);
  expect(quoteLinesFromAnswers([
    { mapsTo: 'item:WEB-DES', answer: '6', question: 'Pages' },
    { mapsTo: 'item:LOGO', answer: 'yes', question: 'Logo?' },
    { mapsTo: 'item:SHOP', answer: 'no', question: 'Shop?' },
    { mapsTo: 'budget', answer: '9000', question: 'Budget' },
  ])).toEqual([{ code: 'WEB-DES', quantity: 6, question: 'Pages', answer: '6' }, { code: 'LOGO', quantity: 1, question: 'Logo?', answer: 'yes' }]);
});
