import { DATE_TIME_EXPECTED, ValidationError, isDateTime, isObject, propertyPath } from './validation.js';

/**
 * The part of JSON Schema (draft 2020-12) our event schemas use, and no more: a schema that reaches for another
 * keyword is refused when loaded, so no rule written in the schema can be silently skipped here. The first failure
 * becomes a ValidationError naming the field, worded from the failing schema's keywords, or from its `errorMessage`
 * annotation where a pattern alone would not tell a reader what to send.
 */
export type Schema = boolean | SchemaObject;

export interface SchemaObject {
  $schema?: string;
  $id?: string;
  $ref?: string;
  $defs?: Record<string, Schema>;
  title?: string;
  description?: string;
  errorMessage?: string;
  type?: JsonType | JsonType[];
  const?: unknown;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: 'date-time';
  minimum?: number;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: Schema;
  allOf?: Schema[];
  if?: Schema;
  then?: Schema;
  else?: Schema;
}

type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

const KEYWORDS = new Set([
  '$schema', '$id', '$ref', '$defs', 'title', 'description', 'errorMessage', 'type', 'const', 'enum', 'minLength', 'maxLength', 'pattern',
  'format', 'minimum', 'items', 'minItems', 'maxItems', 'required', 'properties', 'additionalProperties', 'allOf', 'if', 'then', 'else',
]);
// Keywords whose value is one schema, a list of schemas, or a map of them: where `check` looks for more keywords.
const SUBSCHEMA = new Set(['items', 'additionalProperties', 'if', 'then', 'else']);
const SUBSCHEMA_LIST = new Set(['allOf']);
const SUBSCHEMA_MAP = new Set(['$defs', 'properties']);

/**
 * Where a value sits, as a chain built while walking and spelled out (`batch[3].properties.total`) only for the one
 * failure reported: most values pass, and building every path as a string was most of the validator's time.
 */
interface PathNode {
  parent?: PathNode;
  key?: string;
  index?: number;
  root?: string;
}

/** The first rule a value breaks; made into a ValidationError only once, at the top. */
interface Failure {
  path: PathNode;
  /** Worded only for the failure reported: an `if` that does not hold is a failure nobody reads. */
  expected: string | { schema: Schema; document: SchemaObject };
  /** Empty when the message should not say what was received. */
  received: [] | [unknown];
}

/** Where a schema sits: its own document, so that `#/$defs/...` resolves against the right file. */
export interface Located {
  schema: Schema;
  document: SchemaObject;
}

/** A set of schema documents that may `$ref` one another by `$id`. */
export class SchemaSet {
  readonly #documents = new Map<string, SchemaObject>();
  readonly #patterns = new Map<string, RegExp>();
  readonly #resolved = new Map<SchemaObject, Map<string, Located>>();
  readonly #required = new WeakMap<SchemaObject, Set<string>>();
  readonly #propertyList = new WeakMap<SchemaObject, Array<[string, Schema]>>();

  constructor(documents: SchemaObject[]) {
    for (const document of documents) {
      if (!document.$id) throw new Error('every schema document needs an $id');
      this.#documents.set(document.$id, document);
    }
    for (const document of documents) this.#check(document, document, document.$id!);
  }

  /** The schema at `ref` (`urn:…`, `urn:…#/$defs/x`), for validating against one part of a document. */
  schema(ref: string): Located {
    const [id = '', pointer = ''] = ref.split('#');
    const document = this.#documents.get(id);
    if (!document) throw new Error(`unknown schema ${JSON.stringify(id)}`);
    return this.#resolve(`#${pointer}`, document);
  }

  /**
   * Throws a ValidationError for the first way `value` breaks the schema. `path` prefixes every field's name
   * (`batch[3]` gives `batch[3].properties.total_minor`); with an empty path, `rootName` names the value itself.
   */
  validate(value: unknown, { schema, document }: Located, path: string, rootName = path): void {
    const failure = this.#firstError(value, schema, document, { root: path });
    if (!failure) return;
    const expected = typeof failure.expected === 'string' ? failure.expected : this.#expectation(failure.expected.schema, failure.expected.document);
    throw new ValidationError(pathText(failure.path) || rootName, expected, ...failure.received);
  }

