// "N cells need attention": hand-typed values the add-on could not read, left as they are.
import { h, clear, icon } from '../../dom';
import { state } from '../../state';
import { goToCell, putStageBack } from '../../actions';

function stageName(key: string): string {
  const column = state.board ? state.board.columns.filter((c) => c.key === key)[0] : undefined;
  return column ? `“${column.name}”` : key;
}

export function mountProblems(parent: HTMLElement): () => void {
  const host = h('div', { class: 'problems', hidden: true });
  parent.appendChild(host);
  let open = false;
  function update(): void {
    const board = state.board;
    if (!board || !(board.problemCount > 0)) { host.hidden = true; return; }
    host.hidden = false;
    const n = board.problemCount;
    const toggle = h('button', {
      type: 'button', class: 'problems-toggle', 'aria-expanded': open ? 'true' : 'false',
      onclick: () => { open = !open; update(); },
    }, icon('warn', 16), `${n} cell${n === 1 ? '' : 's'} need${n === 1 ? 's' : ''} attention`, h('span', { class: 'chev' }, icon('chevron', 16)));
    clear(host, toggle, open ? h('ul', { class: 'problem-list' },
      board.problems.map((p) => h('li', null,
        h('div', { class: 'problem-where' }, `${p.tab} · row ${p.row} · ${p.column}`),
        h('div', { class: 'problem-value' }, p.value === '' ? '(empty)' : `“${p.value}”`),
        h('div', { class: 'problem-why' }, p.why),
        h('div', { class: 'problem-actions' },
          h('button', { type: 'button', class: 'link', 'data-testid': 'problem-go-to-cell', onclick: () => { void goToCell(p.tab, p.row, p.column); } }, 'Go to the cell'),
          // A refused stage typed by hand can be put back to the last one the rules accepted.
          p.tab === 'Deals' && p.column === 'Stage' && p.accepted
            ? h('button', { type: 'button', class: 'link', 'data-testid': 'problem-put-back', onclick: () => { void putStageBack(p.row); } }, `Put back ${stageName(p.accepted)}`)
            : null,
        ),
      )),
      board.problems.length < n ? h('li', { class: 'muted small' }, `…and ${n - board.problems.length} more`) : null,
    ) : null);
    host.classList.toggle('open', open);
  }
  return update;
}
