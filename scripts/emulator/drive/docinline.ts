// A paragraph's children (Text and PageBreak; reference document/paragraph getChild, page-break) and
// the page-break members of Body and Paragraph. A page break is a run of one '\f' marked pageBreak
// (one index, as the Docs API's pageBreak element); Body.appendPageBreak puts it in a new paragraph,
// as live does (gas-fakes testdocsnext.js "Body.appendPageBreak and Body.insertPageBreak").
import { DocData, IMAGE_CHAR, ImageData, Para, Run, normalizeBody } from './docmodel';
import { blobBytes, blobContentType, isBlobLike } from './blob';
import { sectionHolds } from './docelements';
import { gasError as exception } from '../services/util';

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any


/** Marks a detached PageBreak (copy()), out of the script's sight. */
const DETACHED = Symbol('emulator.detachedPageBreak');
/** The run behind a PageBreak or InlineImage element (Paragraph.getChildIndex), out of the script's sight. */
const RUN = Symbol('emulator.childRun');

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
  el.asPageBreak = () => pageBreak(s, id, para, run);
  Object.defineProperty(el, DETACHED, { value: !para });
  Object.defineProperty(el, RUN, { value: run });
  return s.env.wrap('PageBreak', el);
}

/** The children of a paragraph, as Apps Script lists them: each page break and inline image, and the text
 *  between as one Text. */
function children(raw: RawParagraph): { kind: 'text' | 'pageBreak' | 'image'; run?: Run }[] {
  const out: { kind: 'text' | 'pageBreak' | 'image'; run?: Run }[] = [];
  for (const r of raw.p.runs) {
    if (r.pageBreak) out.push({ kind: 'pageBreak', run: r });
    else if (r.image) out.push({ kind: 'image', run: r });
    else if (r.text && out[out.length - 1]?.kind !== 'text') out.push({ kind: 'text' });
  }
  return out;
}

// ---- InlineImage ---------------------------------------------------------------------------

const DETACHED_IMAGE = Symbol('emulator.detachedImage');
/** The Docs API sizes images in points; InlineImage reads and sets pixels (96 dpi: 1 pt = 4/3 px). */
const px = (pt: number | undefined) => (pt === undefined ? null : Math.round((pt * 4) / 3));

function inlineImage(s: Any, id: string, para: Para | null, run: Run): object {
  const attached = () => Boolean(para && para.runs.includes(run) && sectionHolds(s.data(id), para));
  const live = () => {
    if (!para) throw exception('Cannot modify a detached element.');
    if (!attached()) throw exception('The element has been removed from the document.');
  };
  const size = (key: 'width' | 'height') => (v: unknown) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw exception(`Invalid argument: ${key}`);
    live();
    (run.image as ImageData)[key] = (v * 3) / 4;
    s.changed(id);
    return inlineImage(s, id, para, run);
  };
  const el: Any = {
    getType: () => 'INLINE_IMAGE',
    /** "Retrieves the image's width, in pixels." */
    getWidth: () => px(run.image?.width),
    getHeight: () => px(run.image?.height),
    setWidth: size('width'),
    setHeight: size('height'),
    getParent: () => (attached() ? s.element(id, para as Para) : null),
    copy: () => inlineImage(s, id, null, JSON.parse(JSON.stringify(run)) as Run),
    getAttributes: () => ({ WIDTH: px(run.image?.width), HEIGHT: px(run.image?.height), LINK_URL: run.link ?? null }),
    getLinkUrl: () => run.link ?? null,
    isAtDocumentEnd: () => false,
    removeFromParent: () => {
      if (attached()) {
        (para as Para).runs = (para as Para).runs.filter((r) => r !== run);
        s.changed(id);
      }
      return inlineImage(s, id, null, run);
    },
    toString: () => 'InlineImage',
  };
  /** "Returns the current element as an InlineImage." (a cast: the element itself) */
  el.asInlineImage = () => inlineImage(s, id, para, run);
  Object.defineProperty(el, DETACHED_IMAGE, { value: para ? null : run });
  Object.defineProperty(el, RUN, { value: run });
  return s.env.wrap('InlineImage', el);
}

/** Width and height in points of a PNG, GIF or JPEG (96 dpi), or null when the bytes are not one of them. */
function imageSize(b: Uint8Array): { width: number; height: number } | null {
  const pt = (w: number, h: number) => ({ width: (w * 3) / 4, height: (h * 3) / 4 });
  if (b.length > 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) {
    const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
    return pt(v.getUint32(16), v.getUint32(20));
  }
  if (b.length > 10 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) return pt(b[6] | (b[7] << 8), b[8] | (b[9] << 8));
  if (b.length > 4 && b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return null;
      const marker = b[i + 1];
      const len = (b[i + 2] << 8) | b[i + 3];
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return pt((b[i + 7] << 8) | b[i + 8], (b[i + 5] << 8) | b[i + 6]);
      }
      i += 2 + len;
    }
  }
  return null;
}

