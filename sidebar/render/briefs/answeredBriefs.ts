// Today's "Brief answered" (issue 25): the manager's deals whose client answered the brief in the
// last days, asked once per board load and manager (api_getToday's `briefs`; the rest of that
// answer the sidebar already computes from the board it holds).
import type { TodayBriefView } from '../../../src/app/contracts/today';
import { h } from '../../dom';
import { when } from '../../format';
import { callQuietly } from '../../rpc';

const cache: { key: string; board: unknown; list: TodayBriefView[] | null } = { key: '', board: null, list: null };

/** The section, or null while loading or when no brief was answered lately; `redraw` runs once the answer is in. */
export function answeredBriefsSection(manager: string, board: unknown, today: string, open: (dealId: string) => void, redraw: () => void): HTMLElement | null {
  if (cache.key !== manager || cache.board !== board) {
    cache.key = manager;
    cache.board = board;
    cache.list = null;
    callQuietly('api_getToday', { manager })
      .then((view) => { if (cache.key === manager && cache.board === board) { cache.list = view.briefs || []; redraw(); } })
      .catch(() => undefined);
  }
  const list = cache.list;
  if (!list || list.length === 0) return null;
  return h('section', { class: 'today-briefs', 'data-testid': 'today-briefs' },
    h('h3', null, 'Brief answered'),
    h('ul', { class: 'invoice-list' }, list.map((b) => h('li', { 'data-testid': `today-brief-${b.dealId}` },
      h('button', { type: 'button', class: 'link-button', onclick: () => open(b.dealId) }, `${b.clientName || b.title} · ${b.title}`),
      h('span', { class: 'small' }, ` answered ${when(b.answeredAt, today)}`)))));
}
