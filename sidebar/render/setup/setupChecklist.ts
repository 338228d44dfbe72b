// The owner's setup checklist (issue 21, item 7): a folded strip under the header that lists
// what is still to fill in or still the default, until every item is done. Only the owner's
// sidebar asks for it; once done the server answers from one document property.
import { h, clear, icon } from '../../dom';
import { call, messageOf } from '../../rpc';
import { state, subscribe } from '../../state';
import { showBanner } from '../kernel/banner';
import type { SetupChecklistView } from '../../../src/app/contracts/setup';

const STATE_WORDS: Record<string, string> = { todo: 'To fill in', default: 'Still default', done: 'Done' };

export function mountSetupChecklist(parent: HTMLElement): void {
  const host = h('section', { class: 'setup-checklist problems', 'data-testid': 'setup-checklist', 'aria-label': 'Setup checklist', hidden: true });
  parent.appendChild(host);
  let asked = false;
  let open = false;
  let view: SetupChecklistView | null = null;

  const draw = () => {
    if (!view || view.done) { host.hidden = true; return; }
    const left = view.items.filter((i) => i.state !== 'done').length;
    host.hidden = false;
    host.classList.toggle('open', open);
    clear(host,
      h('button', { type: 'button', class: 'problems-toggle', 'aria-expanded': open ? 'true' : 'false', onclick: () => { open = !open; draw(); } },
        icon('warn', 16), `Setup: ${left} of ${view.items.length} left`, h('span', { class: 'chev' }, icon('chevron', 16))),
      open ? h('ul', { class: 'problem-list' }, view.items.map((item) => h('li', { 'data-testid': `setup-item-${item.key}`, 'data-state': item.state },
        h('div', { class: 'problem-where' }, `${item.label} · ${STATE_WORDS[item.state]}`),
        h('div', { class: 'problem-why' }, item.detail),
        item.state === 'done' ? null : h('div', { class: 'muted small' }, item.where),
        item.state === 'default' && item.keepable
          ? h('div', { class: 'problem-actions' }, h('button', { type: 'button', class: 'link', 'data-testid': `setup-keep-${item.key}`, onclick: () => { void keep(item.key); } }, 'Keep as it is'))
          : null,
      ))) : null,
    );
  };
  const fetch = async () => {
    try { view = await call('api_setupChecklist'); draw(); } catch (_refused) { host.hidden = true; }
  };
  const keep = async (key: string) => {
    try { view = await call('api_keepSetupItem', key); draw(); } catch (error) { showBanner(messageOf(error), 'error'); }
  };
  // Asked once, when the first board says who is looking; a reload of the page asks again.
  subscribe(() => {
    if (asked || !state.board) return;
    asked = true;
    if (state.board.me.role === 'owner') void fetch();
  });
}
