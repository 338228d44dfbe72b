// Proposal, contract, invoice and brief: Google Docs templates that owners edit in Drive,
// filled with one Docs batchUpdate, rewritten in place when regenerated (same link).
import { googleLink } from '../../domain/kernel/links';
import { CLIENTS, DOCUMENTS, QUOTE_LINES, SETTINGS } from '../../workbook/schema';
import { DecodedRow } from '../../workbook/codec';
import { Table, appendRecords, readTable, updateRow, updateRows } from '../../workbook/table';
import { planFirstFill, planRefill, findRowTemplate, fillCell, conditionHolds, CellPart, DocJson } from '../../domain/documents/docPlan';
import { xlsxParts } from '../../domain/clients/xlsx';
import { addDays } from '../../domain/kernel/timezone';
import { canEditDeal, sameEmail } from '../../domain/kernel/roles';
import { DocsPort, Ports } from '../../ports';
import { UseCaseContext } from '../kernel/session';
import { loadDeal } from '../deals/deals';
import { quoteOf } from './quotes';
import { QuoteView } from '../contracts/quote';
import { DOCUMENT_KINDS, DocumentKind, GeneratedDocument } from '../contracts/documents';

export { DOCUMENT_KINDS };
export type { DocumentKind, GeneratedDocument };
import { createEvaluator, createLineEvaluator, longDayIn } from './templating';
import { refreshConfig, Config } from '../kernel/config';
import { InputError } from '../kernel/validate';
import { Deal } from '../kernel/records';
import { WorkbookError } from '../../workbook/errors';
import { openRows } from '../../workbook/rows';
import proposalHtml from '../../../templates/proposal.html';
import contractHtml from '../../../templates/contract.html';
import invoiceHtml from '../../../templates/invoice.html';
import briefHtml from '../../../templates/brief.html';
import creditHtml from '../../../templates/credit.html';
import { dueDateOf, paymentLinkOf, paymentTermsDays } from '../../domain/money/payments';
import { StripeServices, ensureInvoiceLink, linkAmountOf } from '../money/stripeLinks';
import { fromMinor, toMinor } from '../../domain/documents/calculator';
import { isDate } from '../../workbook/codec';
import { storedInvoiceStatus } from '../money/payments';
import { optionalRequestId, keyedId } from '../kernel/requestKeys';
import { PendingState, isMadeDocument, pendingStateOf, pendingText } from './pendingDocuments';

const TEMPLATE_HTML: Record<DocumentKind, string> = { proposal: proposalHtml, contract: contractHtml, invoice: invoiceHtml, brief: briefHtml, credit: creditHtml };
const TITLES: Record<DocumentKind, string> = { proposal: 'Proposal', contract: 'Contract', invoice: 'Invoice', brief: 'Brief', credit: 'Credit note' };


/** Creates the template Docs that are missing (owners' edited ones are never replaced). */
export function installTemplates(ports: Ports, docs: DocsPort): { created: DocumentKind[]; kept: DocumentKind[]; folderUrl: string } {
  return ports.lock.withDocumentLock(() => {
    const table = readTable(ports.sheets, SETTINGS, ports.dates);
    const value = (key: string) => {
      const row = table.rows.filter((r) => r.record.key === key)[0];
      return row ? String(row.record.value || '') : '';
    };
    const updates: Record<string, string> = {};
    let templatesFolder = value('templates_folder');
    if (!templatesFolder) {
      templatesFolder = docs.createFolder('Dealboard templates', null).id;
      updates.templates_folder = templatesFolder;
    }
    if (!value('documents_folder')) updates.documents_folder = docs.createFolder('Dealboard documents', null).id;
    const created: DocumentKind[] = [];
    const kept: DocumentKind[] = [];
    for (const kind of DOCUMENT_KINDS) {
      const existing = value(`template.${kind}`);
      if (existing && docs.getDocument(existing) !== null) {
        kept.push(kind);
        continue;
      }
      updates[`template.${kind}`] = docs.createDocFromHtml(`Dealboard template — ${TITLES[kind]}`, TEMPLATE_HTML[kind], templatesFolder).id;
      created.push(kind);
    }
    writeSettings(ports, table, updates);
    refreshConfig(ports);
    return { created, kept, folderUrl: `https://drive.google.com/drive/folders/${templatesFolder}` };
  });
}

function writeSettings(ports: Ports, table: Table, updates: Record<string, string>): void {
  const missing: Record<string, unknown>[] = [];
  const patches: { row: DecodedRow; patch: Record<string, unknown> }[] = [];
  for (const key of Object.keys(updates)) {
    const row = table.rows.filter((r) => r.record.key === key)[0];
    if (row) patches.push({ row, patch: { value: updates[key] } });
    else missing.push({ key, value: updates[key], description: '' });
  }
  // Adjacent keys (the template ids sit together) go out as one block.
  updateRows(ports.sheets, table, patches, ports.dates);
  appendRecords(ports.sheets, table, missing, ports.dates);
}

function isKind(value: unknown): value is DocumentKind {
  return typeof value === 'string' && (DOCUMENT_KINDS as readonly string[]).indexOf(value) >= 0;
}

