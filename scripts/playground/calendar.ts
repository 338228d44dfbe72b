// The playground's stand-in for calendar.google.com: a week view of one user's emulated
// primary calendar (GET /calendar?user=…&week=YYYY-MM-DD), where a person can move or delete
// an event (POST /api/calendar/move, /api/calendar/delete), plus the demo calendar: busy
// events for the managers and a two-day trip with clients in that city.
import type { Workspace } from '../emulator/index';
import { stageOfCell } from '../../src/workbook/stageLabels';

const DAY = 86400000;
const HOURS = { from: 7, to: 20 };

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c] as string));
}

function parts(ms: number, timeZone: string): { day: string; minutes: number; weekday: number } {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', weekday: 'short' });
  const p: Record<string, string> = {};
  for (const x of f.formatToParts(new Date(ms))) p[x.type] = x.value;
  return { day: `${p.year}-${p.month}-${p.day}`, minutes: Number(p.hour) * 60 + Number(p.minute), weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(p.weekday) };
}

function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** ms of a wall-clock time in the zone (DST-safe to the minute for whole hours). */
function wallMs(day: string, minutes: number, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number);
  const guess = Date.UTC(y, m - 1, d, 0, minutes);
  const offset = (at: number) => {
    const q = parts(at, timeZone);
    const [yy, mm, dd] = q.day.split('-').map(Number);
    return Date.UTC(yy, mm - 1, dd, 0, q.minutes) - Math.floor(at / 60000) * 60000;
  };
  const first = guess - offset(guess);
  return guess - offset(first);
}

function eventMs(t: { dateTime?: string; date?: string }, timeZone: string): number {
  return t.date ? wallMs(t.date, 0, timeZone) : Date.parse(String(t.dateTime));
}

export interface CalendarPage {
  status: number;
  type: string;
  body: string;
}

