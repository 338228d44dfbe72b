// Fills an empty workbook with the demo studio, so a new user can try everything at once.
import { ACTIVITIES, CHECKPOINTS, CLIENTS, DEALS, LEADS, PAYMENTS, STAGE_HISTORY, USERS } from '../../workbook/schema';
import { appendRecords, readTable, updateRow } from '../../workbook/table';
import { generateDemo } from '../../demo/generator';
import { Ports } from '../../ports';
import { refreshConfig } from '../kernel/config';
import { recomputeAllHealth } from '../checkpoints/checkpoints';
import { InputError } from '../kernel/validate';
import { sameEmail } from '../../domain/kernel/roles';

export interface DemoRequest {
  deals?: number;
  clients?: number;
  seed?: number;
}

export function loadDemoDataWith(ports: Ports, request: DemoRequest | undefined): { deals: number; clients: number; leads: number } {
  const deals = request && typeof request.deals === 'number' ? Math.max(1, Math.min(20000, Math.floor(request.deals))) : 80;
  const clients = request && typeof request.clients === 'number' ? Math.max(1, Math.min(50000, Math.floor(request.clients))) : undefined;
  const seed = request && typeof request.seed === 'number' ? request.seed : undefined;
  return ports.lock.withDocumentLock(() => {
    const dealTable = readTable(ports.sheets, DEALS, ports.dates);
    if (dealTable.rows.length > 0) {
      throw new InputError('The Deals tab already has deals: demo data goes only into an empty workbook, so nothing of yours is mixed with it.');
    }
    const data = generateDemo({ now: ports.clock.now(), deals, clients, seed, newId: (prefix) => ports.ids.next(prefix) });
    const users = readTable(ports.sheets, USERS, ports.dates);
    const present = users.rows.map((r) => String(r.record.email));
    // Setup named its first user after the email; the demo studio has a real name for them.
    for (const row of users.rows) {
      const email = String(row.record.email);
      const demo = data.users.filter((u) => sameEmail(email, String(u.email)))[0];
      if (demo && (row.record.name === '' || row.record.name === email.split('@')[0])) {
        updateRow(ports.sheets, users, row, { name: demo.name }, ports.dates);
      }
    }
    appendRecords(ports.sheets, users, data.users.filter((u) => !present.some((e) => sameEmail(e, String(u.email)))), ports.dates);
    appendRecords(ports.sheets, readTable(ports.sheets, CLIENTS, ports.dates), data.clients, ports.dates);
    appendRecords(ports.sheets, dealTable, data.deals, ports.dates);
    appendRecords(ports.sheets, readTable(ports.sheets, LEADS, ports.dates), data.leads, ports.dates);
    appendRecords(ports.sheets, readTable(ports.sheets, CHECKPOINTS, ports.dates), data.checkpoints, ports.dates);
    appendRecords(ports.sheets, readTable(ports.sheets, ACTIVITIES, ports.dates), data.activities, ports.dates);
    appendRecords(ports.sheets, readTable(ports.sheets, PAYMENTS, ports.dates), data.payments, ports.dates);
    appendRecords(ports.sheets, readTable(ports.sheets, STAGE_HISTORY, ports.dates), data.stageHistory, ports.dates);
    // Health and the "Open gates" column follow from the checkpoints just written, so stage
    // gates hold (and late deals are red) from the first minute, not only after the hourly run.
    recomputeAllHealth(ports, refreshConfig(ports));
    return { deals: data.deals.length, clients: data.clients.length, leads: data.leads.length };
  });
}
