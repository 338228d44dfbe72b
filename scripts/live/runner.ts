// The conformance runner as an Apps Script file: `runConformance()` runs every probe in a
// scratch sheet and returns the answers as JSON-safe data. `npm run provision` uploads it
// beside the add-on's bundle; `npm run live-check` calls it through scripts.run and the
// emulator's test loads the same built file.
import { PROBES } from './probes';

export interface ProbeAnswer {
  id: string;
  value?: unknown;
  /** The probe itself failed (not an error it meant to catch). */
  error?: { name: string; message: string };
}

export interface ConformanceReport {
  kind: 'dealboard-conformance';
  probes: ProbeAnswer[];
}

/* eslint-disable @typescript-eslint/no-explicit-any */
declare const SpreadsheetApp: any;

/** Dates and other objects become plain JSON, as scripts.run would return them. */
function plain(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

export function runConformance(): ConformanceReport {
  const g = globalThis as any;
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (!spreadsheet) throw new Error('The conformance runner must run in a script bound to a spreadsheet (npm run provision makes one).');
  const probes: ProbeAnswer[] = [];
  for (const probe of PROBES) {
    const sheet = spreadsheet.insertSheet(`conformance ${probe.id}`);
    try {
      probes.push({ id: probe.id, value: plain(probe.run({ g, sheet })) });
    } catch (e) {
      const err = e as Error;
      probes.push({ id: probe.id, error: { name: String(err.name), message: String(err.message) } });
    } finally {
      spreadsheet.deleteSheet(sheet);
    }
  }
  return { kind: 'dealboard-conformance', probes };
}
