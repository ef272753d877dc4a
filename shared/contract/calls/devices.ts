import { z } from 'zod'
import { call, none } from '../define'
import type { DevicesView, ScannerSettings } from '../devices-views'

const affix = z.string().max(8, 'has at most 8 characters').regex(/^[^\p{Cc}]*$/u, 'contains control characters')
const usbId = z.number().int().min(0).max(0xffff)

/** The scanner settings; every field has a default, so an older stored value still parses. */
export const scannerSettingsSchema = z.strictObject({
  wedge: z.strictObject({ enabled: z.boolean().default(true), prefix: affix.default(''), suffix: affix.default('') }).prefault({}),
  camera: z.strictObject({ enabled: z.boolean().default(false), decoder: z.enum(['zxing-wasm', 'zxing-js']).default('zxing-wasm') }).prefault({}),
  hid: z
    .strictObject({ enabled: z.boolean().default(false), vendorId: usbId.optional(), productId: usbId.optional(), usagePage: usbId.default(0x8c) })
    .prefault({}),
  serial: z
    .strictObject({
      enabled: z.boolean().default(false),
      path: z.string().max(256).regex(/^[^\p{Cc}]*$/u, 'contains control characters').default(''),
      baudRate: z.number().int().min(1200).max(921_600).default(9600),
      terminator: z.enum(['cr', 'lf', 'crlf', 'tab', 'none']).default('cr'),
      interByteTimeoutMs: z.number().int().min(5).max(2000).default(50),
    })
    .prefault({}),
}) satisfies z.ZodType<ScannerSettings, unknown>

export const deviceCalls = {
  'devices.list': call<DevicesView>()(none),
  /** Supervisor only: replaces the scanner settings and reopens the sources. */
  'devices.configure': call<DevicesView>()(z.strictObject({ settings: scannerSettingsSchema })),
}
