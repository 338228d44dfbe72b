// The line row's details: an empty {{details}} prints nothing and is not reported (the line
// evaluator), the paragraph holding it goes with its line break, and a cell that mixes styles
// (service name, smaller details) keeps them in the filled text.
import { cellParts, fillCell, findRowTemplate, planRows, CellPart, DocJson } from '../../../src/domain/documents/docPlan';
import { createLineEvaluator } from '../../../src/app/documents/templating';

const day = (iso: string) => iso;

function fillWith(values: Record<string, string | null>) {
  const unfilled: string[] = [];
  const fill = (text: string) => text.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (token, e: string) => {
    const v = e in values ? values[e] : null;
    if (v === null) { unfilled.push(token); return token; }
    return v;
  });
  return { fill, unfilled };
}

const small = { fontSize: 8.5 };
const serviceCell: CellPart[] = [{ text: '{{description}}\n', style: {} }, { text: '{{details}}', style: small }];

describe('the line evaluator', () => {
  const context = { company: { name: 'Studio' }, total: 500 };

  it('prints empty or missing details as nothing, without reporting them', () => {
    expect(createLineEvaluator(context, { description: 'Design', details: '' }, 'EUR', day)('details')).toBe('');
    expect(createLineEvaluator(context, { description: 'Design' }, 'EUR', day)(' details ')).toBe('');
    expect(createLineEvaluator(context, { description: 'Design', details: '   ' }, 'EUR', day)('details')).toBe('');
  });

  it('prints details that are there, the line fields first, and still reports what no data fills', () => {
    const evaluate = createLineEvaluator(context, { description: 'Design', details: 'Two concepts', total: 1250 }, 'EUR', day);
    expect(evaluate('details')).toBe('Two concepts');
    expect(evaluate('description')).toBe('Design');
    expect(evaluate('money total')).toBe(createLineEvaluator(context, { total: 1250 }, 'EUR', day)('money total'));
    expect(evaluate('company.name')).toBe('Studio');
    expect(evaluate('sku')).toBeNull();
    expect(evaluate('details.more')).toBeNull();
  });
});

describe('fillCell', () => {
  it('keeps the details under the service, each in its own style', () => {
    const { fill, unfilled } = fillWith({ description: 'Design', details: 'Two concepts' });
    expect(fillCell(serviceCell, fill)).toEqual({
      text: 'Design\nTwo concepts',
      spans: [{ start: 0, end: 7, style: {} }, { start: 7, end: 19, style: small }],
    });
    expect(unfilled).toEqual([]);
  });

  it('drops the details paragraph and its line break when the details are empty', () => {
    const { fill, unfilled } = fillWith({ description: 'Design', details: '' });
    expect(fillCell(serviceCell, fill)).toEqual({ text: 'Design', spans: [{ start: 0, end: 6, style: {} }] });
    expect(unfilled).toEqual([]);
  });

  it('keeps a line that also holds fixed text, and one whose placeholder cannot be filled', () => {
    const { fill, unfilled } = fillWith({ description: 'Design', details: '' });
    const withLabel: CellPart[] = [{ text: '{{description}}\nNote: {{details}}', style: {} }];
    expect(fillCell(withLabel, fill)).toEqual({ text: 'Design\nNote: ', spans: [] });
    const unknown: CellPart[] = [{ text: '{{description}}\n{{sku}}', style: {} }];
    expect(fillCell(unknown, fill).text).toBe('Design\n{{sku}}');
    expect(unfilled).toEqual(['{{sku}}']);
  });

  it('gives no spans for a cell of one style, so its filled text is plain as before', () => {
    const { fill } = fillWith({ quantity: '3', unit: 'hour' });
    expect(fillCell([{ text: '{{quantity}} {{unit}}', style: { bold: true } }], fill)).toEqual({ text: '3 hour', spans: [] });
    expect(fillCell([], fill)).toEqual({ text: '', spans: [] });
  });

  it('keeps line breaks typed inside the details in the details style', () => {
    const { fill } = fillWith({ description: 'Design', details: 'One\nTwo' });
    expect(fillCell(serviceCell, fill)).toEqual({ text: 'Design\nOne\nTwo', spans: [{ start: 0, end: 7, style: {} }, { start: 7, end: 14, style: small }] });
  });
});

describe('line rows of a cell that mixes styles', () => {
  // A table [[#, Service], [{{#each lines}}, {{description}} / {{details}}{{/each}} (8.5 pt)]], Docs indexes.
  const template: DocJson = {
    body: {
      content: [
        { endIndex: 1, sectionBreak: {} },
        {
          startIndex: 1, endIndex: 70, table: {
            tableRows: [
              { startIndex: 2, endIndex: 14, tableCells: [
                { startIndex: 3, endIndex: 5, content: [{ startIndex: 4, endIndex: 5, paragraph: { elements: [{ startIndex: 4, endIndex: 5, textRun: { content: '#\n' } }] } }] },
                { startIndex: 5, endIndex: 14, content: [{ startIndex: 6, endIndex: 14, paragraph: { elements: [{ startIndex: 6, endIndex: 14, textRun: { content: 'Service\n' } }] } }] },
              ] },
              { startIndex: 14, endIndex: 70, tableCells: [
                { startIndex: 15, endIndex: 32, content: [{ startIndex: 16, endIndex: 32, paragraph: { elements: [{ startIndex: 16, endIndex: 32, textRun: { content: '{{#each lines}}\n' } }] } }] },
                { startIndex: 32, endIndex: 70, content: [
                  { startIndex: 33, endIndex: 49, paragraph: { elements: [{ startIndex: 33, endIndex: 49, textRun: { content: '{{description}}\n' } }] } },
                  { startIndex: 49, endIndex: 70, paragraph: { elements: [
                    { startIndex: 49, endIndex: 60, textRun: { content: '{{details}}', textStyle: { fontSize: { magnitude: 8.5, unit: 'PT' } } } },
                    { startIndex: 60, endIndex: 70, textRun: { content: '{{/each}}\n', textStyle: { fontSize: { magnitude: 8.5, unit: 'PT' } } } },
                  ] } },
                ] },
              ] },
            ],
          },
        },
      ],
    },
  };

  it('the row template keeps each cell\'s styled runs', () => {
    const row = findRowTemplate(template.body.content)!;
    expect(row.cells).toEqual(['', '{{description}}\n{{details}}']);
    expect(row.parts![1]).toEqual(serviceCell);
    expect(cellParts(template.body.content[1].table!.tableRows[0].tableCells[1])).toEqual([{ text: 'Service', style: {} }]);
  });

  it('sets the style of every span right after inserting the text, in the same plan', () => {
    const table = template.body.content[1];
    const { fill } = fillWith({ description: 'Design', details: 'Two concepts' });
    const plan = planRows(table, 1, 1, [['1', fillCell(serviceCell, fill)]]);
    const cell = table.table!.tableRows[1].tableCells[1];
    expect(plan.requests.slice(0, 4)).toEqual([
      { deleteContentRange: { range: { startIndex: cell.startIndex + 1, endIndex: cell.endIndex - 1 } } },
      { insertText: { location: { index: cell.startIndex + 1 }, text: 'Design\nTwo concepts' } },
      { updateTextStyle: { range: { startIndex: 33, endIndex: 40 }, textStyle: {}, fields: 'bold,italic,underline,fontSize' } },
      { updateTextStyle: { range: { startIndex: 40, endIndex: 52 }, textStyle: { fontSize: { magnitude: 8.5, unit: 'PT' } }, fields: 'bold,italic,underline,fontSize' } },
    ]);
  });
});
