// Request bodies the fake accepts, as googleapis describes them. googleapis 176 ships its
// generated typings, not the discovery JSON: the Schema$… interfaces in build/src/apis/*/v*.d.ts
// are generated from the discovery documents, so their field names and nested types are the
// documented schema. Google answers an unknown field with 400 "Unknown name".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Field {
  /** Schema$X referenced by the field (also for arrays), or null for scalars and free-form maps. */
  ref: string | null;
  array: boolean;
}

export type Schemas = Map<string, Map<string, Field>>;

export function schemasOf(api: 'script/v1' | 'sheets/v4'): Schemas {
  const text = readFileSync(join(process.cwd(), 'node_modules/googleapis/build/src/apis', `${api}.d.ts`), 'utf8');
  const schemas: Schemas = new Map();
  const block = /export interface Schema\$(\w+) \{\n([\s\S]*?)\n {4}\}/g;
  for (let m = block.exec(text); m; m = block.exec(text)) {
    const fields = new Map<string, Field>();
    for (const line of m[2].split('\n')) {
      const f = /^ {8}(\w+)\?: (.+);$/.exec(line);
      if (!f) continue;
      const ref = /^Schema\$(\w+)(\[\])?/.exec(f[2]);
      fields.set(f[1], { ref: ref ? ref[1] : null, array: Boolean(ref?.[2]) });
    }
    schemas.set(m[1], fields);
  }
  return schemas;
}

/** The first unknown field of `body` as Google names it ("Unknown name \"x\" at 'files[0]'"), or null. */
export function unknownField(schemas: Schemas, schema: string, body: unknown, at = ''): string | null {
  const fields = schemas.get(schema);
  if (!fields) throw new Error(`No schema ${schema} in googleapis' typings`);
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    const field = fields.get(key);
    if (!field) return `Invalid JSON payload received. Unknown name "${key}"${at ? ` at '${at}'` : ''}: Cannot find field.`;
    if (!field.ref) continue;
    const items = field.array && Array.isArray(value) ? value : [value];
    for (let i = 0; i < items.length; i++) {
      const path = `${at ? `${at}.` : ''}${key}${field.array ? `[${i}]` : ''}`;
      const problem = unknownField(schemas, field.ref, items[i], path);
      if (problem) return problem;
    }
  }
  return null;
}
