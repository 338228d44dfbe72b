// Export of the client base (all of it, or one group) as CSV, XLSX or vCard, with only the
// clients the caller may see. Nothing exported can run as a formula when it is opened.
import { CLIENTS } from '../../workbook/schema';
import { groupKey, knownGroup } from '../../domain/clients/clientGroups';
import { isDate } from '../../workbook/codec';
import { readTable } from '../../workbook/table';
import { defuseRows, defusedNote, serializeCsv } from '../../domain/clients/csv';
import { xlsxParts } from '../../domain/clients/xlsx';
import { vcardOf } from '../../domain/clients/vcard';
import { canViewClient } from '../../domain/clients/clientRights';
import { splitList } from '../../domain/clients/importPlan';
import { UseCaseContext } from '../kernel/session';
import { accessRules } from './clients';
import { ZipPort } from './clientImport';
import { ExportFile } from '../contracts/clients';
import { InputError, requirePlainObject } from '../kernel/validate';

/** Export columns; their headers are what the import's mapping recognises, so a file round-trips. */
export const EXPORT_COLUMNS: { key: string; header: string }[] = [
  { key: 'name', header: 'Name' },
  { key: 'company', header: 'Company' },
  { key: 'contact', header: 'Contact person' },
  { key: 'phone', header: 'Phone' },
  { key: 'otherPhones', header: 'Other phones' },
  { key: 'email', header: 'E-mail' },
  { key: 'otherEmails', header: 'Other emails' },
  { key: 'group', header: 'Group' },
  { key: 'address', header: 'Address' },
  { key: 'city', header: 'City' },
  { key: 'manager', header: 'Manager' },
  { key: 'preferences', header: 'Preferences' },
  { key: 'notes', header: 'Notes' },
  { key: 'callBack', header: 'Call back' },
  { key: 'lastContactAt', header: 'Last contact' },
  { key: 'id', header: 'Dealboard ID' },
];

const text = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));

export function exportClients(ctx: UseCaseContext, zip: ZipPort, requestArg: unknown): ExportFile {
  const request = requirePlainObject(requestArg, 'The export');
  const format = request.format;
  if (format !== 'csv' && format !== 'xlsx' && format !== 'vcard') throw new InputError('Choose CSV, XLSX or vCard.');
  const asked = request.group === undefined || request.group === null || request.group === '' ? '' : String(request.group);
  // The filter offers Settings client_groups; a client whose group was typed "Wholesale" is in "wholesale".
  const groups = ctx.config.settings.clientGroups;
  const group = asked ? knownGroup(asked, groups) : '';
  if (group === null) throw new InputError(`The group must be one of: ${groups.join(', ')} (Settings client_groups).`);
  const wanted = groupKey(group);
  const delimiter = request.delimiter === ';' ? ';' : ',';
  const table = readTable(ctx.ports.sheets, CLIENTS, ctx.ports.dates);
  const rules = accessRules(ctx);
  const rows = table.rows.filter((r) => {
    const id = text(r.record.id);
    if (!id) return false;
    if (group && groupKey(text(r.record.group)) !== wanted) return false;
    return canViewClient(ctx.actor, { id, manager: text(r.record.manager) }, rules);
  });
  const day = ctx.ports.dates.toLocalDate(ctx.moment.now);
  const base = `clients${group ? `-${group.replace(/[^\p{L}\p{N}]+/gu, '-')}` : ''}-${day}`;
  const cell = (record: Record<string, unknown>, key: string): string => {
    const v = record[key];
    if (key === 'callBack') return v === true ? 'yes' : '';
    if (isDate(v)) return ctx.ports.dates.toLocalDate(v);
    return text(v);
  };
  if (format === 'vcard') {
    const content = rows.map((r) => vcardOf({
      name: text(r.record.name), company: text(r.record.company), contact: text(r.record.contact),
      phones: [text(r.record.phone)].concat(splitList(text(r.record.otherPhones))).filter(Boolean),
      emails: [text(r.record.email)].concat(splitList(text(r.record.otherEmails))).filter(Boolean),
      address: text(r.record.address), city: text(r.record.city), note: text(r.record.notes), group: text(r.record.group),
    })).join('');
    return { fileName: `${base}.vcf`, mimeType: 'text/vcard', encoding: 'text', content, count: rows.length, defused: 0, note: '' };
  }
  const matrix = [EXPORT_COLUMNS.map((c) => c.header)].concat(rows.map((r) => EXPORT_COLUMNS.map((c) => cell(r.record, c.key))));
  if (format === 'csv') {
    const safe = defuseRows(matrix);
    return {
      fileName: `${base}.csv`, mimeType: 'text/csv', encoding: 'text', content: serializeCsv(safe.rows, { delimiter, bom: true }), count: rows.length,
      defused: safe.defused, note: defusedNote(safe.defused),
    };
  }
  // XLSX: inline strings only, so nothing in it can become a formula.
  const parts = xlsxParts('Clients', matrix, [0]);
  return {
    fileName: `${base}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', encoding: 'base64',
    content: zip.zip(parts, `${base}.xlsx`), count: rows.length, defused: 0, note: '',
  };
}