interface DocumentRow {
  row: Table['rows'][number];
  record: Record<string, unknown>;
}

function documentRows(table: Table): DocumentRow[] {
  return table.rows.map((row) => ({ row, record: row.record as Record<string, unknown> }));
}

/** Each kind's number series: readable and per year (PRO-2026-0007), never an internal id. */
export const NUMBER_PREFIXES: Record<DocumentKind, string> = { proposal: 'PRO', contract: 'CON', invoice: 'INV', brief: 'BRF', credit: 'CRN' };

/** The next number of a kind's series in the year: never reused, also when rows are deleted by hand. */
export function nextDocumentNumber(kind: DocumentKind, numbers: readonly unknown[], year: string, counter: number): { number: string; sequence: number } {
  let highest = counter;
  const prefix = `${NUMBER_PREFIXES[kind]}-${year}-`;
  for (const value of numbers) {
    const number = String(value || '');
    if (number.indexOf(prefix) === 0) highest = Math.max(highest, Number(number.slice(prefix.length)) || 0);
  }
  const sequence = highest + 1;
  return { number: `${prefix}${String(sequence).padStart(4, '0')}`, sequence };
}

/** The last number handed out per kind and year (kept outside the sheet, under the document lock). */
export interface DocumentCounter {
  get(kind: DocumentKind, year: string): number;
  put(kind: DocumentKind, year: string, value: number): void;
}

/** Drops undefined values, so that a placeholder for data that is not there stays visible and
 *  is reported (strict Handlebars would print a present-but-undefined key as blank). */
function defined(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (v === undefined) continue;
    out[key] = v && typeof v === 'object' && !Array.isArray(v) ? defined(v as Record<string, unknown>) : v;
  }
  return out;
}

/** What the documents print about the client beyond the deal row: contact person and address. */
interface DocumentClient {
  contact: string;
  company: string;
  address: string;
  city: string;
  /** The client's own payment terms as the cell holds them (issue 22). */
  paymentTermsDays: unknown;
}

function documentClient(ctx: UseCaseContext, clientId: string): DocumentClient | null {
  if (!clientId) return null;
  const row = openRows(ctx.ports.sheets, CLIENTS, ctx.ports.dates).byId(clientId);
  if (!row) return null;
  const text = (key: string) => String(row.record[key] || '').trim();
  return { contact: text('contact'), company: text('company'), address: text('address'), city: text('city'), paymentTermsDays: row.record.paymentTermsDays };
}

function documentContext(ctx: UseCaseContext, deal: Deal, quote: QuoteView, number: string, config: Config, client: DocumentClient | null): Record<string, unknown> {
  const manager = config.team.filter((m) => sameEmail(m.email, deal.manager))[0];
  const seller = config.settings.company;
  const blank = (value: string) => (value === '' ? undefined : value);
  const contact = client ? client.contact : '';
  const dueDate = addDays(ctx.moment.today, paymentTermsDays(config.settings.invoiceDueDays, client ? client.paymentTermsDays : null));
  const link = paymentLinkOf(config.settings.paymentLink, { amountMinor: quote.totalMinor, currency: config.settings.currency, number });
  return defined({
    company: {
      name: config.settings.companyName, address: blank(seller.address), taxId: blank(seller.taxId),
      bank: blank(seller.bank), email: blank(seller.email), phone: blank(seller.phone),
    },
    client: {
      name: deal.clientName, email: deal.email, phone: deal.phone,
      contact: blank(contact), company: client ? blank(client.company) : undefined,
      address: client ? blank([client.address, client.city].filter((x) => x !== '').join(', ')) : undefined,
      // "Dear Ada Lovelace", not "Dear Acme GmbH", when the contact person is known.
      greeting: contact || deal.clientName,
    },
    deal: { id: deal.id, title: deal.title, expectedClose: deal.expectedClose ? ctx.moment.localDay(deal.expectedClose) : undefined },
    manager: { name: manager ? manager.name : deal.manager, email: deal.manager },
    today: ctx.moment.today,
    dueDate,
    document: { number },
    quote: { revision: quote.version },
    budget: Math.round(deal.budget * 100),
    subtotal: quote.subtotalMinor,
    discount: quote.discountMinor,
    net: quote.netMinor,
    tax: quote.taxMinor,
    total: quote.totalMinor,
    orderDiscount: quote.orderDiscountPercent,
    taxRate: quote.taxRatePercent,
    paymentLink: link || undefined,
    anyDiscount: quote.lines.some((l) => (l.discountPercent || 0) > 0),
    lines: quote.lines.map((l, i) => ({
      position: i + 1, code: l.code, description: l.description, details: l.details, quantity: l.quantity, unit: l.unit,
      unitPrice: l.unitPriceMinor, discount: l.discountPercent, total: l.totalMinor,
    })),
  });
}

/** Issue 22: `newInvoice` makes the next invoice when the last one is issued; `cancels` names the invoice a credit note cancels. */
export interface GenerateOptions {
  newInvoice?: boolean;
  cancels?: string;
}

