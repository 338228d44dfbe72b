// The first-run setup checklist as it crosses google.script.run.
import type { ChecklistItem } from '../../domain/setup/setupChecklist';

export interface SetupChecklistView {
  done: boolean;
  items: ChecklistItem[];
}
