// Import of an old client base: choose a .csv or .xlsx, confirm the column mapping guessed
// from its headers, look at the dry run (what will be created, merged, refused and why),
// then import in chunks with a progress bar; an import can be resumed and undone.
import type { DryRunResult, ImportPrepared, ImportProgress, ImportSummary, ImportUndoResult } from '../../../src/app/contracts/clients';
import type { ColumnMapping, ImportField } from '../../../src/app/contracts/shared';
import '../../clientApi';
import { h, clear, type Child } from '../../dom';
import { call, messageOf } from '../../rpc';
import { showBanner } from '../kernel/banner';
import { dateTime } from '../../format';
import { openPanel, panelOpen, refreshPanel } from '../kernel/panel';

interface ImportState {
  earlier: ImportSummary[] | null;
  reading: boolean;
  prepared: ImportPrepared | null;
  mapping: ColumnMapping;
  dry: DryRunResult | null;
  progress: ImportProgress | null;
  running: boolean;
  error: string;
}

let st: ImportState = fresh();

function fresh(): ImportState {
  return { earlier: null, reading: false, prepared: null, mapping: [], dry: null, progress: null, running: false, error: '' };
}

export function openImport(): void {
  st = fresh();
  openPanel({ title: 'Import clients', testid: 'client-import-panel', body: importBody });
  call('api_listImports').then((list) => { st.earlier = list; rerender(); }).catch(() => undefined);
}

/** What an undo left in place, and why. */
function undoKeptText(r: ImportUndoResult): string {
  return (r.kept ? `, ${r.kept} kept (they have deals)` : '')
    + (r.notYours ? `, ${r.notYours} left as they are (now another manager's)` : '')
    + (r.copies ? `, ${r.copies} copies made by hand kept` : '');
}

const rerender = () => { if (panelOpen('client-import-panel')) refreshPanel(); };

function importBody(): Child {
  return [
    chooser(),
    st.error ? h('div', { class: 'reasons', role: 'alert' }, st.error) : null,
    st.prepared ? mappingTable(st.prepared) : null,
    st.dry ? dryRunView(st.dry) : null,
    st.progress ? progressView(st.progress) : null,
    !st.prepared && st.earlier && st.earlier.length ? earlierImports(st.earlier) : null,
  ];
}

/** Earlier imports, each undoable without its file. */
function earlierImports(list: ImportSummary[]): HTMLElement {
  return h('div', { class: 'section', 'data-testid': 'earlier-imports' },
    h('h3', null, 'Earlier imports'),
    h('ul', { class: 'dup-list' }, list.map((s) => h('li', { class: 'small', 'data-testid': `earlier-${s.importId}` },
      h('div', null, h('b', null, s.fileName || s.importId), ` · ${s.created} created, ${s.merged} merged, ${s.refused} refused`),
      h('div', { class: 'muted' }, `${dateTime(s.at)} · ${s.by}${s.undone ? ' · undone' : s.done ? '' : ` · ${unfinishedText(s)}`}`),
      s.undone ? null : h('button', {
        type: 'button', class: 'link-button', 'data-testid': `undo-${s.importId}`,
        onclick: () => {
          if (!window.confirm(`Remove the ${s.created} clients ${s.fileName} created and put back what it merged?`)) return;
          call('api_undoImport', s.importId)
            .then((r) => { showBanner(`Import undone: ${r.removed} clients removed, ${r.restored} cells restored${undoKeptText(r)}.`, 'info'); return call('api_listImports'); })
            .then((fresh) => { st.earlier = fresh; })
            .catch((error) => { st.error = messageOf(error); })
            .then(rerender);
        },
      }, 'Undo')))));
}

function chooser(): HTMLElement {
  const file = h('input', { type: 'file', accept: '.csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'data-testid': 'import-file', 'aria-label': 'File to import' });
  file.addEventListener('change', () => { if (file.files && file.files[0]) void upload(file.files[0]); });
  return h('div', { class: 'import-choose' },
    h('p', { class: 'small muted' }, 'A CSV (comma or semicolon, as Excel saves it) or an Excel .xlsx with a header row, up to 20,000 rows. Nothing is written before you confirm the dry run.'),
    file,
    st.reading ? h('div', { class: 'muted small' }, 'Reading the file…') : null);
}

function base64Of(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + 0x8000)));
  return btoa(binary);
}

