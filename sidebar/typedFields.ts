// Reading typed money, day and date-time fields strictly (src/domain/kernel/typedInput.ts): a value is
// sent only when it reads as meant; otherwise the field is marked and the form says why.
import { parseMoneyInput } from '../src/app/contracts/shared';
import { state } from './state';
import { dateTimeFieldHint, dateTimeFieldText, dayFieldHint, dayFieldText, decimalSeparator, readDateTimeField, readDayField } from './format';
import { h, type Attrs } from './dom';

/** The spreadsheet's zone: every time in the workbook is wall-clock time there. */
export function sheetZone(): string {
  return (state.board && state.board.timeZone) || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** "Europe/Berlin" as a short label for time fields. */
export function zoneLabel(): string {
  return sheetZone().replace(/_/g, ' ');
}

function mark(el: HTMLInputElement, message: string | null): void {
  if (message) { el.setAttribute('aria-invalid', 'true'); el.title = message; } else { el.removeAttribute('aria-invalid'); el.removeAttribute('title'); }
}

export function readMoney(el: HTMLInputElement, what: string): { ok: true; value: number } | { ok: false; message: string } {
  const read = parseMoneyInput(el.value, decimalSeparator(), what);
  mark(el, read.ok ? null : read.message);
  return read;
}

/**
 * A day field in the spreadsheet's locale ("12/07/2026" in en-US, "07.12.2026" in de-DE; issue 21
 * item 8): a text field showing the locale's pattern, not a type="date" picker (that one shows the
 * browser's locale). `label` names it for assistive technology, with the pattern appended; read it
 * back with readDay, which gives the ISO day the server expects.
 */
export function dayInput(isoDay: string | null | undefined, label: string, attrs: Attrs = {}): HTMLInputElement {
  return h('input', {
    type: 'text', inputmode: 'numeric', autocomplete: 'off', size: 10,
    placeholder: dayFieldHint(), 'aria-label': `${label} (${dayFieldHint()})`,
    ...attrs, value: dayFieldText(isoDay),
  });
}

/** A day field's text as 'yyyy-MM-dd' (null when empty), or the refusal; the field is marked when refused. */
export function readDay(el: HTMLInputElement, what: string): { ok: true; value: string | null } | { ok: false; message: string } {
  const read = readDayField(el.value, what);
  mark(el, read.ok ? null : read.message);
  return read;
}

/**
 * A date-time field in the spreadsheet's locale and zone ("12/07/2026 10:00 AM" in en-US,
 * "07.12.2026 10:00" in de-DE; issue 21 item 8): one text field on the rule of dayInput, not a
 * browser date-and-time picker (that one shows the browser's locale). The time is wall-clock time
 * in the spreadsheet's zone (zoneLabel names it). Read it back with readDateTime.
 */
export function dateTimeInput(iso: string | null | undefined, label: string, attrs: Attrs = {}): HTMLInputElement {
  return h('input', {
    type: 'text', autocomplete: 'off', size: 19,
    placeholder: dateTimeFieldHint(), 'aria-label': `${label} (${dateTimeFieldHint()}, ${zoneLabel()})`,
    ...attrs, value: dateTimeFieldText(iso, sheetZone()),
  });
}

/** The text a date-time field shows for an instant: what the field held when the form was drawn. */
export function dateTimeText(iso: string | null | undefined): string {
  return dateTimeFieldText(iso, sheetZone());
}

/** A date-time field's text as the ISO instant (null when empty), or the refusal; the field is marked when refused. */
export function readDateTime(el: HTMLInputElement, what: string): { ok: true; value: string | null } | { ok: false; message: string } {
  const read = readDateTimeField(el.value, sheetZone(), what);
  mark(el, read.ok ? null : read.message);
  return read;
}
