// Native charts on the Dashboard tab (issue 23): pipeline by stage and payments against plan,
// over small tables the tab holds next to its figures. The hourly run and the menu refresh the
// tab; each chart is inserted once and updated afterwards, so they never pile up. The add-on
// knows its charts by the ids it kept (a chart whose title someone changed is still ours) or
// else by their titles; a second chart with one of our titles (a copy) is removed, one a person
// made with another title is left alone.
import { ChartPort, ChartSpec, DurableStore } from '../../ports';

export const DASHBOARD_CHARTS_KEY = 'dealboard:dashboard-charts';

/** What each of our charts is, by title: the id kept for it. */
type KeptIds = Record<string, string>;

function keptIds(store: DurableStore): KeptIds {
  try {
    const parsed = JSON.parse(store.get(DASHBOARD_CHARTS_KEY) || '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as KeptIds) : {};
  } catch (_damaged) {
    return {};
  }
}

/** Puts each spec on the tab: updated where our chart is, inserted where it is not. Returns what was done. */
export function placeCharts(charts: ChartPort, store: DurableStore, tabName: string, specs: readonly ChartSpec[]): { inserted: number; updated: number; removed: number } {
  const kept = keptIds(store);
  const onTab = charts.list(tabName);
  const claimed = new Set<string>();
  const ids: KeptIds = {};
  const done = { inserted: 0, updated: 0, removed: 0 };
  for (const spec of specs) {
    const byId = onTab.filter((c) => kept[spec.title] !== undefined && c.id === kept[spec.title] && !claimed.has(c.id))[0];
    const ours = byId || onTab.filter((c) => c.title === spec.title && !claimed.has(c.id))[0];
    if (ours) {
      charts.update(tabName, ours.id, spec);
      done.updated++;
      claimed.add(ours.id);
      ids[spec.title] = ours.id;
    } else {
      ids[spec.title] = charts.insert(tabName, spec);
      claimed.add(ids[spec.title]);
      done.inserted++;
    }
  }
  // Copies of our charts (same title, not the one kept): one of each is enough.
  const titles = new Set(specs.map((s) => s.title));
  for (const c of onTab) {
    if (titles.has(c.title) && !claimed.has(c.id)) {
      charts.remove(tabName, c.id);
      done.removed++;
    }
  }
  if (JSON.stringify(ids) !== JSON.stringify(kept)) {
    try { store.put(DASHBOARD_CHARTS_KEY, JSON.stringify(ids)); } catch (_tooLarge) { /* found by title next time */ }
  }
  return done;
}
