// A realistic web studio, deterministic for a seed: the playground's demo and the bench's
// 10,000-deal workbooks come from the same code.
import { StageKey } from '../domain/deals/stages';
import { between, pick, seededRandom } from './random';

export interface DemoOptions {
  seed?: number;
  deals?: number;
  clients?: number;
  now: Date;
  /**
   * Ids for the rows (issue 20, item 4): the add-on passes its id source (random, unguessable),
   * so demo rows a team keeps cannot be opened by counting up. Without it: readable serials.
   */
  newId?: (prefix: string) => string;
}

export interface DemoData {
  users: Record<string, unknown>[];
  clients: Record<string, unknown>[];
  deals: Record<string, unknown>[];
  leads: Record<string, unknown>[];
  checkpoints: Record<string, unknown>[];
  activities: Record<string, unknown>[];
  payments: Record<string, unknown>[];
  stageHistory: Record<string, unknown>[];
}

export const DEMO_TEAM = [
  { email: 'owner@studio.test', name: 'Olga Owner', role: 'owner', monthlyPlan: 0 },
  { email: 'head@studio.test', name: 'Henrik Head', role: 'head', monthlyPlan: 0 },
  { email: 'anna@studio.test', name: 'Anna Novak', role: 'manager', monthlyPlan: 24000 },
  { email: 'boris@studio.test', name: 'Boris Klein', role: 'manager', monthlyPlan: 20000 },
  { email: 'eva@studio.test', name: 'Eva Stein', role: 'executor', monthlyPlan: 0 },
] as const;

const MANAGERS = ['anna@studio.test', 'boris@studio.test'];
const FIRST = ['Lena', 'Tom', 'Marta', 'Jonas', 'Sofia', 'Karl', 'Nina', 'Paul', 'Ida', 'Felix', 'Clara', 'Max', 'Olivia', 'Leon', 'Emma', 'Noah'];
const LAST = ['Becker', 'Hoffmann', 'Wagner', 'Schulz', 'Meyer', 'Fischer', 'Weber', 'Keller', 'Brown', 'Dupont', 'Rossi', 'Kowalski', 'Smith', 'Lindqvist'];
const COMPANY_A = ['Green', 'Blue', 'North', 'Bright', 'Urban', 'Alpine', 'Silver', 'Red', 'Little', 'Golden', 'Happy', 'Swift'];
const COMPANY_B = ['Bakery', 'Dental', 'Fitness', 'Logistics', 'Florist', 'Law Office', 'Auto Service', 'Hotel', 'Coffee', 'Print Shop', 'Yoga Studio', 'Architects'];
const SERVICES = [
  { title: 'Corporate website', budget: [4000, 12000] },
  { title: 'Online shop', budget: [8000, 30000] },
  { title: 'Landing page', budget: [900, 3000] },
  { title: 'Logo and brand book', budget: [1500, 6000] },
  { title: 'SEO audit', budget: [600, 2500] },
  { title: 'Website redesign', budget: [3000, 15000] },
  { title: 'Booking system', budget: [5000, 18000] },
  { title: 'Support contract', budget: [1200, 4800] },
  { title: 'Mobile app prototype', budget: [6000, 20000] },
];
const SOURCES = ['website form', 'phone call', 'referral', 'instagram', 'trade fair', 'google ads'];
const GROUPS = ['new', 'returning', 'wholesale', 'retail'];
const MESSAGES = [
  'We need a new website before spring, can you send a price?',
  'Our shop needs online payments and delivery options.',
  'Looking for a redesign, the old site is from 2015.',
  'Can you help with SEO? We dropped in search results.',
  'Need a landing page for a campaign in two weeks.',
  'Please call me back about a booking system for our clinic.',
];

