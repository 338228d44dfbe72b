// HTML → Doc (what Drive does when it converts an uploaded text/html file to a Google Doc) and
// Doc → a clean standalone HTML page (export as text/html, the playground's document view).

import {
  Alignment, Block, Cell, DocData, IMAGE_CHAR, NamedStyleType, Para, Run, Table, TextStyle, emptyPara, normalizeBody,
  paraText,
} from './docmodel';

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', euro: '€', copy: '©', reg: '®', trade: '™',
  mdash: '—', ndash: '–', hellip: '…', laquo: '«', raquo: '»', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’',
  bull: '•', middot: '·', times: '×', divide: '÷', deg: '°', pound: '£', yen: '¥', cent: '¢', sect: '§', para: '¶',
  auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß', eacute: 'é', egrave: 'è', agrave: 'à',
  ccedil: 'ç', ntilde: 'ñ', shy: '\u00ad',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED_ENTITIES[body] ?? m;
  });
}

function parseAttrs(src: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([^\s=/"'>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src)) !== null) out[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  return out;
}

function cssOf(attrs: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const decl of (attrs.style ?? '').split(';')) {
    const i = decl.indexOf(':');
    if (i > 0) out[decl.slice(0, i).trim().toLowerCase()] = decl.slice(i + 1).trim().toLowerCase();
  }
  return out;
}

function alignOf(attrs: Record<string, string>): Alignment | undefined {
  const a = cssOf(attrs)['text-align'] ?? attrs.align?.toLowerCase();
  if (a === 'center') return 'CENTER';
  if (a === 'right' || a === 'end') return 'END';
  if (a === 'justify') return 'JUSTIFIED';
  return undefined;
}

function inlineStyleOf(tag: string, attrs: Record<string, string>): TextStyle {
  const s: TextStyle = {};
  if (tag === 'b' || tag === 'strong' || tag === 'th') s.bold = true;
  if (tag === 'i' || tag === 'em' || tag === 'cite') s.italic = true;
  if (tag === 'u' || tag === 'ins') s.underline = true;
  if (tag === 'a' && attrs.href) s.link = attrs.href;
  const css = cssOf(attrs);
  const fw = css['font-weight'];
  if (fw === 'bold' || fw === 'bolder' || (fw && Number(fw) >= 600)) s.bold = true;
  if (fw === 'normal' || (fw && Number(fw) > 0 && Number(fw) < 600)) s.bold = false;
  if (css['font-style'] === 'italic' || css['font-style'] === 'oblique') s.italic = true;
  if (css['text-decoration']?.includes('underline')) s.underline = true;
  const fs = /^([\d.]+)(pt|px)$/.exec(css['font-size'] ?? '');
  if (fs) s.fontSize = Math.round((fs[2] === 'px' ? Number(fs[1]) * 0.75 : Number(fs[1])) * 2) / 2;
  return s;
}

const HEADINGS: Record<string, NamedStyleType> = {
  h1: 'HEADING_1', h2: 'HEADING_2', h3: 'HEADING_3', h4: 'HEADING_4', h5: 'HEADING_5', h6: 'HEADING_6',
};
const BLOCKS = new Set(['p', 'div', 'li', 'blockquote', 'section', 'article', 'header', 'footer', 'address', 'center', 'pre', 'dt', 'dd', 'figure', 'figcaption', 'main', 'nav', 'aside', 'caption', ...Object.keys(HEADINGS)]);
const SKIP = new Set(['script', 'style', 'title', 'head', 'template', 'noscript']);
const VOID = new Set(['br', 'img', 'hr', 'meta', 'link', 'input', 'col', 'area', 'base', 'wbr', 'source']);

interface TableState {
  table: Table;
  cell: Cell | null;
  inTh: boolean;
}

/** Converts HTML to the body of a Doc. `newImageId` names inline images. */
export function htmlToBlocks(html: string, newImageId: () => string): Block[] {
  const body: Block[] = [];
  let cur: Para | null = null;
  let curExplicit = false;
  const inline: { tag: string; style: TextStyle }[] = [];
  const lists: { ordered: boolean; n: number }[] = [];
  const tables: TableState[] = [];
  const blockAlign: (Alignment | undefined)[] = [];
  let skip: string | null = null;

  const target = (): Para[] | Block[] => {
    const t = tables[tables.length - 1];
    if (t && t.cell) return t.cell.content;
    return body;
  };
  const currentStyle = (): TextStyle => {
    const s: TextStyle = {};
    const t = tables[tables.length - 1];
    if (t?.inTh) s.bold = true;
    for (const e of inline) {
      for (const [k, v] of Object.entries(e.style)) {
        if (v === false) delete (s as Record<string, unknown>)[k];
        else (s as Record<string, unknown>)[k] = v;
      }
    }
    return s;
  };
  const flush = () => {
    if (!cur) return;
    // trim trailing whitespace
    for (let k = cur.runs.length - 1; k >= 0; k--) {
      const r = cur.runs[k];
      if (r.image) break;
      r.text = r.text.replace(/[ \u000b]+$/, '');
      if (r.text === '') cur.runs.splice(k, 1);
      else break;
    }
    cur.runs = mergeRuns(cur.runs);
    // the paragraph's newline carries the style of the text before it
    const lastText = [...cur.runs].reverse().find((r) => !r.image);
    if (lastText) {
      const nl: TextStyle = {};
      for (const k of ['bold', 'italic', 'underline', 'fontSize'] as const) if (lastText[k]) (nl as Record<string, unknown>)[k] = lastText[k];
      if (Object.keys(nl).length) cur.nl = nl;
    }
    if (cur.runs.length || curExplicit) {
      const tgt = target();
      const t = tables[tables.length - 1];
      if (t && !t.cell) {
        // text between rows: ignored, as browsers move it out of the table
      } else (tgt as Block[]).push(cur);
    }
    cur = null;
    curExplicit = false;
  };
  const open = (style: NamedStyleType, explicit: boolean, align?: Alignment) => {
    flush();
    cur = emptyPara(style);
    const a = align ?? blockAlign[blockAlign.length - 1];
    if (a) cur.align = a;
    curExplicit = explicit;
  };
  const append = (text: string, style: TextStyle, image?: Run['image']) => {
    if (!cur) {
      if (!image && text.trim() === '') return;
      open('NORMAL_TEXT', false);
    }
    const p = cur as Para;
    if (image) {
      p.runs.push({ ...style, text: IMAGE_CHAR, image });
      return;
    }
    const existing = paraText(p);
    if (existing === '' || /[ \u000b]$/.test(existing)) text = text.replace(/^ +/, '');
    if (text === '') return;
    const last = p.runs[p.runs.length - 1];
    if (last && !last.image && sameTextStyle(last, style)) last.text += text;
    else p.runs.push({ ...style, text });
  };

  const re = /<!--[\s\S]*?-->|<![^>]*>|<\?[^>]*>|<\/?([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+|<)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html)) !== null) {
    const whole = m[0];
    if (m[3] !== undefined) {
      if (skip) continue;
      const text = decodeEntities(m[3].replace(/[\t\n\r\f ]+/g, ' '));
      append(text, currentStyle());
      continue;
    }
    if (!m[1]) continue; // comment, doctype, processing instruction
    const tag = m[1].toLowerCase();
    const closing = whole[1] === '/';
    const attrs = closing ? {} : parseAttrs(m[2] ?? '');
    if (skip) {
      if (closing && tag === skip) skip = null;
      continue;
    }
    if (!closing && SKIP.has(tag) && !whole.endsWith('/>')) {
      skip = tag;
      continue;
    }
    const t = tables[tables.length - 1];
    if (tag === 'table') {
      if (!closing) {
        flush();
        if (t && t.cell) {
          // nested table: flattened into the cell's text
          tables.push({ table: { kind: 'table', rows: [] }, cell: null, inTh: false });
          (tables[tables.length - 1] as TableState & { nested?: TableState }).nested = t;
        } else tables.push({ table: { kind: 'table', rows: [] }, cell: null, inTh: false });
      } else if (t) {
        flush();
        tables.pop();
        const nested = (t as TableState & { nested?: TableState }).nested;
        if (nested && nested.cell) {
          const text = t.table.rows.map((r) => r.cells.map((c) => c.content.map(paraText).join(' ')).join(' ')).join('\n');
          for (const line of text.split('\n')) nested.cell.content.push({ kind: 'paragraph', runs: line ? [{ text: line }] : [], style: 'NORMAL_TEXT' });
        } else if (t.table.rows.length) target().push(t.table as never);
      }
      continue;
    }
    if (tag === 'tr' && t) {
      flush();
      if (t.cell) t.cell = null;
      if (!closing) t.table.rows.push({ cells: [] });
      continue;
    }
    if ((tag === 'td' || tag === 'th') && t) {
      flush();
      if (closing) {
        if (t.cell && t.cell.content.length === 0) t.cell.content.push(emptyPara());
        t.cell = null;
        t.inTh = false;
        blockAlign.pop();
        continue;
      }
      if (t.table.rows.length === 0) t.table.rows.push({ cells: [] });
      const row = t.table.rows[t.table.rows.length - 1];
      const cell: Cell = { content: [] };
      const bg = cssOf(attrs)['background-color'] ?? cssOf(attrs).background ?? attrs.bgcolor;
      if (bg && /^#[0-9a-f]{6}$/i.test(bg)) cell.background = bg.toLowerCase();
      row.cells.push(cell);
      const span = Math.min(20, Math.max(1, parseInt(attrs.colspan ?? '1', 10) || 1));
      for (let k = 1; k < span; k++) row.cells.push({ content: [emptyPara()] });
      t.cell = cell;
      t.inTh = tag === 'th';
      blockAlign.push(alignOf(attrs));
      continue;
    }
    if (['thead', 'tbody', 'tfoot', 'colgroup', 'col'].includes(tag)) continue;
    if (tag === 'br') {
      if (!cur) open('NORMAL_TEXT', true);
      (cur as unknown as Para).runs.push({ ...currentStyle(), text: '\u000b' });
      continue;
    }
    if (tag === 'img') {
      if (closing || !attrs.src) continue;
      const w = parseFloat(attrs.width ?? '');
      const h = parseFloat(attrs.height ?? '');
      const image: Run['image'] = { id: newImageId(), uri: attrs.src };
      if (w > 0 && h > 0) {
        image.width = Math.round(w * 0.75 * 100) / 100;
        image.height = Math.round(h * 0.75 * 100) / 100;
      }
      append('', currentStyle(), image);
      continue;
    }
    if (tag === 'hr') {
      flush();
      continue;
    }
    if (tag === 'ul' || tag === 'ol') {
      flush();
      if (closing) lists.pop();
      else lists.push({ ordered: tag === 'ol', n: parseInt(attrs.start ?? '1', 10) || 1 });
      continue;
    }
    if (BLOCKS.has(tag)) {
      if (closing) {
        flush();
        if (tag !== 'li') blockAlign.pop();
        continue;
      }
      const style = HEADINGS[tag] ?? 'NORMAL_TEXT';
      const align = alignOf(attrs);
      if (tag !== 'li') blockAlign.push(align ?? blockAlign[blockAlign.length - 1]);
      // an empty <p> or heading is an empty paragraph; an empty <div> is nothing
      open(style, tag === 'p' || tag === 'li' || tag === 'pre' || tag in HEADINGS, align);
      if (tag === 'li') {
        const list = lists[lists.length - 1];
        const indent = '    '.repeat(Math.max(0, lists.length - 1));
        const marker = list?.ordered ? `${list.n++}. ` : '• ';
        (cur as unknown as Para).runs.push({ text: indent + marker });
      }
      continue;
    }
    if (['b', 'strong', 'i', 'em', 'u', 'ins', 'a', 'span', 'font', 'cite', 'small', 'sup', 'sub', 'mark', 'code', 'label'].includes(tag)) {
      if (closing) {
        for (let k = inline.length - 1; k >= 0; k--) {
          if (inline[k].tag === tag) {
            inline.splice(k);
            break;
          }
        }
      } else if (!whole.endsWith('/>')) inline.push({ tag, style: inlineStyleOf(tag, attrs) });
      continue;
    }
    // html, body and unknown tags: transparent
    if (VOID.has(tag)) continue;
  }
  flush();
  while (tables.length) {
    const t = tables.pop() as TableState;
    if (t.table.rows.length && !(t as TableState & { nested?: TableState }).nested) target().push(t.table as never);
  }
  return normalizeBody(body);
}

