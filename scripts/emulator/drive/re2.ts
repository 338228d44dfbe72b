// Body.replaceText / findText patterns are RE2 in Apps Script: no lookahead, no lookbehind and
// no backreferences. JavaScript's RegExp accepts them, so they are refused here first.

/** The first construct RE2 does not accept, or null when the pattern is RE2-compatible. */
export function re2Unsupported(pattern: string): string | null {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const n = pattern[i + 1];
      if (!inClass && n !== undefined && n >= '1' && n <= '9') return `backreference \\${n}`;
      if (!inClass && n === 'k' && pattern[i + 2] === '<') return 'named backreference \\k<…>';
      i++;
      continue;
    }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') { inClass = true; if (pattern[i + 1] === ']') i++; continue; }
    if (c === '(' && pattern[i + 1] === '?') {
      const rest = pattern.slice(i + 2, i + 4);
      if (rest.startsWith('=')) return 'lookahead (?=…)';
      if (rest.startsWith('!')) return 'negative lookahead (?!…)';
      if (rest === '<=') return 'lookbehind (?<=…)';
      if (rest === '<!') return 'negative lookbehind (?<!…)';
    }
  }
  return null;
}
