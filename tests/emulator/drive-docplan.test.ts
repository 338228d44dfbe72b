// The add-on's own document planner (src/domain/documents/docPlan.ts) against the emulated Docs API:
// one get, one batchUpdate for the first fill, then a regenerate in place.
import * as fs from 'fs';
import * as path from 'path';
import { CallCounter, EmulatorContext, VirtualClock } from '../../scripts/emulator/context';
import { DriveModel, createDriveServices } from '../../scripts/emulator/drive';
import { DocJson, findRowTemplate, planFirstFill, planRefill } from '../../src/domain/documents/docPlan';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

function setup() {
  const calls = new CallCounter();
  const ctx: EmulatorContext = {
    clock: new VirtualClock('2026-11-23T09:00:00Z'),
    calls,
    currentExecution: () => ({ id: 1, user: 'owner@studio.test', authMode: 'FULL' }),
    requireAuthorization: () => undefined,
    currentUser: () => 'owner@studio.test',
    timeZone: () => 'Europe/Berlin',
    nextId: (p: string) => p,
  };
  const model = new DriveModel({ seed: 11 });
  const s = createDriveServices(ctx, model);
  return { model, calls, Drive: s.Drive as Any, Docs: s.Docs as Any };
}

const values: Record<string, string> = {
  'deal.title': 'Website relaunch', 'client.name': 'Ada Lovelace', 'client.company': 'Acme GmbH', today: '23 Nov 2026',
  total: '10,400.00', 'owner.name': 'Studio Owner',
};

test('first fill and regenerate with the add-on planner', () => {
  const env = setup();
  const html = fs.readFileSync(path.join(__dirname, 'fixtures', 'drive', 'proposal-template.html'), 'utf8');
  const template = env.Drive.Files.create({ name: 'Template', mimeType: 'application/vnd.google-apps.document' },
    { getDataAsString: () => html, getContentType: () => 'text/html', getName: () => 't.html' }, { fields: 'id' }).id;
  const copy = env.Drive.Files.copy({ name: 'Proposal – Acme' }, template, { fields: 'id' }).id;
  env.calls.reset();

  const doc = env.Docs.Documents.get(copy) as DocJson;
  const rowTemplate = findRowTemplate(doc.body.content);
  expect(rowTemplate).toMatchObject({ tableIndex: 0, rowIndex: 1 });
  const lines = [
    ['Discovery workshop', '1', '1,200.00', '1,200.00'],
    ['Design', '3', '900.00', '2,700.00'],
    ['Build', '8', '750.00', '6,000.00'],
  ];
  const plan = planFirstFill(doc, (e) => values[e] ?? null, lines, rowTemplate);
  expect(plan.unfilled).toEqual([]);
  env.Docs.Documents.batchUpdate({ requests: plan.requests }, copy);
  expect(env.calls.byMethod()).toEqual({ 'DocsDocuments.batchUpdate': 1, 'DocsDocuments.get': 1 });
  expect(env.model.documentTables(copy)).toEqual([[['Item', 'Qty', 'Unit price', 'Amount'], ...lines, ['Total', '', '', '10,400.00']]]);
  const text = env.model.documentText(copy);
  expect(text).toContain('Proposal: Website relaunch');
  expect(text).toContain('Prepared for Ada Lovelace, Acme GmbH\nDate: 23 Nov 2026');
  expect(text).not.toContain('{{');
  const named = env.Docs.Documents.get(copy).namedRanges;
  expect(Object.keys(named).sort()).toEqual(['db:client.company', 'db:client.name', 'db:deal.title', 'db:owner.name', 'db:today', 'db:total']);

  // regenerate: new values in place, the line rows rebuilt (3 → 2)
  const again = env.Docs.Documents.get(copy) as DocJson;
  const changed: Record<string, string> = { ...values, 'client.name': 'Ada King', total: '3,900.00' };
  const refill = planRefill(again, (e) => changed[e] ?? null, lines.slice(0, 2), { tableIndex: 0, rowIndex: 1, count: 3 });
  env.Docs.Documents.batchUpdate({ requests: refill.requests }, copy);
  expect(env.model.documentTables(copy)).toEqual([[['Item', 'Qty', 'Unit price', 'Amount'], ...lines.slice(0, 2), ['Total', '', '', '3,900.00']]]);
  expect(env.model.documentText(copy)).toContain('Prepared for Ada King, Acme GmbH');
  const after = env.Docs.Documents.get(copy);
  const nameRange = after.namedRanges['db:client.name'].namedRanges[0].ranges[0];
  expect(env.model.documentText(copy)).toContain('Ada King');
  expect(nameRange.endIndex - nameRange.startIndex).toBe('Ada King'.length);
  // the template is untouched
  expect(env.model.documentText(template)).toContain('{{client.name}}');
});

