// Dealboard sidebar / dialog: wires the store to the views and loads the board.
import { h } from './dom';
import { onBusy } from './rpc';
import { changed, state, subscribe, type View } from './state';
import { reload } from './actions';
import { mountBanner } from './render/kernel/banner';
import { mountHeader } from './render/kernel/header';
import { mountProblems } from './render/deals/problems';
import { renderBoard } from './render/deals/board';
import { mountPanel, panelOpen, refreshPanel } from './render/kernel/panel';
import { openDetails } from './render/deals/details';
import { openInbox } from './render/deals/inbox';
import { openQuickAdd } from './render/deals/quickadd';
import { loadDesk, mountDesk, renderDesk } from './render/checkpoints/desk';
import { mountClientsEntry } from './render/clients/clientsEntry';
import { mountToday, renderToday } from './render/deals/today';
import { loadDashboard, mountDashboard, renderDashboard } from './render/reports/dashboard';
import { loadBackups, mountBackups } from './render/backup/backups';
import { noteManualRefresh, startFreshness } from './freshness';
import { mountFreshnessNote } from './render/kernel/freshnessNote';
import { startClipTitles } from './clipTitles';

import { mountSetupChecklist } from './render/setup/setupChecklist';

declare global {
  interface Window { DEALBOARD_VIEW?: string }
}

function start(): void {
  startClipTitles();
  const app = document.getElementById('app') || document.body.appendChild(h('div', { id: 'app' }));
  const progress = h('div', { class: 'progress', role: 'progressbar', 'aria-label': 'Working', hidden: true }, h('div', { class: 'progress-bar' }));
  app.appendChild(progress);
  onBusy((count) => {
    progress.hidden = count === 0;
    app.setAttribute('aria-busy', count > 0 ? 'true' : 'false');
  });

  const showView = (view: View) => {
    state.view = view;
    boardEl.hidden = view !== 'board';
    deskEl.hidden = view !== 'desk';
    todayEl.hidden = view !== 'today';
    dashboardEl.hidden = view !== 'dashboard';
    backupsEl.hidden = view !== 'backups';
    if (view === 'backups') void loadBackups();
    if (view === 'desk') void loadDesk();
    if (view === 'dashboard') void loadDashboard();
    changed();
  };
  const refresh = () => { noteManualRefresh(); void reload(); if (state.view === 'desk') void loadDesk(); if (state.view === 'dashboard') void loadDashboard(); };
  const header = mountHeader(app, { openInbox, openQuickAdd, openDetails, showView, refresh });
  const updateProblems = mountProblems(app);
  mountSetupChecklist(app);
  const boardEl = h('main', { class: 'board', 'data-testid': 'board', 'aria-label': 'Deal board' });
  app.appendChild(boardEl);
  const deskEl = mountDesk(app, openDetails);
  // Today is drawn from the board already loaded: switching to it costs no server call.
  const todayEl = mountToday(app, (dealId) => openDetails(dealId));
  // Issue 23: the director's figures; a deal in a figure's list opens its card.
  const dashboardEl = mountDashboard(app, (dealId) => openDetails(dealId));
  // Issue 24: the owner's backups and restore (renders itself).
  const backupsEl = mountBackups(app);
  mountPanel(app);
  mountBanner(app);
  const showFreshness = mountFreshnessNote(app, refresh);
  mountClientsEntry(app);

  const hooks = { openDetails };
  subscribe(() => {
    header.update();
    updateProblems();
    if (state.view === 'board') renderBoard(boardEl, hooks);
    else if (state.view === 'today') renderToday();
    else if (state.view === 'dashboard') renderDashboard();
    else if (state.view === 'backups') { /* the panel renders on its own replies */ }
    else renderDesk();
    if (panelOpen('inbox')) refreshPanel();
  });
  renderBoard(boardEl, hooks);
  // The stamp is asked before the board, so a write landing meanwhile is caught at the next look.
  startFreshness({ show: showFreshness });
  void reload(state.highlight);
  const first = window.DEALBOARD_VIEW;
  showView(first === 'desk' || first === 'today' || first === 'dashboard' || first === 'backups' ? first : 'board');
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
