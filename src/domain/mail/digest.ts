// The morning digest: per person, one short e-mail with today's calls, late and tomorrow's
// checkpoints (to the responsible person and the manager), red deals, deals stuck in a stage
// and new requests — the reminders travel in it, so nobody gets more than one e-mail a day
// about an item and a consumer account's 100 recipients a day are not spent on reminders.
import { escapeHtml } from './notifications';
import { AnsweredBrief, answeredBriefsOf } from '../briefs/briefNews';
import { isLateCheckpoint, isLiveDeal, isRedDeal, stuckFor } from '../deals/attention';

export interface DigestDeal {
  id: string;
  title: string;
  clientName: string;
  stage: string;
  stageName: string;
  manager: string;
  health: string;
  /** Local day ('yyyy-MM-dd') of the next contact, or ''. */
  nextContactDay: string;
  /** Local day the deal entered its stage, or ''. */
  stageSinceDay: string;
  row: number;
}

export interface DigestCheckpoint {
  id: string;
  dealId: string;
  name: string;
  dueDay: string;
  done: boolean;
  responsible: string;
  row: number;
}

export interface DigestLead {
  id: string;
  name: string;
  row: number;
}

export interface DigestPerson {
  email: string;
  name: string;
  supervisor: boolean;
}

export interface DigestInput {
  today: string;
  tomorrow: string;
  stuckDays: number;
  people: readonly DigestPerson[];
  deals: readonly DigestDeal[];
  checkpoints: readonly DigestCheckpoint[];
  newLeads: readonly DigestLead[];
  /** Opens the sheet at the row: tab name and 1-based row. */
  link(tab: 'Deals' | 'Checkpoints' | 'Leads', row: number): string;
  /** Lines one person must read whatever else is due (the owner: backups stopped, issue 24), by e-mail. */
  notices?: Record<string, DigestItem[]>;
  /**
   * Briefs the client answered since the last digest (issue 25), with the answer's local time as
   * the sheet shows it ("2026-12-08 14:00"); listed to the deal's manager.
   */
  answeredBriefs?: readonly (AnsweredBrief & { when: string })[];
  /**
   * Payments that opened a payment gate since the last digest (issue 22): the sentence the
   * payment path logged ("Payment for INV-… received: <deal> may now move to …"), listed to the
   * deal's manager while the deal is still one the digest reads (live, or with an open checkpoint).
   */
  paymentGates?: readonly { dealId: string; text: string }[];
}

export interface DigestItem { text: string; url: string }
export interface DigestSection { title: string; items: DigestItem[]; more: number }
export interface Digest { email: string; name: string; sections: DigestSection[] }

const MAX_ITEMS = 15;