  #firstError(value: unknown, schema: Schema, document: SchemaObject, path: PathNode): Failure | undefined {
    if (schema === true) return undefined;
    if (schema === false) return { path, expected: 'expected nothing here', received: [value] };
    if (schema.$ref !== undefined) {
      const target = this.#resolveCached(schema.$ref, document);
      const error = this.#firstError(value, target.schema, target.document, path);
      if (error) return error;
    }
    if (!this.#ownKeywordsHold(value, schema)) return { path, expected: { schema, document }, received: [value] };

    if (isObject(value)) {
      const error = this.#objectError(value, schema, document, path);
      if (error) return error;
    }
    if (Array.isArray(value) && schema.items !== undefined) {
      for (const [index, item] of value.entries()) {
        const error = this.#firstError(item, schema.items, document, { parent: path, index });
        if (error) return error;
      }
    }
    for (const part of schema.allOf ?? []) {
      const error = this.#firstError(value, part, document, path);
      if (error) return error;
    }
    if (schema.if !== undefined) {
      const branch = this.#firstError(value, schema.if, document, path) === undefined ? schema.then : schema.else;
      if (branch !== undefined) return this.#firstError(value, branch, document, path);
    }
    return undefined;
  }

  /** Properties in the schema's order, so the first error is the one a reader meets first; then the others. */
  #objectError(value: Record<string, unknown>, schema: SchemaObject, document: SchemaObject, path: PathNode): Failure | undefined {
    let required = this.#required.get(schema);
    if (!required) this.#required.set(schema, (required = new Set(schema.required)));
    let properties = this.#propertyList.get(schema);
    if (!properties) this.#propertyList.set(schema, (properties = Object.entries(schema.properties ?? {})));
    for (const [key, property] of properties) {
      if (Object.hasOwn(value, key)) {
        const error = this.#firstError(value[key], property, document, { parent: path, key });
        if (error) return error;
      } else if (required.has(key)) {
        return { path: { parent: path, key }, expected: { schema: property, document }, received: [undefined] };
      }
    }
    for (const key of required) {
      if (!Object.hasOwn(value, key)) return { path: { parent: path, key }, expected: 'is required', received: [] };
    }
    if (schema.additionalProperties !== undefined) {
      for (const [key, item] of Object.entries(value)) {
        if (schema.properties && Object.hasOwn(schema.properties, key)) continue;
        const error = this.#firstError(item, schema.additionalProperties, document, { parent: path, key });
        if (error) return error;
      }
    }
    return undefined;
  }

  /** The keywords that judge the value itself, not its properties or items. */
  #ownKeywordsHold(value: unknown, schema: SchemaObject): boolean {
    if (schema.type !== undefined && !(Array.isArray(schema.type) ? schema.type.some((type) => hasType(value, type)) : hasType(value, schema.type))) return false;
    if ('const' in schema && !sameJson(value, schema.const)) return false;
    if (schema.enum && !schema.enum.some((option) => sameJson(value, option))) return false;
    if (typeof value === 'string') {
      // Lengths count code points, as JSON Schema does, not UTF-16 units. A string has between half its UTF-16
      // length and all of it in code points, so most strings need no counting at all.
      const min = schema.minLength ?? 0;
      const max = schema.maxLength ?? Infinity;
      if (value.length > max || Math.ceil(value.length / 2) < min) {
        const length = [...value].length;
        if (length < min || length > max) return false;
      }
      if (schema.pattern !== undefined && !this.#pattern(schema.pattern).test(value)) return false;
      if (schema.format === 'date-time' && !isDateTime(value)) return false;
    }
    if (typeof value === 'number' && schema.minimum !== undefined && value < schema.minimum) return false;
    if (Array.isArray(value) && (value.length < (schema.minItems ?? 0) || value.length > (schema.maxItems ?? Infinity))) return false;
    return true;
  }

  /** What the schema asks for, as the middle of "path: expected …, got …". */
  #expectation(schema: Schema, document: SchemaObject): string {
    if (typeof schema === 'boolean') return schema ? 'expected anything' : 'expected nothing here';
    if (schema.errorMessage) return schema.errorMessage;
    if (schema.$ref !== undefined && schema.type === undefined) {
      const target = this.#resolve(schema.$ref, document);
      return this.#expectation(target.schema, target.document);
    }
    if ('const' in schema) return `expected ${JSON.stringify(schema.const)}`;
    if (schema.enum) return `expected one of ${schema.enum.map((option) => JSON.stringify(option)).join(', ')}`;
    if (schema.format === 'date-time') return DATE_TIME_EXPECTED;
    const types = [schema.type ?? []].flat();
    if (types.length !== 1) return types.length === 0 ? 'expected a valid value' : `expected ${types.map((type) => TYPE_NAMES[type]).join(' or ')}`;
    const type = types[0]!;
    const { minLength = 0, maxLength, minItems = 0, maxItems, minimum, pattern } = schema;
    switch (type) {
      case 'string': {
        if (minLength === 1 && maxLength === undefined && pattern === undefined) return 'expected a non-empty string';
        const length = maxLength === undefined ? (minLength > 0 ? ` of at least ${minLength} characters` : '') : ` of ${range(minLength, maxLength)} characters`;
        return `expected a string${length}${pattern === undefined ? '' : ` matching ${pattern}`}`;
      }
      case 'array':
        return `expected an array${maxItems === undefined ? (minItems > 0 ? ` of at least ${minItems} items` : '') : ` of ${range(minItems, maxItems)} items`}`;
      case 'integer':
      case 'number':
        return `expected ${TYPE_NAMES[type]}${minimum === undefined ? '' : ` of at least ${minimum}`}`;
      default:
        return `expected ${TYPE_NAMES[type]}`;
    }
  }

  #resolveCached(ref: string, document: SchemaObject): Located {
    let byRef = this.#resolved.get(document);
    if (!byRef) this.#resolved.set(document, (byRef = new Map()));
    let located = byRef.get(ref);
    if (!located) byRef.set(ref, (located = this.#resolve(ref, document)));
    return located;
  }

  #resolve(ref: string, document: SchemaObject): Located {
    const hash = ref.indexOf('#');
    const id = hash === -1 ? ref : ref.slice(0, hash);
    const target = id === '' ? document : this.#documents.get(id);
    if (!target) throw new Error(`$ref to an unknown schema: ${JSON.stringify(ref)}`);
    let schema: unknown = target;
    const pointer = hash === -1 ? '' : ref.slice(hash + 1);
    for (const token of pointer.split('/').slice(1)) {
      schema = isObject(schema) || Array.isArray(schema) ? (schema as Record<string, unknown>)[token.replaceAll('~1', '/').replaceAll('~0', '~')] : undefined;
    }
    if (typeof schema !== 'boolean' && !isObject(schema)) throw new Error(`$ref to nothing: ${JSON.stringify(ref)}`);
    return { schema: schema as Schema, document: target };
  }

  #pattern(source: string): RegExp {
    let pattern = this.#patterns.get(source);
    if (!pattern) this.#patterns.set(source, (pattern = new RegExp(source, 'u')));
    return pattern;
  }

  /** Refuses keywords this validator does not implement, and `$ref`s that lead nowhere, once, at load. */
  #check(schema: Schema, document: SchemaObject, where: string): void {
    if (typeof schema === 'boolean') return;
    for (const [keyword, value] of Object.entries(schema)) {
      const at = `${where}/${keyword}`;
      if (!KEYWORDS.has(keyword)) throw new Error(`${at}: the collector's schema validator does not support "${keyword}"`);
      if (keyword === 'format' && value !== 'date-time') throw new Error(`${at}: only the date-time format is supported`);
      if (keyword === 'pattern') this.#pattern(value as string);
      if (keyword === '$ref') this.#resolve(value as string, document);
      if (SUBSCHEMA.has(keyword)) this.#check(value as Schema, document, at);
      if (SUBSCHEMA_LIST.has(keyword)) (value as Schema[]).forEach((part, index) => this.#check(part, document, `${at}/${index}`));
      if (SUBSCHEMA_MAP.has(keyword)) for (const [name, part] of Object.entries(value as Record<string, Schema>)) this.#check(part, document, `${at}/${name}`);
    }
  }
}

const TYPE_NAMES: Record<JsonType, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

function hasType(value: unknown, type: JsonType): boolean {
  switch (type) {
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}

/** `batch[3]` + `total` is `batch[3].total`; at the top, a plain key stands alone: `site`. */
function pathText(node: PathNode): string {
  if (node.root !== undefined) return node.root;
  const parent = pathText(node.parent!);
  const property = propertyPath(node.index ?? node.key!);
  return parent === '' && property.startsWith('.') ? property.slice(1) : `${parent}${property}`;
}

function range(min: number, max: number): string {
  return min === max ? String(min) : `${min}-${max}`;
}

/** JSON equality for `const` and `enum`: only primitives appear there in our schemas, but objects compare by value. */
function sameJson(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && a !== null && JSON.stringify(a) === JSON.stringify(b));
}
