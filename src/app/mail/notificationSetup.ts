// Setup's part for notifications: default texts for every key the Notifications tab lacks
// (owners' edited rows are never touched, so running setup again is safe).
import { NOTIFICATIONS } from '../../workbook/schema';
import { appendRecords, readTable } from '../../workbook/table';
import { Ports } from '../../ports';

export function seedNotifications(ports: Ports): string[] {
  const table = readTable(ports.sheets, NOTIFICATIONS, ports.dates);
  const present: Record<string, boolean> = {};
  for (const row of table.rows) present[String(row.record.key)] = true;
  const missing = (NOTIFICATIONS.seedRows ? NOTIFICATIONS.seedRows() : []).filter((d) => !present[String(d.key)]);
  appendRecords(ports.sheets, table, missing, ports.dates);
  return missing.map((d) => String(d.key));
}
