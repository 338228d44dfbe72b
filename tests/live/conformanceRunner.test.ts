// The conformance runner (scripts/live) in the emulator: the built file live-check uploads,
// loaded as Apps Script would load it. Each probe's answer must be what the reference says.
import { emulatorConformance } from '../../scripts/live/emulatorRun';
import { PROBES } from '../../scripts/live/probes';
import { compareReports, formatComparison } from '../../scripts/live/report';

const report = emulatorConformance(process.cwd());

test('the runner answers every probe once, in the report format live-check reads', () => {
  expect(report.kind).toBe('dealboard-conformance');
  expect(report.probes.map((p) => p.id)).toEqual(PROBES.map((p) => p.id));
  expect(new Set(PROBES.map((p) => p.id)).size).toBe(PROBES.length);
});

test.each(PROBES.map((p) => [p.id, p] as const))('%s: the emulator answers as the reference says', (id, probe) => {
  const answer = report.probes.find((p) => p.id === id);
  expect(answer?.error).toBeUndefined();
  expect(answer?.value).toEqual(probe.expected);
});

test('the runner leaves no scratch sheet behind', () => {
  // A second run in the same kind of workspace starts from one sheet again: deleteSheet ran.
  const again = emulatorConformance(process.cwd());
  expect(again.probes.every((p) => !p.error)).toBe(true);
});

test('compareReports marks a probe whose live answer differs, and a probe only one side answered', () => {
  const live = { kind: 'dealboard-conformance' as const, probes: report.probes.map((p) => (p.id === 'range.offset' ? { id: p.id, value: 'D4' } : p)).filter((p) => p.id !== 'lock.tryLock') };
  const rows = compareReports(live, report);
  expect(rows.find((r) => r.id === 'range.offset')).toEqual({ id: 'range.offset', live: '"D4"', emulator: '"C3"', agree: false });
  expect(rows.find((r) => r.id === 'lock.tryLock')).toMatchObject({ live: '(no answer)', agree: false });
  expect(rows.filter((r) => r.agree)).toHaveLength(PROBES.length - 2);
  expect(formatComparison(rows)).toMatch(new RegExp(`DIFFER  range.offset[\\s\\S]*${PROBES.length - 2} of ${PROBES.length} probes agree`));
});
