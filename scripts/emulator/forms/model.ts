// Google Forms as plain data: forms the add-on created through the Forms REST API (each one a
// Drive file of the app, so drive.file sees it), their items, publish state and responses.
// The REST shapes follow https://developers.google.com/workspace/forms/api/reference/rest/v1/forms
// and …/forms.responses. No HTTP here: route.ts speaks REST on top; submitResponse is the
// client filling the form (an uncounted helper for tests and the playground).
import { DriveModel } from '../drive/model';

export const FORM_MIME = 'application/vnd.google-apps.form';
/** "forms created by the API after June 30, 2026 will be created in an unpublished state" (Forms API changes guide). */
export const UNPUBLISHED_BY_DEFAULT_FROM = Date.parse('2026-07-01T00:00:00Z');

export interface FormOption { value: string }
export interface FormQuestion {
  questionId: string;
  required?: boolean;
  textQuestion?: { paragraph?: boolean };
  choiceQuestion?: { type: 'RADIO' | 'CHECKBOX' | 'DROP_DOWN'; options: FormOption[] };
  dateQuestion?: { includeTime?: boolean; includeYear?: boolean };
}
export interface FormItem {
  itemId: string;
  title?: string;
  description?: string;
  questionItem?: { question: FormQuestion };
  textItem?: Record<string, never>;
}
export interface PublishState { isPublished: boolean; isAcceptingResponses: boolean }
export interface FormRecord {
  formId: string;
  info: { title: string; documentTitle: string; description?: string };
  items: FormItem[];
  revisionId: number;
  /** The published form's id in its responder URL (…/forms/d/e/{id}/viewform). */
  publishedId: string;
  publishState: PublishState;
}
export interface TextAnswer { value: string }
export interface FormAnswer { questionId: string; textAnswers: { answers: TextAnswer[] } }
export interface FormResponseRecord {
  formId: string;
  responseId: string;
  createTime: string;
  lastSubmittedTime: string;
  answers: Record<string, FormAnswer>;
}

interface FormsJSON {
  kind: 'dealboard-emulator-forms';
  version: 1;
  counter: number;
  forms: FormRecord[];
  responses: FormResponseRecord[];
}

/** The error a client sees when the form refuses a submission. */
export class FormRefusal extends Error {}

export class FormsModel {
  private forms = new Map<string, FormRecord>();
  private responses: FormResponseRecord[] = [];
  private counter = 0;

  constructor(readonly drive: DriveModel, private now: () => Date) {}

  private hex(length: number): string {
    let out = '';
    while (out.length < length) out += ((Math.imul(++this.counter + 0x2545, 0x9e3779b1) ^ this.drive.seed) >>> 0).toString(16).padStart(8, '0');
    return out.slice(0, length);
  }

  newItemId(): string {
    return this.hex(8);
  }

  form(formId: string): FormRecord | undefined {
    return this.forms.get(formId);
  }

  listForms(): FormRecord[] {
    return [...this.forms.values()];
  }

  /** forms.create: a Drive file of the app with the title only. */
  create(title: string, documentTitle: string | undefined, unpublished: boolean | undefined, owner: string): FormRecord {
    const rec = this.drive.newRecord({ name: documentTitle || title, mimeType: FORM_MIME, owner, createdByApp: true, at: this.now() });
    rec.id = this.drive.newId('1', 44);
    this.drive.putFile(rec);
    const publishedByDefault = this.now().getTime() < UNPUBLISHED_BY_DEFAULT_FROM;
    const published = unpublished === undefined ? publishedByDefault : !unpublished;
    const form: FormRecord = {
      formId: rec.id,
      info: { title, documentTitle: documentTitle || title },
      items: [],
      revisionId: 1,
      publishedId: '1FAIpQLS' + this.drive.newId('', 48),
      publishState: { isPublished: published, isAcceptingResponses: published },
    };
    this.forms.set(form.formId, form);
    return form;
  }

