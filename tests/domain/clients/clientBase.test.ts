import fc from 'fast-check';
import { defuseRows, defusedNote, detectDelimiter, neutralizeForSpreadsheet, parseCsv, restoreNeutralized, serializeCsv } from '../../../src/domain/clients/csv';
import { groupOf, guessMapping, mappingProblems } from '../../../src/domain/clients/importMapping';
import { NOT_YOUR_CLIENT, planImport, summarize } from '../../../src/domain/clients/importPlan';
import { createdId, createdIdsCell, parseCreatedIds, rowsImportWrote } from '../../../src/domain/clients/importUndo';
import { normalizePhone } from '../../../src/domain/clients/phones';
import { indexEntryOf, searchIndex } from '../../../src/domain/clients/clientSearch';
import { canEditClient, canViewClient } from '../../../src/domain/clients/clientRights';
import { vcardOf, vcardText } from '../../../src/domain/clients/vcard';
import { readXlsxRows, sheetRows, sharedStrings } from '../../../src/domain/clients/xlsxRead';
import { xlsxParts } from '../../../src/domain/clients/xlsx';

describe('CSV (RFC 4180 and what Excel writes)', () => {
  test('quotes, doubled quotes, embedded line breaks, CRLF and a BOM', () => {
    const text = '\ufeffName,Note\r\n"Müller, Hans","He said ""hi""\r\nand left"\r\nPlain,\r\n';
    expect(parseCsv(text)).toEqual({ delimiter: ',', rows: [['Name', 'Note'], ['Müller, Hans', 'He said "hi"\r\nand left'], ['Plain', '']] });
  });

  test('European Excel: ; separators, detected from the first line outside quotes', () => {
    expect(detectDelimiter('"a,b";c;d\n1,2;3;4')).toBe(';');
    expect(parseCsv('Name;Telefon\nA;030 1\n').rows).toEqual([['Name', 'Telefon'], ['A', '030 1']]);
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('a,b;c')).toBe(',');
  });

  test('LF and lone CR line ends, no final line break, empty fields, an unclosed quote', () => {
    expect(parseCsv('a,b\nc,d').rows).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseCsv('a,b\rc,d\r').rows).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseCsv(',,\n').rows).toEqual([['', '', '']]);
    expect(parseCsv('a,"open\nstill').rows).toEqual([['a', 'open\nstill']]);
    expect(parseCsv('').rows).toEqual([]);
  });

  test('property: serialise then parse gives the same rows, for , and ; with or without BOM', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'Ü', 'я', ' ', ',', ';', '"', '\n', '\r', '=', '+', "'", '1') , maxLength: 8 });
    const rows = fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 0, maxLength: 6 });
    fc.assert(fc.property(rows, fc.constantFrom(',', ';') as fc.Arbitrary<',' | ';'>, fc.boolean(), (data, delimiter, bom) => {
      const text = serializeCsv(data, { delimiter, bom });
      expect(parseCsv(text, delimiter).rows).toEqual(data);
      // A separator can only be detected when the first row has one.
      if (data.length > 0 && data[0].length >= 2) expect(parseCsv(text).rows).toEqual(data);
    }), { numRuns: 300 });
  });

  test('formula-looking cells are neutralised for spreadsheets and restored on the way back', () => {
    expect(neutralizeForSpreadsheet('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(neutralizeForSpreadsheet('@SUM(1)')).toBe(`'@SUM(1)`);
    expect(neutralizeForSpreadsheet('+49 30 1234567')).toBe('+49 30 1234567');
    expect(neutralizeForSpreadsheet('-5')).toBe('-5');
    expect(neutralizeForSpreadsheet('-cmd|calc')).toBe(`'-cmd|calc`);
    fc.assert(fc.property(fc.string({ maxLength: 12 }), (s) => {
      expect(restoreNeutralized(neutralizeForSpreadsheet(s))).toBe(s);
      expect(/^[=@]/.test(neutralizeForSpreadsheet(s))).toBe(false);
    }), { numRuns: 500 });
  });

  // Issue 21, item 15: a spreadsheet opening the CSV shows the apostrophe ("'=1+2"), so the
  // export counts the cells that carry it and says why.
  test('defuseRows counts exactly the cells that got an apostrophe, and the note says why', () => {
    expect(defuseRows([['Name', 'Phone'], ['=1+2', '+49 30 1'], ['@SUM(1)', '-5']])).toEqual({
      rows: [['Name', 'Phone'], [`'=1+2`, '+49 30 1'], [`'@SUM(1)`, '-5']], defused: 2,
    });
    const cell = fc.string({ unit: fc.constantFrom('=', '+', '-', '@', "'", '1', 'a', ' ', '\t'), maxLength: 6 });
    fc.assert(fc.property(fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 5 }), (rows) => {
      const { rows: safe, defused } = defuseRows(rows);
      let changed = 0;
      rows.forEach((row, r) => row.forEach((value, c) => {
        if (safe[r][c] !== value) { changed += 1; expect(safe[r][c]).toBe(`'${value}`); }
        expect(safe[r][c]).toBe(neutralizeForSpreadsheet(value));
      }));
      expect(defused).toBe(changed);
    }), { numRuns: 300 });
    expect(defusedNote(0)).toBe('');
    expect(defusedNote(1)).toMatch(/^1 cell begins with = \+ - or @, so it carries a leading apostrophe/);
    expect(defusedNote(3)).toMatch(/^3 cells begin with/);
    expect(defusedNote(1)).toContain('XLSX keeps such text exactly');
  });
});

