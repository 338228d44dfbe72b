// What follows a hand edit of the workbook (the installable on-edit trigger): the client index
// forgets a Clients edit, the edit is checked and audited (handEdits), and when a Settings edit
// changed a list that feeds dropdowns (client groups, stage names) those dropdowns follow at once.
import { Ports } from '../../ports';
import { Settings } from '../../domain/setup/settings';
import { loadConfig } from '../kernel/config';
import { ClientIndexStore, forgetClientIndex } from '../clients/clientIndex';
import { EditFacts, ProblemStore, handleEdit } from './handEdits';

/** The outside world a hand edit may need, each made only when the edit needs it (no service call otherwise). */
export interface EditDispatchServices {
  problems(): ProblemStore;
  clientIndex(): ClientIndexStore;
  /** Re-applies the validation lists fed by Settings to the workbook's tabs. */
  applySettingsDropdowns(settings: Settings): void;
}

/** The Settings lists that feed dropdowns, as one comparable text. */
function dropdownLists(settings: Settings): string {
  return settings.clientGroups.join('\n') + '\n' + JSON.stringify(settings.stageNames);
}

export function dispatchHandEdit(ports: Ports, facts: EditFacts | null, services: EditDispatchServices): void {
  if (!facts) return;
  if (facts.sheetName === 'Clients') forgetClientIndex(services.clientIndex());
  // Settings client_groups or a stage name edited: the dropdowns they feed follow at once (only when a list changed).
  const listsBefore = facts.sheetName === 'Settings' ? dropdownLists(loadConfig(ports).settings) : null;
  handleEdit(ports, services.problems(), facts);
  if (listsBefore !== null) {
    const settings = loadConfig(ports).settings;
    if (dropdownLists(settings) !== listsBefore) services.applySettingsDropdowns(settings);
  }
}