function same(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function section(title: string, items: DigestItem[]): DigestSection {
  return { title, items: items.slice(0, MAX_ITEMS), more: Math.max(0, items.length - MAX_ITEMS) };
}

export function planDigests(input: DigestInput): Digest[] {
  const dealsById: Record<string, DigestDeal> = {};
  for (const d of input.deals) dealsById[d.id] = d;
  const label = (d: DigestDeal) => `${d.title}${d.clientName ? ` (${d.clientName})` : ''}`;
  const out: Digest[] = [];
  for (const person of input.people) {
    const mine = input.deals.filter((d) => same(d.manager, person.email));
    const calls = mine.filter((d) => isLiveDeal(d) && d.nextContactDay !== '' && d.nextContactDay <= input.today)
      .sort((a, b) => (a.nextContactDay < b.nextContactDay ? -1 : a.nextContactDay > b.nextContactDay ? 1 : 0))
      .map((d) => ({ text: `${label(d)} — ${d.nextContactDay === input.today ? 'today' : `overdue since ${d.nextContactDay}`}`, url: input.link('Deals', d.row) }));
    const concerns = (c: DigestCheckpoint) => {
      const deal = dealsById[c.dealId];
      return same(c.responsible, person.email) || Boolean(deal && same(deal.manager, person.email));
    };
    // Only the checkpoints of live deals, as the dashboard's overdue work counts them
    // (deals/attention.ts): a Completed, Failed or archived deal's leftovers are nobody's work.
    const open = input.checkpoints.filter((c) => !c.done && c.dueDay !== '' && concerns(c) && Boolean(dealsById[c.dealId]) && isLiveDeal(dealsById[c.dealId]));
    const cpText = (c: DigestCheckpoint, when: string) => {
      const deal = dealsById[c.dealId];
      return { text: `${c.name} — ${deal ? label(deal) : c.dealId} — ${when}`, url: input.link('Checkpoints', c.row) };
    };
    const late = open.filter((c) => isLateCheckpoint({ done: c.done, due: c.dueDay }, dealsById[c.dealId], input.today)).sort((a, b) => (a.dueDay < b.dueDay ? -1 : 1)).map((c) => cpText(c, `due ${c.dueDay}`));
    const tomorrow = open.filter((c) => c.dueDay === input.tomorrow).map((c) => cpText(c, 'due tomorrow'));
    const redPool = person.supervisor ? input.deals : mine;
    // Red and stuck as the dashboard counts them (deals/attention.ts): Frozen included.
    const red = redPool.filter(isRedDeal)
      .map((d) => ({ text: `${label(d)} — ${d.stageName}${person.supervisor && !same(d.manager, person.email) ? ` · ${d.manager}` : ''}`, url: input.link('Deals', d.row) }));
    const stuckDaysOf = (d: DigestDeal) => stuckFor({ stage: d.stage, stageSinceDay: d.stageSinceDay || null }, input.today, input.stuckDays);
    const stuck = mine.filter((d) => stuckDaysOf(d) !== null)
      .map((d) => ({ text: `${label(d)} — ${stuckDaysOf(d)} days in ${d.stageName}`, url: input.link('Deals', d.row) }));
    const leads = person.supervisor ? input.newLeads.map((l) => ({ text: l.name || l.id, url: input.link('Leads', l.row) })) : [];
    const notices = (input.notices && input.notices[person.email.trim().toLowerCase()]) || [];
    const briefs = input.answeredBriefs || [];
    const whenOf: Record<string, string> = {};
    for (const b of briefs) whenOf[`${b.dealId}@${b.answeredAt}`] = b.when;
    const answered = answeredBriefsOf(mine, briefs, person.email, -Infinity, Infinity)
      .map((b) => ({ text: `${label(dealsById[b.dealId])} — answered ${whenOf[`${b.dealId}@${b.answeredAt}`]}`, url: input.link('Deals', dealsById[b.dealId].row) }));
    const paid = (input.paymentGates || [])
      .filter((g) => dealsById[g.dealId] && same(dealsById[g.dealId].manager, person.email))
      .map((g) => ({ text: g.text, url: input.link('Deals', dealsById[g.dealId].row) }));
    const sections = [
      section('Needs your attention', notices),
      section('Payments received', paid),
      section('Calls due', calls),
      section('Briefs answered', answered),
      section('Late checkpoints', late),
      section('Checkpoints due tomorrow', tomorrow),
      section('Red deals', red),
      section(`Stuck longer than ${input.stuckDays} days`, stuck),
      section('New requests', leads),
    ].filter((s) => s.items.length > 0);
    if (sections.length) out.push({ email: person.email, name: person.name, sections });
  }
  return out;
}

export function digestText(d: Digest, companyName: string, today: string): { subject: string; text: string; html: string } {
  const count = d.sections.reduce((n, s) => n + s.items.length + s.more, 0);
  const subject = `${companyName}: your day — ${today} (${count} item${count === 1 ? '' : 's'})`;
  const text = [`Good morning ${d.name},`, '']
    .concat(...d.sections.map((s) => [`${s.title}:`, ...s.items.map((i) => `- ${i.text}\n  ${i.url}`), ...(s.more ? [`- and ${s.more} more`] : []), '']))
    .concat(['— Dealboard'])
    .join('\n');
  const html = `<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.45;color:#202124">`
    + `<p>Good morning ${escapeHtml(d.name)},</p>`
    + d.sections.map((s) => `<h3 style="font-size:15px;margin:16px 0 6px">${escapeHtml(s.title)}</h3><ul style="margin:0;padding-left:18px">`
      + s.items.map((i) => `<li><a href="${escapeHtml(i.url)}">${escapeHtml(i.text)}</a></li>`).join('')
      + (s.more ? `<li>and ${s.more} more</li>` : '') + '</ul>').join('')
    + '<p style="color:#5f6368;font-size:12px">— Dealboard</p></div>';
  return { subject, text, html };
}

/**
 * The digest goes out on the team's working days only (Settings working_days; 0 = Sunday …
 * 6 = Saturday): a Saturday's reminders are still there in Monday's digest.
 */
export function digestDueOn(day: string, workingDays: readonly number[]): boolean {
  const [y, m, d] = day.split('-').map(Number);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return (workingDays.length ? workingDays : [1, 2, 3, 4, 5]).indexOf(weekday) >= 0;
}