describe('column mapping guesses', () => {
  test('English, German, Russian, French, Spanish, Polish headers', () => {
    expect(guessMapping(['Name', 'Company', 'Phone', 'E-mail', 'City'])).toEqual(['name', 'company', 'phone', 'email', 'city']);
    expect(guessMapping(['Kunde', 'Firma', 'Telefon', 'E-Mail', 'Stadt', 'Bemerkung', 'Ansprechpartner'])).toEqual(['name', 'company', 'phone', 'email', 'city', 'notes', 'contact']);
    expect(guessMapping(['ФИО', 'Компания', 'Телефон', 'Почта', 'Город', 'Адрес', 'Группа', 'Примечание'])).toEqual(['name', 'company', 'phone', 'email', 'city', 'address', 'group', 'notes']);
    expect(guessMapping(['Nom', 'Société', 'Téléphone', 'Courriel', 'Ville'])).toEqual(['name', 'company', 'phone', 'email', 'city']);
    expect(guessMapping(['Nombre', 'Empresa', 'Teléfono', 'Correo', 'Ciudad'])).toEqual(['name', 'company', 'phone', 'email', 'city']);
    expect(guessMapping(['Nazwa', 'Telefon', 'Miasto', 'Uwagi'])).toEqual(['name', 'phone', 'city', 'notes']);
  });

  test('a second phone or e-mail column is kept (other phones); other repeats and unknown headers are left out', () => {
    expect(guessMapping(['Name', 'Telefon privat', 'Handy', 'Name', 'Geburtstag', 'Other emails', 'Email'])).toEqual(['name', 'phone', 'phone', '', '', 'email', 'email']);
  });

  test('problems of a mapping sent back by the sidebar', () => {
    expect(mappingProblems(['name', 'phone'], 2)).toEqual([]);
    expect(mappingProblems(['phone'], 2)).toEqual(['The mapping has 1 columns; the file has 2.', 'Choose the column that holds the client\'s name or company.']);
    expect(mappingProblems(['name', 'name'], 2)).toEqual(['Name is chosen for more than one column.']);
    expect(mappingProblems(['name', 'salary'], 2)).toEqual(['Column 2: "salary" is not a client field.']);
  });

  test('group words of other languages become group keys', () => {
    const groups = ['new', 'returning', 'wholesale', 'retail', 'partner'];
    expect(groupOf('Großhandel', groups)).toBe('wholesale');
    expect(groupOf('опт', groups)).toBe('wholesale');
    expect(groupOf('Stammkunde', groups)).toBe('returning');
    expect(groupOf('Retail', groups)).toBe('retail');
    expect(groupOf('VIP', groups)).toBe('');
  });
});