function readOptions(value: unknown): GenerateOptions {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new InputError('The document options must be an object.');
  const o = value as Record<string, unknown>;
  const out: GenerateOptions = {};
  if (o.newInvoice !== undefined) {
    if (typeof o.newInvoice !== 'boolean') throw new InputError('newInvoice must be true or false.');
    out.newInvoice = o.newInvoice;
  }
  if (o.cancels !== undefined) {
    if (typeof o.cancels !== 'string' || o.cancels.trim() === '' || o.cancels.length > 40) throw new InputError('The invoice to cancel is missing.');
    out.cancels = o.cancels.trim();
  }
  return out;
}

/** The refusal to rewrite an issued invoice; the sidebar offers "New invoice" and "Credit note" on it. */
export function issuedInvoiceRefusal(number: string, issuedOn: string | null): string {
  return `Invoice ${number} was issued${issuedOn ? ` on ${issuedOn}` : ''}: an issued invoice is a document of record and is not rewritten. ` +
    `Make a new invoice (the next number) for the change, and a credit note that cancels ${number} if it no longer stands.`;
}

export function generateDocument(ctx: UseCaseContext, docs: DocsPort, counter: DocumentCounter, dealIdArg: unknown, kindArg: unknown, optionsArg?: unknown, requestIdArg?: unknown, stripe?: StripeServices): GeneratedDocument {
  if (!isKind(kindArg)) throw new InputError(`The document kind must be one of: ${DOCUMENT_KINDS.join(', ')}.`);
  const kind = kindArg;
  const options = readOptions(optionsArg);
  if (kind === 'credit' && !options.cancels) throw new InputError('A credit note cancels an issued invoice: say which one.');
  const dealId = typeof dealIdArg === 'string' ? dealIdArg.trim() : '';
  if (dealId === '') throw new InputError('The deal is missing.');
  const requestId = optionalRequestId(requestIdArg);
  const { config, ports } = ctx;
  const templateId = config.settings.templates[kind];
  if (!templateId) throw new InputError('The document templates are not installed yet: run Dealboard → Install document templates.');
  return ports.lock.withDocumentLock(() => {
    const { deal } = loadDeal(ctx, dealId);
    if (!canEditDeal(ctx.actor, deal.manager)) throw new InputError(`Only the deal's manager, a head or the owner may make documents for "${deal.title}".`);
    const lines = openRows(ports.sheets, QUOTE_LINES, ports.dates);
    lines.where('dealId', dealId);
    const quote = quoteOf(ctx, lines.table, dealId);
    if (kind !== 'brief' && kind !== 'credit' && quote.version === 0) throw new InputError(`Save a quote for "${deal.title}" first: the ${kind} prints its lines and totals.`);
    // Only the deal's and its client's documents are read (for the existing file and the folders).
    const found = openRows(ports.sheets, DOCUMENTS, ports.dates);
    found.where('dealId', dealId);
    if (deal.clientId) found.where('clientId', deal.clientId);
    const table = found.table;
    const rows = documentRows(table);
    // The row a retry of this request made or began (its id is made from the request id).
    const rowId = requestId ? keyedId(DOCUMENTS.idPrefix, dealId, kind, requestId) : null;
    const asked = rowId ? rows.filter((r) => r.record.dealId === dealId && r.record.id === rowId)[0] : undefined;
    if (asked && isMadeDocument(asked.record)) return generatedOf(ctx, deal, asked.record, false);
    // A regenerate keeps its row (and that row's id), so a retry of a finished regenerate is
    // found by the request id the row recorded last: the first answer again, nothing written (issue 21).
    const repeated = requestId ? rows.filter((r) => r.record.dealId === dealId && r.record.kind === kind && isMadeDocument(r.record) && lastRequestOf(r.record).id === requestId)[0] : undefined;
    if (repeated) {
      const outcome = lastRequestOf(repeated.record).outcome;
      return { ...generatedOf(ctx, deal, repeated.record, outcome === 'same-link'), ...(outcome === 'new-link' ? { newLink: true } : {}) };
    }
    const ofKind = rows.filter((r) => r.record.dealId === dealId && r.record.kind === kind);
    let existing: DocumentRow | undefined = ofKind[0];
    let cancelled: DocumentRow | undefined;
    if (kind === 'invoice') {
      // Issue 22: a draft is regenerated in place; an issued invoice never is.
      const drafts = ofKind.filter((r) => storedInvoiceStatus(r.record) === 'draft');
      existing = drafts[drafts.length - 1];
      const last = ofKind[ofKind.length - 1];
      if (!existing && last && !options.newInvoice) {
        throw new InputError(issuedInvoiceRefusal(String(last.record.number || ''), isDate(last.record.issuedAt) ? ctx.moment.localDay(last.record.issuedAt) : null));
      }
    } else if (kind === 'credit') {
      existing = undefined;
      cancelled = rows.filter((r) => r.record.dealId === dealId && r.record.kind === 'invoice' && r.record.number === options.cancels)[0];
      if (!cancelled) throw new InputError(`${String(options.cancels)} is not an invoice of "${deal.title}".`);
      if (storedInvoiceStatus(cancelled.record) !== 'issued') throw new InputError(`${String(options.cancels)} is a draft: regenerate it instead; only an issued invoice is cancelled by a credit note.`);
      const earlier = ofKind.filter((r) => r.record.cancels === options.cancels)[0];
      // A credit note begun and cut off is finished, not refused as made.
      if (earlier && isMadeDocument(earlier.record)) throw new InputError(`${String(options.cancels)} is already cancelled by credit note ${String(earlier.record.number || '')}.`);
      existing = earlier;
    }
    if (asked) existing = asked;
    // A row written before its files (a run cut off half-way): finished with its own number and ids.
    const pendingRow = existing && !isMadeDocument(existing.record) ? existing : undefined;
    const made = pendingRow ? undefined : existing;
    // A Doc the user moved to the trash still opens by id, but the card must not link to it:
    // it counts as gone and a new Doc is made at a new link (issue 21). +1 Drive call a regenerate.
    const current = made && docs.fileExists(String(made.record.docId)) ? docs.getDocument(String(made.record.docId)) : null;

    // A document keeps its number when regenerated or finished; a new one takes the next of its
    // series, which must not repeat any in the tab: the Number column is read whole (one read).
    let number = existing ? String(existing.record.number || '') : '';
    let sequence: { year: string; value: number } | null = null;
    if (!number) {
      const year = ctx.moment.today.slice(0, 4);
      const next = nextDocumentNumber(kind, found.column('number'), year, counter.get(kind, year));
      number = next.number;
      sequence = { year, value: next.sequence };
    }
    const client = documentClient(ctx, deal.clientId);
    const context = documentContext(ctx, deal, quote, number, config, client);
    // Issue 22: with a Stripe key, the invoice prints its own Payment Link (made once per amount).
    const payLink = kind === 'invoice' && stripe ? ensureInvoiceLink(ctx, stripe, {
      number, dealId, amountMinor: quote.totalMinor, currency: config.settings.currency, title: deal.title,
      storedId: existing ? String(existing.record.payLinkId || '') : '', storedUrl: existing ? String(existing.record.payLink || '') : '',
      storedAmountMinor: existing ? linkAmountOf(existing.record) : null,
    }) : null;
    if (payLink && payLink.link) context.paymentLink = payLink.link.url;
    if (cancelled) {
      // A credit note prints the cancelled invoice's number, date and total, not today's quote.
      const issuedOn = isDate(cancelled.record.issuedAt) ? ctx.moment.localDay(cancelled.record.issuedAt) : ctx.moment.today;
      context.document = { number, cancels: String(cancelled.record.number || ''), cancelsDate: issuedOn };
      context.total = toMinor(Number(cancelled.record.amount) || 0);
      context.lines = [];
    }
    const longDay = longDayIn(config.locale);
    const evaluate = createEvaluator(context, config.settings.currency, longDay, config.locale);
    // Inside the line row a name means the line's field first (so {{money total}} is the line total).
    const lineUnfilled: string[] = [];
    const lineCells = (template: Pick<RowLayout, 'cells' | 'parts'>) => {
      const parts = cellPartsOf(template);
      return (context.lines as Record<string, unknown>[]).map((line) => {
        const lineEvaluate = createLineEvaluator(context, line, config.settings.currency, longDay, config.locale);
        return parts.map((cell) => fillCell(cell, (text) => fillInline(text, lineEvaluate, lineUnfilled)));
      });
    };

    const name = `${TITLES[kind]} ${number} — ${deal.title}`;
    const withPdf = kind === 'proposal' || kind === 'invoice' || kind === 'credit';
    const withXlsx = kind === 'invoice';
    let docId: string;
    let url: string;
    let layout: RowLayout | null;
    let unfilled: string[];
    let folderId = existing ? String(existing.record.folderId || '') : '';
    let clientFolderId = existing ? String(existing.record.clientFolderId || '') : '';
    // The export files: updated in place when they exist, else made (with their generated ids).
    let pdfId = existing ? String(existing.record.pdfId || '') : '';
    let xlsxId = existing ? String(existing.record.xlsxId || '') : '';
    let pdfExists = !!made && pdfId !== '';
    let xlsxExists = !!made && xlsxId !== '';
    let documentRow: DecodedRow | undefined = existing ? existing.row : undefined;
    let documentTable: Table = table;
    let linkChanged = false;
    const stored = made && current ? parseLayout(String(made.record.layout || '')) : null;
    // A scratch copy a cut-off rebuild left (issue 21, item 1): trashed, and the Doc is rebuilt
    // again (it may hold the new shape while the row still holds the old layout).
    const leftover = stored && stored.scratch ? stored.scratch : '';
    if (stored) delete stored.scratch;
    if (leftover && docs.fileExists(leftover)) docs.trashFile(leftover);
    // A shown "{{#if}}" block whose value is gone is removed in place by a refill. One left out
    // at the first fill whose value exists now (a payment link set since), or a table column to
    // add or remove (a discount added or removed), needs the template again: the Doc is rebuilt
    // from a filled scratch copy, in place (same id, same link).
    const reshaped = !!leftover || Boolean(stored && stored.conditions && Object.keys(stored.conditions).some((expression) => {
      const now = conditionHolds(evaluate(expression));
      const was = (stored.conditions as Record<string, boolean>)[expression];
      return (stored.columnConditions || []).indexOf(expression) >= 0 ? now !== was : now && !was;
    }));
    const fillCopy = (doc: DocJson, copyId: string) => {
      const template = findRowTemplate(doc.body.content);
      const plan = planFirstFill(doc, evaluate, template ? lineCells(template) : null, template);
      // The line cells a regenerate fills: those whose column the first fill kept.
      const kept = <T>(cells: T[]) => cells.filter((_c, j) => plan.removedColumns.indexOf(j) < 0);
      let planned: RowLayout | null = template ? { tableIndex: template.tableIndex, rowIndex: template.rowIndex, count: quote.lines.length, cells: kept(template.cells) } : null;
      if (planned && template && template.parts) planned.parts = kept(template.parts);
      if (!planned && Object.keys(plan.conditions).length) planned = { tableIndex: -1, rowIndex: -1, count: 0, cells: [] };
      if (planned) {
        planned.conditions = plan.conditions;
        planned.columnConditions = plan.columnConditions;
      }
      const planUnfilled = mergeUnfilled(lineUnfilled, plan.unfilled);
      return { planned, planUnfilled, fill: () => { if (plan.requests.length) docs.batchUpdate(copyId, plan.requests); } };
    };
    if (made && current && !reshaped) {
      layout = stored;
      const rows = layout && layout.tableIndex >= 0 ? layout : null;
      const plan = planRefill(current, evaluate, rows ? lineCells(rows) : null, rows);
      if (plan.requests.length) docs.batchUpdate(String(made.record.docId), plan.requests);
      if (layout) layout.count = quote.lines.length;
      if (layout && layout.conditions) layout.conditions = { ...layout.conditions, ...plan.conditions };
      docId = String(made.record.docId);
      // A URL typed over in the Documents tab is not passed on: the Doc's own address is.
      url = googleLink(String(made.record.url)) || `https://docs.google.com/document/d/${encodeURIComponent(docId)}/edit`;
      unfilled = mergeUnfilled(lineUnfilled, plan.unfilled);
    } else if (made && current) {
      const folders = ensureFolders(docs, rows, deal, config, folderId, clientFolderId);
      folderId = folders.folderId;
      clientFolderId = folders.clientFolderId;
      const rebuilt = rebuildInPlace({
        docs, templateId, name, folderId, oldDocId: String(made.record.docId),
        keepScratch: (scratchId) => updateRow(ports.sheets, documentTable, documentRow as DecodedRow, { layout: JSON.stringify({ ...(stored || NO_LAYOUT), scratch: scratchId }) }, ports.dates),
        fill: fillCopy,
        share: (id) => shareCopy(docs, config, deal, id),
        notice: (newUrl) => `This ${TITLES[kind].toLowerCase()} (${number}) was replaced by version ${(Number(made.record.version) || 0) + 1} at a new link: ${newUrl}`,
      });
      docId = rebuilt.docId;
      layout = rebuilt.layout;
      unfilled = rebuilt.unfilled;
      linkChanged = rebuilt.linkChanged;
      url = linkChanged ? docLink(docId) : googleLink(String(made.record.url)) || docLink(docId);
    } else if (made) {
      // The made document's Doc is gone (deleted, or in the trash): a fresh copy for the same row, at a new link.
      const folders = ensureFolders(docs, rows, deal, config, folderId, clientFolderId);
      folderId = folders.folderId;
      clientFolderId = folders.clientFolderId;
      const copy = docs.copyDoc(templateId, name, folderId);
      const doc = docs.getDocument(copy.id);
      if (!doc) throw new WorkbookError('The copy of the template could not be opened; please try again.');
      const filled = fillCopy(doc, copy.id);
      filled.fill();
      shareCopy(docs, config, deal, copy.id);
      docId = copy.id;
      url = copy.url;
      layout = filled.planned;
      unfilled = filled.planUnfilled;
      linkChanged = true;
    } else {
      // A new document, or one a cut-off run began: its row holds its number and the ids of
      // every file it makes before any exists (issue 20, item 12).
      let state: PendingState;
      if (pendingRow) {
        state = pendingStateOf(pendingRow.record.layout) || { folders: [] };
        docId = String(pendingRow.record.docId || '');
      } else {
        // A template gone from Drive is refused before the row takes a number (a plain error is
        // not a kill: nothing is left behind for it).
        if (!docs.fileExists(templateId)) {
          throw new InputError(`The ${TITLES[kind].toLowerCase()} template could not be copied: it is not in Drive (deleted, or moved to the bin). ` +
            'Run Dealboard → Install document templates to recreate it.');
        }
        const known = knownFolders(rows, deal);
        const ids = docs.newFileIds(1 + (known.clientFolderId ? 0 : 1) + (known.folderId ? 0 : 1) + (withPdf ? 1 : 0) + (withXlsx ? 1 : 0));
        docId = ids.shift() as string;
        state = { folders: [] };
        clientFolderId = known.clientFolderId || (ids.shift() as string);
        folderId = known.folderId || (ids.shift() as string);
        if (!known.clientFolderId) state.folders.push(clientFolderId);
        if (!known.folderId) state.folders.push(folderId);
        pdfId = withPdf ? (ids.shift() as string) : '';
        xlsxId = withXlsx ? (ids.shift() as string) : '';
        const id = rowId || ports.ids.next(DOCUMENTS.idPrefix);
        const written = appendRecords(ports.sheets, table, [{
          id, dealId, clientId: deal.clientId, kind, number, docId, folderId, clientFolderId, pdfId, xlsxId,
          layout: pendingText(state), generatedBy: ctx.actor.email, ...(cancelled ? { cancels: String(cancelled.record.number || '') } : {}),
        }], ports.dates);
        // The counter moves after the row holds the number: a kill between leaves no gap (the
        // Number column is read with the counter).
        if (sequence) counter.put(kind, sequence.year, sequence.value);
        // The row as written, not read back (one read less): we hold the lock and just appended it.
        documentRow = found.appended(written[0]);
        documentTable = table;
      }
      const resuming = !!pendingRow;
      if (!docId || !folderId || !clientFolderId) throw new WorkbookError(`The Documents row of ${number} was changed by hand before the document was made: clear the row, then make the document again.`);
      for (const folder of state.folders) {
        if (resuming && docs.fileExists(folder)) continue;
        if (folder === clientFolderId) docs.createFolder(deal.clientName || deal.clientId || 'Client', config.settings.documentsFolder || null, folder);
        else docs.createFolder(deal.title, clientFolderId, folder);
      }
      let doc = resuming ? docs.getDocument(docId) : null;
      url = `https://docs.google.com/document/d/${encodeURIComponent(docId)}/edit`;
      if (!doc) {
        url = docs.copyDoc(templateId, name, folderId, docId).url;
        doc = docs.getDocument(docId);
      }
      if (!doc) throw new WorkbookError('The copy of the template could not be opened; please try again.');
      if (state.revisionId && doc.revisionId !== state.revisionId) {
        // The fill went through before the run was cut off: what it planned is in the row.
        layout = (state.layout as RowLayout | null) || null;
        unfilled = String((documentRow && documentRow.record.unfilled) || '').split(' ').filter(Boolean);
      } else {
        const filled = fillCopy(doc, docId);
        layout = filled.planned;
        unfilled = filled.planUnfilled;
        // The revision before the fill and what it plans, kept before the fill is sent.
        updateRow(ports.sheets, documentTable, documentRow as DecodedRow, { layout: pendingText({ ...state, revisionId: doc.revisionId, layout }), unfilled: unfilled.join(' ') }, ports.dates);
        filled.fill();
      }
      shareCopy(docs, config, deal, docId);
      pdfExists = resuming && pdfId !== '' && docs.fileExists(pdfId);
      xlsxExists = resuming && xlsxId !== '' && docs.fileExists(xlsxId);
    }

    const exports: { pdfId?: string; pdfUrl?: string; xlsxId?: string; xlsxUrl?: string } = {};
    if (withPdf) {
      const pdf = docs.savePdf(docId, `${name}.pdf`, folderId, pdfExists ? pdfId : null, pdfId || undefined);
      exports.pdfId = pdf.id;
      exports.pdfUrl = pdf.url;
    }
    const invoiceDueOn = kind === 'invoice' ? dueDateOf(ctx.moment.today, paymentTermsDays(config.settings.invoiceDueDays, client ? client.paymentTermsDays : null)) : null;
    if (withXlsx) {
      const sheet = invoiceSheet(deal, quote, number, config, ctx.moment.today, invoiceDueOn, typeof context.paymentLink === 'string' ? context.paymentLink : '');
      const xlsx = docs.saveXlsx(sheet, `${name}.xlsx`, folderId, xlsxExists ? xlsxId : null, xlsxId || undefined);
      exports.xlsxId = xlsx.id;
      exports.xlsxUrl = xlsx.url;
    }
    const version = made ? (Number(made.record.version) || 0) + 1 : 1;
    const money: Record<string, unknown> = {};
    if (kind === 'invoice') {
      // A draft's amount and due date follow the quote and the terms until it is issued.
      money.status = 'draft';
      money.amount = fromMinor(quote.totalMinor);
      money.dueDate = invoiceDueOn;
      if (payLink && payLink.link) Object.assign(money, { payLink: payLink.link.url, payLinkId: payLink.link.id, payLinkState: 'open', payLinkAmount: fromMinor(quote.totalMinor) });
    } else if (cancelled) {
      money.status = 'issued';
      money.issuedAt = ctx.moment.today;
      money.amount = fromMinor(context.total as number);
      money.cancels = String(cancelled.record.number || '');
    }
    const record = {
      dealId, clientId: deal.clientId, kind, number, docId, url, ...exports, quoteVersion: quote.version, version, folderId, clientFolderId,
      layout: layout ? JSON.stringify(layout) : '', unfilled: unfilled.join(' '), generatedAt: ctx.moment.now, generatedBy: ctx.actor.email, ...money,
      lastRequest: requestId ? `${requestId} ${made && linkChanged ? 'new-link' : made && current ? 'same-link' : 'made'}` : '',
    };
    updateRow(ports.sheets, documentTable, documentRow as DecodedRow, record, ports.dates);
    return {
      ...generatedOf(ctx, deal, record, Boolean(made && current) && !linkChanged),
      ...(made && linkChanged ? { newLink: true } : {}),
      ...(payLink && payLink.problem ? { payLinkProblem: payLink.problem } : {}),
    };
  });
}

