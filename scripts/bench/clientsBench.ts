// Bench rows of the client base (issue 14): caller lookup with the phone index warm and cold,
// the client card, and the import of 20,000 rows (upload, then chunks of CHUNK_PAGES pages,
// one execution each). At 10,000 deals the workbook holds 20,000 clients.
/* eslint-disable @typescript-eslint/no-explicit-any */

interface BenchHarness {
  ws: any;
  addon: Record<string, (...args: any[]) => any>;
  size: number;
  as<T>(user: string, fn: () => T): T;
}

interface BenchAction {
  name: string;
  user: string;
  via: 'sidebar' | 'menu' | 'trigger';
  prepare(h: BenchHarness, count: number): (i: number) => () => unknown;
}

const ANNA = 'anna@studio.test';
const OWNER = 'owner@studio.test';

function clientPhones(h: BenchHarness, count: number): string[] {
  const values = h.ws.readSheet('Clients').values as unknown[][];
  const at = (values[0] as string[]).indexOf('Phone');
  const phones = values.slice(1).map((r) => String(r[at] || '')).filter((p) => /^\+49 151 /.test(p));
  if (phones.length < count) throw new Error(`only ${phones.length} +49 151 phones in the demo clients`);
  // Typed another way than stored: "0049151…" (the caller id format of many phone systems).
  return phones.slice(0, count).map((p) => `00${p.replace(/\D/g, '')}`);
}

/** The cache lost the index (evicted or expired); Clients did not change. */
function forgetIndex(h: BenchHarness): void {
  h.ws.calls.uncounted(() => h.ws.globals.CacheService.getDocumentCache().remove('dealboard:clients:v1:meta'));
}

/** Clients changed (as after a save): a new generation, so the index is rebuilt from the tab. */
function staleIndex(h: BenchHarness, i: number): void {
  forgetIndex(h);
  h.ws.calls.uncounted(() => h.ws.globals.PropertiesService.getDocumentProperties().setProperty('dealboard.clientIndex.generation', `bench-${i}-${Date.now()}`));
}

/** A file of `rows` new clients (distinct per run), as an office's export would be. */
function csvOf(rows: number, run: number): string {
  const lines = ['Name;Firma;Telefon;E-Mail;Stadt'];
  for (let i = 0; i < rows; i++) {
    const n = run * 100000 + i;
    lines.push(`Imported ${n};Firm ${n % 997};+49 40 ${String(2000000 + n)};imp${n}@bench.test;Hamburg`);
  }
  return lines.join('\r\n');
}

export const CLIENT_ACTIONS: BenchAction[] = [
  {
    name: 'find a client by phone (index warm)', user: ANNA, via: 'sidebar',
    prepare: (h, count) => {
      const phones = clientPhones(h, count);
      h.as(ANNA, () => h.addon.api_findClients(phones[0]));
      return (i) => () => h.addon.api_findClients(phones[i]);
    },
  },
  {
    // Issue 26: the cache is cold but Clients did not change: the persisted copy is read.
    name: 'find a client by phone (index cold)', user: ANNA, via: 'sidebar',
    prepare: (h, count) => {
      const phones = clientPhones(h, count);
      h.as(ANNA, () => h.addon.api_findClients(phones[0]));
      return (i) => { forgetIndex(h); return () => h.addon.api_findClients(phones[i]); };
    },
  },
  {
    // After a write to Clients: the rebuild from the 13 index columns, and its persisted copy.
    name: 'find a client by phone (index rebuilt after a change)', user: ANNA, via: 'sidebar',
    prepare: (h, count) => {
      const phones = clientPhones(h, count);
      return (i) => { staleIndex(h, i); return () => h.addon.api_findClients(phones[i]); };
    },
  },
  {
    name: 'open a client card', user: OWNER, via: 'sidebar',
    prepare: (h, count) => {
      const values = h.ws.readSheet('Deals').values as unknown[][];
      const at = (values[0] as string[]).indexOf('Client ID');
      const ids = values.slice(1).map((r) => String(r[at] || '')).filter(Boolean).slice(0, count);
      return (i) => () => h.addon.api_getClient(ids[i]);
    },
  },
  {
    name: 'import upload (20,000 rows)', user: OWNER, via: 'sidebar',
    prepare: (h) => (i) => {
      const content = csvOf(20000, 50 + i);
      return () => h.addon.api_prepareImport({ fileName: `bench-${i}.csv`, kind: 'csv', content });
    },
  },
  {
    name: 'import chunk (2,000 of 20,000 rows)', user: OWNER, via: 'sidebar',
    prepare: (h) => (i) => {
      const content = csvOf(20000, i);
      const prepared = h.as(OWNER, () => h.addon.api_prepareImport({ fileName: `bench-${i}.csv`, kind: 'csv', content }));
      return () => h.addon.api_runImport(prepared.importId, prepared.mapping);
    },
  },
  {
    // Issue 26: a chunk after the first matches on what the chunk before kept (no Clients read
    // but the header): the 20,000 rows cost the first chunk plus nine of these.
    name: 'import next chunk (2,000 of 20,000 rows)', user: OWNER, via: 'sidebar',
    prepare: (h) => (i) => {
      const content = csvOf(20000, 500 + i);
      const prepared = h.as(OWNER, () => h.addon.api_prepareImport({ fileName: `bench-next-${i}.csv`, kind: 'csv', content }));
      h.as(OWNER, () => h.addon.api_runImport(prepared.importId, prepared.mapping));
      return () => h.addon.api_runImport(prepared.importId, prepared.mapping);
    },
  },
];

