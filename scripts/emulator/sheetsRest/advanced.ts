// The Sheets advanced service (`Sheets`, v4) over the emulator's Sheets REST API (route.ts): each
// call is the REST request the advanced service makes for the script's user, so both see the same
// spreadsheets, limits and errors. An error reply throws as advanced services do:
// `GoogleJsonResponseException: API call to sheets.spreadsheets.values.get failed with error: …`.
// Emulated: Spreadsheets.create / get (no grid data), Spreadsheets.Values get / update /
// batchGet / batchUpdate / clear / batchClear (values written RAW, as the route stores them; a
// USER_ENTERED write is refused naming it), Spreadsheets.batchUpdate (the request kinds of
// batchRequests.ts), and the resource builders (`Sheets.newGridRange().setSheetId(0)…`).
// Values.append, includeGridData and the other collections throw "Not implemented".
// Counted as `SheetsSpreadsheets.*` / `SheetsValues.*`.
import { counted, EmulatorContext } from '../context';
import { FetchRequest, oauthTokenOf } from '../fetch/reply';
import { GoogleJsonResponseException } from '../drive/services';
import { notImplementedError } from '../notImplemented';
import type { SheetsRestService } from './route';

type Json = Record<string, unknown>;
type Query = Record<string, string | string[] | number | boolean | undefined>;

/** The identity every advanced service object prints (`Sheets.toString() === Sheets.Spreadsheets.toString()` on Apps Script). */
const IDENTIFIER = 'AdvancedServiceIdentifier{name=sheets, version=v4}';

/** The resources `Sheets.new<Name>()` makes (those the Sheets v4 advanced service lists that scripts fill in most). */
const RESOURCE_NAMES = ['Spreadsheet', 'SpreadsheetProperties', 'Sheet', 'SheetProperties', 'GridProperties', 'GridRange',
  'GridCoordinate', 'ValueRange', 'BatchUpdateValuesRequest', 'BatchGetValuesResponse', 'ClearValuesRequest', 'BatchClearValuesRequest',
  'BatchUpdateSpreadsheetRequest', 'Request', 'UpdateCellsRequest', 'RepeatCellRequest', 'RowData', 'CellData', 'CellFormat',
  'ExtendedValue', 'ErrorValue', 'NumberFormat', 'Color', 'ColorStyle', 'TextFormat', 'DimensionRange', 'DimensionProperties',
  'UpdateDimensionPropertiesRequest', 'InsertDimensionRequest', 'DeleteDimensionRequest', 'AppendDimensionRequest',
  'AddSheetRequest', 'DeleteSheetRequest', 'UpdateSheetPropertiesRequest', 'UpdateSpreadsheetPropertiesRequest',
  'MergeCellsRequest', 'UnmergeCellsRequest'];

/**
 * The prototype of every resource: any `setFoo(v)` stores `foo` and returns the resource, any
 * `getFoo()` reads it. A Proxy, because the resources have hundreds of fields between them.
 */
const RESOURCE_PROTO: object = new Proxy({}, {
  get(target, prop, receiver) {
    const m = typeof prop === 'string' ? /^(set|get)([A-Z]\w*)$/.exec(prop) : null;
    // Anything else is an ordinary object's (toString, hasOwnProperty, Symbol.toPrimitive …).
    if (!m) return Reflect.get(target, prop, receiver);
    const field = m[2][0].toLowerCase() + m[2].slice(1);
    if (m[1] === 'set') return (value: unknown) => { (receiver as Json)[field] = value; return receiver; };
    return () => (receiver as Json)[field];
  },
});

