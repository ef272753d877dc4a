// What never reaches a log line: personal data. Fields whose key names a person, a device
// identity or a secret are replaced wherever they sit (nested objects, arrays), and 15-digit
// runs (IMEI-like numbers) are scrubbed from every string, the message included. Over-redaction
// is the safe side: a key like "fileName" is redacted too.

export const REDACTED = '[redacted]'
export const IMEI_SCRUBBED = '[imei]'

/** Normalised key (lower case, letters and digits only) patterns that mark personal data or secrets. */
const SENSITIVE_KEY = /name|imei|serial|^pin|pin$|email|phone|customer|address|password|passphrase|secret|token|photo/

const MAX_DEPTH = 8

export function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEY.test(key.toLowerCase().replace(/[^a-z0-9]/g, ''))
}

/** 15 digits not inside a longer number: IMEIs (and a few other long ids, which is fine). */
export function scrubText(text: string): string {
  return text.replace(/(?<!\d)\d{15}(?!\d)/g, IMEI_SCRUBBED)
}

export function redactValue(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return scrubText(value)
  if (typeof value === 'number' && Number.isInteger(value) && String(Math.abs(value)).length === 15) return IMEI_SCRUBBED
  if (value === null || typeof value !== 'object') return value
  if (value instanceof Error) return redactValue({ name: value.name, message: value.message, stack: value.stack }, depth, seen)
  if (seen.has(value)) return '[circular]'
  if (depth >= MAX_DEPTH) return '[too deep]'
  seen.add(value)
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1, seen))
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = isSensitiveKey(k) ? REDACTED : redactValue(v, depth + 1, seen)
  return out
}

export function redactFields(fields: Record<string, unknown>): Record<string, unknown> {
  return redactValue(fields) as Record<string, unknown>
}