/** The image run for Body.appendImage/insertImage: a detached InlineImage's, or one made from a blob. */
function imageRun(s: Any, image: unknown): Run {
  const detached = image && typeof image === 'object' ? (image as Record<symbol, unknown>)[DETACHED_IMAGE] : undefined;
  if (detached) return JSON.parse(JSON.stringify(detached)) as Run;
  if (image && typeof image === 'object' && typeof (image as Any).getType === 'function' && String((image as Any).getType()) === 'INLINE_IMAGE') {
    throw exception('Element must be detached.');
  }
  if (!isBlobLike(image)) throw exception('Invalid argument: image');
  const bytes = blobBytes(image);
  // "Images must be smaller than 50 MB, cannot exceed 25 megapixels, and must be in PNG, JPEG, or GIF format."
  if (bytes.length > 50 * 1024 * 1024) throw exception('The image exceeds the 50 MB limit.');
  const type = (blobContentType(image) ?? '').toLowerCase();
  const dims = imageSize(bytes);
  if (!dims || !/^image\/(png|jpeg|jpg|gif)$/.test(type)) throw exception('Invalid image data.');
  const uri = `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;
  return { text: IMAGE_CHAR, image: { id: s.env.model.newImageId(), uri, ...dims } };
}

function putImage(self: RawBody, at: number | null, image: unknown): object {
  const run = imageRun(self.s, image);
  return inlineImage(self.s, self.id, insertRunParagraph(self, at, run), run);
}

/** Inserts a paragraph holding only `run` as the body's child `at` (null: at the end), as Body's insert methods check the index. */
function insertRunParagraph(self: RawBody, at: number | null, run: Para['runs'][number]): Para {
  const d = self.s.data(self.id) as DocData;
  const para: Para = { kind: 'paragraph', runs: [run], style: 'NORMAL_TEXT' };
  const i = at === null ? d.body.length : at;
  if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i > d.body.length) {
    throw exception(`Child index (${String(at)}) must be less than or equal to the number of child elements (${d.body.length}).`);
  }
  d.body.splice(i, 0, para);
  d.body = normalizeBody(d.body);
  self.s.changed(self.id);
  return para;
}

export const bodyImageMethods = {
  /** "Creates and appends a new InlineImage from the specified image blob." / "Appends the given InlineImage." */
  appendImage(this: RawBody, image: unknown): object { return putImage(this, null, image); },
  insertImage(this: RawBody, childIndex: number, image: unknown): object { return putImage(this, childIndex, image); },
  /** "Retrieves all the InlineImages contained in the section." */
  getImages(this: RawBody): object[] {
    const d = this.s.data(this.id) as DocData;
    const out: object[] = [];
    const walk = (blocks: DocData['body']) => {
      for (const b of blocks) {
        if (b.kind === 'paragraph') { for (const r of b.runs) if (r.image) out.push(inlineImage(this.s, this.id, b, r)); }
        else for (const row of b.rows) for (const c of row.cells) walk(c.content);
      }
    };
    walk(d.body);
    return out;
  },
};

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
    if (c.kind === 'image') return inlineImage(this.s, this.id, this.detached ? null : this.p, c.run as Run);
    return (this.s.element(this.id, this.p) as Any).editAsText();
  },
  /** "Retrieves the child index for the specified child element." */
  getChildIndex(this: RawParagraph, child: unknown): number {
    check(this);
    const list = children(this);
    const c = child as Any | null;
    const run = c && typeof c === 'object' ? (c as Record<symbol, unknown>)[RUN] : undefined;
    let i = run ? list.findIndex((x) => x.run === run) : -1;
    // A Text child is the paragraph's text: its place among the children.
    if (i < 0 && c && typeof c === 'object' && typeof c.getType === 'function' && String(c.getType()) === 'TEXT') i = list.findIndex((x) => x.kind === 'text');
    if (i < 0) throw exception('Element does not contain the specified child element.');
    return i;
  },
  /** "Creates and appends a new InlineImage from the specified image blob." / "Appends the given InlineImage." */
  appendInlineImage(this: RawParagraph, image: unknown): object {
    check(this);
    const run = imageRun(this.s, image);
    this.p.runs.push(run);
    if (!this.detached) this.s.changed(this.id);
    return inlineImage(this.s, this.id, this.detached ? null : this.p, run);
  },
  /** "Creates and inserts a new InlineImage from the specified image blob, at the specified index." */
  insertInlineImage(this: RawParagraph, childIndex: number, image: unknown): object {
    check(this);
    const list = children(this);
    if (typeof childIndex !== 'number' || !Number.isInteger(childIndex) || childIndex < 0 || childIndex > list.length) {
      throw exception(`Child index (${String(childIndex)}) must be less than or equal to the number of child elements (${list.length}).`);
    }
    const run = imageRun(this.s, image);
    // The run index where child `childIndex` starts (a Text child spans its runs).
    let at = this.p.runs.length;
    let child = -1;
    for (let i = 0; i < this.p.runs.length; i++) {
      const r = this.p.runs[i];
      const startsChild = r.pageBreak || r.image || (r.text && !(i > 0 && !this.p.runs[i - 1].pageBreak && !this.p.runs[i - 1].image && this.p.runs[i - 1].text));
      if (startsChild) child++;
      if (startsChild && child === childIndex) { at = i; break; }
    }
    this.p.runs.splice(at, 0, run);
    if (!this.detached) this.s.changed(this.id);
    return inlineImage(this.s, this.id, this.detached ? null : this.p, run);
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
  const run = pageBreakRun();
  return pageBreak(self.s, self.id, insertRunParagraph(self, at, run), run);
}

export const bodyPageBreakMethods = {
  /** "Creates and appends a new PageBreak." (in a paragraph of its own) */
  appendPageBreak(this: RawBody, pageBreakElement?: unknown): object { return put(this, null, pageBreakElement); },
  /** "Creates and inserts a new PageBreak at the specified index." */
  insertPageBreak(this: RawBody, childIndex: number, pageBreakElement?: unknown): object { return put(this, childIndex, pageBreakElement); },
};

