// The printers: their settings (which printer prints which document), status and a test print.
import { z } from 'zod'
import { call, none } from '../define'
import { documentKinds, dpis, labelSizes, printerLanguages, type PrintJobView, type PrinterView, type PrintingSettings } from '../printing-views'

const printerId = z.string().regex(/^[a-z0-9-]{1,32}$/, 'use 1-32 lowercase letters, digits or dashes')
const transport = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('raw9100'), host: z.string().min(1).max(253), port: z.number().int().min(1).max(65535) }),
  z.strictObject({ kind: z.literal('cups'), queue: z.string().regex(/^[\w.-]{1,127}$/, 'is not a CUPS queue name') }),
  z.strictObject({ kind: z.literal('ipp'), uri: z.string().regex(/^ipps?:\/\/[^\s]{1,500}$/, 'must be an ipp:// address') }),
])
export const printerConfigSchema = z.strictObject({
  id: printerId,
  name: z.string().trim().min(1).max(80),
  language: z.enum(printerLanguages),
  transport,
  labelSize: z.enum(labelSizes).optional(),
  dpi: z.union([z.literal(dpis[0]), z.literal(dpis[1])]).optional(),
})
export const printingSettingsSchema = z.strictObject({
  printers: z.array(printerConfigSchema).max(16),
  assignments: z.partialRecord(z.enum(documentKinds), printerId),
  locale: z.enum(['en', 'fr']),
  counter: z.strictObject({ name: z.string().trim().max(80), address: z.string().trim().max(200).optional() }).optional(),
})

export const printersCalls = {
  'printers.list': call<PrinterView[]>('staff')(none),
  'printers.settings': call<PrintingSettings>('supervisor')(none),
  'printers.status': call<PrinterView>('staff')(z.strictObject({ printerId })),
  'printers.configure': call<PrinterView[]>('supervisor')(printingSettingsSchema),
  'printers.testPrint': call<PrintJobView>('staff')(z.strictObject({ printerId })),
}
