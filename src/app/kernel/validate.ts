// Input checks for everything that arrives from the sidebar: nothing unchecked is written.
import { WorkbookError } from '../../workbook/errors';
import { parseDayInput, parseInstantInput, parseMoneyInput } from '../../domain/kernel/typedInput';

export class InputError extends WorkbookError {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export function requireId(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 64) {
    throw new InputError(`${what} is missing or not an id.`);
  }
  return value.trim();
}

export function requireText(value: unknown, what: string, max: number, allowEmpty = false): string {
  if (typeof value !== 'string') throw new InputError(`${what} must be text.`);
  const text = value.trim();
  if (!allowEmpty && text === '') throw new InputError(`${what} cannot be empty.`);
  if (text.length > max) throw new InputError(`${what} is longer than ${max} characters.`);
  return text;
}

export function optionalText(value: unknown, what: string, max: number): string {
  return value === undefined || value === null ? '' : requireText(value, what, max, true);
}

export function requireVersion(value: unknown): number {
  if (typeof value !== 'number' || !isFinite(value) || value < 0 || Math.floor(value) !== value) {
    throw new InputError('The version of the deal you saw is missing; reload the board.');
  }
  return value;
}

export function requireAmount(value: unknown, what: string): number {
  // Text (as typed) is read strictly, never turned into another number ("abc" is not 0).
  if (typeof value === 'string') {
    const read = parseMoneyInput(value, '.', what);
    if (!read.ok) throw new InputError(read.message);
    value = read.value;
  }
  if (typeof value !== 'number' || !isFinite(value) || value < 0 || value > 1e12) {
    throw new InputError(`${what} must be a number of 0 or more.`);
  }
  return Math.round(value * 100) / 100;
}

export function requireBoolean(value: unknown, what: string): boolean {
  if (typeof value !== 'boolean') throw new InputError(`${what} must be true or false.`);
  return value;
}

export function optionalInstant(value: unknown, what: string): Date | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string') throw new InputError(`${what} must be a date and time.`);
  const read = parseInstantInput(value, what);
  if (!read.ok) throw new InputError(read.message);
  return read.value;
}

export function optionalDay(value: unknown, what: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string') throw new InputError(`${what} must be a date like 2026-12-31.`);
  const read = parseDayInput(value, what);
  if (!read.ok) throw new InputError(read.message);
  return read.value;
}

export function requirePlainObject(value: unknown, what: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new InputError(`${what} must be an object.`);
  return value as Record<string, unknown>;
}
