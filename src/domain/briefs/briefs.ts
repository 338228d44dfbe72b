// The brief by link (issue 25), pure rules: a template's questions as Google Forms API requests,
// the template's version (a fingerprint: a changed template makes a new form), what a response
// says per question, which answers propose a deal field, and which quote lines the answers start.
import { parseMoneyInput } from '../kernel/typedInput';

export const BRIEF_KINDS = ['short', 'paragraph', 'choice', 'checkboxes', 'date', 'number', 'file link'] as const;
export type BriefKind = typeof BRIEF_KINDS[number];

export interface BriefQuestion {
  question: string;
  kind: BriefKind;
  options: string[];
  required: boolean;
  /** '' | 'budget' | 'item:CODE' */
  mapsTo: string;
}

/** What the Brief forms row keeps per question of the form made (Forms' questionId → ours). */
export interface FormQuestion extends BriefQuestion {
  questionId: string;
}

export function isBriefKind(v: unknown): v is BriefKind {
  return typeof v === 'string' && (BRIEF_KINDS as readonly string[]).indexOf(v) >= 0;
}

/** The options cell: choices separated by ";" (blank ones dropped, each once). */
export function splitOptions(cell: string): string[] {
  const out: string[] = [];
  for (const part of cell.split(';').map((s) => s.trim())) if (part && out.indexOf(part) < 0) out.push(part);
  return out;
}

/** Why a mapping cannot be used, or null. */
export function mappingProblem(mapsTo: string): string | null {
  if (mapsTo === '' || mapsTo === 'budget') return null;
  if (/^item:\S+$/.test(mapsTo)) return null;
  return `"${mapsTo}" is not a mapping Dealboard knows (budget, or item:CODE).`;
}

/** A short, stable fingerprint of the questions (FNV-1a over their canonical JSON). */
export function templateVersion(questions: readonly BriefQuestion[]): string {
  const text = JSON.stringify(questions.map((q) => [q.question, q.kind, q.options, q.required, q.mapsTo]));
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return ('0000000' + h.toString(16)).slice(-8);
}

/** The Forms API question of one of ours (kinds the Forms API has no type for become text with a hint). */
function formsQuestion(q: BriefQuestion): Record<string, unknown> {
  const base: Record<string, unknown> = q.required ? { required: true } : {};
  if ((q.kind === 'choice' || q.kind === 'checkboxes') && q.options.length > 0) {
    return { ...base, choiceQuestion: { type: q.kind === 'choice' ? 'RADIO' : 'CHECKBOX', options: q.options.map((value) => ({ value })) } };
  }
  if (q.kind === 'date') return { ...base, dateQuestion: { includeYear: true } };
  if (q.kind === 'paragraph') return { ...base, textQuestion: { paragraph: true } };
  return { ...base, textQuestion: {} };
}

function hint(q: BriefQuestion): string | undefined {
  if (q.kind === 'number') return 'A number.';
  if (q.kind === 'file link') return 'A link to the file (Google Drive, Dropbox…), shared so that we can open it.';
  return undefined;
}

/**
 * One forms.batchUpdate: the description (what we already know, so the client need not repeat
 * it) and one createItem per question, in order.
 */
export function formRequests(description: string, questions: readonly BriefQuestion[]): Record<string, unknown>[] {
  const requests: Record<string, unknown>[] = [{ updateFormInfo: { info: { description }, updateMask: 'description' } }];
  questions.forEach((q, index) => {
    const item: Record<string, unknown> = { title: q.question, questionItem: { question: formsQuestion(q) } };
    const h = hint(q);
    if (h) item.description = h;
    requests.push({ createItem: { item, location: { index } } });
  });
  return requests;
}

/** The question ids from a batchUpdate's replies (1:1 with the requests: the first is updateFormInfo). */
export function questionIdsOf(replies: readonly unknown[], questions: readonly BriefQuestion[]): FormQuestion[] | null {
  const out: FormQuestion[] = [];
  for (let i = 0; i < questions.length; i++) {
    const reply = replies[i + 1] as { createItem?: { questionId?: unknown[] } } | undefined;
    const id = reply && reply.createItem && reply.createItem.questionId && reply.createItem.questionId[0];
    if (typeof id !== 'string') return null;
    out.push({ ...questions[i], questionId: id });
  }
  return out;
}

