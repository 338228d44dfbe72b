// Every tab the add-on owns, as data. Setup, the row codec, the playground and the demo
// generator all read this one description; adding a tab is one more entry.
import { FORECASTS } from '../domain/reports/forecast';
import { ROLES } from '../domain/kernel/roles';
import { STAGE_KEYS } from '../domain/deals/stages';

// The shapes live in a leaf (tabSchema.ts) so the tab files beside this one need not import it.
export type { ColumnType, ColumnSchema, ConditionalFormatSchema, TabSchema } from './tabSchema';
import type { ColumnSchema, TabSchema } from './tabSchema';

export const LEAD_STATUSES = ['new', 'converted', 'junk'] as const;
export const ACTIVITY_KINDS = ['audit', 'note', 'call', 'email', 'meeting', 'problem'] as const;

const versionColumns: ColumnSchema[] = [
  { key: 'version', header: 'Version', type: 'version', width: 70 },
  { key: 'updatedAt', header: 'Updated at', type: 'datetime', width: 140 },
  { key: 'updatedBy', header: 'Updated by', type: 'email', width: 170 },
];

export const MEETING_STATUSES = ['booked', 'moved', 'cancelled', 'declined'] as const;

const MEETING_COLUMNS: ColumnSchema[] = [
  { key: 'city', header: 'City', type: 'text', width: 120, note: 'The client\'s city: meetings are offered first on trip days to it (Trips tab).' },
  { key: 'address', header: 'Address', type: 'text', width: 200, note: 'Where to meet the client when the place is "client".' },
  { key: 'meetingEventId', header: 'Meeting event ID', type: 'text', width: 160, note: 'Kept by Dealboard: the Google Calendar event of the meeting.' },
  { key: 'meetingStart', header: 'Meeting start', type: 'datetime', width: 140 },
  { key: 'meetingEnd', header: 'Meeting end', type: 'datetime', width: 140 },
  { key: 'meetingStatus', header: 'Meeting status', type: 'enum', values: MEETING_STATUSES, width: 110 },
  { key: 'meetingPlace', header: 'Meeting place', type: 'enum', values: ['office', 'client', 'video'], width: 100 },
  { key: 'meetingCalendar', header: 'Meeting calendar', type: 'email', width: 170, note: 'Kept by Dealboard: whose Google Calendar holds the meeting (only that person\'s sync judges it).' },
];

