// Assembles the board the sidebar shows from decoded rows: a pure function of plain data.
import { Moment } from '../kernel/session';
import { Actor, canEditDeal, isSupervisor, sameEmail } from '../../domain/kernel/roles';
import { canSeeDealContacts } from '../../domain/clients/clientRights';
import { ALLOWED_TRANSITIONS, CLOSED_STAGES, STAGE_KEYS, StageKey } from '../../domain/deals/stages';
import { rollupForecast } from '../../domain/reports/forecast';
import { parseWorkingTime } from '../../domain/meetings/slots';
import { Settings } from '../../domain/setup/settings';
import { Board, BoardFilter, Card, Column, InboxLead, StageProblem, TeamMemberView } from '../contracts/board';
import { Deal, Lead, iso } from '../kernel/records';
import { TeamMember } from '../kernel/config';
import { Problem } from '../../workbook/codec';

const DAY = 86400000;
const MAX_PROBLEMS_SENT = 20;

/** Settings that decide whose contacts a card carries (client_view_others). */
export interface ContactRules {
  managersViewOthers: boolean;
  /** Settings executor_sees_money: FALSE (the default) sends an executor no budget or amount (issue 21, item 17). */
  executorSeesMoney?: boolean;
}

export function contactRulesOf(settings: Settings): ContactRules {
  return { managersViewOthers: settings.clientViewOthers, executorSeesMoney: settings.executorSeesMoney };
}

/** Whether this person gets prices, amounts and forecasts: executors see the work, not the money, unless Settings allow it. */
export function seesMoney(actor: Actor, rules: ContactRules): boolean {
  return actor.role !== 'executor' || rules.executorSeesMoney === true;
}

export function toCard(deal: Deal & { stage: StageKey }, actor: Actor, team: readonly TeamMember[], moment: Moment, contacts: ContactRules): Card {
  // The client's phone and e-mail only for who may see them (issue 20, item 4): stripped here, on the server.
  const showContacts = canSeeDealContacts(actor, deal, contacts);
  // Stripped here, on the server: the money never reaches an executor's browser (issue 21, item 17).
  const money = seesMoney(actor, contacts);
  const managerName = (team.filter((m) => sameEmail(m.email, deal.manager))[0] || { name: deal.manager }).name;
  let nextContactState: Card['nextContactState'] = null;
  if (deal.nextContactAt) {
    const at = deal.nextContactAt.getTime();
    if (at < moment.now.getTime()) nextContactState = 'overdue';
    else if (at < moment.startOfTomorrow.getTime()) nextContactState = 'today';
    else nextContactState = 'later';
  }
  const since = deal.stageSince || deal.createdAt;
  const meetingLive = deal.meetingStatus === 'booked' || deal.meetingStatus === 'moved';
  return {
    id: deal.id,
    title: deal.title,
    stage: deal.stage,
    position: deal.position,
    clientId: deal.clientId,
    clientName: deal.clientName,
    phone: showContacts ? deal.phone : '',
    email: showContacts ? deal.email : '',
    manager: deal.manager,
    managerName,
    budget: money ? deal.budget : 0,
    amount: money ? deal.amount : 0,
    value: money ? (deal.amount > 0 ? deal.amount : deal.budget) : 0,
    forecast: deal.forecast,
    health: deal.health,
    nextContactAt: iso(deal.nextContactAt),
    nextContactState,
    meetingStart: meetingLive ? iso(deal.meetingStart) : null,
    meetingEnd: meetingLive ? iso(deal.meetingEnd) : null,
    steps: {
      estimateAccepted: deal.estimateAccepted,
      estimateSent: deal.estimateSent,
      socialConnected: deal.socialConnected,
      meetingAgreed: deal.meetingAgreed,
    },
    daysInStage: since ? Math.max(0, Math.floor((moment.now.getTime() - since.getTime()) / DAY)) : 0,
    expectedClose: deal.expectedClose ? moment.localDay(deal.expectedClose) : null,
    closedAt: iso(deal.closedAt),
    version: deal.version,
    editable: canEditDeal(actor, deal.manager),
  };
}

export function normalizeFilter(filter: BoardFilter | null | undefined, actor: Actor): Board['filter'] {
  const given = filter || {};
  const scope = given.scope === 'all' || given.scope === 'manager' || given.scope === 'mine'
    ? given.scope
    : isSupervisor(actor) ? 'all' : 'mine';
  return {
    scope,
    manager: scope === 'manager' ? String(given.manager || '') : undefined,
    search: given.search ? String(given.search).slice(0, 200) : undefined,
    includeArchive: given.includeArchive === true,
  };
}

