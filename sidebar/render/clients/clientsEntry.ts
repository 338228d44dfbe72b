// Where the client base is reached from: a button in the board's toolbar (and the menu's
// "Client base", which opens the sidebar on it), and a "Client card" link on a deal's page.
import { h, icon } from '../../dom';
import { openClients } from './clientSearch';
import { openClientCard } from './clientCard';

export function mountClientsEntry(app: HTMLElement): void {
  // Inside the board's search box (its input shrinks; nothing widens the 300 px toolbar):
  // "look this up in the client base", with whatever is typed there.
  const search = app.querySelector('.topbar .search');
  const input = search ? (search.querySelector('input') as HTMLInputElement | null) : null;
  const button = h('button', {
    type: 'button', class: 'icon-button clients-button', 'data-testid': 'clients-button', 'aria-label': 'Clients: search, caller lookup, import',
    title: 'Client base: find by name or phone, import, export', onclick: () => openClients(input ? input.value : ''),
  }, icon('people', 18));
  if (search) search.appendChild(button);
  if (window.DEALBOARD_VIEW === 'clients') openClients();
}

/** The deal page's link to its client's card (nothing when the deal has no client id). */
export function clientCardLink(clientId: string): HTMLElement | null {
  if (!clientId) return null;
  return h('button', { type: 'button', class: 'link-button client-card-link', 'data-testid': 'open-client-card', onclick: () => openClientCard(clientId) }, 'Client card →');
}

/** From a request in the inbox: is this caller already a client? Opens the search on the number. */
export function clientLookupLink(phoneOrEmail: string): HTMLElement | null {
  if (!phoneOrEmail) return null;
  return h('button', { type: 'button', class: 'link-button', 'data-testid': 'lookup-caller', onclick: () => openClients(phoneOrEmail) }, 'Known client?');
}
