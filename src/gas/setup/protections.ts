// The tabs the add-on acts on without asking (who may do what, which e-mails go to clients, what
// the owner's mailbox sends) belong to the owner. Sheets protections say so at setup; the
// on-edit trigger audits what gets through anyway (src/app/setup/ownerTabs.ts), and the outbox
// verifies every message's seal before sending (src/app/mail/outbox.ts).
import { OWNER_TABS } from '../../app/setup/ownerTabs';

export const OWNER_TAB_PROTECTION = 'Dealboard: kept by the owner';

/**
 * Idempotent: `Sheet.protect()` returns the sheet's existing protection, which is brought back to
 * the wanted state on every run. A hard protection lists the person running setup (the owner) as
 * its only editor; the spreadsheet's owner can always edit anyway.
 */
export function protectOwnerTabs(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  /** The tabs the caller already holds (setup's), so they are not looked up again (issue 26). */
  known: (name: string) => GoogleAppsScript.Spreadsheet.Sheet | null = () => null,
): string[] {
  const me = Session.getEffectiveUser();
  const done: string[] = [];
  for (const tab of OWNER_TABS) {
    const sheet = known(tab.name) || spreadsheet.getSheetByName(tab.name);
    if (!sheet) continue;
    const protection = sheet.protect().setDescription(OWNER_TAB_PROTECTION);
    if (tab.warningOnly) {
      protection.setWarningOnly(true);
    } else {
      protection.setWarningOnly(false);
      // The reference's recipe: make sure the owner stays, then remove everyone else.
      protection.addEditor(me);
      protection.removeEditors(protection.getEditors());
      if (protection.canDomainEdit()) protection.setDomainEdit(false);
    }
    done.push(tab.name);
  }
  return done;
}