describe('phones across ten countries', () => {
  const cases: [string, string, string][] = [
    ['DE', '030 1234567', '+49301234567'],
    ['DE', '0049 (0)30 123 45 67', '+49301234567'],
    ['AT', '01 5880000', '+4315880000'],
    ['CH', '044 668 18 00', '+41446681800'],
    ['FR', '01 42 68 53 00', '+33142685300'],
    ['GB', '020 7946 0018', '+442079460018'],
    ['US', '(212) 555-0147', '+12125550147'],
    ['RU', '8 (495) 123-45-67', '+74951234567'],
    ['RU', '+7 495 123-45-67', '+74951234567'],
    ['UA', '044 123 4567', '+380441234567'],
    ['PL', '22 123 45 67', '+48221234567'],
    ['IT', '06 1234 5678', '+390612345678'],
    ['ES', '912 34 56 78', '+34912345678'],
  ];
  test.each(cases)('%s: %s → %s, and the E.164 form reads back the same from anywhere', (country, typed, e164) => {
    expect(normalizePhone(typed, country)).toBe(e164);
    expect(normalizePhone(e164, 'DE')).toBe(e164);
    // "00" is the international prefix of most of Europe (not of the US, Russia or Ukraine).
    const zeroZero = ['US', 'RU', 'UA'].indexOf(country) >= 0 ? 'DE' : country;
    expect(normalizePhone(`00${e164.slice(1)}`, zeroZero)).toBe(e164);
  });
});

const options = {
  country: 'DE', groups: ['new', 'returning', 'wholesale', 'retail', 'partner'], defaultManager: 'me@studio.test', team: [{ email: 'anna@studio.test', name: 'Anna Novak' }],
  importer: { email: 'me@studio.test', name: 'Me', role: 'owner' as const },
};