export const DEALS: TabSchema = {
  name: 'Deals',
  idColumn: 'id',
  idPrefix: 'D',
  frozenColumns: 2,
  tabColor: '#4f7cff',
  columns: [
    { key: 'id', header: 'ID', type: 'id', width: 130 },
    { key: 'title', header: 'Title', type: 'text', required: true, width: 220 },
    { key: 'stage', header: 'Stage', type: 'enum', values: STAGE_KEYS, stageNames: true, dropdownFromSettings: 'stage_names', required: true, width: 150 },
    { key: 'forecast', header: 'Forecast', type: 'enum', values: FORECASTS, width: 90 },
    { key: 'health', header: 'Health', type: 'enum', values: ['red', 'amber', 'green', 'white'], width: 80 },
    { key: 'openGates', header: 'Open gates', type: 'text', width: 160, technical: true, note: 'Kept by Dealboard: open checkpoints that gate a stage.' },
    { key: 'clientId', header: 'Client ID', type: 'id', width: 130 },
    { key: 'clientName', header: 'Client', type: 'text', width: 180 },
    { key: 'phone', header: 'Phone', type: 'phone', width: 140 },
    { key: 'email', header: 'Email', type: 'email', width: 180 },
    { key: 'manager', header: 'Manager', type: 'email', width: 180 },
    { key: 'budget', header: 'Budget', type: 'money', width: 100, note: 'The rough price agreed at the first talk ("the plug").' },
    { key: 'amount', header: 'Amount', type: 'money', width: 100, note: 'The calculated amount of the saved quote.' },
    { key: 'quoteVersion', header: 'Quote version', type: 'number', width: 90 },
    { key: 'nextContactAt', header: 'Next contact', type: 'datetime', width: 140 },
    { key: 'estimateAccepted', header: 'Rough estimate accepted', type: 'checkbox', width: 90 },
    { key: 'estimateSent', header: 'Estimate sent', type: 'checkbox', width: 90 },
    { key: 'socialConnected', header: 'Connected on social networks', type: 'checkbox', width: 90 },
    { key: 'meetingAgreed', header: 'Personal meeting agreed', type: 'checkbox', width: 90 },
    { key: 'expectedClose', header: 'Expected close', type: 'date', width: 110 },
    { key: 'deadline', header: 'Deadline', type: 'date', width: 110 },
    { key: 'position', header: 'Position', type: 'number', width: 80, technical: true, note: 'Kept by Dealboard: the card\'s place in its board column.' },
    { key: 'stageSince', header: 'Stage since', type: 'datetime', width: 140 },
    { key: 'createdAt', header: 'Created at', type: 'datetime', width: 140 },
    { key: 'closedAt', header: 'Closed at', type: 'datetime', width: 140 },
    { key: 'source', header: 'Source', type: 'text', width: 110 },
    { key: 'notes', header: 'Notes', type: 'longtext', width: 260 },
    ...versionColumns,
    // Meetings (issue 13): where the client is, and the Calendar event the deal owns.
    ...MEETING_COLUMNS,
  ],
  conditionalFormats: [
    { column: 'health', whenTextEquals: 'red', background: '#f4c7c3', fontColor: '#a50e0e' },
    { column: 'health', whenTextEquals: 'amber', background: '#fce8b2', fontColor: '#8a5a00' },
    { column: 'health', whenTextEquals: 'green', background: '#b7e1cd', fontColor: '#0d652d' },
    { column: 'forecast', whenTextEquals: 'green', background: '#b7e1cd' },
    { column: 'forecast', whenTextEquals: 'yellow', background: '#fce8b2' },
    { column: 'forecast', whenTextEquals: 'red', background: '#f4c7c3' },
  ],
};

export const LEADS: TabSchema = {
  name: 'Leads',
  idColumn: 'id',
  idPrefix: 'L',
  tabColor: '#f0a030',
  columns: [
    { key: 'id', header: 'ID', type: 'id', width: 130 },
    { key: 'receivedAt', header: 'Received at', type: 'datetime', width: 140 },
    { key: 'name', header: 'Name', type: 'text', required: true, width: 180 },
    { key: 'phone', header: 'Phone', type: 'phone', width: 140 },
    { key: 'email', header: 'Email', type: 'email', width: 180 },
    { key: 'source', header: 'Source', type: 'text', width: 110 },
    { key: 'message', header: 'Message', type: 'longtext', width: 280 },
    { key: 'status', header: 'Status', type: 'enum', values: LEAD_STATUSES, width: 100 },
    { key: 'dealId', header: 'Deal ID', type: 'id', width: 130 },
    { key: 'clientId', header: 'Client ID', type: 'id', width: 130 },
    ...versionColumns,
  ],
  conditionalFormats: [{ column: 'status', whenTextEquals: 'new', background: '#fff4d6' }],
};

/** Client base columns (issue 14): contact person, where, every other phone/e-mail, the phone as E.164, imports, call back. */
const CLIENT_BASE_COLUMNS: ColumnSchema[] = [
  { key: 'contact', header: 'Contact person', type: 'text', width: 170 },
  { key: 'address', header: 'Address', type: 'text', width: 220 },
  { key: 'city', header: 'City', type: 'text', width: 120 },
  { key: 'otherPhones', header: 'Other phones', type: 'text', width: 170, note: 'More phone numbers, separated by commas, as typed.' },
  { key: 'otherEmails', header: 'Other emails', type: 'text', width: 190, note: 'More e-mail addresses, separated by commas.' },
  { key: 'phoneE164', header: 'Phone (E.164)', type: 'text', width: 140, note: 'Kept by Dealboard: the Phone column read as +<country><number>, for caller lookup.' },
  { key: 'callBack', header: 'Call back', type: 'checkbox', width: 80, note: 'Interested but did not order: call back.' },
  { key: 'importId', header: 'Import ID', type: 'text', width: 130, note: 'Kept by Dealboard: the import that created this client (undo removes it).' },
  { key: 'importRow', header: 'Import row', type: 'number', width: 80 },
];

