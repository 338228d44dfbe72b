// The positions of the cards a moved card now sits between, as this board shows them: the
// server places the card between them without reading the column (ordering is cosmetic).
import { findCard } from './state';

export interface SeenNeighbours {
  before: number | null;
  after: number | null;
}

export function neighboursOf(dealId: string): SeenNeighbours | null {
  const found = findCard(dealId);
  if (!found) return null;
  const cards = found.column.cards;
  const above = found.index > 0 ? cards[found.index - 1] : null;
  const below = found.index + 1 < cards.length ? cards[found.index + 1] : null;
  return { before: above ? above.position : null, after: below ? below.position : null };
}