function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (last && !last.image && !r.image && sameTextStyle(last, r)) last.text += r.text;
    else out.push(r);
  }
  return out;
}

function sameTextStyle(a: TextStyle, b: TextStyle): boolean {
  return (a.bold ?? false) === (b.bold ?? false) && (a.italic ?? false) === (b.italic ?? false) &&
    (a.underline ?? false) === (b.underline ?? false) && (a.fontSize ?? 0) === (b.fontSize ?? 0) && (a.link ?? '') === (b.link ?? '');
}

/** Plain text → paragraphs (what Drive does with a text/plain upload converted to a Doc). */
export function textToBlocks(text: string): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return normalizeBody(lines.map((l) => ({ kind: 'paragraph', runs: l ? [{ text: l }] : [], style: 'NORMAL_TEXT' }) as Para));
}

// ---------------------------------------------------------------------------------------
// Doc → HTML

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function runsHtml(p: Para): string {
  let out = '';
  for (const r of p.runs) {
    if (r.pageBreak) {
      out += '<span style="page-break-before:always"></span>';
      continue;
    }
    if (r.image) {
      const size = r.image.width && r.image.height ? ` width="${Math.round(r.image.width / 0.75)}" height="${Math.round(r.image.height / 0.75)}"` : '';
      out += `<img src="${escapeHtml(r.image.uri)}" alt=""${size}>`;
      continue;
    }
    let h = escapeHtml(r.text).replace(/\u000b/g, '<br>');
    if (r.fontSize) h = `<span style="font-size:${r.fontSize}pt">${h}</span>`;
    if (r.underline && !r.link) h = `<u>${h}</u>`;
    if (r.italic) h = `<em>${h}</em>`;
    if (r.bold) h = `<strong>${h}</strong>`;
    if (r.link) h = `<a href="${escapeHtml(r.link)}">${h}</a>`;
    out += h;
  }
  return out;
}

