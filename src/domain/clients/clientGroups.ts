// Client groups come from Settings (`client_groups`): a list the owner edits, separated by
// commas, semicolons or line breaks. The Clients Group column's dropdown, the card's picker,
// the import's group recognition and the export's filter all use the same list.

/** The groups a new workbook starts with (the fixed list of the first client base). */
export const DEFAULT_CLIENT_GROUPS: readonly string[] = ['new', 'returning', 'wholesale', 'retail', 'partner'];
export const MAX_CLIENT_GROUPS = 50;
export const MAX_GROUP_LENGTH = 40;

/**
 * The Settings value read as a list: trimmed, inner spaces collapsed, the first spelling of
 * each group kept (case-insensitive duplicates dropped), formula-looking and over-long words
 * left out, at most 50. An empty or unusable value gives the defaults, so a workbook never has
 * no groups at all.
 */
export function parseClientGroups(value: string | undefined | null): string[] {
  const seen: Record<string, true> = {};
  const groups: string[] = [];
  for (const part of String(value == null ? '' : value).split(/[,;\n\r]+/)) {
    const group = part.replace(/\s+/g, ' ').trim();
    if (group === '' || group.length > MAX_GROUP_LENGTH || /^[=+\-@]/.test(group)) continue;
    const key = groupKey(group);
    if (seen[key]) continue;
    seen[key] = true;
    groups.push(group);
    if (groups.length >= MAX_CLIENT_GROUPS) break;
  }
  return groups.length > 0 ? groups : DEFAULT_CLIENT_GROUPS.slice();
}

/** How two spellings of a group are compared: case, accents' case and spacing ignored. */
export function groupKey(group: string): string {
  return String(group).replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The list's spelling of a typed group ("Wholesale" → "wholesale"), or null when it is not in the list. */
export function knownGroup(typed: string, groups: readonly string[]): string | null {
  const key = groupKey(typed);
  if (key === '') return '';
  for (const g of groups) if (groupKey(g) === key) return g;
  return null;
}

/** The group a new client gets when none is given: "new" when the list has it, else the list's first. */
export function defaultGroup(groups: readonly string[]): string {
  const neu = knownGroup('new', groups);
  return neu || groups[0] || '';
}

/** Why a group cell is a problem (not in Settings), or '' when it is fine or empty. */
export function groupProblem(value: string, groups: readonly string[]): string {
  if (knownGroup(value, groups) !== null) return '';
  return `group "${value}" is not in Settings client_groups (${groups.join(', ')})`;
}
