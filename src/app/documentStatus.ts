// Which documents of a deal exist and whether each still matches the current quote revision
// (issue 11 item 12). One TextFinder lookup on Documents plus the deal's own row.
import { googleLink } from '../domain/links';
import { DOCUMENTS } from '../workbook/schema';
import { openRows } from '../workbook/rows';
import { isOutOfDate } from '../domain/documentFreshness';
import { UseCaseContext } from './session';
import { loadDeal } from './deals';
import { requireId } from './validate';
import { refuseUnlessExecutorWorksOn } from './executorBoard';
import { storedInvoiceStatus } from './payments';

export interface DocumentStatus {
  kind: string;
  number: string;
  url: string;
  quoteVersion: number;
  currentQuoteVersion: number;
  outOfDate: boolean;
  /** Issue 22: an issued invoice is not regenerated; the card offers a new invoice instead. */
  issued: boolean;
}

export function documentStatus(ctx: UseCaseContext, dealIdArg: unknown): DocumentStatus[] {
  const dealId = requireId(dealIdArg, 'The deal');
  refuseUnlessExecutorWorksOn(ctx, dealId);
  const { row } = loadDeal(ctx, dealId);
  const current = Number(row.record.quoteVersion) || 0;
  const latest: Record<string, DocumentStatus> = {};
  for (const doc of openRows(ctx.ports.sheets, DOCUMENTS, ctx.ports.dates).where('dealId', dealId)) {
    if (doc.record.dealId !== dealId) continue;
    const kind = String(doc.record.kind || '');
    // A credit note is made once, from the invoice it cancels: never "out of date".
    if (kind === 'credit') continue;
    const quoteVersion = Number(doc.record.quoteVersion) || 0;
    // The newest row of a kind is the one a regenerate rewrote.
    latest[kind] = {
      kind, number: String(doc.record.number || ''), url: googleLink(String(doc.record.url || '')) || '',
      quoteVersion, currentQuoteVersion: current, outOfDate: isOutOfDate(quoteVersion, current),
      issued: kind === 'invoice' && storedInvoiceStatus(doc.record) === 'issued',
    };
  }
  return Object.keys(latest).map((k) => latest[k]);
}
