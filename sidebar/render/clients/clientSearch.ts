// The client base panel: one search box for names, companies, e-mails and phones in any
// format (paste the caller's number), the hits, and the way to import and export.
import type { ClientHit, ClientSearchResult, ExportFile } from '../../../src/app/contracts/clients';
import '../../clientApi';
import { h, clear, icon, type Child } from '../../dom';
import { call } from '../../rpc';
import { nameOf, state, whenBoard } from '../../state';
import { mayRun } from '../../../src/app/contracts/shared';
import { report } from '../../actions';
import { showBanner } from '../kernel/banner';
import { openPanel, panelOpen, refreshPanel } from '../kernel/panel';
import { groupClass, openClientCard } from './clientCard';
import { openImport } from './clientImport';
import { openDuplicates } from './clientDuplicates';

let last: { query: string; result: ClientSearchResult | null } = { query: '', result: null };
let seq = 0;

export function openClients(query = ''): void {
  openPanel({ title: 'Clients', testid: 'clients', body: () => clientsBody(query || last.query) });
  // Import and export are offered by the caller's role, known once the board has come: the
  // client base opened straight from the menu draws before it, so it draws again then.
  if (!state.board) void whenBoard().then(() => { if (panelOpen('clients')) refreshPanel(); });
}

function clientsBody(initial: string): Child {
  const results = h('div', { class: 'client-results', 'data-testid': 'client-results', 'aria-live': 'polite' });
  const box = h('input', {
    type: 'search', class: 'client-search-input', 'data-testid': 'client-search', value: initial, autocomplete: 'off',
    placeholder: 'Name, company, e-mail or phone…', 'aria-label': 'Search clients by name, company, e-mail or phone in any format',
  });
  let timer = 0;
  const run = () => {
    const query = box.value.trim();
    const mine = ++seq;
    last.query = query;
    if (query === '') { clear(results, h('div', { class: 'muted small pad-s' }, 'Type a name, or paste a phone number in any format.')); return; }
    clear(results, h('div', { class: 'muted small pad-s' }, 'Searching…'));
    call('api_findClients', query)
      .then((result) => { if (mine === seq) { last.result = result; renderHits(results, result); } })
      .catch((error) => { if (mine === seq) clear(results, h('div', { class: 'error small pad-s', role: 'alert' }, report(error))); });
  };
  box.addEventListener('input', () => { window.clearTimeout(timer); timer = window.setTimeout(run, 250); });
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      window.clearTimeout(timer);
      const first = last.result && last.result.query === box.value.trim() ? last.result.hits[0] : null;
      if (first && last.result && last.result.hits.length === 1) openClientCard(first.id);
      else run();
    }
  });
  window.setTimeout(() => { box.focus(); if (box.value) run(); }, 0);
  // The group filter offers Settings client_groups, asked for when the menu first opens.
  const groupFilter = h('select', { 'data-testid': 'export-group', 'aria-label': 'Export which group' }, h('option', { value: '' }, 'All groups')) as HTMLSelectElement;
  const withGroup = (request: Parameters<typeof exportClientsFile>[0]) => () => (groupFilter.value ? { ...request, group: groupFilter.value } : request);
  const exportMenu = h('details', { class: 'client-export' },
    h('summary', { class: 'secondary', 'data-testid': 'client-export' }, 'Export'),
    h('div', { class: 'export-options' },
      groupFilter,
      exportButton('CSV (Excel, ;)', withGroup({ format: 'csv', delimiter: ';' }), 'export-csv'),
      exportButton('CSV (,)', withGroup({ format: 'csv', delimiter: ',' }), 'export-csv-comma'),
      exportButton('XLSX', withGroup({ format: 'xlsx' }), 'export-xlsx'),
      exportButton('vCard (phones)', withGroup({ format: 'vcard' }), 'export-vcard'),
      // Why a CSV may show "'=…": said before the click, not discovered in Excel afterwards.
      h('p', { class: 'muted small export-why', 'data-testid': 'export-why' }, "In CSV, text that begins with = + - or @ gets a leading ' so a spreadsheet cannot run it as a formula; XLSX keeps it as is.")));
  let groupsAsked = false;
  exportMenu.addEventListener('toggle', () => {
    if (groupsAsked || !(exportMenu as HTMLDetailsElement).open) return;
    groupsAsked = true;
    call('api_clientGroups')
      .then((groups) => { for (const g of groups) groupFilter.appendChild(h('option', { value: g }, g)); })
      .catch((error) => { groupsAsked = false; report(error); });
  });
  return [
    h('label', { class: 'client-search' }, icon('search', 16), box),
    h('div', { class: 'client-tools' },
      // Offered only to who the server lets run them (the access table: executors neither import nor export).
      may('api_prepareImport') ? h('button', { type: 'button', class: 'secondary', 'data-testid': 'client-import', onclick: () => openImport() }, 'Import CSV / Excel…') : null,
      may('api_exportClients') ? exportMenu : null,
      h('button', { type: 'button', class: 'link-button', 'data-testid': 'client-duplicates-button', onclick: () => openDuplicates() }, 'Possible duplicates')),
    results,
  ];
}

