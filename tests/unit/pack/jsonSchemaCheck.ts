/**
 * Just enough of JSON Schema (2020-12) to check a document against the generated pack schema in a test: the
 * keywords z.toJSONSchema emits, local $refs, no formats. Returns the paths that fail; [] when it conforms.
 */
type Schema = Record<string, unknown>;

const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' && Number.isInteger(v) ? 'integer' : typeof v);

export function checkJsonSchema(root: Schema, value: unknown): string[] {
  const errors: string[] = [];
  const resolve = (ref: string): Schema => {
    const m = /^#\/\$defs\/(.+)$/.exec(ref);
    const target = m ? (root.$defs as Record<string, Schema> | undefined)?.[m[1]!] : undefined;
    if (!target) throw new Error(`cannot resolve ${ref}`);
    return target;
  };
  const walk = (s: Schema, v: unknown, path: string): void => {
    const fail = (why: string): void => void errors.push(`${path || '(root)'}: ${why}`);
    if (typeof s.$ref === 'string') walk(resolve(s.$ref), v, path);
    if (s.type !== undefined) {
      const t = typeOf(v);
      const types = ([] as unknown[]).concat(s.type);
      if (!types.some((x) => x === t || (x === 'number' && t === 'integer'))) return fail(`expected ${types.join('|')}, got ${t}`);
    }
    if ('const' in s && JSON.stringify(s.const) !== JSON.stringify(v)) fail(`expected ${JSON.stringify(s.const)}`);
    if (Array.isArray(s.enum) && !s.enum.some((e) => JSON.stringify(e) === JSON.stringify(v))) fail('not one of the enum values');
    if (typeof v === 'string') {
      const len = [...v].length;
      if (typeof s.minLength === 'number' && len < s.minLength) fail(`shorter than ${s.minLength}`);
      if (typeof s.maxLength === 'number' && len > s.maxLength) fail(`longer than ${s.maxLength}`);
      if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(v)) fail(`does not match ${s.pattern}`);
    }
    if (typeof v === 'number') {
      if (typeof s.minimum === 'number' && v < s.minimum) fail(`below ${s.minimum}`);
      if (typeof s.maximum === 'number' && v > s.maximum) fail(`above ${s.maximum}`);
      if (typeof s.exclusiveMinimum === 'number' && v <= s.exclusiveMinimum) fail(`not above ${s.exclusiveMinimum}`);
      if (typeof s.exclusiveMaximum === 'number' && v >= s.exclusiveMaximum) fail(`not below ${s.exclusiveMaximum}`);
    }
    if (Array.isArray(v)) {
      if (typeof s.minItems === 'number' && v.length < s.minItems) fail(`fewer than ${s.minItems} items`);
      if (typeof s.maxItems === 'number' && v.length > s.maxItems) fail(`more than ${s.maxItems} items`);
      if (s.items && typeof s.items === 'object') v.forEach((x, i) => walk(s.items as Schema, x, `${path}[${i}]`));
    }
    if (typeOf(v) === 'object') {
      const obj = v as Record<string, unknown>;
      const props = (s.properties ?? {}) as Record<string, Schema>;
      for (const key of (s.required ?? []) as string[]) if (!(key in obj)) fail(`missing required "${key}"`);
      for (const [key, x] of Object.entries(obj)) {
        const at = path ? `${path}.${key}` : key;
        if (props[key]) walk(props[key], x, at);
        else if (s.additionalProperties === false) fail(`unexpected property "${key}"`);
        else if (s.additionalProperties && typeof s.additionalProperties === 'object') walk(s.additionalProperties as Schema, x, at);
      }
    }
  };
  walk(root, value, '');
  return errors;
}