export const CLIENTS: TabSchema = {
  name: 'Clients',
  idColumn: 'id',
  idPrefix: 'C',
  frozenColumns: 2,
  tabColor: '#1e9e6a',
  columns: [
    { key: 'id', header: 'ID', type: 'id', width: 130 },
    { key: 'name', header: 'Name', type: 'text', required: true, width: 200 },
    // Groups come from Settings client_groups (issue 14): free text with a dropdown setup builds from that list.
    { key: 'group', header: 'Group', type: 'text', dropdownFromSettings: 'client_groups', width: 100, note: 'The client\'s group: one of Settings client_groups (the dropdown); run Set up workbook after editing that list.' },
    { key: 'phone', header: 'Phone', type: 'phone', width: 150 },
    { key: 'email', header: 'Email', type: 'email', width: 190 },
    { key: 'company', header: 'Company', type: 'text', width: 160 },
    { key: 'manager', header: 'Manager', type: 'email', width: 180 },
    { key: 'preferences', header: 'Preferences', type: 'longtext', width: 220 },
    { key: 'createdAt', header: 'Created at', type: 'datetime', width: 140 },
    { key: 'lastContactAt', header: 'Last contact', type: 'datetime', width: 140 },
    { key: 'notes', header: 'Notes', type: 'longtext', width: 220 },
    ...versionColumns,
    // Client base (issue 14): added after the first columns so setup appends them to existing workbooks.
    ...CLIENT_BASE_COLUMNS,
    { key: 'mailOptOut', header: 'No e-mails', type: 'checkbox', width: 90, note: 'Ticked: no stage e-mails or digests go to this client; sending a document asks first.' },
    // Money in (issue 22): the client's own payment terms.
    { key: 'paymentTermsDays', header: 'Payment terms (days)', type: 'number', width: 110, note: 'Days this client has to pay an invoice; empty: Settings invoice_due_days.' },
  ],
};

export const CHECKPOINTS: TabSchema = {
  name: 'Checkpoints',
  idColumn: 'id',
  idPrefix: 'K',
  tabColor: '#9b59d0',
  columns: [
    { key: 'id', header: 'ID', type: 'id', width: 130 },
    { key: 'dealId', header: 'Deal ID', type: 'id', required: true, width: 130 },
    { key: 'name', header: 'Checkpoint', type: 'text', required: true, width: 180 },
    { key: 'due', header: 'Due', type: 'date', width: 110 },
    { key: 'responsible', header: 'Responsible', type: 'email', width: 180 },
    { key: 'allowed', header: 'Allowed roles/users', type: 'text', width: 180 },
    { key: 'gatesStage', header: 'Gates stage', type: 'enum', values: STAGE_KEYS, stageNames: true, dropdownFromSettings: 'stage_names', width: 140 },
    { key: 'doneAt', header: 'Done at', type: 'date', width: 110 },
    { key: 'doneBy', header: 'Done by', type: 'email', width: 180 },
    { key: 'notes', header: 'Notes', type: 'longtext', width: 220 },
    ...versionColumns,
  ],
  conditionalFormats: [
    // Done means confirmed, as the add-on counts it: a "Done at" date with its "Done by" filled
    // (the add-on fills it for whoever was allowed). A date nobody allowed has confirmed is amber
    // in its cell and listed as a problem; the row stays overdue until someone allowed confirms.
    { column: 'name', formula: '=AND({due}<>"",{due}<TODAY(),OR({doneAt}="",{doneBy}=""))', background: '#f4c7c3', fontColor: '#a50e0e' },
    { column: 'due', formula: '=AND({due}<>"",{due}<TODAY(),OR({doneAt}="",{doneBy}=""))', background: '#f4c7c3', fontColor: '#a50e0e' },
    { column: 'name', formula: '=AND({doneAt}<>"",{doneBy}<>"")', background: '#b7e1cd' },
    { column: 'doneAt', formula: '=AND({doneAt}<>"",{doneBy}<>"")', background: '#b7e1cd' },
    { column: 'doneAt', formula: '=AND({doneAt}<>"",{doneBy}="")', background: '#fce8b2' },
  ],
};

