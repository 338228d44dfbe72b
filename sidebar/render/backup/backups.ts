// The owner's Backups panel (issue 24): the list of good backups (date, size, rows, open in
// Drive), the 36-hour warning, Back up now, and restore — of one deal, one tab or everything —
// that first shows the diff (rows that come back, rows that change, rows only in the live tab,
// kept unless ticked) and applies only when the owner confirms.
import type { BackupList, BackupListItem } from '../../../src/app/contracts/backup';
import type { RestorePreview, RestoreScope } from '../../../src/app/contracts/backup';
import { h, clear } from '../../dom';
import { call, messageOf } from '../../rpc';

let host: HTMLElement | null = null;
let list: BackupList | null = null;
let error = '';
let notice = '';
/** The backup being restored from, the scope chosen and the diff shown. */
let chosen: BackupListItem | null = null;
let scopeKind: RestoreScope['kind'] = 'deal';
let dealId = '';
let tab = 'Deals';
let preview: RestorePreview | null = null;
/** Live-only rows ticked for removal, per tab. */
let ticked: Record<string, string[]> = {};

const rowsWord = (n: number) => `${n} row${n === 1 ? '' : 's'}`;

export function mountBackups(parent: HTMLElement): HTMLElement {
  host = h('main', { class: 'backups', 'data-testid': 'backups', 'aria-label': 'Backups', hidden: true });
  parent.appendChild(host);
  return host;
}

export function loadBackups(): Promise<void> {
  return call('api_listBackups')
    .then((result) => { list = result; error = ''; })
    .catch((e) => { error = messageOf(e); })
    .then(() => render());
}

