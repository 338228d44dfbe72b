// A paragraph's children (Text and PageBreak; reference document/paragraph getChild, page-break) and
// the page-break members of Body and Paragraph. A page break is a run of one '\f' marked pageBreak
// (one index, as the Docs API's pageBreak element); Body.appendPageBreak puts it in a new paragraph,
// as live does (gas-fakes testdocsnext.js "Body.appendPageBreak and Body.insertPageBreak").
import { DocData, Para, Run, normalizeBody } from './docmodel';
import { sectionHolds } from './docelements';

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function exception(message: string): Error {
  const e = new Error(message);
  e.name = 'Exception';
  return e;
}

/** Marks a detached PageBreak (copy()), out of the script's sight. */
const DETACHED = Symbol('emulator.detachedPageBreak');

function pageBreakRun(): Run {
  return { text: '\f', pageBreak: true };
}

interface RawParagraph { s: Any; id: string; p: Para; detached: boolean }

/** The PageBreak element for a run (null paragraph: a detached copy). */
function pageBreak(s: Any, id: string, para: Para | null, run: Run | null): object {
  const attached = () => {
    if (!para || !run) return false;
    return para.runs.includes(run) && sectionHolds(s.data(id), para);
  };
  const el: Any = {
    getType: () => 'PAGE_BREAK',
    /** "Retrieves the element's parent element." — the Paragraph holding the break; null when detached. */
    getParent: () => (attached() ? s.element(id, para as Para) : null),
    /** "Returns a detached, deep copy of the current element." */
    copy: () => pageBreak(s, id, null, null),
    getAttributes: () => ({}),
    isAtDocumentEnd: () => false,
    getNextSibling: () => null,
    getPreviousSibling: () => null,
    removeFromParent: () => {
      if (attached()) {
        (para as Para).runs = (para as Para).runs.filter((r) => r !== run);
        s.changed(id);
      }
      return pageBreak(s, id, null, null);
    },
    toString: () => 'PageBreak',
  };
  Object.defineProperty(el, DETACHED, { value: !para });
  return s.env.wrap('PageBreak', el);
}

/** The children of a paragraph, as Apps Script lists them: each page break, and the text between as one Text. */
function children(raw: RawParagraph): { kind: 'text' | 'pageBreak'; run?: Run }[] {
  const out: { kind: 'text' | 'pageBreak'; run?: Run }[] = [];
  for (const r of raw.p.runs) {
    if (r.pageBreak) out.push({ kind: 'pageBreak', run: r });
    else if (r.image) continue;
    else if (r.text && out[out.length - 1]?.kind !== 'text') out.push({ kind: 'text' });
  }
  return out;
}

function check(raw: RawParagraph): void {
  if (!raw.detached && !sectionHolds(raw.s.data(raw.id), raw.p)) throw exception('The element has been removed from the document.');
}

export const paragraphChildMethods = {
  getNumChildren(this: RawParagraph): number { check(this); return children(this).length; },
  /** "Retrieves the child element at the specified child index." */
  getChild(this: RawParagraph, childIndex: number): object {
    check(this);
    const list = children(this);
    if (typeof childIndex !== 'number' || !Number.isInteger(childIndex) || childIndex < 0 || childIndex >= list.length) {
      throw exception(`Child index (${String(childIndex)}) must be less than the number of child elements (${list.length}).`);
    }
    const c = list[childIndex];
    if (c.kind === 'pageBreak') return pageBreak(this.s, this.id, this.p, c.run as Run);
    return (this.s.element(this.id, this.p) as Any).editAsText();
  },
  /** "Creates and appends a new PageBreak." */
  appendPageBreak(this: RawParagraph, pb?: unknown): object {
    check(this);
    if (pb !== undefined) detachedCheck(pb);
    const run = pageBreakRun();
    this.p.runs.push(run);
    if (!this.detached) this.s.changed(this.id);
    return pageBreak(this.s, this.id, this.p, run);
  },
};

function detachedCheck(pb: unknown): void {
  const h = pb as Any | null;
  if (!h || typeof h !== 'object' || String(typeof h.getType === 'function' ? h.getType() : '') !== 'PAGE_BREAK') throw exception('Invalid argument: pageBreak');
  if (!(h as Record<symbol, unknown>)[DETACHED]) throw exception('Element must be detached.');
}

interface RawBody { s: Any; id: string }

function put(self: RawBody, at: number | null, pb: unknown): object {
  if (pb !== undefined) detachedCheck(pb);
  const d = self.s.data(self.id) as DocData;
  const run = pageBreakRun();
  const para: Para = { kind: 'paragraph', runs: [run], style: 'NORMAL_TEXT' };
  const i = at === null ? d.body.length : at;
  if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i > d.body.length) {
    throw exception(`Child index (${String(at)}) must be less than or equal to the number of child elements (${d.body.length}).`);
  }
  d.body.splice(i, 0, para);
  d.body = normalizeBody(d.body);
  self.s.changed(self.id);
  return pageBreak(self.s, self.id, para, run);
}

export const bodyPageBreakMethods = {
  /** "Creates and appends a new PageBreak." (in a paragraph of its own) */
  appendPageBreak(this: RawBody, pageBreakElement?: unknown): object { return put(this, null, pageBreakElement); },
  /** "Creates and inserts a new PageBreak at the specified index." */
  insertPageBreak(this: RawBody, childIndex: number, pageBreakElement?: unknown): object { return put(this, childIndex, pageBreakElement); },
};

