// Which documents of a deal exist — with their links, so the card lists them however often the
// sidebar was closed (issue 21 item 3) — and whether each still matches the current quote
// revision (issue 11 item 12). One TextFinder lookup on Documents plus the deal's own row.
import { googleLink } from '../../domain/kernel/links';
import { DOCUMENTS } from '../../workbook/schema';
import { isMadeDocument } from './pendingDocuments';
import { isDate } from '../../workbook/codec';
import { openRows } from '../../workbook/rows';
import { isOutOfDate } from '../../domain/documents/documentFreshness';
import { UseCaseContext } from '../kernel/session';
import { loadDeal } from '../deals/deals';
import { requireId } from '../kernel/validate';
import { refuseUnlessExecutorWorksOn } from '../deals/executorBoard';
import { storedInvoiceStatus } from '../money/payments';
import { DocumentStatus } from '../contracts/documents';

export type { DocumentStatus };


export function documentStatus(ctx: UseCaseContext, dealIdArg: unknown): DocumentStatus[] {
  const dealId = requireId(dealIdArg, 'The deal');
  refuseUnlessExecutorWorksOn(ctx, dealId);
  const { row, deal } = loadDeal(ctx, dealId);
  const noEmail = deal.email === '' ? 'The client has no email address: share the link yourself or add an email to the deal.' : null;
  const current = Number(row.record.quoteVersion) || 0;
  const latest: Record<string, DocumentStatus> = {};
  for (const doc of openRows(ctx.ports.sheets, DOCUMENTS, ctx.ports.dates).where('dealId', dealId)) {
    if (doc.record.dealId !== dealId || !isMadeDocument(doc.record)) continue;
    const kind = String(doc.record.kind || '');
    // A credit note is made once, from the invoice it cancels: never "out of date".
    if (kind === 'credit') continue;
    const quoteVersion = Number(doc.record.quoteVersion) || 0;
    // The newest row of a kind is the one a regenerate rewrote.
    const r = doc.record;
    latest[kind] = {
      // Only Google's own https links become links: a URL typed into the tab by hand does not.
      kind, number: String(r.number || ''), url: googleLink(String(r.url || '')) || '',
      pdfUrl: googleLink(String(r.pdfUrl || '')) || '', xlsxUrl: googleLink(String(r.xlsxUrl || '')) || '', version: Number(r.version) || 1,
      generatedAt: isDate(r.generatedAt) ? r.generatedAt.toISOString() : null,
      sentAt: isDate(r.sentAt) ? r.sentAt.toISOString() : null,
      unfilled: String(r.unfilled || '').split(/\s*,\s*/).filter(Boolean),
      canSend: noEmail === null, sendBlockedReason: noEmail,
      quoteVersion, currentQuoteVersion: current, outOfDate: isOutOfDate(quoteVersion, current),
      issued: kind === 'invoice' && storedInvoiceStatus(doc.record) === 'issued',
    };
  }
  return Object.keys(latest).map((k) => latest[k]);
}