export function calendarPage(ws: Workspace, url: URL, timeZone: string): CalendarPage | null {
  if (url.pathname !== '/calendar') return null;
  const user = (url.searchParams.get('user') || ws.currentUser()).toLowerCase();
  const today = parts(ws.clock.millis(), timeZone).day;
  const asked = url.searchParams.get('week');
  const anchor = asked && /^\d{4}-\d\d-\d\d$/.test(asked) ? asked : today;
  const a = parts(wallMs(anchor, 12 * 60, timeZone), timeZone);
  const monday = addDays(anchor, -((a.weekday + 6) % 7));
  const days = [0, 1, 2, 3, 4, 5, 6].map((i) => addDays(monday, i));
  const events = ws.calendar.listEvents(user).filter((e) => e.status !== 'cancelled');
  const span = (HOURS.to - HOURS.from) * 60;
  const columns = days.map((day) => {
    const blocks = events.map((e) => {
      const start = eventMs(e.start, timeZone);
      const end = eventMs(e.end, timeZone);
      const dayStart = wallMs(day, 0, timeZone);
      if (end <= dayStart || start >= dayStart + DAY) return '';
      const ours = Boolean(e.extendedProperties?.private?.dealboardDeal);
      const guests = (e.attendees ?? []).map((g) => `${g.email} (${g.responseStatus})`).join(', ');
      const from = e.start.date ? HOURS.from * 60 : Math.max(HOURS.from * 60, parts(start, timeZone).minutes);
      const to = e.start.date ? HOURS.from * 60 + 30 : Math.min(HOURS.to * 60, parts(end, timeZone).day === day ? parts(end, timeZone).minutes : 24 * 60);
      if (to <= from) return '';
      const top = ((from - HOURS.from * 60) / span) * 100;
      const height = Math.max(2.5, ((to - from) / span) * 100);
      const when = e.start.date ? 'all day' : `${pad(Math.floor(parts(start, timeZone).minutes / 60))}:${pad(parts(start, timeZone).minutes % 60)}–${pad(Math.floor(parts(end, timeZone).minutes / 60))}:${pad(parts(end, timeZone).minutes % 60)}`;
      return `<div class="ev${ours ? ' ours' : ''}${e.transparency === 'transparent' ? ' free' : ''}" data-testid="cal-event" data-id="${esc(e.id)}" data-start="${esc(new Date(start).toISOString())}" style="top:${top.toFixed(2)}%;height:${height.toFixed(2)}%" title="${esc(`${e.summary ?? ''}\n${when}${e.location ? `\n${e.location}` : ''}${guests ? `\nGuests: ${guests}` : ''}`)}">`
        + `<b>${esc(when)}</b> ${esc(e.summary ?? '(no title)')}`
        + (e.start.date ? '' : `<span class="acts"><button type="button" data-move="${esc(e.id)}" data-minutes="60" title="Move one hour later">+1 h</button><button type="button" data-move="${esc(e.id)}" data-minutes="1440" title="Move to the next day">+1 day</button><button type="button" data-delete="${esc(e.id)}" title="Delete the event">✕</button></span>`)
        + '</div>';
    }).join('');
    const [, m, d] = day.split('-').map(Number);
    return `<div class="col${day === today ? ' today' : ''}"><div class="head">${['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][days.indexOf(day)]} ${d}.${m}.</div><div class="grid" data-day="${day}">${blocks}</div></div>`;
  }).join('');
  const hours = Array.from({ length: HOURS.to - HOURS.from }, (_, i) => `<div class="h" style="top:${((i * 60) / span) * 100}%">${pad(HOURS.from + i)}:00</div>`).join('');
  const link = (week: string) => `/calendar?user=${encodeURIComponent(user)}&week=${week}`;
  const body = `<!doctype html><html><head><meta charset="utf-8"><title>Calendar — ${esc(user)}</title><style>
body{font:13px Arial,sans-serif;margin:0;color:#202124}header{display:flex;gap:12px;align-items:center;padding:10px 16px;border-bottom:1px solid #dadce0}
header a{color:#1a73e8;text-decoration:none}.week{display:flex;margin:0 16px 16px 56px;position:relative}.hours{position:absolute;left:-48px;top:28px;bottom:0;width:44px}
.h{position:absolute;font-size:11px;color:#70757a}.col{flex:1;border-left:1px solid #eee}.col.today .head{color:#1a73e8;font-weight:bold}.head{height:28px;line-height:28px;text-align:center}
.grid{position:relative;height:640px;background:linear-gradient(#f1f3f4 1px,transparent 1px) 0 0/100% calc(100% / 13)}
.ev{position:absolute;left:2px;right:2px;background:#e8eaed;border-left:3px solid #9aa0a6;border-radius:4px;padding:1px 3px;overflow:hidden;font-size:11px}
.ev.ours{background:#d2e3fc;border-left-color:#1a73e8}.ev.free{opacity:.55;border-left-style:dashed}.acts{display:none;position:absolute;right:2px;top:1px}.ev:hover .acts{display:block}
.acts button{font-size:10px;padding:0 3px;margin-left:2px;cursor:pointer}</style></head><body>
<header><strong data-testid="cal-user">Calendar of ${esc(user)}</strong><a href="${link(addDays(monday, -7))}">‹ previous week</a><a href="${link(today)}">today</a><a href="${link(addDays(monday, 7))}">next week ›</a><span style="color:#70757a">Blue: booked by Dealboard. Hover an event to move or delete it as ${esc(user)} would in Google Calendar.</span></header>
<div class="week" data-testid="cal-week"><div class="hours">${hours}</div>${columns}</div>
<script>
document.addEventListener('click', function (e) {
  var b = e.target.closest('button'); if (!b) return;
  var id = b.getAttribute('data-move') || b.getAttribute('data-delete'); if (!id) return;
  var body = { user: ${JSON.stringify(user)}, eventId: id };
  if (b.getAttribute('data-move')) body.minutes = Number(b.getAttribute('data-minutes'));
  fetch(b.getAttribute('data-move') ? '/api/calendar/move' : '/api/calendar/delete', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    .then(function () { location.reload(); });
});
</script></body></html>`;
  return { status: 200, type: 'text/html; charset=utf-8', body };
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A person's change in Calendar: move an event by some minutes, or delete it. */
export function calendarAction(ws: Workspace, route: string, body: Record<string, unknown>): { ok: true } | null {
  if (route !== '/api/calendar/move' && route !== '/api/calendar/delete') return null;
  const user = String(body.user ?? '').toLowerCase();
  const id = String(body.eventId ?? '');
  const event = ws.calendar.listEvents(user).filter((e) => e.id === id)[0];
  if (!event) throw Object.assign(new Error(`No event ${id} in the calendar of ${user}`), { status: 404 });
  if (route === '/api/calendar/delete') {
    ws.calendar.deleteEvent(user, id);
    return { ok: true };
  }
  const minutes = Number(body.minutes);
  if (!Number.isFinite(minutes) || Math.abs(minutes) > 60 * 24 * 60) throw Object.assign(new Error('minutes must be a number'), { status: 400 });
  const start = Date.parse(String(event.start.dateTime)) + minutes * 60000;
  const end = Date.parse(String(event.end.dateTime)) + minutes * 60000;
  ws.calendar.moveEvent(user, id, new Date(start).toISOString(), new Date(end).toISOString());
  return { ok: true };
}

/**
 * The demo's calendars: a few busy blocks a week for each manager and the owner (lunch, team
 * meeting, a dentist…), and a two-day trip of Anna's to Hamburg next week with five of her
 * clients there — so slot finding and trip packing are visible at once. Uncounted.
 */
export function seedDemoCalendar(ws: Workspace, timeZone: string): void {
  const today = parts(ws.clock.millis(), timeZone).day;
  const users = ['anna@studio.test', 'boris@studio.test', 'owner@studio.test'];
  for (let d = 0; d < 21; d++) {
    const day = addDays(today, d);
    const weekday = parts(wallMs(day, 12 * 60, timeZone), timeZone).weekday;
    if (weekday === 0 || weekday === 6) continue;
    users.forEach((user, u) => {
      const add = (summary: string, fromMinutes: number, minutes: number) => ws.calendar.addEvent(user, {
        summary, start: new Date(wallMs(day, fromMinutes, timeZone)).toISOString(), end: new Date(wallMs(day, fromMinutes + minutes, timeZone)).toISOString(),
      });
      add('Lunch', 12 * 60 + 30 * u, 60);
      if (weekday === 1) add('Team meeting', 9 * 60 + 30, 60);
      if ((d + u) % 3 === 0) add(['Supplier call', 'Dentist', 'Design review'][u], 15 * 60 + 30 * ((d + u) % 4), 90);
    });
  }
  // Next week's Wednesday and Thursday.
  const w = parts(wallMs(today, 12 * 60, timeZone), timeZone).weekday;
  const nextMonday = addDays(today, ((8 - w) % 7) || 7);
  const from = addDays(nextMonday, 2);
  const to = addDays(nextMonday, 3);
  const trips = ws.readSheet('Trips').values as unknown[][];
  if (trips.length <= 1 || trips.slice(1).every((r) => r.every((v) => v === ''))) {
    ws.appendRows('Trips', [['T-demo1', 'anna@studio.test', 'Hamburg', from, to, 'Client visits']]);
  }
  const deals = ws.readSheet('Deals').values as unknown[][];
  const header = deals[0].map(String);
  const at = (name: string) => header.indexOf(name);
  let marked = 0;
  const inHamburg: Record<number, true> = {};
  deals.forEach((row, i) => {
    if (i === 0 || marked >= 5) return;
    const stage = stageOfCell(row[at('Stage')]);
    if (row[at('Manager')] !== 'anna@studio.test' || (stage !== 'new' && stage !== 'negotiation')) return;
    ws.model.setCellValue('Deals', i + 1, at('City') + 1, 'Hamburg');
    ws.model.setCellValue('Deals', i + 1, at('Address') + 1, `Hafenstraße ${10 + marked}, Hamburg`);
    inHamburg[i] = true;
    marked++;
  });
  // `deals` was read before the Hamburg rows were marked: those keep City Hamburg (issue 21, item 18).
  deals.forEach((row, i) => {
    if (i === 0 || inHamburg[i] || row[at('City')] !== '' || row[at('ID')] === '') return;
    if (i % 3 === 0) ws.model.setCellValue('Deals', i + 1, at('City') + 1, 'Berlin');
  });
}
