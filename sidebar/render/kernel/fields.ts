// Labelled form controls, each with its own id so the label is tied to the input.
import { h, type Attrs, type Child } from '../../dom';

let seq = 0;

export function field(label: string, control: HTMLElement, extra?: Child): HTMLElement {
  const id = control.id || `f${++seq}`;
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, extra);
}

export function input(attrs: Attrs): HTMLInputElement {
  return h('input', attrs);
}

export function checkbox(label: string, attrs: Attrs): HTMLElement {
  return h('label', { class: 'check' }, h('input', { type: 'checkbox', ...attrs }), h('span', null, label));
}
