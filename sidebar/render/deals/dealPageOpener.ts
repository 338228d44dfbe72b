// How a client view opens a deal's page without importing it: the deal page (details.ts) links
// to the client card and the client views link back to its deals, so one side registers its
// opener here at load and the other calls it — no import circle between the two.
type DealPageOpener = (dealId: string, section?: string) => void;

let opener: DealPageOpener | null = null;

/** Called once by details.ts when it loads. */
export function registerDealPageOpener(open: DealPageOpener): void {
  opener = open;
}

export function openDealPage(dealId: string, section?: string): void {
  // details.ts is loaded by main.ts before any view can be clicked; a missing opener is a wiring bug.
  if (!opener) throw new Error('The deal page is not loaded.');
  opener(dealId, section);
}