type RequestOutcome = 'made' | 'same-link' | 'new-link';

/** The request id a row's last generate or regenerate came with, and how it ended ("<id> same-link"). */
function lastRequestOf(record: Record<string, unknown>): { id: string; outcome: RequestOutcome } {
  const [id, outcome] = String(record.lastRequest || '').trim().split(/\s+/);
  return { id: id || '', outcome: outcome === 'same-link' || outcome === 'new-link' ? outcome : 'made' };
}

/** The sidebar's answer for a made row (also the answer a retry of a finished request gets again). */
function generatedOf(_ctx: UseCaseContext, deal: Deal, record: Record<string, unknown>, regenerated: boolean): GeneratedDocument {
  const kind = record.kind as DocumentKind;
  const text = (value: unknown) => String(value === undefined || value === null ? '' : value);
  const status = kind === 'invoice' ? storedInvoiceStatus(record) : kind === 'credit' ? 'issued' : null;
  return {
    kind, url: text(record.url), pdfUrl: record.pdfUrl ? text(record.pdfUrl) : undefined, xlsxUrl: record.xlsxUrl ? text(record.xlsxUrl) : undefined,
    version: Number(record.version) || 1, number: text(record.number), regenerated,
    unfilled: text(record.unfilled).split(' ').filter(Boolean),
    canSend: deal.email !== '', sendBlockedReason: deal.email === '' ? 'The client has no email address: share the link yourself or add an email to the deal.' : null,
    ...(status ? { status } : {}), ...(kind === 'credit' ? { cancels: text(record.cancels) } : {}),
    ...(kind === 'invoice' && record.payLink ? { payLink: text(record.payLink) } : {}),
  };
}