const TAGS: Record<NamedStyleType, string> = {
  NORMAL_TEXT: 'p', TITLE: 'h1', SUBTITLE: 'p', HEADING_1: 'h1', HEADING_2: 'h2', HEADING_3: 'h3', HEADING_4: 'h4',
  HEADING_5: 'h5', HEADING_6: 'h6',
};

function paraHtml(p: Para, index = 0): string {
  const tag = TAGS[p.style] ?? 'p';
  const cls = p.style === 'TITLE' ? ' class="title"' : p.style === 'SUBTITLE' ? ' class="subtitle"' : '';
  const align = p.align === 'CENTER' ? 'center' : p.align === 'END' ? 'right' : p.align === 'JUSTIFIED' ? 'justify' : '';
  const style = align ? ` style="text-align:${align}"` : '';
  const inner = runsHtml(p);
  const item = listMarker(p, index);
  if (item) return `<p class="li" style="margin-left:${18 + item.nesting * 18}pt;text-indent:-12pt">${item.marker}\u00a0${inner || '<br>'}</p>`;
  return `<${tag}${cls}${style}>${inner || '<br>'}</${tag}>`;
}

/** Body.appendListItem paragraphs: the glyph shown before the text (numbers count within the list). */
/** Position of body[i] among the consecutive items of its list at its nesting level (0-based). */
export function listIndex(body: (Para | Table)[], i: number): number {
  type LP = Para & { listItem?: { listId: string; nesting: number } };
  const me = (body[i] as LP).listItem;
  if (!me) return 0;
  let n = 0;
  for (let k = i - 1; k >= 0; k--) {
    const other = (body[k] as LP).listItem;
    if (body[k].kind !== 'paragraph' || !other || other.listId !== me.listId) break;
    if (other.nesting === me.nesting) n++;
  }
  return n;
}