/** The question ids from forms.get (a retry after a crash between batchUpdate and recording it): matched by title, in order. */
export function questionIdsFromForm(form: { items?: { title?: string; questionItem?: { question?: { questionId?: string } } }[] }, questions: readonly BriefQuestion[]): FormQuestion[] | null {
  const items = (form.items || []).filter((i) => i.questionItem && i.questionItem.question && i.questionItem.question.questionId);
  if (items.length !== questions.length) return null;
  const out: FormQuestion[] = [];
  for (let i = 0; i < questions.length; i++) {
    if (items[i].title !== questions[i].question) return null;
    out.push({ ...questions[i], questionId: String(items[i].questionItem!.question!.questionId) });
  }
  return out;
}

/** A Forms API FormResponse as the list returns it. */
export interface FormResponseJson {
  responseId: string;
  lastSubmittedTime: string;
  createTime?: string;
  answers?: Record<string, { questionId?: string; textAnswers?: { answers?: { value?: string }[] } }>;
}

export interface BriefAnswer {
  responseId: string;
  questionId: string;
  question: string;
  answer: string;
  answeredAt: string;
  mapsTo: string;
}

/** One answer per answered question of the response (several choices joined with "; "). */
export function answersOf(response: FormResponseJson, questions: readonly FormQuestion[]): BriefAnswer[] {
  const out: BriefAnswer[] = [];
  for (const q of questions) {
    const a = response.answers && response.answers[q.questionId];
    const values = a && a.textAnswers && a.textAnswers.answers ? a.textAnswers.answers.map((v) => String(v.value ?? '')) : [];
    if (values.length === 0) continue;
    out.push({ responseId: response.responseId, questionId: q.questionId, question: q.question, answer: values.join('; '), answeredAt: response.lastSubmittedTime, mapsTo: q.mapsTo });
  }
  return out;
}

/** The latest answer per question (a client may answer again: the latest wins, earlier ones are kept). */
export function latestAnswers<T extends { questionId: string; answeredAt: string }>(answers: readonly T[]): T[] {
  const byQuestion: Record<string, T> = {};
  const order: string[] = [];
  for (const a of answers) {
    const seen = byQuestion[a.questionId];
    if (!seen) order.push(a.questionId);
    if (!seen || a.answeredAt >= seen.answeredAt) byQuestion[a.questionId] = a;
  }
  return order.map((id) => byQuestion[id]);
}

/** A positive number read from the client's text ("12 000", "€12,000", "5k"), or null. */
export function numberFromAnswer(text: string, decimalSeparator: '.' | ',' = '.'): number | null {
  const cleaned = text.trim().replace(/^(about|around|approx\.?|~)\s*/i, '').replace(/\s*(eur|euro|euros|usd|pages?)$/i, '');
  const read = parseMoneyInput(cleaned, decimalSeparator, 'The answer');
  return read.ok && read.value > 0 ? read.value : null;
}

export interface QuoteLineFromBrief {
  code: string;
  quantity: number;
  question: string;
  answer: string;
}

/** The quote lines the answers start: each item:CODE answer is that item's quantity (a "yes" is 1). */
export function quoteLinesFromAnswers(answers: readonly { mapsTo: string; answer: string; question: string }[], decimalSeparator: '.' | ',' = '.'): QuoteLineFromBrief[] {
  const out: QuoteLineFromBrief[] = [];
  for (const a of answers) {
    const m = /^item:(\S+)$/.exec(a.mapsTo);
    if (!m) continue;
    const n = numberFromAnswer(a.answer, decimalSeparator);
    const yes = /^(yes|y|ja|oui|si|да)$/i.test(a.answer.trim());
    const quantity = n !== null ? Math.round(n * 1000) / 1000 : yes ? 1 : 0;
    if (quantity <= 0) continue;
    const same = out.filter((l) => l.code === m[1])[0];
    if (same) same.quantity = quantity; else out.push({ code: m[1], quantity, question: a.question, answer: a.answer });
  }
  return out;
}