export function createSheetsAdvancedService(ctx: EmulatorContext, rest: SheetsRestService): object {
  function call(api: string, method: string, path: string, query: Query = {}, body?: unknown): Json {
    const url = new URL(`https://sheets.googleapis.com/v4/spreadsheets${path}`);
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined) continue;
      for (const one of Array.isArray(v) ? v : [v]) url.searchParams.append(k, String(one));
    }
    const user = ctx.currentUser();
    const headers: Record<string, string> = { Authorization: `Bearer ${oauthTokenOf(user)}` };
    const request: FetchRequest = {
      url, method, headers, contentType: 'application/json', user,
      payload: body === undefined ? '' : JSON.stringify(body),
      header: (name) => Object.entries(headers).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1],
    };
    const reply = rest.handle(request);
    if (!reply) throw notImplementedError('Sheets', api);
    const text = Buffer.from(reply.bytes).toString('utf8');
    const parsed = text ? JSON.parse(text) as Json : {};
    if (reply.code >= 400) {
      const error = (parsed.error ?? {}) as { message?: string; errors?: { reason?: string }[] };
      throw new GoogleJsonResponseException(`sheets.${api}`, reply.code, error.message ?? `HTTP ${reply.code}`, error.errors?.[0]?.reason);
    }
    return parsed;
  }
  const id = (spreadsheetId: unknown) => `/${encodeURIComponent(String(spreadsheetId))}`;
  const range = (a1: unknown) => `/values/${encodeURIComponent(String(a1))}`;
  const options = (o: unknown): Query => (o && typeof o === 'object' ? o as Query : {});
  const identity = { toString: () => IDENTIFIER };

  const Values = {
    ...identity,
    get: (spreadsheetId: string, a1: string, optionalArgs?: Query) =>
      call('spreadsheets.values.get', 'get', `${id(spreadsheetId)}${range(a1)}`, options(optionalArgs)),
    update: (resource: Json, spreadsheetId: string, a1: string, optionalArgs?: Query) =>
      call('spreadsheets.values.update', 'put', `${id(spreadsheetId)}${range(a1)}`, options(optionalArgs), resource),
    batchGet: (spreadsheetId: string, optionalArgs?: Query) =>
      call('spreadsheets.values.batchGet', 'get', `${id(spreadsheetId)}/values:batchGet`, options(optionalArgs)),
    batchUpdate: (resource: Json, spreadsheetId: string) =>
      call('spreadsheets.values.batchUpdate', 'post', `${id(spreadsheetId)}/values:batchUpdate`, {}, resource),
    clear: (resource: Json, spreadsheetId: string, a1: string) =>
      call('spreadsheets.values.clear', 'post', `${id(spreadsheetId)}/values/${encodeURIComponent(String(a1))}:clear`, {}, resource ?? {}),
    batchClear: (resource: Json, spreadsheetId: string) =>
      call('spreadsheets.values.batchClear', 'post', `${id(spreadsheetId)}/values:batchClear`, {}, resource),
    append: () => { throw notImplementedError('Sheets.Spreadsheets.Values', 'append'); },
    batchClearByDataFilter: () => { throw notImplementedError('Sheets.Spreadsheets.Values', 'batchClearByDataFilter'); },
    batchGetByDataFilter: () => { throw notImplementedError('Sheets.Spreadsheets.Values', 'batchGetByDataFilter'); },
    batchUpdateByDataFilter: () => { throw notImplementedError('Sheets.Spreadsheets.Values', 'batchUpdateByDataFilter'); },
  };

  const Spreadsheets = {
    ...identity,
    create: (resource: Json) => call('spreadsheets.create', 'post', '', {}, resource ?? {}),
    get: (spreadsheetId: string, optionalArgs?: Query) => {
      const o = options(optionalArgs);
      if (o.includeGridData) throw notImplementedError('Sheets.Spreadsheets', 'get (includeGridData)');
      return call('spreadsheets.get', 'get', id(spreadsheetId), o);
    },
    batchUpdate: (resource: Json, spreadsheetId: string) =>
      call('spreadsheets.batchUpdate', 'post', `${id(spreadsheetId)}:batchUpdate`, {}, resource ?? {}),
    getByDataFilter: () => { throw notImplementedError('Sheets.Spreadsheets', 'getByDataFilter'); },
    Values: counted(ctx.calls, 'SheetsValues', Values),
    Sheets: { ...identity, copyTo: () => { throw notImplementedError('Sheets.Spreadsheets.Sheets', 'copyTo'); } },
    DeveloperMetadata: {
      ...identity,
      get: () => { throw notImplementedError('Sheets.Spreadsheets.DeveloperMetadata', 'get'); },
      search: () => { throw notImplementedError('Sheets.Spreadsheets.DeveloperMetadata', 'search'); },
    },
  };

  // The resource builders (`Sheets.newGridRange()` …) hand out empty resources to fill in with
  // set<Field>(value) (chainable) and read with get<Field>(), as on Apps Script; only the fields set
  // are the resource's own properties, so it serialises as the JSON the API expects.
  const builders: Record<string, () => Json> = {};
  for (const name of RESOURCE_NAMES) builders[`new${name}`] = () => Object.create(RESOURCE_PROTO) as Json;
  return {
    ...identity,
    getVersion: () => 'v4',
    ...builders,
    Spreadsheets: counted(ctx.calls, 'SheetsSpreadsheets', Spreadsheets),
  };
}