export const PLANS: TabSchema = {
  name: 'Plans',
  idColumn: 'id',
  idPrefix: 'P',
  tabColor: '#9b59d0',
  columns: [
    { key: 'id', header: 'ID', type: 'id', width: 130 },
    { key: 'plan', header: 'Plan', type: 'text', required: true, width: 140 },
    { key: 'name', header: 'Checkpoint', type: 'text', required: true, width: 180 },
    { key: 'order', header: 'Order', type: 'number', width: 70 },
    { key: 'daysFromStart', header: 'Days from start', type: 'number', width: 110 },
    { key: 'responsible', header: 'Responsible', type: 'text', width: 180, note: 'A role (manager, executor, head, owner) or an email.' },
    { key: 'allowed', header: 'Allowed roles/users', type: 'text', width: 180 },
    { key: 'gatesStage', header: 'Gates stage', type: 'enum', values: STAGE_KEYS, stageNames: true, dropdownFromSettings: 'stage_names', width: 140 },
  ],
};

export const PAYMENTS: TabSchema = {
  name: 'Payments',
  idColumn: 'id',
  idPrefix: 'M',
  tabColor: '#1e9e6a',
  columns: [
    { key: 'id', header: 'ID', type: 'id', width: 130 },
    { key: 'dealId', header: 'Deal ID', type: 'id', required: true, width: 130 },
    { key: 'date', header: 'Date', type: 'date', width: 110 },
    { key: 'amount', header: 'Amount', type: 'money', width: 110 },
    { key: 'method', header: 'Method', type: 'text', width: 120 },
    { key: 'note', header: 'Note', type: 'longtext', width: 220 },
    // Money in (issue 22): the invoice a payment settles, and the version checks of edits.
    { key: 'clientId', header: 'Client ID', type: 'id', width: 130, note: 'Kept by Dealboard: the deal\'s client, for the client\'s balance.' },
    { key: 'invoiceNumber', header: 'Invoice', type: 'text', width: 120, note: 'The invoice number this payment settles (empty: the deal\'s open invoices, earliest due first).' },
    { key: 'reference', header: 'Reference', type: 'text', width: 170, note: 'Kept by Dealboard: the Stripe Checkout Session a payment came from (recorded once per session).' },
    ...versionColumns,
  ],
};

export const CATALOG: TabSchema = {
  name: 'Catalog',
  idColumn: 'code',
  idPrefix: 'I',
  tabColor: '#f0a030',
  frozenColumns: 2,
  columns: [
    { key: 'code', header: 'Code', type: 'text', required: true, width: 90 },
    { key: 'service', header: 'Service', type: 'text', required: true, width: 220 },
    { key: 'unit', header: 'Unit', type: 'enum', values: ['hour', 'page', 'item', 'month', 'day', 'project'], width: 80 },
    { key: 'unitPrice', header: 'Unit price', type: 'money', width: 100 },
    { key: 'defaultQuantity', header: 'Default quantity', type: 'number', width: 110 },
    { key: 'category', header: 'Category', type: 'text', width: 120 },
    { key: 'description', header: 'Description', type: 'longtext', width: 320, note: 'Printed in the proposal under the service.' },
    { key: 'active', header: 'Active', type: 'checkbox', width: 70 },
    { key: 'cost', header: 'Cost', type: 'money', width: 100, note: 'What one unit costs you (staff, licences…): carried into quote lines for the gross profit on the dashboard. Empty: unknown, never counted as free.' },
  ],
};