function phoneFor(random: () => number, i: number): string {
  const n = (k: number) => String(between(random, 10 ** (k - 1), 10 ** k - 1));
  switch (i % 6) {
    case 0: return `030 ${n(7)}`;
    case 1: return `+49 151 ${n(8)}`;
    case 2: return `(212) 555-${n(4)}`.replace('(212)', `+1 (212)`);
    case 3: return `+44 20 7946 ${n(4)}`;
    case 4: return `+33 1 42 68 ${n(2)} ${n(2)}`;
    default: return `0171-${n(7)}`;
  }
}

const DAY = 86400000;

export function generateDemo(options: DemoOptions): DemoData {
  const random = seededRandom(options.seed ?? 20261123);
  // Slips and stage paths (issue 23) draw from their own stream, so every value the studio had
  // before stays what it was.
  const later = seededRandom(((options.seed ?? 20261123) ^ 0x5eed) >>> 0);
  const now = options.now.getTime();
  const dealCount = options.deals ?? 80;
  const clientCount = options.clients ?? Math.max(10, Math.round(dealCount * 0.75));
  let serial = 0;
  const id = (prefix: string) => {
    if (options.newId) return options.newId(prefix);
    serial += 1;
    return `${prefix}-demo${String(serial).padStart(7, '0')}`;
  };
  const at = (daysAgo: number, hour = between(random, 8, 18)) => {
    const base = now - daysAgo * DAY;
    const d = new Date(base);
    d.setUTCHours(hour, between(random, 0, 3) * 15, 0, 0);
    return d;
  };
  // Issue 21, item 18: what already happened is never later than now ("Received Today 1:15 PM"
  // read at 01:13). No extra random draw, so the rest of the demo stays the same studio.
  const past = (d: Date) => {
    if (d.getTime() > now) d.setTime(now - ((d.getUTCHours() * 7 + d.getUTCMinutes()) % 50 + 5) * 60000);
    return d;
  };

  const users = DEMO_TEAM.map((m, i) => ({ id: options.newId ? options.newId('U') : `U-demo${i + 1}`, ...m, active: true }));

  const clients: Record<string, unknown>[] = [];
  for (let i = 0; i < clientCount; i++) {
    const person = `${pick(random, FIRST)} ${pick(random, LAST)}`;
    const company = `${pick(random, COMPANY_A)} ${pick(random, COMPANY_B)}`;
    clients.push({
      id: id('C'),
      name: i % 3 === 0 ? person : company,
      group: pick(random, GROUPS),
      phone: phoneFor(random, i),
      email: `${person.toLowerCase().replace(/[^a-z]+/g, '.')}${i}@example.com`,
      company: i % 3 === 0 ? '' : company,
      manager: pick(random, MANAGERS),
      preferences: i % 4 === 0 ? 'Prefers calls in the morning' : '',
      createdAt: at(between(random, 30, 900)),
      lastContactAt: at(between(random, 0, 60)),
      version: 1,
      updatedAt: at(between(random, 0, 30)),
      updatedBy: 'owner@studio.test',
    });
  }

  // A live pipeline the size of a real office, however large the history behind it.
  const live = Math.min(dealCount, dealCount <= 200 ? dealCount : 150 + Math.round(dealCount * 0.01));
  const liveStages: [StageKey, number][] = [['new', 0.3], ['negotiation', 0.25], ['in_work', 0.2], ['frozen', 0.1], ['failed', 0.08], ['completed', 0.07]];
  const deals: Record<string, unknown>[] = [];
  const checkpoints: Record<string, unknown>[] = [];
  // Realistic slips: some ticks early, many on the day, a few late (never after today).
  const doneDate = (due: Date): Date => {
    const roll = later();
    const slip = roll < 0.2 ? -between(later, 1, 3) : roll < 0.75 ? 0 : between(later, 1, roll < 0.93 ? 4 : 12);
    return new Date(Math.min(due.getTime() + slip * DAY, now));
  };
  const paths: { dealId: string; manager: string; stage: StageKey; createdAt: Date; stageSince: Date }[] = [];
  const paid: { dealId: string; clientId: string; amount: number; stage: StageKey; since: Date; index: number }[] = [];
  const activities: Record<string, unknown>[] = [];
  const positions: Record<string, number> = {};
  for (let i = 0; i < dealCount; i++) {
    let stage: StageKey;
    let ageDays: number;
    if (i < live) {
      let roll = random();
      stage = 'new';
      for (const [key, share] of liveStages) {
        if (roll < share) { stage = key; break; }
        roll -= share;
      }
      ageDays = between(random, 1, stage === 'new' ? 14 : 60);
    } else {
      stage = random() < 0.55 ? 'completed' : 'failed';
      ageDays = between(random, 45, 1100);
    }
    const client = clients[Math.floor(random() * clients.length)];
    const service = pick(random, SERVICES);
    const budget = Math.round(between(random, service.budget[0], service.budget[1]) / 100) * 100;
    const createdAt = at(ageDays + between(random, 0, 20));
    const stageSince = at(Math.max(0, ageDays - between(random, 0, Math.min(ageDays, 20))));
    const closed = stage === 'failed' || stage === 'completed';
    const won = stage === 'in_work' || stage === 'completed';
    const manager = String(client.manager);
    positions[stage] = (positions[stage] || 0) + 1024;
    const dealId = id('D');
    const estimateSent = stage !== 'new' || random() < 0.3;
    deals.push({
      id: dealId,
      title: `${service.title} for ${client.name}`,
      stage,
      forecast: closed ? '' : won ? 'green' : pick(random, ['green', 'yellow', 'yellow', 'red']),
      health: won && !closed ? 'green' : 'white',
      clientId: client.id,
      clientName: client.name,
      phone: client.phone,
      email: client.email,
      manager,
      budget,
      amount: stage === 'new' ? 0 : Math.round(budget * (0.9 + random() * 0.3) / 10) * 10,
      nextContactAt: closed ? null : at(pick(random, [3, 1, 0, 0, -1, -1, -2, -3, -5, -7, -10]), between(random, 9, 17)),
      estimateAccepted: stage !== 'new' || random() < 0.6,
      estimateSent,
      socialConnected: random() < 0.4,
      meetingAgreed: random() < 0.3,
      expectedClose: closed ? null : at(-between(random, 5, 60), 12),
      deadline: won ? at(-between(random, 10, 90), 12) : null,
      position: positions[stage],
      stageSince,
      createdAt,
      closedAt: closed ? stageSince : null,
      source: pick(random, SOURCES),
      notes: '',
      version: 1,
      updatedAt: stageSince,
      updatedBy: manager,
    });
    paths.push({ dealId, manager, stage, createdAt, stageSince });
    activities.push({ id: id('A'), at: createdAt, user: manager, kind: 'audit', dealId, clientId: client.id, summary: 'Deal created', withWhom: '', agreed: '', nextStep: '' });
    activities.push({ id: id('A'), at: new Date(createdAt.getTime() + DAY), user: manager, kind: 'call', dealId, clientId: client.id, summary: 'First call', withWhom: client.name, agreed: estimateSent ? 'Send the estimate' : 'Rough price accepted', nextStep: 'Prepare proposal' });
    if (stage !== 'new') {
      activities.push({ id: id('A'), at: stageSince, user: manager, kind: 'audit', dealId, clientId: client.id, summary: `Stage New → ${stage}`, withWhom: '', agreed: '', nextStep: '' });
    }
    if (won) {
      paid.push({ dealId, clientId: String(client.id), amount: Number(deals[deals.length - 1].amount) || budget, stage, since: stageSince, index: i });
      // Live won deals carry the four main steps; finished projects the full delivery history.
      const plan = i < live
        ? ['Design done', 'Prototype done', 'Works completed', 'Payment received']
        : ['Brief approved', 'Design done', 'Prototype done', 'Content ready', 'Testing done', 'Launch', 'Works completed', 'Payment received'];
      plan.forEach((name, k) => {
        const due = at(ageDays - (k + 1) * 10, 12);
        const done = stage === 'completed' || due.getTime() < now - 5 * DAY;
        checkpoints.push({
          id: id('K'), dealId, name, due, responsible: k < plan.length - 1 ? 'eva@studio.test' : manager, allowed: '',
          gatesStage: k >= plan.length - 2 ? 'completed' : '', doneAt: done ? doneDate(due) : null, doneBy: done ? (k < plan.length - 1 ? 'eva@studio.test' : manager) : '',
          notes: '', version: 1, updatedAt: stageSince, updatedBy: manager,
        });
      });
    }
  }

  const leads: Record<string, unknown>[] = [];
  const leadCount = Math.max(8, Math.min(400, Math.round(dealCount * 0.12)));
  for (let i = 0; i < leadCount; i++) {
    const person = `${pick(random, FIRST)} ${pick(random, LAST)}`;
    const status = i < 7 ? 'new' : random() < 0.8 ? 'converted' : 'junk';
    leads.push({
      id: id('L'),
      receivedAt: past(at(i < 7 ? between(random, 0, 3) : between(random, 4, 400))),
      name: person,
      phone: phoneFor(random, i + 3),
      email: `${person.toLowerCase().replace(/[^a-z]+/g, '.')}@mail.test`,
      source: pick(random, SOURCES),
      message: pick(random, MESSAGES),
      status,
      dealId: '',
      clientId: '',
      version: 1,
      updatedAt: at(between(random, 0, 3)),
      updatedBy: 'owner@studio.test',
    });
  }
  activities.sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime());

  // Made last so that every other id stays what it was. Finished projects are paid in full in
  // two halves; two of three live ones have paid the advance.
  const payments: Record<string, unknown>[] = [];
  for (const p of paid) {
    const half = Math.round(p.amount / 2);
    const advanceAt = new Date(Math.min(now, p.since.getTime() + 2 * DAY));
    if (p.stage === 'completed') {
      payments.push({ id: id('M'), dealId: p.dealId, clientId: p.clientId, date: new Date(p.since.getTime() - 30 * DAY), amount: half, method: 'bank transfer', note: 'Advance' });
      payments.push({ id: id('M'), dealId: p.dealId, clientId: p.clientId, date: p.since, amount: p.amount - half, method: 'bank transfer', note: 'Final payment' });
    } else if (p.index % 3 !== 0) {
      payments.push({ id: id('M'), dealId: p.dealId, clientId: p.clientId, date: advanceAt, amount: half, method: p.index % 2 ? 'card' : 'bank transfer', note: 'Advance' });
    }
  }
  return { users, clients, deals, leads, checkpoints, activities, payments, stageHistory: demoStageHistory(paths, later, id) };
}

