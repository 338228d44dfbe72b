// A live "n / max" counter under a text field, so a limit is seen while typing, not after Save.
import { h } from '../../dom';

export function titleLimit(el: HTMLInputElement, max: number): HTMLElement {
  const counter = h('div', { class: 'muted small char-limit', 'data-testid': 'title-limit', 'aria-live': 'polite' });
  const update = () => {
    const n = el.value.trim().length;
    const over = n > max;
    counter.textContent = over ? `${n} / ${max} characters: ${n - max} too many` : n > max * 0.8 ? `${n} / ${max} characters` : '';
    counter.classList.toggle('over', over);
    if (over) el.setAttribute('aria-invalid', 'true'); else el.removeAttribute('aria-invalid');
  };
  el.addEventListener('input', update);
  update();
  return counter;
}
