// "live / emulator / agree?" per probe: the answers of real Apps Script and of the emulator,
// side by side. Agreement is deep equality of the JSON answers.
import { ConformanceReport, ProbeAnswer } from './runner';
import { PROBES } from './probes';

export interface ComparedProbe {
  id: string;
  live: string;
  emulator: string;
  agree: boolean;
}

function shown(answer: ProbeAnswer | undefined): string {
  if (!answer) return '(no answer)';
  if (answer.error) return `threw ${answer.error.name}: ${answer.error.message}`;
  return JSON.stringify(answer.value);
}

export function compareReports(live: ConformanceReport, emulator: ConformanceReport): ComparedProbe[] {
  const liveById = new Map(live.probes.map((p) => [p.id, p]));
  const emuById = new Map(emulator.probes.map((p) => [p.id, p]));
  const ids = [...new Set([...PROBES.map((p) => p.id), ...liveById.keys(), ...emuById.keys()])];
  return ids.map((id) => {
    const a = shown(liveById.get(id));
    const b = shown(emuById.get(id));
    return { id, live: a, emulator: b, agree: a === b };
  });
}

export function formatComparison(rows: ComparedProbe[]): string {
  const lines = rows.map((r) => `${r.agree ? 'agree ' : 'DIFFER'}  ${r.id}\n        live:     ${r.live}\n        emulator: ${r.emulator}`);
  const agreed = rows.filter((r) => r.agree).length;
  lines.push(`${agreed} of ${rows.length} probes agree between live Apps Script and the emulator`);
  return lines.join('\n');
}
