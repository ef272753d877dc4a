// Hostile payloads for the contract fuzz: anything at all, objects using the contract's own
// field names with wrong-typed, oversized or malformed values, and prototype-polluting shapes
// (as JSON.parse produces them from a socket: "__proto__" as an own key).
import fc from 'fast-check'

/** Field names used across the contract's inputs, so payloads get past "unknown key" checks. */
export const FIELD_NAMES = [
  'code', 'query', 'limit', 'orderNumber', 'caseId', 'caseIds', 'via', 'pin', 'newPin', 'currentPin', 'mode', 'name', 'role',
  'staffId', 'minutes', 'settings', 'printerId', 'document', 'jobId', 'type', 'payload', 'id', 'input', 'file', 'path', 'url',
] as const

const HUGE = 'A'.repeat(1_000_000)

/** Values no schema should accept, or should accept only to refuse them in the handler. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    HUGE,
    '',
    ' ',
    '\u0000',
    '\u202e\u0000\r\n',
    '<script>window.__xss=1</script>',
    "'; DROP TABLE events; --",
    '../../../../etc/passwd',
    '%2e%2e%2f',
    'constructor',
    '__proto__',
    NaN,
    Infinity,
    -Infinity,
    -0,
    Number.MAX_SAFE_INTEGER + 2,
    -1,
    2 ** 31,
    1e308,
    true,
    null,
    undefined,
    [],
    {},
    Array.from({ length: 10_000 }, (_, i) => `id-${i}`),
    { toString: 'x', valueOf: 'y' },
  ),
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.integer(),
  fc.double(),
  fc.bigInt().map((b) => b),
  fc.date({ noInvalidDate: false }),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 20 }),
  fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }),
)

/** An object with the contract's field names and hostile values. */
export const shapedPayload: fc.Arbitrary<unknown> = fc.dictionary(fc.constantFrom(...FIELD_NAMES), hostileValue, { maxKeys: 5 })

/** Prototype pollution as it arrives over the wire: parsed JSON with "__proto__" / "constructor" keys. */
export const pollutingPayload: fc.Arbitrary<unknown> = fc
  .tuple(fc.constantFrom(...FIELD_NAMES), fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.integer({ min: 0, max: 3 }))
  .map(([field, key, where]) => {
    const inner = key === 'constructor' ? '{"prototype":{"polluted":"yes"}}' : '{"polluted":"yes"}'
    const shapes = [
      `{"${key}":${inner}}`,
      `{"${field}":{"${key}":${inner}}}`,
      `{"${field}":[{"${key}":${inner}}]}`,
      `{"settings":{"${key}":${inner}},"${field}":"x"}`,
    ]
    return JSON.parse(shapes[where]!) as unknown
  })

/** Every kind together. */
export const hostilePayload: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.anything({ maxDepth: 4, withNullPrototype: true, withObjectString: true }), weight: 2 },
  { arbitrary: shapedPayload, weight: 4 },
  { arbitrary: pollutingPayload, weight: 2 },
  { arbitrary: hostileValue, weight: 1 },
)