export const QUOTE_LINES: TabSchema = {
  name: 'Quote lines',
  idColumn: 'id',
  idPrefix: 'Q',
  tabColor: '#f0a030',
  columns: [
    { key: 'id', header: 'ID', type: 'id', width: 130 },
    { key: 'dealId', header: 'Deal ID', type: 'id', required: true, width: 130 },
    { key: 'version', header: 'Quote version', type: 'number', width: 100 },
    { key: 'position', header: 'Position', type: 'number', width: 70 },
    { key: 'code', header: 'Item', type: 'text', width: 80 },
    { key: 'description', header: 'Description', type: 'longtext', width: 260 },
    { key: 'details', header: 'Details', type: 'longtext', width: 320, note: 'Printed in the proposal under the service (from the price list\'s description, editable in the calculator).' },
    { key: 'quantity', header: 'Quantity', type: 'number', width: 80 },
    { key: 'unit', header: 'Unit', type: 'text', width: 70 },
    { key: 'unitPrice', header: 'Unit price', type: 'money', width: 100 },
    { key: 'discount', header: 'Discount %', type: 'number', width: 90 },
    { key: 'lineTotal', header: 'Line total', type: 'money', width: 110 },
    { key: 'orderDiscount', header: 'Order discount %', type: 'number', width: 120 },
    { key: 'taxRate', header: 'Tax %', type: 'number', width: 70 },
    { key: 'taxIncluded', header: 'Tax included', type: 'checkbox', width: 90 },
    { key: 'savedAt', header: 'Saved at', type: 'datetime', width: 140 },
    { key: 'savedBy', header: 'Saved by', type: 'email', width: 170 },
    { key: 'unitCost', header: 'Unit cost', type: 'money', width: 100, note: 'Kept by Dealboard: the Catalog cost of the item when the quote was saved (empty: unknown).' },
  ],
};

export const DOCUMENTS: TabSchema = {
  name: 'Documents',
  idColumn: 'id',
  idPrefix: 'F',
  tabColor: '#4f7cff',
  columns: [
    { key: 'id', header: 'ID', type: 'id', width: 130 },
    { key: 'dealId', header: 'Deal ID', type: 'id', required: true, width: 130 },
    { key: 'clientId', header: 'Client ID', type: 'id', width: 130 },
    { key: 'kind', header: 'Kind', type: 'enum', values: ['proposal', 'contract', 'invoice', 'brief', 'credit'], width: 90 },
    { key: 'number', header: 'Number', type: 'text', width: 110 },
    { key: 'docId', header: 'Doc ID', type: 'text', width: 160 },
    { key: 'url', header: 'URL', type: 'text', width: 260 },
    { key: 'pdfId', header: 'PDF ID', type: 'text', width: 160 },
    { key: 'pdfUrl', header: 'PDF URL', type: 'text', width: 260 },
    { key: 'xlsxId', header: 'XLSX ID', type: 'text', width: 160 },
    { key: 'xlsxUrl', header: 'XLSX URL', type: 'text', width: 260 },
    { key: 'quoteVersion', header: 'Quote version', type: 'number', width: 100 },
    { key: 'version', header: 'Version', type: 'version', width: 70 },
    { key: 'folderId', header: 'Deal folder ID', type: 'text', width: 160 },
    { key: 'clientFolderId', header: 'Client folder ID', type: 'text', width: 160 },
    { key: 'layout', header: 'Line rows', type: 'text', width: 200, technical: true, note: 'Kept by Dealboard: where the line rows are, so a regenerate rewrites them in place.' },
    { key: 'unfilled', header: 'Unfilled placeholders', type: 'text', width: 200 },
    { key: 'generatedAt', header: 'Generated at', type: 'datetime', width: 140 },
    { key: 'generatedBy', header: 'Generated by', type: 'email', width: 170 },
    { key: 'sentAt', header: 'Sent at', type: 'datetime', width: 140 },
    { key: 'sentBy', header: 'Sent by', type: 'email', width: 170 },
    { key: 'sentTo', header: 'Sent to', type: 'email', width: 190 },
    // Money in (issue 22): an invoice is a draft until issued (marked or sent); then it is a document of record.
    { key: 'status', header: 'Status', type: 'enum', values: ['draft', 'issued'], width: 90, note: 'Invoices: draft until issued; an issued invoice is never rewritten (a change makes a new invoice and a credit note).' },
    { key: 'issuedAt', header: 'Issued at', type: 'date', width: 110 },
    { key: 'dueDate', header: 'Due date', type: 'date', width: 110 },
    { key: 'amount', header: 'Amount', type: 'money', width: 110, note: 'Invoice total (a credit note: what it cancels).' },
    { key: 'cancels', header: 'Cancels', type: 'text', width: 120, note: 'A credit note: the number of the invoice it cancels.' },
    // Stripe Payment Links (issue 22): the invoice's link, polled hourly for paid Checkout Sessions.
    { key: 'payLink', header: 'Payment link', type: 'text', width: 220, note: 'The invoice\'s Stripe Payment Link (printed on the invoice).' },
    { key: 'payLinkId', header: 'Payment link ID', type: 'text', width: 170, technical: true, note: 'Kept by Dealboard: the Stripe Payment Link id the hourly run checks for payments.' },
    { key: 'payLinkState', header: 'Payment link state', type: 'text', width: 120, technical: true, note: 'Kept by Dealboard: open while the hourly run checks the link; closed once the invoice is paid and the link deactivated.' },
    { key: 'payLinkAmount', header: 'Payment link amount', type: 'money', width: 120, technical: true, note: 'Kept by Dealboard: what the link charges (the amount due once part is paid; a new link is made when it changes).' },
    { key: 'lastRequest', header: 'Last request', type: 'text', width: 150, technical: true, note: 'Kept by Dealboard: the request id of the last generate or regenerate and how it ended, so a retry of that request returns the same answer and writes nothing.' },
  ],
};