function shareCopy(docs: DocsPort, config: Config, deal: Deal, docId: string): void {
  if (config.settings.shareMode === 'client' && deal.email) docs.shareWithUser(docId, deal.email);
  else docs.shareWithAnyone(docId);
}

/** The deal's and the client's folders as earlier documents recorded them ('' where none). */
function knownFolders(rows: readonly DocumentRow[], deal: Deal): { folderId: string; clientFolderId: string } {
  const sameDeal = rows.filter((r) => r.record.dealId === deal.id && r.record.folderId && isMadeDocument(r.record))[0];
  const sameClient = rows.filter((r) => deal.clientId && r.record.clientId === deal.clientId && r.record.clientFolderId && isMadeDocument(r.record))[0];
  return { folderId: sameDeal ? String(sameDeal.record.folderId) : '', clientFolderId: sameClient ? String(sameClient.record.clientFolderId) : '' };
}

/** Placeholders inside a line cell ("{{quantity}} {{unit}}"), filled or left visible (and reported). */
function fillInline(text: string, evaluate: (e: string) => string | null, unfilled: string[]): string {
  return text.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (token, expression: string) => {
    const value = evaluate(expression);
    if (value === null && unfilled.indexOf(token) < 0) unfilled.push(token);
    return value === null ? token : value;
  });
}

