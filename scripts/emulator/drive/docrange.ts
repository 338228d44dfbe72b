// Document.newRange(): RangeBuilder, Range and RangeElement over element handles (reference
// document/range-builder, range, range-element). Installed on Document by services.ts.

import { gasError as exception } from '../services/util';

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any


interface Part { element: Any; start: number; end: number }
/** The parts a built Range holds (for RangeBuilder.addRange), out of the script's sight. */
const PARTS = Symbol('emulator.rangeParts');

function rangeElement(wrap: (cls: string, o: object) => object, part: Part): object {
  return wrap('RangeElement', {
    getElement: () => part.element,
    /** "Gets the position of the start of a partial range within the range element. If the element is a Text
     *  element and isPartial() returns true, the offset is the number of characters before the start of the
     *  range … in all other cases, this method returns -1." */
    getStartOffset: () => part.start,
    getEndOffsetInclusive: () => part.end,
    isPartial: () => part.start >= 0,
    toString: () => 'RangeElement',
  });
}

function range(wrap: (cls: string, o: object) => object, parts: Part[]): object {
  const own = parts.slice();
  const r: Any = {
    /** "Gets all elements in this Range, including any partial Text elements" */
    getRangeElements: () => own.map((p) => rangeElement(wrap, p)),
    toString: () => 'Range',
  };
  Object.defineProperty(r, PARTS, { value: own });
  return wrap('Range', r);
}

function isElement(v: unknown): v is Any {
  return Boolean(v) && typeof v === 'object' && typeof (v as Any).getType === 'function';
}

/** "Creates a new RangeBuilder, used to construct Range objects from document elements." */
export function newRangeBuilder(wrap: (cls: string, o: object) => object): object {
  const parts: Part[] = [];
  const builder: Any = wrap('RangeBuilder', {
    addElement(element: unknown, startOffset?: number, endOffsetInclusive?: number) {
      if (!isElement(element)) throw exception('Invalid argument: element');
      if (startOffset === undefined) {
        parts.push({ element, start: -1, end: -1 });
      } else {
        if (String(element.getType()) !== 'TEXT') throw exception('Invalid argument: textElement');
        const len = String(element.getText()).length;
        const s = Number(startOffset);
        const e = Number(endOffsetInclusive);
        if (!Number.isInteger(s) || !Number.isInteger(e) || s < 0 || e < s || e >= len) throw exception('Invalid argument: offset');
        parts.push({ element, start: s, end: e });
      }
      return builder;
    },
    addRange(other: unknown) {
      const more = (other as Record<symbol, Part[]> | null)?.[PARTS];
      if (!more) throw exception('Invalid argument: range');
      parts.push(...more);
      return builder;
    },
    getRangeElements: () => parts.map((p) => rangeElement(wrap, p)),
    build: () => range(wrap, parts),
    toString: () => 'RangeBuilder',
  });
  return builder;
}