export function matchesFilter(deal: Deal, filter: Board['filter'], actor: Actor, contacts: ContactRules): boolean {
  if (filter.scope === 'mine' && !sameEmail(deal.manager, actor.email)) return false;
  if (filter.scope === 'manager' && !sameEmail(deal.manager, filter.manager || '')) return false;
  if (filter.search) {
    // A search must not find a card by contacts the card does not show (it would reveal them).
    const shown = canSeeDealContacts(actor, deal, contacts);
    const phone = shown ? deal.phone : '';
    const haystack = `${deal.title} ${deal.clientName} ${phone} ${shown ? deal.email : ''}`.toLowerCase();
    const digits = phone.replace(/\D/g, '');
    for (const word of filter.search.toLowerCase().split(/\s+/)) {
      if (word === '') continue;
      const wordDigits = word.replace(/\D/g, '');
      const phoneHit = wordDigits.length >= 3 && digits.indexOf(wordDigits) >= 0;
      if (haystack.indexOf(word) < 0 && !phoneHit) return false;
    }
  }
  return true;
}

export function isArchived(deal: Deal, settings: Settings, moment: Moment): boolean {
  if (!deal.stage || CLOSED_STAGES.indexOf(deal.stage) < 0) return false;
  const closed = deal.closedAt || deal.stageSince || deal.updatedAt;
  if (!closed) return true;
  return moment.now.getTime() - closed.getTime() > settings.closedVisibleDays * DAY;
}

export function buildBoard(input: {
  deals: readonly Deal[];
  leads: readonly Lead[];
  settings: Settings;
  team: readonly TeamMember[];
  actor: Actor;
  moment: Moment;
  filter: BoardFilter | null | undefined;
  problems: readonly Problem[];
  timeZone?: string;
  locale?: string;
  /** Deals whose Stage cell holds a refused value typed by hand: shown in their accepted stage. */
  stageProblems?: Record<string, StageProblem & { accepted: StageKey }>;
}): Board {
  const { settings, actor, moment, team } = input;
  const filter = normalizeFilter(input.filter, actor);
  const byStage: Record<string, Card[]> = {};
  const archived: Record<string, number> = {};
  for (const key of STAGE_KEYS) {
    byStage[key] = [];
    archived[key] = 0;
  }
  for (const found of input.deals) {
    const problem = input.stageProblems ? input.stageProblems[found.id] : undefined;
    const deal = problem ? { ...found, stage: problem.accepted } : found;
    if (!deal.stage) continue;
    if (!matchesFilter(deal, filter, actor, contactRulesOf(settings))) continue;
    if (!filter.includeArchive && isArchived(deal, settings, moment)) {
      archived[deal.stage] += 1;
      continue;
    }
    const card = toCard(deal as Deal & { stage: StageKey }, actor, team, moment, contactRulesOf(settings));
    if (problem) card.stageProblem = { row: problem.row, typed: problem.typed, why: problem.why };
    byStage[deal.stage].push(card);
  }
  const columns: Column[] = STAGE_KEYS.map((key) => {
    const cards = byStage[key].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
    return {
      key,
      name: settings.stageNames[key],
      colour: settings.stageColours[key],
      count: cards.length,
      total: cards.reduce((sum, card) => sum + card.value, 0),
      cards,
      archived: archived[key],
    };
  });
  const live = columns.filter((c) => CLOSED_STAGES.indexOf(c.key) < 0).reduce<Card[]>((all, c) => all.concat(c.cards), []);
  const inbox: InboxLead[] = input.leads
    .filter((lead) => lead.status === 'new')
    .map((lead) => ({
      id: lead.id,
      name: lead.name,
      phone: lead.phone,
      email: lead.email,
      source: lead.source,
      message: lead.message,
      receivedAt: iso(lead.receivedAt),
      version: lead.version,
    }))
    .sort((a, b) => String(b.receivedAt).localeCompare(String(a.receivedAt)));
  const teamView: TeamMemberView[] = team.filter((m) => m.active).map((m) => ({ email: m.email, name: m.name, role: m.role }));
  return {
    generatedAt: moment.now.toISOString(),
    today: moment.today,
    currency: settings.currency,
    me: { email: actor.email, name: actor.name, role: actor.role },
    team: teamView,
    filter,
    columns,
    forecast: rollupForecast(live),
    inbox,
    problems: input.problems.slice(0, MAX_PROBLEMS_SENT).map((p) => ({ ...p })),
    problemCount: input.problems.length,
    timeZone: input.timeZone,
    locale: input.locale,
    workingDays: parseWorkingTime(settings.workingHours, settings.workingDays).days.slice(),
  };
}

export function allowedMovesFor(stage: StageKey): StageKey[] {
  return ALLOWED_TRANSITIONS[stage].slice();
}