function mergeUnfilled(a: readonly string[], b: readonly string[]): string[] {
  return a.concat(b.filter((token) => a.indexOf(token) < 0));
}

/** Where the line rows are and what their cells hold (`parts` only when a cell mixes styles). */
interface RowLayout {
  tableIndex: number;
  rowIndex: number;
  count: number;
  cells: string[];
  parts?: CellPart[][];
  /** The "{{#if}}" outcomes of the first fill (absent in layouts saved before they existed). */
  conditions?: Record<string, boolean>;
  /** Those of them that decide a table column. */
  columnConditions?: string[];
  /** The id of the scratch copy a rebuild in place is using (kept before it exists; issue 21, item 1). */
  scratch?: string;
}

/** What a Documents row holds as its layout when the Doc has no line table and no conditions. */
const NO_LAYOUT: RowLayout = { tableIndex: -1, rowIndex: -1, count: 0, cells: [] };

function docLink(docId: string): string {
  return `https://docs.google.com/document/d/${encodeURIComponent(docId)}/edit`;
}

interface Rebuild {
  docs: DocsPort;
  templateId: string;
  name: string;
  folderId: string;
  oldDocId: string;
  /** Writes the scratch copy's id into the row before the copy exists (no orphan if the run is cut off). */
  keepScratch(scratchId: string): void;
  fill(doc: DocJson, copyId: string): { planned: RowLayout | null; planUnfilled: string[]; fill(): void };
  share(docId: string): void;
  /** The sentence the old Doc shows when it could not be rebuilt and a new one took its place. */
  notice(newUrl: string): string;
}

