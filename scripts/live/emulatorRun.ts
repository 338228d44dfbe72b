// The conformance runner in the emulator: the same built file live-check uploads, loaded as
// Apps Script would load it, into a fresh workspace.
import { join } from 'node:path';
import { createWorkspace } from '../emulator/workspace';
import { loadAddon } from '../emulator/addon';
import { RUNNER_FILE } from './project';
import { ConformanceReport } from './runner';

export function emulatorConformance(root: string): ConformanceReport {
  const ws = createWorkspace();
  const runner = loadAddon(ws, join(root, RUNNER_FILE));
  return runner.runConformance() as ConformanceReport;
}
