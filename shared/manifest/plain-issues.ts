// A rejected manifest line is read by a counter supervisor, not a developer: each problem is
// one sentence naming the field and what to do, instead of zod's "Invalid input: expected
// string, received undefined". The field notes say what each field is for.
import type { z } from 'zod'
import { printable } from './printable'

const fieldNotes: Record<string, string> = {
  orderNumber: 'every record needs the marketplace order number',
  orderDate: 'every record needs the date the order was placed (YYYY-MM-DD)',
  deliveredAt: 'the date the device was delivered (YYYY-MM-DD)',
  item: 'every record needs the device, at least its category',
  'item.category': 'the device category decides the photos and checks',
  'returnRequest.id': 'a return request needs its id (RMA number)',
  'returnRequest.type': 'a return request needs its type',
  'returnRequest.requestedAt': 'the return label is valid 14 days from this date-time',
  'tradeIn.offerAt': 'a trade-in needs the date-time of the offer',
}

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'string') return `the text "${printable(value, 40)}"`
  return `${typeof value} ${printable(String(value), 40)}`
}

function hidden(v: unknown): unknown {
  return typeof v === 'string' ? '…' : v
}

const expectedWords: Record<string, string> = {
  string: 'a text in quotes',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object { … }',
  array: 'a list [ … ]',
}

function valueAt(record: unknown, path: readonly PropertyKey[]): unknown {
  let v = record
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<PropertyKey, unknown>)[key]
  }
  return v
}

function sentence(issue: z.core.$ZodIssue, record: unknown): string {
  const path = issue.path.map(String).join('.')
  const field = path ? `\`${printable(path, 80)}\`` : 'the record'
  const note = fieldNotes[path]
  // A customer's name or contact is never repeated into a report that is stored and shown.
  const value = issue.path[0] === 'customer' && issue.path.length > 1 ? hidden(valueAt(record, issue.path)) : valueAt(record, issue.path)
  switch (issue.code) {
    case 'invalid_type': {
      const expected = expectedWords[issue.expected] ?? issue.expected
      if (value === undefined) return `${field} is missing${note ? `: ${note}` : ''}`
      if (!path) return `the line is ${kindOf(value)}, not a record: each line must be one JSON object { … }`
      return `${field} must be ${expected}, not ${kindOf(value)}`
    }
    case 'invalid_value':
      return `${field} is ${kindOf(value)}: it must be one of ${issue.values.map((v) => String(v)).join(', ')}${note ? ` (${note})` : ''}`
    case 'too_small':
    case 'too_big':
    case 'invalid_format':
    case 'custom':
    default:
      return withMessage(field, printable(issue.message, 200))
  }
}

/** "`orderDate` is not a real calendar date", "`item.imei`: The check digit is wrong…" */
function withMessage(field: string, message: string): string {
  return /^(must|is|has|needs) /.test(message) ? `${field} ${message}` : `${field}: ${message}`
}

/** "`orderNumber` is missing: every record needs the marketplace order number; `item.category` …" */
export function plainIssues(error: z.ZodError, record: unknown, limit = 3): string {
  const shown = error.issues.slice(0, limit).map((i) => sentence(i, record))
  const more = error.issues.length - shown.length
  return shown.join('; ') + (more > 0 ? `; and ${more} more problem${more > 1 ? 's' : ''}` : '')
}

export const recordIssueKeys = ['notARecord', 'fieldMissing', 'fieldType', 'fieldValue', 'fieldInvalid'] as const

/** What the first problem is, for a screen that says it in its own language: `fieldMissing` … */
export function recordIssueKey(error: z.ZodError, record: unknown): { key: (typeof recordIssueKeys)[number]; field: string } {
  const issue = error.issues[0]
  const field = printable(issue?.path.map(String).join('.') ?? '', 80)
  if (issue?.code === 'invalid_type') {
    if (valueAt(record, issue.path) === undefined) return { key: 'fieldMissing', field }
    return { key: field ? 'fieldType' : 'notARecord', field }
  }
  return { key: issue?.code === 'invalid_value' ? 'fieldValue' : 'fieldInvalid', field }
}