function renderHits(el: HTMLElement, result: ClientSearchResult): void {
  if (result.hits.length === 0) { clear(el, h('div', { class: 'muted small pad-s' }, `No client matches "${result.query}".`)); return; }
  clear(el,
    h('div', { class: 'muted small pad-s' }, result.total > result.hits.length ? `${result.total} clients match; the first ${result.hits.length}:` : `${result.total} client${result.total === 1 ? '' : 's'}`),
    h('ul', { class: 'client-hits' }, result.hits.map(hitItem)));
}

function hitItem(hit: ClientHit): HTMLElement {
  return h('li', null, h('button', {
    type: 'button', class: 'client-hit', 'data-testid': `client-hit-${hit.id}`, onclick: () => openClientCard(hit.id),
  },
  h('span', { class: 'client-hit-name' }, hit.name || hit.company || '(no name)',
    hit.group ? h('span', { class: `chip group-${groupClass(hit.group)}` }, hit.group) : null,
    hit.callBack ? h('span', { class: 'chip call-back' }, 'call back') : null),
  h('span', { class: 'muted small' }, [hit.company && hit.company !== hit.name ? hit.company : '', hit.city, nameOf(hit.manager)].filter(Boolean).join(' · ')),
  h('span', { class: `small client-hit-contacts${hit.match === 'phone' ? ' matched' : ''}` }, [hit.phone, hit.email].filter(Boolean).join(' · ')),
  ));
}

function exportButton(label: string, request: () => Parameters<typeof exportClientsFile>[0], testid: string): HTMLElement {
  return h('button', { type: 'button', class: 'link-button', 'data-testid': testid, onclick: () => { void exportClientsFile(request()); } }, label);
}

export function exportClientsFile(request: { format: 'csv' | 'xlsx' | 'vcard'; delimiter?: ',' | ';'; group?: string }): Promise<ExportFile | null> {
  return call('api_exportClients', request)
    .then((file) => {
      download(file);
      const done = `Exported ${file.count} client${file.count === 1 ? '' : 's'} to ${file.fileName}.`;
      // The note stays until dismissed (a warn banner): it explains what the person will see in the file.
      if (file.note) showBanner(`${done} ${file.note}`, 'warn');
      else showBanner(done, 'info');
      return file;
    })
    .catch((error) => { report(error); return null; });
}

/** Hands the file to the browser as a download (a data: link; no server round trip). */
function download(file: ExportFile): void {
  const link = document.createElement('a');
  link.href = file.encoding === 'base64'
    ? `data:${file.mimeType};base64,${file.content}`
    : `data:${file.mimeType};charset=utf-8,${encodeURIComponent(file.content)}`;
  link.download = file.fileName;
  link.setAttribute('data-testid', 'export-link');
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  window.setTimeout(() => link.remove(), 1000);
}

function may(functionName: string): boolean {
  const role = state.board ? state.board.me.role : null;
  return role !== null && mayRun(functionName, { role, teamEmpty: false });
}
