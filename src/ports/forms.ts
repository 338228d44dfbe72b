// Google Forms through its REST API (UrlFetchApp + ScriptApp.getOAuthToken(), scope drive.file:
// only forms the add-on created). The brief feature's port (issue 25).
import type { FormResponseJson } from '../domain/briefs/briefs';

export interface CreatedForm {
  formId: string;
  responderUri: string;
}

export interface FormJson {
  formId: string;
  responderUri?: string;
  items?: { title?: string; questionItem?: { question?: { questionId?: string } } }[];
  publishSettings?: { publishState?: { isPublished?: boolean; isAcceptingResponses?: boolean } };
}

export interface ResponsesPage {
  formId: string;
  responses: FormResponseJson[];
  /** Set when the form has more responses than one page. */
  nextPageToken: string | null;
  /** Set when Forms refused (the form was deleted, the token is wrong…): the check goes on with the others. */
  error: string | null;
}

export interface ResponsesQuery {
  formId: string;
  /** RFC 3339: only responses submitted after it ('' for all). */
  after: string;
  pageToken?: string;
}

export interface FormsPort {
  /** forms.create with the title and the Drive name (documentTitle). */
  create(title: string, documentTitle: string): CreatedForm;
  /** A form this app created whose Drive name is `documentTitle` (a retry after a crash), or null. */
  findByDocumentTitle(documentTitle: string): string | null;
  get(formId: string): FormJson | null;
  /** forms.batchUpdate; the replies, 1:1 with the requests. */
  batchUpdate(formId: string, requests: Record<string, unknown>[]): unknown[];
  /** forms.setPublishSettings: published and accepting responses. */
  publish(formId: string): void;
  /** forms.responses.list for many forms in one UrlFetchApp.fetchAll. */
  listResponses(queries: readonly ResponsesQuery[]): ResponsesPage[];
}