/**
 * Issue 21, item 1: a regenerated document whose shape changed keeps its Drive id. A scratch
 * copy of the template is filled as a first fill would be, the Doc's content is replaced by it
 * (Drive converts the scratch's export into the same file), and the scratch goes to the trash.
 * If Drive refuses the rebuild, the filled scratch becomes the document (a new link) and the
 * old Doc says, at its top, where the new one is.
 */
function rebuildInPlace(r: Rebuild): { docId: string; layout: RowLayout | null; unfilled: string[]; linkChanged: boolean } {
  const scratchId = r.docs.newFileIds(1)[0];
  r.keepScratch(scratchId);
  r.docs.copyDoc(r.templateId, r.name, r.folderId, scratchId);
  const doc = r.docs.getDocument(scratchId);
  if (!doc) throw new WorkbookError('The copy of the template could not be opened; please try again.');
  const filled = r.fill(doc, scratchId);
  filled.fill();
  try {
    r.docs.replaceContent(r.oldDocId, scratchId);
  } catch (_refused) {
    r.share(scratchId);
    try {
      r.docs.batchUpdate(r.oldDocId, [{ insertText: { location: { index: 1 }, text: `${r.notice(docLink(scratchId))}\n` } }]);
    } catch (_unwritable) {
      // The old Doc cannot be written either: the card still says "new link".
    }
    return { docId: scratchId, layout: filled.planned, unfilled: filled.planUnfilled, linkChanged: true };
  }
  r.docs.trashFile(scratchId);
  return { docId: r.oldDocId, layout: filled.planned, unfilled: filled.planUnfilled, linkChanged: false };
}