export const ACTIVITIES: TabSchema = {
  name: 'Activities',
  idColumn: 'id',
  idPrefix: 'A',
  tabColor: '#888888',
  columns: [
    { key: 'id', header: 'ID', type: 'id', width: 130 },
    { key: 'at', header: 'At', type: 'datetime', width: 140 },
    { key: 'user', header: 'User', type: 'email', width: 180 },
    { key: 'kind', header: 'Kind', type: 'enum', values: ACTIVITY_KINDS, width: 80 },
    { key: 'dealId', header: 'Deal ID', type: 'id', width: 130 },
    { key: 'clientId', header: 'Client ID', type: 'id', width: 130 },
    { key: 'summary', header: 'Summary', type: 'longtext', width: 320 },
    { key: 'withWhom', header: 'With whom', type: 'text', width: 150 },
    { key: 'agreed', header: 'Agreed', type: 'longtext', width: 220 },
    { key: 'nextStep', header: 'Next step', type: 'longtext', width: 200 },
  ],
};

export const SETTINGS: TabSchema = {
  name: 'Settings',
  idColumn: 'key',
  idPrefix: 'S',
  tabColor: '#555555',
  columns: [
    { key: 'key', header: 'Key', type: 'text', required: true, width: 200 },
    { key: 'value', header: 'Value', type: 'text', width: 220 },
    { key: 'description', header: 'Description', type: 'longtext', width: 380 },
  ],
};

export const USERS: TabSchema = {
  name: 'Users',
  idColumn: 'id',
  idPrefix: 'U',
  tabColor: '#555555',
  columns: [
    { key: 'id', header: 'ID', type: 'id', width: 130 },
    { key: 'email', header: 'Email', type: 'email', required: true, width: 200 },
    { key: 'name', header: 'Name', type: 'text', width: 160 },
    { key: 'role', header: 'Role', type: 'enum', values: ROLES, required: true, width: 100 },
    { key: 'monthlyPlan', header: 'Monthly plan', type: 'money', width: 120 },
    { key: 'active', header: 'Active', type: 'checkbox', width: 70 },
  ],
};

/** One row per import chunk (issue 14): the write-ahead record of what an import created and filled, for undo. */
export const IMPORTS: TabSchema = {
  name: 'Imports',
  idColumn: 'id',
  idPrefix: 'J',
  tabColor: '#888888',
  columns: [
    { key: 'id', header: 'ID', type: 'id', width: 130 },
    { key: 'importId', header: 'Import ID', type: 'text', required: true, width: 130 },
    { key: 'fileName', header: 'File', type: 'text', width: 200 },
    { key: 'chunk', header: 'Chunk', type: 'number', width: 70 },
    { key: 'created', header: 'Created', type: 'number', width: 80 },
    { key: 'merged', header: 'Merged', type: 'number', width: 80 },
    { key: 'refused', header: 'Refused', type: 'number', width: 80 },
    { key: 'filled', header: 'Filled cells', type: 'longtext', width: 260, note: 'Kept by Dealboard: the cells a merge filled and what they held before (JSON), for undo.' },
    { key: 'createdIds', header: 'Created IDs', type: 'longtext', width: 200, note: 'Kept by Dealboard: the ids of the clients this chunk created (JSON), so undo removes exactly those.' },
    { key: 'at', header: 'At', type: 'datetime', width: 140 },
    { key: 'by', header: 'By', type: 'email', width: 170 },
    { key: 'undoneAt', header: 'Undone at', type: 'datetime', width: 140 },
  ],
};

