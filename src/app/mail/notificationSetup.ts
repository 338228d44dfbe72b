// Setup's part for notifications: default texts for every key the Notifications tab lacks
// (owners' edited rows are never touched, so running setup again is safe).
import { NOTIFICATIONS } from '../../workbook/schema';
import { Table, appendRecords, readTable } from '../../workbook/table';
import { Ports } from '../../ports';

export function seedNotifications(ports: Ports, read: { notifications?: Table } = {}): string[] {
  const table = readTable(ports.sheets, NOTIFICATIONS, ports.dates);
  const present: Record<string, boolean> = {};
  for (const row of table.rows) present[String(row.record.key)] = true;
  const missing = (NOTIFICATIONS.seedRows ? NOTIFICATIONS.seedRows() : []).filter((d) => !present[String(d.key)]);
  appendRecords(ports.sheets, table, missing, ports.dates);
  // The tab as it now is, for the setup checklist (only when nothing was added to it).
  if (missing.length === 0) read.notifications = table;
  return missing.map((d) => String(d.key));
}