export function listMarker(p: Para, index = 0): { marker: string; nesting: number } | null {
  const info = (p as Para & { listItem?: { glyph: string; nesting: number } }).listItem;
  if (!info) return null;
  const n = index + 1;
  const marker = info.glyph === 'NUMBER' ? `${n}.` : info.glyph === 'LATIN_LOWER' ? `${String.fromCharCode(96 + ((n - 1) % 26) + 1)}.`
    : info.glyph === 'LATIN_UPPER' ? `${String.fromCharCode(64 + ((n - 1) % 26) + 1)}.` : info.glyph === 'HOLLOW_BULLET' ? '\u25e6'
      : info.glyph === 'SQUARE_BULLET' ? '\u25aa' : '\u2022';
  return { marker, nesting: info.nesting };
}

function tableHtml(t: Table): string {
  const rows = t.rows.map((r) => {
    const cells = r.cells.map((c) => {
      const bg = c.background ? ` style="background:${c.background}"` : '';
      return `<td${bg}>${c.content.map((cp) => paraHtml(cp)).join('')}</td>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<table>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

const CSS = `
  body { margin: 0; background: #f1f3f4; font-family: Arial, Helvetica, sans-serif; color: #202124; }
  .page { box-sizing: border-box; max-width: 816px; min-height: 1056px; margin: 24px auto; padding: 72px 76px;
    background: #fff; box-shadow: 0 1px 3px rgba(60,64,67,.3); font-size: 11pt; line-height: 1.4; }
  p { margin: 0 0 6pt; }
  h1 { font-size: 20pt; margin: 18pt 0 6pt; } h2 { font-size: 16pt; margin: 16pt 0 6pt; }
  h3 { font-size: 14pt; margin: 14pt 0 4pt; } h4, h5, h6 { font-size: 12pt; margin: 12pt 0 4pt; }
  h1.title { font-size: 26pt; margin-top: 0; } p.subtitle { font-size: 15pt; color: #5f6368; }
  table { border-collapse: collapse; width: 100%; margin: 6pt 0 12pt; }
  td { border: 1px solid #9aa0a6; padding: 5pt 7pt; vertical-align: top; }
  td p { margin: 0; }
  img { max-width: 100%; }
  @media print { body { background: #fff; } .page { box-shadow: none; margin: 0; max-width: none; } }
`;

/** A standalone HTML page showing the document as Google Docs would. */
export function docToHtml(title: string, doc: DocData): string {
  const parts = doc.body.map((b, i) => (b.kind === 'paragraph' ? paraHtml(b, listIndex(doc.body, i)) : tableHtml(b)));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<div class="page doc-content">
${parts.join('\n')}
</div>
</body>
</html>
`;
}