/** Days a manager spends in a client's city (issue 13): meetings there are packed on them. */
export const TRIPS: TabSchema = {
  name: 'Trips',
  idColumn: 'id',
  idPrefix: 'T',
  tabColor: '#1e9e6a',
  columns: [
    { key: 'id', header: 'ID', type: 'id', width: 130 },
    { key: 'manager', header: 'Manager', type: 'email', required: true, width: 180 },
    { key: 'city', header: 'City', type: 'text', required: true, width: 140 },
    { key: 'fromDay', header: 'From', type: 'date', required: true, width: 110 },
    { key: 'toDay', header: 'To', type: 'date', required: true, width: 110 },
    { key: 'note', header: 'Note', type: 'longtext', width: 220 },
  ],
};

/**
 * The hourly run's record (issue 26): one line per background job that worked, was deferred or
 * failed. Written by the scheduler only (app/background/scheduler.ts), kept to the last JOBS_LOG_LINES lines.
 */
export const JOBS_LOG: TabSchema = {
  name: 'Jobs log',
  idColumn: 'run',
  idPrefix: 'RUN',
  tabColor: '#888888',
  columns: [
    { key: 'at', header: 'At', type: 'datetime', width: 140 },
    { key: 'run', header: 'Run', type: 'text', width: 130, note: 'Lines of one hourly run share this id.' },
    { key: 'job', header: 'Job', type: 'text', width: 140 },
    { key: 'done', header: 'Done', type: 'number', width: 70 },
    { key: 'left', header: 'Left', type: 'number', width: 70 },
    { key: 'seconds', header: 'Seconds', type: 'number', width: 80 },
    { key: 'note', header: 'Note', type: 'longtext', width: 420 },
  ],
};

/**
 * One row per accepted stage change (issue 23): from the board, typed by hand, a request
 * converted into a deal, or backfilled from the Activities audit by setup. Conversion and
 * sales-cycle figures are computed from it (src/domain/reports/kpi.ts).
 */
export const STAGE_HISTORY: TabSchema = {
  name: 'Stage history',
  idColumn: 'id',
  idPrefix: 'H',
  tabColor: '#888888',
  columns: [
    { key: 'id', header: 'ID', type: 'id', width: 130 },
    { key: 'dealId', header: 'Deal ID', type: 'id', required: true, width: 130 },
    { key: 'from', header: 'From', type: 'enum', values: STAGE_KEYS, stageNames: true, width: 140, note: 'Empty when the deal was created in the "To" stage.' },
    { key: 'to', header: 'To', type: 'enum', values: STAGE_KEYS, stageNames: true, required: true, width: 140 },
    { key: 'at', header: 'At', type: 'datetime', width: 140 },
    { key: 'by', header: 'By', type: 'email', width: 180 },
    { key: 'how', header: 'How', type: 'text', width: 200, note: 'board, typed in the sheet, request converted, backfilled from Activities…' },
  ],
};

export { NOTIFICATIONS, OUTBOX } from './notificationTabs';
import { NOTIFICATIONS, OUTBOX } from './notificationTabs';
export { BRIEFS, BRIEF_FORMS, BRIEF_ANSWERS } from './briefTabs';
import { BRIEFS, BRIEF_FORMS, BRIEF_ANSWERS } from './briefTabs';

export const TABS: readonly TabSchema[] = [
  DEALS, LEADS, CLIENTS, CHECKPOINTS, PLANS, PAYMENTS, CATALOG, QUOTE_LINES, DOCUMENTS, ACTIVITIES, SETTINGS, USERS,
  IMPORTS, NOTIFICATIONS, OUTBOX, TRIPS, JOBS_LOG, STAGE_HISTORY, BRIEFS, BRIEF_FORMS, BRIEF_ANSWERS,
];

export function tabByName(name: string): TabSchema | undefined {
  return TABS.filter((tab) => tab.name === name)[0];
}
