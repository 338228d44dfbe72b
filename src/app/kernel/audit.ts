// Every change leaves a line in Activities: who, when, what.
import { ACTIVITIES } from '../../workbook/schema';
import { mapHeaders, requireSchemaColumns } from '../../workbook/headers';
import { appendRecords } from '../../workbook/table';
import { missingTabError } from '../../workbook/errors';
import { Ports } from '../../ports';

export interface ActivityRecord {
  kind: 'audit' | 'note' | 'call' | 'email' | 'meeting' | 'problem';
  dealId?: string;
  clientId?: string;
  summary: string;
  withWhom?: string;
  agreed?: string;
  nextStep?: string;
  at?: Date;
}

export function appendActivities(ports: Ports, user: string, entries: ActivityRecord[]): void {
  if (entries.length === 0) return;
  const header = ports.sheets.readHeader(ACTIVITIES.name);
  if (header === null) throw missingTabError('Activities');
  const map = mapHeaders(ACTIVITIES, header);
  requireSchemaColumns(ACTIVITIES, map);
  const now = ports.clock.now();
  appendRecords(
    ports.sheets,
    { tab: ACTIVITIES, map },
    entries.map((entry) => ({
      id: ports.ids.next(ACTIVITIES.idPrefix),
      at: entry.at || now,
      user,
      kind: entry.kind,
      dealId: entry.dealId || '',
      clientId: entry.clientId || '',
      summary: entry.summary,
      withWhom: entry.withWhom || '',
      agreed: entry.agreed || '',
      nextStep: entry.nextStep || '',
    })),
    ports.dates,
  );
}
