// Apps Script enum values are objects, not strings: `SpreadsheetApp.BorderStyle.DOTTED.toString()`
// is 'DOTTED', `name()` is 'DOTTED', `ordinal()` its position in the enum, each value is one
// object (compared by identity), and `String(v)`, template strings and `v == 'DOTTED'` give the
// name. The emulator's own code compares values with `enumName(v)`, which accepts a value or its
// name, so older callers that pass the plain string keep working.

const ENUM = Symbol.for('dealboard.emulator.enumValue');

export interface EnumValue {
  toString(): string;
  name(): string;
  ordinal(): number;
  compareTo(other: unknown): number;
  toJSON(): string;
}

function makeValue(enumName: string, name: string, ordinal: number, text: string = name): EnumValue {
  const value = Object.create(null) as EnumValue & Record<symbol, unknown>;
  Object.defineProperties(value, {
    toString: { value: function toString() { return text; } },
    name: { value: function nameOf() { return name; } },
    ordinal: { value: function ordinalOf() { return ordinal; } },
    // Apps Script's enums are Java enums: compareTo orders two values of one enum by ordinal
    // (negative, zero, positive). Another argument is refused (the emulator's wording).
    compareTo: {
      value: function compareTo(other: unknown) {
        if (!isEnumValue(other) || (other as unknown as Record<symbol, unknown>)[ENUM] !== enumName) {
          const e = new Error(`Invalid argument: compareTo expects a value of ${enumName}`);
          e.name = 'Exception';
          throw e;
        }
        return ordinal - other.ordinal();
      },
    },
    // JSON.stringify writes the name (what a script logging an enum sees).
    toJSON: { value: function toJSON() { return text; } },
    valueOf: { value: function valueOf() { return text; } },
    [Symbol.toPrimitive]: { value: function toPrimitive() { return text; } },
    [ENUM]: { value: enumName },
  });
  return Object.freeze(value);
}

/** A frozen enum object: its keys are the value names, each value an EnumValue. */
export function makeEnum<K extends string>(enumName: string, names: readonly K[], texts?: Readonly<Record<K, string>>): Readonly<Record<K, EnumValue>> {
  const out = {} as Record<K, EnumValue>;
  // A few enums print a value, not their name: CalendarApp.Color.RED is "#A32929", EventColor.CYAN "7".
  names.forEach((n, i) => { out[n] = makeValue(enumName, n, i, texts ? texts[n] : n); });
  Object.defineProperty(out, 'toString', { value: () => enumName, enumerable: false });
  return Object.freeze(out);
}

export function isEnumValue(v: unknown): v is EnumValue {
  return v !== null && typeof v === 'object' && (v as Record<symbol, unknown>)[ENUM] !== undefined;
}

/** The name of an enum value, or the string itself (older callers pass names). */
export function enumName(v: unknown): string {
  return isEnumValue(v) ? v.name() : String(v);
}

/** The value of `e` called `nameOrValue` (a value of `e`, or its name), or undefined. */
export function enumValueOf<K extends string>(e: Readonly<Record<K, EnumValue>>, nameOrValue: unknown): EnumValue | undefined {
  const name = enumName(nameOrValue);
  return Object.prototype.hasOwnProperty.call(e, name) ? e[name as K] : undefined;
}
