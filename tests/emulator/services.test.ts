import { createWorkspace } from '../../scripts/emulator/index';

type WS = ReturnType<typeof createWorkspace>;
const U = (ws: WS) => ws.globals.Utilities as GoogleAppsScript.Utilities.Utilities;
const S = (ws: WS) => ws.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp;
const SS = (ws: WS) => ws.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
const H = (ws: WS) => ws.globals.HtmlService as GoogleAppsScript.HTML.HtmlService;
const hex = (bytes: number[]) => bytes.map((b) => (b & 0xff).toString(16).padStart(2, '0')).join('');

describe('Utilities.formatDate', () => {
  const ws = createWorkspace();
  const f = (iso: string, tz: string, pattern: string) => U(ws).formatDate(new Date(iso), tz, pattern);

  test('time zones and DST', () => {
    expect(f('2026-11-23T09:00:00Z', 'Europe/Berlin', 'yyyy-MM-dd HH:mm')).toBe('2026-11-23 10:00');
    expect(f('2026-11-23T09:00:00Z', 'America/New_York', 'yyyy-MM-dd HH:mm')).toBe('2026-11-23 04:00');
    expect(f('2026-03-29T00:30:00Z', 'Europe/Berlin', 'yyyy-MM-dd HH:mm z')).toBe('2026-03-29 01:30 CET');
    expect(f('2026-03-29T01:30:00Z', 'Europe/Berlin', 'yyyy-MM-dd HH:mm z')).toBe('2026-03-29 03:30 CEST');
    expect(f('2026-03-08T06:30:00Z', 'America/New_York', 'yyyy-MM-dd HH:mm z')).toBe('2026-03-08 01:30 EST');
    expect(f('2026-03-08T07:30:00Z', 'America/New_York', 'yyyy-MM-dd HH:mm z')).toBe('2026-03-08 03:30 EDT');
    expect(f('2026-11-23T23:30:00Z', 'Europe/Berlin', 'yyyy-MM-dd')).toBe('2026-11-24');
    expect(f('2026-11-23T02:30:00Z', 'America/New_York', 'yyyy-MM-dd')).toBe('2026-11-22');
  });

  test('pattern letters', () => {
    const at = '2026-11-23T09:05:07.045Z';
    expect(f(at, 'Europe/Berlin', 'EEE, d MMM yyyy')).toBe('Mon, 23 Nov 2026');
    expect(f(at, 'Europe/Berlin', 'EEEE d MMMM yy')).toBe('Monday 23 November 26');
    expect(f(at, 'Europe/Berlin', 'h:mm a')).toBe('10:05 AM');
    expect(f('2026-11-23T13:05:00Z', 'UTC', 'hh:mm a K k')).toBe('01:05 PM 1 13');
    expect(f(at, 'Europe/Berlin', "yyyy-MM-dd'T'HH:mm:ss.SSSXXX")).toBe('2026-11-23T10:05:07.045+01:00');
    expect(f(at, 'UTC', "yyyy-MM-dd'T'HH:mm:ssX")).toBe('2026-11-23T09:05:07Z');
    expect(f(at, 'America/New_York', 'Z X XX')).toBe('-0500 -05 -0500');
    expect(f(at, 'Asia/Kolkata', 'HH:mm XXX')).toBe('14:35 +05:30');
    expect(f(at, 'Europe/Berlin', "'Week' w, 'day' D, u, F, '''quoted''', 'o''clock'")).toBe("Week 48, day 327, 1, 4, 'quoted', o'clock");
    expect(f(at, 'Europe/Berlin', 'd.M.yyyy S SSS')).toBe('23.11.2026 45 045');
    expect(f(at, 'Europe/Berlin', 'zzzz')).toBe('Central European Standard Time');
    expect(() => f(at, 'UTC', 'yyyy-qq')).toThrow("Illegal pattern character 'q'");
  });

  test('parseDate', () => {
    expect(U(ws).parseDate('2026-03-29 03:30', 'Europe/Berlin', 'yyyy-MM-dd HH:mm').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(U(ws).parseDate('23.11.2026', 'Europe/Berlin', 'dd.MM.yyyy').toISOString()).toBe('2026-11-22T23:00:00.000Z');
    expect(U(ws).parseDate('11/23/2026 4:15 PM', 'America/New_York', 'MM/dd/yyyy h:mm a').toISOString()).toBe('2026-11-23T21:15:00.000Z');
    expect(U(ws).parseDate('20261123', 'UTC', 'yyyyMMdd').toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(U(ws).parseDate('23 Nov 2026', 'UTC', 'd MMM yyyy').toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(U(ws).parseDate('2026-11-23T10:00:00+01:00', 'America/New_York', "yyyy-MM-dd'T'HH:mm:ssXXX").toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(() => U(ws).parseDate('soon', 'UTC', 'yyyy-MM-dd')).toThrow('Unparseable date: "soon"');
  });
});

describe('Utilities bytes', () => {
  const ws = createWorkspace();
  test('base64', () => {
    expect(U(ws).base64Encode('Hello, World!')).toBe('SGVsbG8sIFdvcmxkIQ==');
    expect(U(ws).base64Encode('Grüße')).toBe('R3LDvMOfZQ==');
    expect(U(ws).base64Encode([-5, -1])).toBe('+/8=');
    expect(U(ws).base64EncodeWebSafe([-5, -1])).toBe('-_8=');
    expect(U(ws).base64Decode('SGVsbG8=')).toEqual([72, 101, 108, 108, 111]);
    expect(U(ws).base64Decode('+/8=')).toEqual([-5, -1]);
    expect(U(ws).base64DecodeWebSafe('-_8=')).toEqual([-5, -1]);
    expect(U(ws).newBlob(U(ws).base64Decode('R3LDvMOfZQ==')).getDataAsString()).toBe('Grüße');
    expect(() => U(ws).base64Decode('***')).toThrow('Could not decode string.');
  });

  test('digests and HMAC (known vectors), signed bytes', () => {
    const md5 = U(ws).computeDigest(U(ws).DigestAlgorithm.MD5, 'abc');
    expect(md5.slice(0, 4)).toEqual([-112, 1, 80, -104]);
    expect(hex(md5)).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(hex(U(ws).computeDigest(U(ws).DigestAlgorithm.SHA_1, 'abc'))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(hex(U(ws).computeDigest(U(ws).DigestAlgorithm.SHA_256, 'abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(U(ws).computeDigest(U(ws).DigestAlgorithm.SHA_512, ''))).toMatch(/^cf83e1357eefb8bdf1542850d66d8007/);
    expect(hex(U(ws).computeHmacSha256Signature('The quick brown fox jumps over the lazy dog', 'key')))
      .toBe('f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8');
  });

  test('blobs, zip round trip, formatString, parseCsv', () => {
    const blob = U(ws).newBlob('<p>hi</p>', 'text/html', 'a.html');
    expect(blob.getContentType()).toBe('text/html');
    expect(blob.getName()).toBe('a.html');
    expect(blob.getBytes()).toEqual([60, 112, 62, 104, 105, 60, 47, 112, 62]);
    const copy = blob.copyBlob().setName('b.html');
    expect(blob.getName()).toBe('a.html');
    const zip = U(ws).zip([blob, copy], 'x.zip');
    expect(zip.getContentType()).toBe('application/zip');
    expect(U(ws).unzip(zip).map((b) => `${b.getName()}=${b.getDataAsString()}`)).toEqual(['a.html=<p>hi</p>', 'b.html=<p>hi</p>']);
    expect(U(ws).formatString('%s has %d deals (%.1f%%) %05d|%-4s|', 'Ann', 3, 42.25, 42, 'x')).toBe('Ann has 3 deals (42.3%) 00042|x   |');
    expect(U(ws).parseCsv('a,"b,c"\n"d ""e""",f')).toEqual([['a', 'b,c'], ['d "e"', 'f']]);
  });

  test('sleep advances the virtual clock', () => {
    const w = createWorkspace();
    U(w).sleep(1500);
    expect(w.clock.now().toISOString()).toBe('2026-11-23T09:00:01.500Z');
  });
});

describe('Ui and HtmlService', () => {
  test('menus, alerts, prompts, dialogs, toasts are recorded', () => {
    const ws = createWorkspace();
    ws.execute(() => {
      const ui = SS(ws).getUi();
      ui.createAddonMenu().addItem('Open', 'openBoard').addSeparator()
        .addSubMenu(ui.createMenu('More').addItem('Setup', 'setup')).addToUi();
      expect(ui.alert('Saved')).toBe(ui.Button.OK);
      ws.ui.queueResponse({ button: 'NO' });
      expect(ui.alert('Delete?', 'Really?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
      const p1 = ui.prompt('Name?');
      expect([p1.getResponseText(), p1.getSelectedButton()]).toEqual(['', 'CANCEL']);
      ws.ui.queueResponse({ text: 'Acme' });
      const p2 = ui.prompt('Company', 'Name?', ui.ButtonSet.OK_CANCEL);
      expect([p2.getResponseText(), p2.getSelectedButton()]).toEqual(['Acme', 'OK']);
      ui.showModelessDialog(H(ws).createHtmlOutput('<b>board</b>').setWidth(1200).setHeight(800), 'Board');
      ui.showSidebar(H(ws).createHtmlOutput('<i>side</i>').setTitle('Deals').setWidth(500));
      SS(ws).getActiveSpreadsheet().toast('Done', 'Dealboard', 3);
    });
    expect(ws.ui.menus).toEqual([{
      title: 'Dealboard',
      items: [{ caption: 'Open', functionName: 'openBoard' }, { separator: true }, { submenu: { title: 'More', items: [{ caption: 'Setup', functionName: 'setup' }] } }],
    }]);
    expect(ws.ui.alerts.map((a) => a.response)).toEqual(['OK', 'NO']);
    expect(ws.ui.dialogs[0]).toMatchObject({ title: 'Board', content: '<b>board</b>', width: 1200, height: 800, modal: false });
    expect(ws.ui.sidebars[0]).toMatchObject({ title: 'Deals', content: '<i>side</i>', width: 300 });
    expect(ws.ui.toasts).toEqual([{ message: 'Done', title: 'Dealboard', timeoutSeconds: 3 }]);
    expect(ws.calls.byMethod()['Ui.alert']).toBe(2);
    expect(ws.calls.byMethod()['Menu.addItem']).toBe(2);
  });

  test('HtmlOutput and files need a loaded bundle', () => {
    const ws = createWorkspace();
    const out = H(ws).createHtmlOutput('a').append('b').setTitle('T').addMetaTag('viewport', 'width=device-width');
    expect(out.getContent()).toBe('ab');
    expect(out.getTitle()).toBe('T');
    expect(() => H(ws).createHtmlOutputFromFile('Sidebar')).toThrow('No HTML file named Sidebar was found.');
    expect(H(ws).SandboxMode.IFRAME).toBe('IFRAME');
  });
});

describe('ScriptApp triggers', () => {
  test('create, list, delete; add-on rules', () => {
    const ws = createWorkspace();
    ws.execute(() => {
      const ss = SS(ws).getActive();
      const t = S(ws).newTrigger('onEditInstalled').forSpreadsheet(ss).onEdit().create();
      expect(t.getHandlerFunction()).toBe('onEditInstalled');
      expect(t.getEventType()).toBe(S(ws).EventType.ON_EDIT);
      expect(t.getTriggerSource()).toBe(S(ws).TriggerSource.SPREADSHEETS);
      expect(t.getTriggerSourceId()).toBe(ss.getId());
      expect(() => S(ws).newTrigger('other').forSpreadsheet(ss.getId()).onEdit().create())
        .toThrow('An add-on can only have one trigger of each type, per user, per document.');
      expect(() => S(ws).newTrigger('x').timeBased().everyMinutes(5).create())
        .toThrow('Add-ons may not create time-based triggers that run more often than once an hour.');
      expect(() => S(ws).newTrigger('x').timeBased().everyMinutes(7)).toThrow(/everyMinutes/);
      expect(() => S(ws).newTrigger('x').timeBased().everyHours(3)).toThrow(/everyHours/);
      expect(() => S(ws).newTrigger('x').forSpreadsheet('another-id')).toThrow(/only create triggers for the document/);
      S(ws).newTrigger('onHourly').timeBased().everyHours(1).create();
      expect(S(ws).getProjectTriggers().map((x) => x.getHandlerFunction())).toEqual(['onEditInstalled', 'onHourly']);
      // add-on triggers (time-driven ones too) belong to the document they were created in
      expect(S(ws).getUserTriggers(ss).map((x) => x.getHandlerFunction())).toEqual(['onEditInstalled', 'onHourly']);
      expect(S(ws).getUserTriggers(ss)[0].getUniqueId()).toBe(t.getUniqueId());
    });
    // another user has their own set
    ws.execute(() => {
      expect(S(ws).getProjectTriggers()).toEqual([]);
      S(ws).newTrigger('onEditInstalled').forSpreadsheet(SS(ws).getActive()).onEdit().create();
    }, { user: 'rep@studio.test' });
    expect(ws.triggers().map((t) => [t.handler, t.event, t.user, t.everyHours])).toEqual([
      ['onEditInstalled', 'ON_EDIT', 'owner@studio.test', undefined],
      ['onHourly', 'CLOCK', 'owner@studio.test', 1],
      ['onEditInstalled', 'ON_EDIT', 'rep@studio.test', undefined],
    ]);
    ws.execute(() => {
      for (const t of S(ws).getProjectTriggers()) S(ws).deleteTrigger(t);
    });
    expect(ws.triggers().map((t) => t.user)).toEqual(['rep@studio.test']);
    expect(() => ws.execute(() => S(ws).newTrigger('x'), { authMode: 'LIMITED' }))
      .toThrow('You do not have permission to call ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp');
  });
});

describe('Logger and console', () => {
  test('collect into ws.logs', () => {
    const ws = createWorkspace();
    ws.execute(() => {
      (ws.globals.Logger as GoogleAppsScript.Base.Logger).log('deals: %s of %s', 3, 4);
      (ws.globals.console as Console).warn('careful', { a: 1 });
    });
    expect(ws.logs.map((l) => [l.level, l.message])).toEqual([['Logger', 'deals: 3 of 4'], ['warn', 'careful {"a":1}']]);
  });
});
