// Typed promises over google.script.run. Apps Script allows at most 10 calls in flight from
// one page, so further calls wait in a queue; a listener learns how many are busy.
import type {
  ActivityInput, Board, BoardFilter, ConvertResult, DealDetails, DealPatch, MoveResult, NewLeadInput, UpdatedCard,
} from '../src/app/contracts/board';
import type { TodayView } from '../src/app/contracts/today';
import type { Dashboard } from '../src/app/contracts/dashboard';
import type { CheckpointInput, CheckpointView, HealthDesk } from '../src/app/contracts/health';
import type { CatalogView, QuoteSave, QuoteView } from '../src/app/contracts/quote';
import type { StageKey } from '../src/app/contracts/shared';
import type { DocumentKind, DocumentStatus, GeneratedDocument } from '../src/app/contracts/documents';
import type { DocumentMailPreview, OutboxItem, SendDocumentResult } from '../src/app/contracts/mail';
import type { BookResult, Planner, SlotSearch, SyncResult } from '../src/app/contracts/meetings';
import type { SetupChecklistView } from '../src/app/contracts/setup';
import type { DayPlan, TripAdded } from '../src/app/contracts/meetings';
import type { DealMoney, DebtList, PaymentInput, PaymentResult } from '../src/app/contracts/payments';
import type { BackupList } from '../src/app/contracts/backup';
import type { RestorePreview, RestoreResult, RestoreScope } from '../src/app/contracts/backup';

import type { BriefView, QuoteFromBrief, SendBriefResult } from '../src/app/contracts/briefs';

export type { DocumentKind, GeneratedDocument };

interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
  [fn: string]: unknown;
}

declare const google: { script: { run: ScriptRun } };

/** The server's api_* globals as the sidebar calls them. */
export interface Api {
  api_getBoard(filter?: BoardFilter): Board;
  api_getDeal(dealId: string): DealDetails;
  api_moveDeal(dealId: string, toStage: StageKey, index: number, version: number, neighbours?: { before: number | null; after: number | null } | null): MoveResult;
  api_undoMove(dealId: string, version: number): MoveResult & { message: string };
  /** `base`: what the card showed for each changed field; a stale save is then merged field by field. */
  api_updateDeal(dealId: string, patch: DealPatch, version: number, base?: Record<string, unknown>): UpdatedCard;
  api_addLead(input: NewLeadInput, requestId?: string): { leadId: string; dealId: string | null };
  api_convertLead(leadId: string, nextContactAt?: string | null, requestId?: string): ConvertResult;
  api_getToday(options?: { manager?: string }): TodayView;
  api_junkLead(leadId: string): { leadId: string };
  api_logActivity(input: ActivityInput): { dealId: string; version: number };
  api_getHealth(scope?: 'mine' | 'all'): HealthDesk;
  api_getDashboard(period: { kind: string; from?: string; to?: string }, manager: string): Dashboard;
  api_completeCheckpoint(checkpointId: string, done: boolean, dealId?: string): { checkpoint: CheckpointView; health: string; changed: boolean };
  api_saveCheckpoint(input: CheckpointInput): { id: string; dealId: string; removed: boolean; health: string };
  api_applyPlan(dealId: string, planName: string, startDate: string): { dealId: string; added: number; health: string };
  api_getCatalog(): CatalogView;
  api_getQuote(dealId: string): QuoteView;
  api_getBrief(dealId: string): BriefView;
  api_sendBrief(dealId: string, template: string | null, confirmed: boolean): SendBriefResult;
  api_checkBriefAnswers(dealId: string): BriefView & { found: number };
  api_applyBriefAnswer(dealId: string, answerId: string, version: number): BriefView;
  api_quoteFromBrief(dealId: string): QuoteFromBrief;
  api_saveQuote(dealId: string, quote: QuoteSave, dealVersion: number, requestId?: string): QuoteView;
  api_generateDocument(dealId: string, kind: DocumentKind, options?: { newInvoice?: boolean }, requestId?: string): GeneratedDocument;
  api_createCreditNote(dealId: string, invoiceNumber: string, requestId?: string): GeneratedDocument;
  api_markInvoiceIssued(dealId: string, invoiceNumber: string): { number: string; status: 'issued'; issuedOn: string; dueOn: string; changed: boolean };
  api_getDealMoney(dealId: string): DealMoney;
  api_checkPaymentNow(dealId: string): { recorded: number; closed: number; problem: string | null; checkpoints: string[]; money: DealMoney };
  api_recordPayment(input: PaymentInput, requestId?: string): PaymentResult;
  api_updatePayment(dealId: string, paymentId: string, patch: Partial<Omit<PaymentInput, 'dealId'>>, version: number): PaymentResult;
  api_deletePayment(dealId: string, paymentId: string, version: number): PaymentResult;
  api_listDebts(): DebtList;
  api_getOverdueInvoices(manager?: string): DebtList;
  api_documentStatus(dealId: string): DocumentStatus[];
  api_installTemplates(): { created: string[]; kept: string[]; folderUrl: string };
  api_getPlaceholders(): { token: string; meaning: string }[];
  api_sendDocument(dealId: string, kind: DocumentKind, confirmed: boolean): SendDocumentResult;
  api_previewDocumentMail(dealId: string, kind: DocumentKind): DocumentMailPreview;
  api_getOutbox(dealId: string): OutboxItem[];
  api_cancelMessage(messageId: string): OutboxItem;
  api_requeueMessage(messageId: string): OutboxItem;
  api_sendStageMailAgain(dealId: string): OutboxItem;
  api_sendQueuedMail(): { sent: number; left: number; message: string };
  api_findMeetingSlots(dealId: string, request: { durationMinutes?: number; place?: string; fromDay?: string; toDay?: string }): SlotSearch;
  api_bookMeeting(dealId: string, request: { start: string; durationMinutes?: number; place?: string }): BookResult;
  api_getPlanner(): Planner;
  api_syncMeetings(): SyncResult;
  api_boardStamp(): { stamp: string };
  api_goToCell(tab: string, row: number, column: string): { ok: boolean };
  api_goToSetting(key: string): { ok: boolean; row: number };
  api_putStageBack(row: number): { dealId: string; stage: StageKey; name: string };
  api_listBackups(): BackupList;
  api_backUpNow(): { status: 'done' | 'partial'; message: string; url: string | null };
  api_previewRestore(backupId: string, scope: RestoreScope): RestorePreview;
  api_applyRestore(backupId: string, scope: RestoreScope, remove: Record<string, string[]>): RestoreResult;