describe('the import plan', () => {
  const mapping = ['name', 'phone', 'email', 'manager'] as const;
  test('creates, merges by phone in another format or by e-mail, refuses with a reason, skips empty rows', () => {
    const rows = [
      ['Alpha', '030 1234567', '', 'Anna Novak'],
      ['Alpha again', '+49 30 1234567', 'alpha@x.test', ''],
      ['', '', '', ''],
      ['Beta', '', 'BETA@x.test', 'Someone'],
      ['Existing twin', '', 'known@x.test', ''],
      ['', '0171 1', '', ''],
      ['Gamma', '', 'not-mail', ''],
    ];
    const known = [{ id: 'C-1', name: 'Known', email: 'known@x.test', phone: '' }];
    const plans = planImport(rows, 2, [...mapping], known, 'IMP-1', options);
    expect(plans.map((p) => [p.row, p.action, p.reason])).toEqual([
      [2, 'create', ''], [3, 'merge', ''], [4, 'skip', 'empty row'], [5, 'create', ''], [6, 'merge', ''],
      [7, 'refuse', 'no name or company'], [8, 'refuse', 'e-mail "not-mail" is not an e-mail address'],
    ]);
    expect(plans[0].draft).toEqual(expect.objectContaining({ phoneE164: '+49301234567', manager: 'anna@studio.test' }));
    // The merge into a row of the same file folds its e-mail into the created client.
    expect(plans[1]).toEqual(expect.objectContaining({ intoRow: 2, fills: { email: 'alpha@x.test' } }));
    expect(plans[0].draft.email).toBe('alpha@x.test');
    expect(plans[3].draft.manager).toBe('me@studio.test');
    expect(plans[3].warnings[0]).toContain('"Someone" is not on the team');
    expect(plans[4]).toEqual(expect.objectContaining({ into: 'C-1', fills: {} }));
    expect(summarize(plans)).toEqual({ rows: 7, create: 2, merge: 2, refuse: 2, skip: 1 });
  });

  test('rows this import already created are skipped (a resumed chunk creates nothing twice)', () => {
    const known = [{ id: 'C-9', name: 'Alpha', phone: '030 1234567', importId: 'IMP-1', importRow: 2 }];
    const plans = planImport([['Alpha', '030 1234567', '', '']], 2, [...mapping], known, 'IMP-1', options);
    expect(plans.map((p) => [p.action, p.reason])).toEqual([['skip', 'already imported']]);
  });

  describe('with the rights of a manager (those of editing a client card)', () => {
    const team = [{ email: 'anna@studio.test', name: 'Anna Novak' }, { email: 'boris@studio.test', name: 'Boris Lang' }];
    const anna = { ...options, defaultManager: 'anna@studio.test', team, importer: { email: 'anna@studio.test', name: 'Anna Novak', role: 'manager' as const } };
    const known = [
      { id: 'C-B', name: 'Boris Client', phone: '030 1234567', email: 'secret@boris.test', manager: 'boris@studio.test', city: '' },
      { id: 'C-A', name: 'Anna Client', phone: '040 555 666', manager: 'anna@studio.test', city: '' },
      { id: 'C-0', name: 'Nobody\'s', phone: '0171 2223334', manager: '', city: '' },
    ];
    test('a row matching another manager\'s client is refused without a word about that client; her own and unowned ones merge', () => {
      const rows = [['Typed', '+49 30 1234567', '', ''], ['Mine', '040 555666', '', ''], ['Free', '0171 2223334', '', ''], ['Mail', '', 'SECRET@boris.test', '']];
      const plans = planImport(rows, 2, [...mapping], known, 'IMP-1', anna);
      expect(plans.map((p) => [p.action, p.reason])).toEqual([['refuse', NOT_YOUR_CLIENT], ['merge', ''], ['merge', ''], ['refuse', NOT_YOUR_CLIENT]]);
      for (const refused of [plans[0], plans[3]]) {
        expect(refused.into).toBeUndefined();
        expect(refused.fills).toBeUndefined();
        expect(JSON.stringify(refused)).not.toContain('Boris Client');
        expect(JSON.stringify(refused)).not.toContain('C-B');
      }
      // The owner's import of the same rows merges all four.
      expect(planImport(rows, 2, [...mapping], known, 'IMP-1', options).map((p) => p.action)).toEqual(['merge', 'merge', 'merge', 'merge']);
    });
    test('a Manager column naming someone else is refused for a manager; herself, an unknown name or the owner\'s file pass', () => {
      const rows = [['One', '', '', 'Boris Lang'], ['Two', '', '', 'boris@studio.test'], ['Three', '', '', 'Anna Novak'], ['Four', '', '', 'Someone']];
      const plans = planImport(rows, 2, [...mapping], [], 'IMP-1', anna);
      expect(plans.map((p) => p.action)).toEqual(['refuse', 'refuse', 'create', 'create']);
      expect(plans[0].reason).toBe('names boris@studio.test as manager; only a head or the owner may give clients to another manager');
      expect(plans[2].draft.manager).toBe('anna@studio.test');
      expect(plans[3].draft.manager).toBe('anna@studio.test');
      const byOwner = planImport(rows, 2, [...mapping], [], 'IMP-1', { ...options, team });
      expect(byOwner.map((p) => [p.action, p.draft.manager])).toEqual([['create', 'boris@studio.test'], ['create', 'boris@studio.test'], ['create', 'anna@studio.test'], ['create', 'me@studio.test']]);
    });
  });

  test('property: every row gets exactly one action, and no two created clients share a phone or e-mail', () => {
    const phone = fc.constantFrom('030 1234567', '+49 30 1234567', '040 555 666', '0171 2223334', '', '12');
    const email = fc.constantFrom('a@x.test', 'A@X.test', 'b@x.test', '', 'bad');
    const name = fc.constantFrom('Ann', 'Bob', '', 'Cid');
    fc.assert(fc.property(fc.array(fc.tuple(name, phone, email), { maxLength: 25 }), (rows) => {
      const plans = planImport(rows.map((r) => [r[0], r[1], r[2], '']), 2, [...mapping], [], 'IMP-2', options);
      expect(plans).toHaveLength(rows.length);
      const seen = new Set<string>();
      for (const p of plans.filter((q) => q.action === 'create')) {
        for (const key of [p.draft.phoneE164, p.draft.email].filter(Boolean)) {
          expect(seen.has(key)).toBe(false);
          seen.add(key);
        }
      }
    }), { numRuns: 300 });
  });
});

