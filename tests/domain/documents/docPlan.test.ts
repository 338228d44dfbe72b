import { DocJson, DocStructuralElement, findPlaceholders, findRowTemplate, planFirstFill, planRows } from '../../../src/domain/documents/docPlan';

/** Builds Docs API JSON with the documented index model from paragraphs and tables. */
function doc(parts: (string | string[][])[]): DocJson {
  const content: DocStructuralElement[] = [{ endIndex: 1, sectionBreak: {} }];
  let at = 1;
  const paragraph = (text: string) => {
    const start = at;
    at += text.length + 1;
    return { startIndex: start, endIndex: at, paragraph: { elements: [{ startIndex: start, endIndex: at, textRun: { content: `${text}\n` } }] } };
  };
  for (const part of parts) {
    if (typeof part === 'string') {
      content.push(paragraph(part));
      continue;
    }
    const tableStart = at;
    at += 1;
    const tableRows = part.map((cells) => {
      const rowStart = at;
      at += 1;
      const tableCells = cells.map((text) => {
        const cellStart = at;
        at += 1;
        const p = paragraph(text);
        return { startIndex: cellStart, endIndex: at, content: [p] };
      });
      return { startIndex: rowStart, endIndex: at, tableCells };
    });
    content.push({ startIndex: tableStart, endIndex: at, table: { tableRows } });
  }
  return { body: { content } };
}

describe('document fill planning', () => {
  const template = doc([
    'Hello {{client.name}}, total {{money total}}',
    [['#', 'Service'], ['{{#each lines}}{{position}}', '{{description}}{{/each}}']],
    'Missing: {{client.fax}}',
  ]);

  it('finds placeholders with their Docs indexes, outside the line row', () => {
    const row = findRowTemplate(template.body.content)!;
    expect(row).toEqual({ tableIndex: 0, rowIndex: 1, cells: ['{{position}}', '{{description}}'] });
    const all = findPlaceholders(template.body.content);
    expect(all[0]).toEqual({ token: '{{client.name}}', expression: 'client.name', startIndex: 7, endIndex: 22 });
    expect(all.map((p) => p.expression)).toContain('description');
  });

  it('plans edits from the end of the document backwards and reports what it cannot fill', () => {
    const values: Record<string, string> = { 'client.name': 'Lena', 'money total': '€1.00' };
    const plan = planFirstFill(template, (e) => (e in values ? values[e] : null), [['1', 'Design'], ['2', 'Code'], ['3', 'Test']], findRowTemplate(template.body.content));
    expect(plan.unfilled).toEqual(['{{client.fax}}']);
    const anchors = plan.requests
      .map((r: any) => (r.deleteContentRange ? r.deleteContentRange.range.startIndex : r.insertText ? r.insertText.location.index : null))
      .filter((x): x is number => x !== null);
    // Scalar edits at the top come last; the value goes in after the placeholder (keeping its
    // style), then the placeholder is deleted.
    expect(plan.requests.slice(-3).map((r) => Object.keys(r)[0])).toEqual(['insertText', 'deleteContentRange', 'createNamedRange']);
    expect(plan.requests.filter((r) => 'insertTableRow' in r)).toHaveLength(2);
    expect(anchors.length).toBeGreaterThan(4);
  });

  it('computes the cells of new rows from the row template: 1 + 2k indexes a row', () => {
    const table = template.body.content[2];
    const plan = planRows(table, 1, 1, [['1', 'A'], ['2', 'B']]);
    const lastRow = table.table!.tableRows[1];
    expect(plan.requests).toEqual([
      { insertTableRow: { tableCellLocation: { tableStartLocation: { index: table.startIndex }, rowIndex: 1, columnIndex: 0 }, insertBelow: true } },
      { insertText: { location: { index: lastRow.endIndex + 4 }, text: 'B' } },
      { insertText: { location: { index: lastRow.endIndex + 2 }, text: '2' } },
      { deleteContentRange: { range: { startIndex: lastRow.tableCells[1].startIndex + 1, endIndex: lastRow.tableCells[1].endIndex - 1 } } },
      { insertText: { location: { index: lastRow.tableCells[1].startIndex + 1 }, text: 'A' } },
      { deleteContentRange: { range: { startIndex: lastRow.tableCells[0].startIndex + 1, endIndex: lastRow.tableCells[0].endIndex - 1 } } },
      { insertText: { location: { index: lastRow.tableCells[0].startIndex + 1 }, text: '1' } },
    ]);
  });

  it('removes surplus line rows and the row itself when there are no lines', () => {
    const table = template.body.content[2];
    expect(planRows(table, 1, 1, []).requests).toEqual([{ deleteTableRow: { tableCellLocation: { tableStartLocation: { index: table.startIndex }, rowIndex: 1, columnIndex: 0 } } }]);
  });
});