  responderUri(form: FormRecord): string {
    return this.drive.link(`https://docs.google.com/forms/d/e/${form.publishedId}/viewform`);
  }

  /** The form whose responder URL carries `publishedId` (the playground's page). */
  byPublishedId(publishedId: string): FormRecord | undefined {
    return [...this.forms.values()].find((f) => f.publishedId === publishedId);
  }

  touched(form: FormRecord): void {
    form.revisionId++;
    const rec = this.drive.file(form.formId);
    if (rec) { rec.modifiedTime = this.now().toISOString(); rec.revisions++; }
  }

  responsesOf(formId: string): FormResponseRecord[] {
    return this.responses.filter((r) => r.formId === formId);
  }

  /**
   * The client submits the form (uncounted): `answers` maps a question's title or questionId to
   * its text (or the chosen options). Refused as Google Forms refuses: an unpublished or closed
   * form, a missing required answer, a choice not among the options.
   */
  submitResponse(formId: string, answers: Record<string, string | string[]>): FormResponseRecord {
    const form = this.forms.get(formId);
    if (!form) throw new FormRefusal(`No form ${formId}`);
    if (!form.publishState.isPublished) throw new FormRefusal('This form is not published.');
    if (!form.publishState.isAcceptingResponses) throw new FormRefusal(`The form ${form.info.title} is no longer accepting responses.`);
    const questions = form.items.filter((i) => i.questionItem);
    const known = new Set<string>();
    const out: Record<string, FormAnswer> = {};
    for (const item of questions) {
      const q = item.questionItem!.question;
      const given = answers[q.questionId] ?? (item.title !== undefined ? answers[item.title] : undefined);
      if (given !== undefined) known.add(answers[q.questionId] !== undefined ? q.questionId : item.title!);
      const values = (Array.isArray(given) ? given : given === undefined ? [] : [given]).map(String).filter((v) => v.trim() !== '');
      if (values.length === 0) {
        if (q.required) throw new FormRefusal(`This is a required question: ${item.title ?? q.questionId}`);
        continue;
      }
      if (q.choiceQuestion) {
        const options = q.choiceQuestion.options.map((o) => o.value);
        const wrong = values.find((v) => !options.includes(v));
        if (wrong !== undefined) throw new FormRefusal(`"${wrong}" is not an option of ${item.title ?? q.questionId}`);
        if (q.choiceQuestion.type !== 'CHECKBOX' && values.length > 1) throw new FormRefusal(`${item.title ?? q.questionId} takes one answer`);
      } else if (values.length > 1) {
        throw new FormRefusal(`${item.title ?? q.questionId} takes one answer`);
      }
      out[q.questionId] = { questionId: q.questionId, textAnswers: { answers: values.map((value) => ({ value })) } };
    }
    const unknown = Object.keys(answers).filter((k) => !known.has(k));
    if (unknown.length) throw new FormRefusal(`No such question: ${unknown.join(', ')}`);
    const at = this.now().toISOString();
    const response: FormResponseRecord = { formId, responseId: 'ACYDBN' + this.drive.newId('', 40), createTime: at, lastSubmittedTime: at, answers: out };
    this.responses.push(response);
    return response;
  }

  toJSON(): FormsJSON {
    return { kind: 'dealboard-emulator-forms', version: 1, counter: this.counter, forms: JSON.parse(JSON.stringify([...this.forms.values()])), responses: JSON.parse(JSON.stringify(this.responses)) };
  }

  static fromJSON(json: unknown, drive: DriveModel, now: () => Date): FormsModel {
    const m = new FormsModel(drive, now);
    const j = json as FormsJSON | undefined;
    if (!j || j.kind !== 'dealboard-emulator-forms') return m;
    m.counter = j.counter;
    for (const f of j.forms) m.forms.set(f.formId, f);
    m.responses = [...j.responses];
    return m;
  }
}