function when(iso: string): string {
  const d = new Date(iso);
  return isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

function backUpNow(button: HTMLButtonElement): void {
  button.disabled = true;
  notice = 'Backing up…';
  render();
  call('api_backUpNow')
    .then((r) => { notice = r.message; })
    .catch((e) => { notice = messageOf(e); })
    .then(() => loadBackups());
}

function scope(): RestoreScope {
  if (scopeKind === 'deal') return { kind: 'deal', dealId: dealId.trim() };
  if (scopeKind === 'tab') return { kind: 'tab', tab };
  return { kind: 'all' };
}

function showDiff(): void {
  if (!chosen) return;
  notice = 'Reading the backup…';
  preview = null;
  ticked = {};
  render();
  call('api_previewRestore', chosen.id, scope())
    .then((p) => { preview = p; notice = p.empty ? 'Nothing to restore: the live rows already match the backup.' : ''; })
    .catch((e) => { notice = messageOf(e); })
    .then(() => render());
}

function apply(): void {
  if (!chosen || !preview) return;
  notice = 'Restoring (a fresh backup is made first)…';
  render();
  call('api_applyRestore', chosen.id, preview.scope, ticked)
    .then((r) => { notice = r.message; preview = null; })
    .catch((e) => { notice = messageOf(e); })
    .then(() => loadBackups());
}

function rowsOf(item: BackupListItem): number {
  let n = 0;
  for (const k of Object.keys(item.rows)) n += item.rows[k];
  return n;
}

function backupLine(item: BackupListItem): HTMLElement {
  return h('li', { class: 'backup-item', 'data-testid': 'backup-item' },
    h('div', { class: 'backup-when' }, when(item.at), ' · ', item.trigger === 'daily' ? 'daily' : item.trigger === 'restore' ? 'before a restore' : 'by hand'),
    h('div', { class: 'backup-size' }, `${item.rows.Deals || 0} deals · ${rowsOf(item)} rows · ${item.cells} cells`),
    h('div', { class: 'backup-actions' },
      h('a', { href: item.url, target: '_blank', rel: 'noopener' }, 'Open in Drive'),
      ' ',
      h('button', { type: 'button', 'data-testid': 'backup-restore', onclick: () => { chosen = item; preview = null; notice = ''; render(); } }, 'Restore…')));
}

function restoreForm(item: BackupListItem): HTMLElement {
  const kind = h('select', { 'aria-label': 'What to restore', 'data-testid': 'restore-kind', onchange: () => { scopeKind = kind.value as RestoreScope['kind']; preview = null; render(); } },
    h('option', { value: 'deal', selected: scopeKind === 'deal' }, 'One deal'),
    h('option', { value: 'tab', selected: scopeKind === 'tab' }, 'One tab'),
    h('option', { value: 'all', selected: scopeKind === 'all' }, 'Everything'));
  const deal = h('input', { type: 'text', placeholder: 'Deal ID (e.g. D-…)', value: dealId, 'aria-label': 'Deal ID', 'data-testid': 'restore-deal', oninput: () => { dealId = deal.value; } });
  const tabs = h('select', { 'aria-label': 'Tab', 'data-testid': 'restore-tab', onchange: () => { tab = tabs.value; } },
    Object.keys(item.rows).map((t) => h('option', { value: t, selected: t === tab }, t)));
  return h('section', { class: 'restore', 'aria-label': 'Restore' },
    h('h3', null, `Restore from ${when(item.at)}`),
    kind,
    scopeKind === 'deal' ? deal : null,
    scopeKind === 'tab' ? tabs : null,
    h('div', null,
      h('button', { type: 'button', 'data-testid': 'restore-preview', onclick: showDiff }, 'Show what will change'),
      ' ',
      h('button', { type: 'button', onclick: () => { chosen = null; preview = null; notice = ''; render(); } }, 'Cancel')),
    preview ? diffView(preview) : null);
}

function diffView(p: RestorePreview): HTMLElement {
  const more = (shown: number, total: number) => (total > shown ? h('li', null, `and ${total - shown} more`) : null);
  return h('div', { class: 'restore-diff', 'data-testid': 'restore-diff' },
    p.tabs.filter((t) => t.counts.back + t.counts.change + t.counts.onlyLive > 0).map((t) => h('div', { class: 'restore-tab' },
      h('h4', null, t.tab),
      t.counts.back ? h('div', null, h('strong', null, `${rowsWord(t.counts.back)} ${t.counts.back === 1 ? 'comes' : 'come'} back`),
        h('ul', null, t.back.map((r) => h('li', { 'data-testid': 'diff-back' }, r.label)), more(t.back.length, t.counts.back))) : null,
      t.counts.change ? h('div', null, h('strong', null, `${rowsWord(t.counts.change)} ${t.counts.change === 1 ? 'changes' : 'change'}`),
        h('ul', null, t.change.map((r) => h('li', { 'data-testid': 'diff-change' }, r.label, ': ',
          r.cells.map((c) => `${c.header} “${String(c.live)}” → “${String(c.value)}”`).join('; '))), more(t.change.length, t.counts.change))) : null,
      t.counts.onlyLive ? h('div', null, h('strong', null, `${rowsWord(t.counts.onlyLive)} only in the live tab (kept unless ticked)`),
        h('ul', null, t.onlyLive.map((r) => {
          const box = h('input', {
            type: 'checkbox', 'data-testid': 'diff-only-live', checked: (ticked[t.tab] || []).indexOf(r.key) >= 0,
            onchange: () => {
              const keys = (ticked[t.tab] || []).filter((k) => k !== r.key);
              ticked[t.tab] = box.checked ? keys.concat([r.key]) : keys;
            },
          });
          return h('li', null, h('label', null, box, ` Remove ${r.label}`));
        }), more(t.onlyLive.length, t.counts.onlyLive))) : null,
      t.missingColumns.length ? h('p', { class: 'muted' }, `Columns no longer in the tab (not restored): ${t.missingColumns.join(', ')}`) : null)),
    p.empty ? null : h('button', { type: 'button', class: 'primary', 'data-testid': 'restore-apply', onclick: apply }, 'Restore these rows'));
}

function render(): void {
  if (!host) return;
  const backUp = h('button', { type: 'button', 'data-testid': 'backup-now', onclick: () => backUp.disabled || backUpNow(backUp) }, 'Back up now');
  clear(host,
    h('h2', null, 'Backups'),
    list && list.warning ? h('p', { class: 'warning', role: 'alert', 'data-testid': 'backup-warning' }, list.warning) : null,
    error ? h('p', { class: 'error', role: 'alert' }, error) : null,
    notice ? h('p', { class: 'notice', role: 'status', 'data-testid': 'backup-notice' }, notice) : null,
    h('div', null, backUp),
    list && list.running ? h('p', { class: 'muted' }, `A backup is in progress (${list.running.tabsDone} of ${list.running.tabs} tabs).`) : null,
    chosen ? restoreForm(chosen) : null,
    list ? (list.backups.length
      ? h('ul', { class: 'backup-list' }, list.backups.map(backupLine))
      : h('p', { class: 'muted' }, 'No backup yet. The hourly run makes one a day; Back up now makes one at once.')) : null);
}
