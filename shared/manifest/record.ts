// The manifest record: one expected return, as the central system sends it down or as an
// operator imports it from a .jsonl file (the format: README.md in this folder). Field names are
// fixed; unknown fields are kept (the raw record is stored) and ignored.
import { z } from 'zod'
import { imeiProblem } from '../domain/imei'

export const categories = ['smartphone', 'tablet', 'computer', 'smartwatch', 'other'] as const
export type Category = (typeof categories)[number]

export const caseTypes = ['withdrawal', 'warranty_repair', 'damaged_on_arrival', 'trade_in'] as const
export type CaseType = (typeof caseTypes)[number]

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** "2026-02-30" is not a date. Plain arithmetic: a million records are checked per import. */
function isRealDate(s: string): boolean {
  const y = Number(s.slice(0, 4))
  const m = Number(s.slice(5, 7))
  const d = Number(s.slice(8, 10))
  if (m < 1 || m > 12 || d < 1) return false
  const leap = m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0)
  return d <= monthDays[m - 1]! + (leap ? 1 : 0)
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date (YYYY-MM-DD)')
  .refine(isRealDate, 'is not a real calendar date')

const isoDateTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/,
    'must be an ISO date-time with a time zone (e.g. 2026-10-30T09:12:00Z)',
  )
  .refine((s) => !Number.isNaN(Date.parse(s)), 'is not a real date-time')

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`)

const imei = z.string().superRefine((v, ctx) => {
  const problem = imeiProblem(v)
  if (problem) ctx.addIssue({ code: 'custom', message: problem })
})

export const manifestRecordSchema = z.looseObject({
  orderNumber: text(64),
  marketplace: text(120).optional(),
  orderDate: isoDate,
  deliveredAt: isoDate.optional(),
  seller: text(200).optional(),
  customer: z
    .looseObject({
      firstName: text(120).optional(),
      lastName: text(120).optional(),
      email: z.string().max(320).optional(),
      phone: z.string().max(64).optional(),
    })
    .optional(),
  item: z.looseObject({
    category: z.enum(categories),
    brand: text(120).optional(),
    model: text(200).optional(),
    grade: text(60).optional(),
    imei: imei.optional(),
    serial: text(64).optional(),
  }),
  warrantyMonths: z.number().int().min(12, 'is at least 12 (the legal minimum)').max(120).optional(),
  returnRequest: z
    .looseObject({
      id: text(64),
      type: z.enum(caseTypes),
      requestedAt: isoDateTime,
      carrier: text(60).optional(),
      trackingNumber: text(64).optional(),
      labelCode: text(256).optional(),
    })
    .optional(),
  tradeIn: z
    .looseObject({
      offerAt: isoDateTime,
      offerAmount: z.number().nonnegative().optional(),
      currency: z.string().regex(/^[A-Z]{3}$/, 'must be a 3-letter currency code').optional(),
      accessoriesRequired: z.boolean().optional(),
    })
    .optional(),
}).superRefine((r, ctx) => {
  if (r.returnRequest?.type === 'trade_in' && !r.tradeIn) {
    ctx.addIssue({ code: 'custom', path: ['tradeIn'], message: 'is required for a trade-in (the offer date starts the 21-day window)' })
  }
})

export type ManifestRecord = z.infer<typeof manifestRecordSchema>

/** One readable reason from a failed parse: "item.imei: An IMEI has 15 digits; this one has 14." */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ')
}