/** The styled runs of each line cell; a layout saved before styles were kept is one plain run per cell. */
function cellPartsOf(layout: Pick<RowLayout, 'cells' | 'parts'>): CellPart[][] {
  if (Array.isArray(layout.parts) && layout.parts.length === layout.cells.length) return layout.parts;
  return layout.cells.map((text) => (text === '' ? [] : [{ text, style: {} }]));
}

function parseLayout(text: string): RowLayout | null {
  try {
    const parsed = JSON.parse(text);
    return parsed && typeof parsed.tableIndex === 'number' && Array.isArray(parsed.cells) ? parsed : null;
  } catch (_none) {
    return null;
  }
}

function ensureFolders(docs: DocsPort, rows: readonly DocumentRow[], deal: Deal, config: Config, folderId: string, clientFolderId: string) {
  const sameDeal = rows.filter((r) => r.record.dealId === deal.id && r.record.folderId)[0];
  const sameClient = rows.filter((r) => deal.clientId && r.record.clientId === deal.clientId && r.record.clientFolderId)[0];
  let client = clientFolderId || (sameClient ? String(sameClient.record.clientFolderId) : '');
  if (!client) client = docs.createFolder(deal.clientName || deal.clientId || 'Client', config.settings.documentsFolder || null).id;
  let folder = folderId || (sameDeal ? String(sameDeal.record.folderId) : '');
  if (!folder) folder = docs.createFolder(deal.title, client).id;
  return { folderId: folder, clientFolderId: client };
}

/** Issue 22: the invoice XLSX carries the due date, the payment link and each line's discount, as the Doc does. */
function invoiceSheet(deal: Deal, quote: QuoteView, number: string, config: Config, today: string, dueOn: string | null, payLink: string) {
  const money = (minor: number) => Math.round(minor) / 100;
  const rows: (string | number | null)[][] = [
    [`Invoice ${number}`, null, null, null, null, null, null],
    ['Date', today, null, 'Currency', config.settings.currency, null, null],
    ['Due date', dueOn, null, null, null, null, null],
    ['From', config.settings.companyName, null, 'To', deal.clientName, null, null],
    ['For', deal.title, null, null, null, null, null],
  ];
  if (payLink) rows.push(['Pay online', payLink, null, null, null, null, null]);
  rows.push([null, null, null, null, null, null, null]);
  const head = rows.length;
  rows.push(['#', 'Service', 'Quantity', 'Unit', 'Unit price', 'Discount %', 'Total']);
  quote.lines.forEach((l, i) => rows.push([i + 1, l.description, l.quantity, l.unit, money(l.unitPriceMinor), l.discountPercent || null, money(l.totalMinor)]));
  rows.push([null, null, null, null, null, 'Subtotal', money(quote.subtotalMinor)]);
  rows.push([null, null, null, null, null, 'Discount', money(quote.discountMinor)]);
  rows.push([null, null, null, null, null, `Tax ${quote.taxRatePercent}%`, money(quote.taxMinor)]);
  rows.push([null, null, null, null, null, 'Total', money(quote.totalMinor)]);
  return xlsxParts(`Invoice ${number}`, rows, [0, head, rows.length - 1]);
}