/** UTF-8 when the bytes are UTF-8; otherwise Windows-1252, what older Excel saves as "CSV". */
function textOf(buffer: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch (_notUtf8) {
    return new TextDecoder('windows-1252').decode(buffer);
  }
}

function upload(file: File): Promise<void> {
  st = fresh();
  st.reading = true;
  rerender();
  const xlsx = /\.xlsx$/i.test(file.name);
  return file.arrayBuffer()
    .then((buffer) => call('api_prepareImport', { fileName: file.name, kind: xlsx ? 'xlsx' : 'csv', content: xlsx ? base64Of(buffer) : textOf(buffer) }))
    .then((prepared) => {
      st.prepared = prepared;
      st.mapping = prepared.mapping.slice();
      st.progress = prepared.progress;
    })
    .catch((error) => { st.error = messageOf(error); })
    .then(() => { st.reading = false; rerender(); });
}

function mappingTable(p: ImportPrepared): HTMLElement {
  const locked = !!st.progress && !st.progress.undone;
  return h('div', { class: 'section import-mapping', 'data-testid': 'import-mapping' },
    h('h3', null, `${p.fileName} · ${p.rowCount} rows`),
    h('p', { class: 'small muted' }, locked ? 'This file was imported before with this mapping.' : 'Which client field each column fills (guessed from the headers):'),
    h('table', { class: 'mapping' },
      h('thead', null, h('tr', null, h('th', null, 'Column'), h('th', null, 'Example'), h('th', null, 'Field'))),
      h('tbody', null, p.header.map((header, i) => {
        const select = h('select', { 'data-testid': `map-${i}`, 'aria-label': `Field for column ${header || i + 1}`, disabled: locked },
          h('option', { value: '' }, '— leave out —'), p.fields.map((f) => h('option', { value: f.key }, f.label)));
        select.value = st.mapping[i] || '';
        select.addEventListener('change', () => { st.mapping[i] = select.value as ImportField | ''; st.dry = null; rerender(); });
        const example = p.sample.map((r) => r[i]).filter((v) => v && v.trim())[0] || '';
        return h('tr', null, h('td', null, header || `(column ${i + 1})`), h('td', { class: 'muted small' }, example.slice(0, 40)), h('td', null, select));
      }))),
    locked ? null : h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', 'data-testid': 'import-dry-run', onclick: dryRun }, 'Dry run')),
    locked && st.progress && !st.progress.done ? h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', 'data-testid': 'import-resume', onclick: () => { void runAll(); } }, 'Resume the import')) : null,
  );
}

function dryRun(): void {
  const p = st.prepared;
  if (!p) return;
  st.error = '';
  st.dry = null;
  call('api_dryRunImport', p.importId, st.mapping)
    .then((dry) => { st.dry = dry; })
    .catch((error) => { st.error = messageOf(error); })
    .then(rerender);
}

const ACTION_LABEL: Record<string, string> = { create: 'new', merge: 'merge', refuse: 'refused', skip: 'skipped' };

function dryRunView(dry: DryRunResult): HTMLElement {
  const s = dry.summary;
  return h('div', { class: 'section import-dry', 'data-testid': 'import-dry' },
    h('h3', null, 'Dry run'),
    h('div', { class: 'dry-summary', 'data-testid': 'dry-summary' },
      h('span', { class: 'dry dry-create' }, `${s.create} new`),
      h('span', { class: 'dry dry-merge' }, `${s.merge} merged`),
      h('span', { class: 'dry dry-refuse' }, `${s.refuse} refused`),
      h('span', { class: 'dry dry-skip' }, `${s.skip} empty/skipped`)),
    // Three narrow columns and the reason under its row, across the panel: a fourth "Why"
    // column got a quarter of the 300 px sidebar and wrapped one word per line (issue 21, item 16).
    // Each file row is its own tbody, so its two lines stay one unit.
    h('table', { class: 'dry-rows' },
      h('thead', null, h('tr', null, h('th', null, 'Row'), h('th', null, 'What'), h('th', null, 'Client'))),
      dry.rows.map((r) => {
        const why = r.reason || (r.action === 'merge' ? `into ${r.into}${r.fills.length ? `; adds ${r.fills.join(', ')}` : ''}` : '');
        return h('tbody', { class: `dry-row dry-${r.action}`, 'data-testid': `dry-row-${r.row}` },
          h('tr', null,
            h('td', null, String(r.row)),
            h('td', null, ACTION_LABEL[r.action] || r.action),
            h('td', null, r.name || '—', r.phone || r.email ? h('div', { class: 'muted small' }, [r.phone, r.email].filter(Boolean).join(' · ')) : null)),
          why || r.warnings.length ? h('tr', { class: 'dry-why' },
            h('td', { class: 'small', colspan: '3' },
              why ? h('div', { class: 'dry-reason' }, why) : null,
              r.warnings.map((w) => h('div', { class: 'warn-text' }, w)))) : null);
      })),
    st.progress && !st.progress.undone ? null : h('div', { class: 'actions' },
      h('button', {
        type: 'button', class: 'primary', 'data-testid': 'import-run', disabled: st.running || s.create + s.merge === 0,
        onclick: () => { void runAll(); },
      }, `Import ${s.create} new, merge ${s.merge}`)),
  );
}