  api_setupChecklist(): SetupChecklistView;
  api_addTrip(input: { city: string; fromDay: string; toDay: string; note?: string }): TripAdded;
  api_printDayPlan(input?: { fromDay?: string; toDay?: string }): DayPlan;
  api_keepSetupItem(key: string): SetupChecklistView;
}

type Fn = keyof Api;
type Args<K extends Fn> = Parameters<Api[K]>;
type Result<K extends Fn> = ReturnType<Api[K]>;

export const MAX_IN_FLIGHT = 10;

let inFlight = 0;
const waiting: (() => void)[] = [];
let busyListener: (count: number) => void = () => undefined;

export function onBusy(listener: (count: number) => void): void {
  busyListener = listener;
}

export function messageOf(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message);
  return String(error || 'Something went wrong.');
}

/** Background calls (the staleness check) count against the limit but show no progress bar. */
let quietInFlight = 0;
const busy = () => inFlight - quietInFlight + waiting.length;

export function call<K extends Fn>(fn: K, ...args: Args<K>): Promise<Result<K>> {
  return send(false, fn, args);
}

/** A call the person did not ask for: no progress bar while it runs. */
export function callQuietly<K extends Fn>(fn: K, ...args: Args<K>): Promise<Result<K>> {
  return send(true, fn, args);
}

function send<K extends Fn>(quiet: boolean, fn: K, args: Args<K>): Promise<Result<K>> {
  return new Promise<Result<K>>((resolve, reject) => {
    const start = () => {
      inFlight += 1;
      if (quiet) quietInFlight += 1;
      busyListener(busy());
      const done = () => {
        inFlight -= 1;
        if (quiet) quietInFlight -= 1;
        const next = waiting.shift();
        if (next) next();
        busyListener(busy());
      };
      try {
        const runner = google.script.run
          .withSuccessHandler((value) => { done(); resolve(value as Result<K>); })
          .withFailureHandler((error) => { done(); reject(new Error(messageOf(error))); });
        (runner[fn] as (...a: unknown[]) => void)(...args);
      } catch (error) {
        done();
        reject(new Error(messageOf(error)));
      }
    };
    if (inFlight < MAX_IN_FLIGHT) start();
    else {
      waiting.push(start);
      busyListener(busy());
    }
  });
}