/** The way each deal came to its stage, oldest first, with times between its creation and its stage date. */
function demoStageHistory(
  paths: { dealId: string; manager: string; stage: StageKey; createdAt: Date; stageSince: Date }[],
  random: () => number,
  id: (prefix: string) => string,
): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const p of paths) {
    const route: StageKey[] = ['new'];
    if (p.stage === 'negotiation' || p.stage === 'frozen') route.push('negotiation');
    if (p.stage === 'in_work' || p.stage === 'completed') route.push('negotiation', 'in_work');
    if (p.stage === 'failed' && random() < 0.6) route.push('negotiation');
    if (route[route.length - 1] !== p.stage) route.push(p.stage);
    const start = p.createdAt.getTime();
    const span = Math.max(0, p.stageSince.getTime() - start);
    const steps = route.length - 1;
    route.forEach((to, k) => {
      // The first row is the creation, the last the stage date; the steps between are spread out.
      const at = k === 0 ? start : k === steps ? start + span : start + Math.round(span * (k / steps) * (0.6 + 0.4 * random()));
      rows.push({ id: id('H'), dealId: p.dealId, from: k === 0 ? '' : route[k - 1], to, at: new Date(at), by: p.manager, how: k === 0 ? 'request converted' : 'board' });
    });
  }
  return rows.sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime());
}