/** One chunk per call (one execution each) until done; a failure can be resumed. */
function runAll(): Promise<void> {
  const p = st.prepared;
  if (!p || st.running) return Promise.resolve();
  st.running = true;
  st.error = '';
  rerender();
  const step = (): Promise<void> => call('api_runImport', p.importId, st.mapping).then((progress) => {
    st.progress = progress;
    updateBar(progress);
    if (!progress.done) return step();
    return undefined;
  });
  return step()
    .then(() => { showBanner(`Import finished: ${st.progress ? st.progress.created : 0} clients created.`, 'info'); })
    .catch((error) => { st.error = `${messageOf(error)} You can resume: rows already imported are not imported twice.`; })
    .then(() => { st.running = false; rerender(); });
}

function updateBar(progress: ImportProgress): void {
  const bar = document.querySelector('[data-testid="import-progress"] .import-bar-fill') as HTMLElement | null;
  if (bar) bar.style.width = `${Math.round((100 * progress.rowsDone) / Math.max(1, progress.rowCount))}%`;
  const label = document.querySelector('[data-testid="import-progress-label"]');
  if (label) label.textContent = progressText(progress);
  else rerender();
}

function progressText(p: ImportProgress): string {
  if (p.undone) return `Undone: the clients of ${p.fileName} were removed.`;
  const rest = p.done ? ' · done'
    : p.stalled ? ` · stopped: ${p.stalled}`
    : !st.running && p.background ? ' · continues by itself within the hour, also with this sidebar closed' : '';
  return `${p.rowsDone} of ${p.rowCount} rows · ${p.created} created · ${p.merged} merged · ${p.refused} refused${rest}`;
}

/** An earlier import not finished: going on in the background, or stopped and why. */
function unfinishedText(s: ImportSummary): string {
  const rows = s.rowCount ? `${s.rowsDone} of ${s.rowCount} rows` : 'not finished';
  if (s.stalled) return `${rows} · stopped: ${s.stalled}`;
  return `${rows} · continues by itself within the hour (or upload the file again to go on now)`;
}

function progressView(p: ImportProgress): HTMLElement {
  const pct = Math.round((100 * p.rowsDone) / Math.max(1, p.rowCount));
  const bar = h('div', { class: 'import-bar', 'data-testid': 'import-progress', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(pct) },
    h('div', { class: 'import-bar-fill', style: { width: `${p.undone ? 0 : pct}%` } }));
  const label = h('div', { class: 'small', 'data-testid': 'import-progress-label' }, progressText(p));
  const undo = h('button', {
    type: 'button', class: 'secondary danger', 'data-testid': 'import-undo',
    onclick: () => {
      if (!window.confirm(`Remove the ${p.created} clients this import created and put back what it merged?`)) return;
      undo.disabled = true;
      call('api_undoImport', p.importId)
        .then((result) => {
          showBanner(`Import undone: ${result.removed} clients removed, ${result.restored} cells restored${undoKeptText(result)}.`, 'info');
          st.progress = { ...p, undone: true, done: false };
        })
        .catch((error) => { st.error = messageOf(error); })
        .then(rerender);
    },
  }, 'Undo this import');
  const box = h('div', { class: 'section import-status' }, bar, label);
  if (!p.undone && (p.done || !st.running) && p.rowsDone > 0) clear(box, bar, label, h('div', { class: 'actions' }, undo));
  return box;
}