describe('what an undo removes: only the rows the import wrote', () => {
  const cell = createdIdsCell('C-abc', ['Alpha', 'Beta', 'Gamma']);
  const created = [parseCreatedIds(cell)!];
  const row = (r: number, id: string, name: string, importId = 'IMP-1') => ({ row: r, id, importId, name });
  test('the ledger cell reads back; it is JSON (never a formula)', () => {
    expect(cell.charAt(0)).toBe('{');
    expect(created[0].marks).toHaveLength(3);
    expect(parseCreatedIds('')).toBeNull();
    expect(parseCreatedIds('=1+1')).toBeNull();
    expect(createdId('C-abc', 0)).toBe('C-abc-0001');
  });
  test('a hand-made copy with a new id, or with the same id and another name, is kept; the originals go', () => {
    const rows = [
      row(2, 'C-abc-0001', 'Alpha'), row(3, 'C-abc-0002', 'Beta (renamed later)'), row(4, 'C-abc-0003', 'Gamma'),
      row(5, 'C-hand-1', 'Alpha copy'), row(6, 'C-abc-0003', 'Someone else'), row(7, 'C-abc-0009', 'Not created'), row(8, 'C-abc-0001', 'X', 'IMP-2'),
    ];
    const got = rowsImportWrote(rows, 'IMP-1', created, false);
    expect(got.rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(got.copies).toBe(3);
  });
  test('a copy identical to the original: exactly one of the two goes', () => {
    const got = rowsImportWrote([row(2, 'C-abc-0001', 'Alpha'), row(9, 'C-abc-0001', 'Alpha')], 'IMP-1', created, false);
    expect(got.rows).toHaveLength(1);
    expect(got.copies).toBe(1);
  });
  test('an import recorded before ids were kept (legacy): its rows are known by the Import ID', () => {
    expect(rowsImportWrote([row(2, 'C-x', 'Old')], 'IMP-1', [], true).rows).toHaveLength(1);
    expect(rowsImportWrote([row(2, 'C-x', 'Old')], 'IMP-1', [], false).rows).toHaveLength(0);
  });
});

describe('search index', () => {
  const client = (id: string, name: string, phone: string, extra: Partial<Record<string, string>> = {}) => indexEntryOf({
    id, name, company: extra.company || '', contact: '', email: extra.email || '', otherEmails: '', phone, phoneE164: extra.e164 || '',
    otherPhones: extra.other || '', group: '', manager: '', city: '', callBack: false,
  }, 'DE');
  const entries = [
    client('C-1', 'Müller Bau', '+49 30 1234567', { email: 'info@mueller.de' }),
    client('C-2', 'Other', '0171 7654321', { other: '030 1234999' }),
    client('C-3', 'Stale column', '040 22334455', { e164: '+49999' }),
  ];
  test('five formats of one number find it exactly; digits find part of a number; words find names and e-mails', () => {
    for (const q of ['+49 30 1234567', '030 1234567', '0049301234567', '(030) 123-45-67', '030/123 45 67']) {
      expect(searchIndex(entries, q, 'DE', 10).hits.map((h) => [h.entry.i, h.score])).toEqual([['C-1', 3]]);
    }
    expect(searchIndex(entries, '1234999', 'DE', 10).hits.map((h) => h.entry.i)).toEqual(['C-2']);
    expect(searchIndex(entries, 'muller', 'DE', 10).hits.map((h) => h.entry.i)).toEqual(['C-1']);
    expect(searchIndex(entries, 'mueller.de', 'DE', 10).hits.map((h) => h.entry.i)).toEqual(['C-1']);
    expect(searchIndex(entries, '040 22334455', 'DE', 10).hits.map((h) => h.entry.i)).toEqual(['C-3']);
  });
});

describe('client rights', () => {
  const anna = { email: 'anna@s.test', name: 'Anna', role: 'manager' as const };
  const eva = { email: 'eva@s.test', name: 'Eva', role: 'executor' as const };
  const head = { email: 'head@s.test', name: 'Head', role: 'head' as const };
  const borisClient = { id: 'C-2', manager: 'boris@s.test' };
  test('managers: own clients editable, others viewable only when Settings allow; executors: clients of their deals', () => {
    expect(canViewClient(anna, borisClient, { managersViewOthers: true })).toBe(true);
    expect(canViewClient(anna, borisClient, { managersViewOthers: false })).toBe(false);
    expect(canEditClient(anna, borisClient)).toBe(false);
    expect(canEditClient(anna, { manager: 'ANNA@s.test' })).toBe(true);
    expect(canViewClient(eva, borisClient, { managersViewOthers: true, executorClientIds: ['C-9'] })).toBe(false);
    expect(canViewClient(eva, borisClient, { managersViewOthers: false, executorClientIds: ['C-2'] })).toBe(true);
    expect(canEditClient(eva, { manager: '' })).toBe(false);
    expect(canViewClient(head, borisClient, { managersViewOthers: false })).toBe(true);
    expect(canEditClient(head, borisClient)).toBe(true);
  });
});

describe('vCard and XLSX reading', () => {
  test('vCard 3.0 escapes , ; \\ and line breaks', () => {
    expect(vcardText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const card = vcardOf({ name: 'Müller, Hans', company: 'Bau; GmbH', phones: ['+49 30 1234567', '0171 1'], emails: ['h@m.de'], address: 'Hauptstr. 5', city: 'Berlin', note: '', group: 'returning' });
    expect(card.split('\r\n')).toEqual([
      'BEGIN:VCARD', 'VERSION:3.0', 'FN:Müller\\, Hans', 'N:Müller;Hans;;;', 'ORG:Bau\\; GmbH', 'TEL;TYPE=WORK,VOICE,PREF:+49 30 1234567',
      'TEL;TYPE=VOICE:0171 1', 'EMAIL;TYPE=INTERNET,PREF:h@m.de', 'ADR;TYPE=WORK:;;Hauptstr. 5;Berlin;;;', 'CATEGORIES:returning', 'END:VCARD', '',
    ]);
  });

  test('shared strings, inline strings, numbers, booleans, gaps and a cached formula value', () => {
    const strings = sharedStrings('<sst><si><t>Name</t></si><si><r><t>Mül</t></r><r><t xml:space="preserve">ler &amp; Co</t></r></si></sst>');
    expect(strings).toEqual(['Name', 'Müller & Co']);
    const xml = '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>Phone</t></is></c></row>'
      + '<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" t="b"><v>1</v></c><c r="C3"><v>491711234567</v></c><c r="D3" t="str"><f>A1</f><v>=x</v></c></row></sheetData></worksheet>';
    expect(sheetRows(xml, strings)).toEqual([['Name', '', 'Phone'], [], ['Müller & Co', 'TRUE', '491711234567', '=x']]);
  });

  test('our own XLSX parts read back cell for cell', () => {
    const rows = [['Name', 'Phone'], ['A & B <x>', '+49 30 1'], ['Я', '']];
    const parts = xlsxParts('Clients', rows, [0]).map((p) => ({ path: p.path, text: p.content }));
    expect(readXlsxRows(parts)).toEqual([['Name', 'Phone'], ['A & B <x>', '+49 30 1'], ['Я']]);
  });
});

describe('possible duplicates', () => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { findDuplicates, nameKey } = require('../../../src/domain/clients/duplicates');
  const c = (id: string, name: string, phone = '', email = '') => ({ id, name, company: '', phone, phoneE164: '', otherPhones: '', email, otherEmails: '' });
  test('names compare without case, accents, umlaut spelling, legal forms and word order', () => {
    expect(nameKey('Weiss, Anna')).toBe(nameKey('anna WEISS'));
    expect(nameKey('Müller Bau GmbH')).toBe(nameKey('Mueller Bau'));
    expect(nameKey('ООО Ромашка')).toBe(nameKey('Ромашка'));
    expect(nameKey('Anna Weiss')).not.toBe(nameKey('Anna Weissmann'));
  });
  test('groups by same phone (any format), same e-mail, or similar name; unrelated clients stay apart', () => {
    const sets = findDuplicates([
      c('1', 'Alpha', '030 1234567'), c('2', 'Other name', '+49 30 1234567'), c('3', 'Gamma', '', 'g@x.test'),
      c('4', 'Delta', '', 'G@X.test'), c('5', 'Anna Weiss'), c('6', 'Weiss, Anna'), c('7', 'Unique'),
    ], 'DE');
    expect(sets.map((s: any) => s.ids)).toEqual([['1', '2'], ['3', '4'], ['5', '6']]);
    expect(sets[0].reasons).toEqual(['same phone +49301234567']);
    expect(sets[2].reasons).toEqual(['similar name']);
  });
});