describe('"{{#if}}" blocks in a template', () => {
  const html = `<html><body><p>Invoice {{number}}</p>
<p>{{#if company.address}}{{company.address}}{{/if}}</p>
<p>{{#if paymentLink}}Pay online: {{paymentLink}}{{/if}}</p>
<table><tr><th>Service</th><th>{{#if anyDiscount}}Disc.{{/if}}</th><th>Total</th></tr>
<tr><td>{{#each lines}}{{description}}</td><td>{{discount}}%</td><td>{{total}}{{/each}}</td></tr></table>
<p>Thank you{{#if client.contact}}, {{client.contact}}{{/if}}!</p>
<p>End</p></body></html>`;

  function filled(values: Record<string, string>, lines: string[][]) {
    const env = setup();
    const template = env.Drive.Files.create({ name: 'T', mimeType: 'application/vnd.google-apps.document' },
      { getDataAsString: () => html, getContentType: () => 'text/html', getName: () => 't.html' }, { fields: 'id' }).id;
    const copy = env.Drive.Files.copy({ name: 'Invoice' }, template, { fields: 'id' }).id;
    const doc = env.Docs.Documents.get(copy) as DocJson;
    const plan = planFirstFill(doc, (e) => values[e] ?? null, lines, findRowTemplate(doc.body.content));
    env.Docs.Documents.batchUpdate({ requests: plan.requests }, copy);
    return { plan, text: env.model.documentText(copy) as string, tables: env.model.documentTables(copy) };
  }

  test('a block whose value is missing leaves nothing: no line, no column, its placeholders not reported', () => {
    const { plan, text, tables } = filled({ number: 'INV-2026-0001', anyDiscount: 'false' }, [['Design', '', '€100'], ['Build', '', '€200']]);
    expect(text).toBe('Invoice INV-2026-0001\nService\tTotal\nDesign\t€100\nBuild\t€200\nThank you!\nEnd');
    expect(tables).toEqual([[['Service', 'Total'], ['Design', '€100'], ['Build', '€200']]]);
    expect(plan.unfilled).toEqual([]);
    expect(plan.conditions).toEqual({ 'company.address': false, paymentLink: false, anyDiscount: false, 'client.contact': false });
    expect(plan.removedColumns).toEqual([1]);
  });

  test('a block whose value is there is printed without its markers', () => {
    const values = { number: 'INV-2026-0002', 'company.address': 'Main St 1, Berlin', paymentLink: 'https://pay.example/2', anyDiscount: 'true', 'client.contact': 'Ada' };
    const { plan, text, tables } = filled(values, [['Design', '15%', '€85']]);
    expect(text).toBe('Invoice INV-2026-0002\nMain St 1, Berlin\nPay online: https://pay.example/2\nService\tDisc.\tTotal\nDesign\t15%\t€85\nThank you, Ada!\nEnd');
    expect(tables).toEqual([[['Service', 'Disc.', 'Total'], ['Design', '15%', '€85']]]);
    expect(plan.removedColumns).toEqual([]);
    expect(Object.values(plan.conditions)).toEqual([true, true, true, true]);
  });
});
