// A label cut short by its box shows its whole text as a tooltip. Checked when the pointer (or
// keyboard focus) reaches it rather than after every render: measuring every label of a
// 500-card board would cost a layout per label, hovering costs one.

/** A box that hides part of its text: wider than it shows, or lines cut by a clamp. A box that
 *  scrolls shows everything by scrolling and is not clipped. */
export function isClipped(el: HTMLElement): boolean {
  const style = getComputedStyle(el);
  if (style.overflowX === 'auto' || style.overflowX === 'scroll') return false;
  return el.scrollWidth > el.clientWidth + 1 || (style.overflowY === 'hidden' && el.scrollHeight > el.clientHeight + 1);
}

function explain(target: EventTarget | null): void {
  let el = target instanceof HTMLElement ? target : null;
  // The label under the pointer, or the nearest box around it that cuts its text.
  for (let depth = 0; el && depth < 4; depth++, el = el.parentElement) {
    const text = (el.textContent || '').trim();
    if (!text || el.children.length > 3 || !isClipped(el)) continue;
    const own = el.getAttribute('title') || '';
    // A title that explains the label ("9 days in this stage") keeps its words after the text.
    if (!own.includes(text)) el.title = own ? `${text} — ${own}` : text;
  }
}

export function startClipTitles(root: Document = document): void {
  root.addEventListener('mouseover', (e) => explain(e.target), { passive: true });
  root.addEventListener('focusin', (e) => explain(e.target));
}
