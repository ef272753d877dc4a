// Deterministic manifest records for tests and load data: record i is always the same, every
// record parses with manifestRecordSchema, and the scan keys (orderNumber, returnRequest.id,
// labelCode, trackingNumber) are unique per i (for i below 10 million), so a test can import a
// million of them and look any one up again by i.
//
// Record i is first reduced to its facts (plain strings and numbers); makeRecord builds the
// object from them and recordLine writes the JSON text directly, which is several times faster
// than JSON.stringify on an object and what lets writeManifestFile write 1,000,000 lines in
// seconds. A unit test holds the two to the same output: recordLine(i) is
// JSON.stringify(makeRecord(i)), byte for byte.
import { open, type FileHandle } from 'node:fs/promises'
import { addDays } from '../../shared/domain/dates'
import { dhlCheckDigit, fedexExpressCheckDigit, gs1CheckDigit, upsCheckDigit } from '../../shared/domain/tracking-number'
import type { CaseType, Category, ManifestRecord } from '../../shared/manifest/record'

export const DEFAULT_ANCHOR_DATE = '2026-11-20'

export interface RecordOptions {
  /** Dates are laid out in the 405 days before this day (YYYY-MM-DD). */
  anchorDate?: string
  category?: Category
  /** 'walk_in': a plain warranty walk-in, without returnRequest. */
  caseType?: CaseType | 'walk_in'
}

interface Device {
  brand: string
  model: string
  /** Smartphones: the 8-digit type allocation code that starts the IMEI. */
  tac?: string
  /** Others: the start of the serial number. */
  serialPrefix?: string
}

// Local copies of the enums of record.ts: reading them through the module binding on each
// record showed up in profiles.
const CATEGORIES: readonly Category[] = ['smartphone', 'tablet', 'computer', 'smartwatch', 'other']
const KINDS: ReadonlyArray<CaseType | 'walk_in'> = ['withdrawal', 'warranty_repair', 'damaged_on_arrival', 'trade_in', 'walk_in']

const devices: Record<Category, Device[]> = {
  smartphone: [
    { brand: 'Apple', model: 'iPhone 13 128 GB', tac: '35693803' },
    { brand: 'Apple', model: 'iPhone 12 64 GB', tac: '35302011' },
    { brand: 'Samsung', model: 'Galaxy S22 128 GB', tac: '35088318' },
    { brand: 'Google', model: 'Pixel 7 128 GB', tac: '35544561' },
  ],
  tablet: [
    { brand: 'Apple', model: 'iPad Air (2022) 64 GB', serialPrefix: 'DMP' },
    { brand: 'Samsung', model: 'Galaxy Tab S8 128 GB', serialPrefix: 'R52T' },
  ],
  computer: [
    { brand: 'Apple', model: 'MacBook Air M1 (2020) 8 GB / 256 GB', serialPrefix: 'C02' },
    { brand: 'Lenovo', model: 'ThinkPad T14 Gen 2', serialPrefix: 'PF3' },
  ],
  smartwatch: [
    { brand: 'Apple', model: 'Apple Watch Series 8 41 mm', serialPrefix: 'H4K' },
    { brand: 'Samsung', model: 'Galaxy Watch5 44 mm', serialPrefix: 'R9W' },
  ],
  other: [
    { brand: 'Sony', model: 'PlayStation 5 Digital Edition', serialPrefix: 'E7' },
    { brand: 'Apple', model: 'AirPods Pro (2nd generation)', serialPrefix: 'GX7' },
  ],
}

const firstNames = ['Inès', 'Léa', 'Chloé', 'Hélène', 'Noé', 'Jérôme', 'François', 'Zoé', 'Oliver', 'Emily', 'James', 'Siobhán']
const lastNames = ['Moreau', 'Lefèvre', 'Dubois', 'Fontaine', 'Girard', 'Bénard', 'Müller', 'Smith', 'Taylor', "O'Brien"]
const sellers = ['Refurb Lyon SAS', 'Reboot Électronique', 'PhoneFix Bordeaux', 'Restart Computers Ltd', 'Second Vie Tech']
const grades = ['Fair', 'Good', 'Excellent']
const carriers = ['UPS', 'DHL', 'USPS', 'FedEx'] as const
type FactoryCarrier = (typeof carriers)[number]

/** A fast integer hash (murmur3 finaliser): the varied fields of record i, without state. */
function hash(i: number, salt: number): number {
  let x = Math.imul(i ^ Math.imul(salt, 0x9e3779b1), 0x85ebca6b)
  x ^= x >>> 13
  x = Math.imul(x, 0xc2b2ae35)
  x ^= x >>> 16
  return x >>> 0
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0')

// addDays parses and formats a Date on each call, the slowest step of a record: every date
// of a record falls 0-405 days before its anchor, so each anchor's dates are listed once.
const dayTables = new Map<string, string[]>()
function dayTable(anchor: string): string[] {
  let table = dayTables.get(anchor)
  if (!table) {
    table = Array.from({ length: 410 }, (_, days) => addDays(anchor, -days))
    dayTables.set(anchor, table)
  }
  return table
}

/** The Luhn check digit of an IMEI body (the shared luhnCheckDigit tries all ten: too slow here). */
function luhnDigit(body: string): number {
  let sum = 0
  for (let k = 0; k < body.length; k++) {
    let d = body.charCodeAt(body.length - 1 - k) - 48
    if (k % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2
    sum += d
  }
  return (10 - (sum % 10)) % 10
}

function trackingNumber(carrier: FactoryCarrier, i: number): string {
  // Each carrier's numbers have their own length, so numbers never collide across carriers.
  switch (carrier) {
    case 'UPS': {
      const body = `0V58A790${pad(i % 10_000_000, 7)}` // shipper 0V58A7, service 90 (returns)
      return `1Z${body}${upsCheckDigit(body)}`
    }
    case 'DHL': {
      const body = String(100_000_000 + i)
      return `${body}${dhlCheckDigit(body)}`
    }
    case 'USPS': {
      const body = `94055${pad(i, 16)}`
      return `${body}${gs1CheckDigit(body)}`
    }
    case 'FedEx': {
      const body = `7${pad(i, 10)}`
      return `${body}${fedexExpressCheckDigit(body)}`
    }
  }
}

interface Facts {
  i: number
  category: Category
  kind: CaseType | 'walk_in'
  device: Device
  first: number
  last: number
  seller: number
  grade: string
  orderDate: string
  deliveredAt: string
  phone: string
  /** The IMEI (smartphones) or the serial. */
  identity: string
  warrantyMonths: number
  carrier: FactoryCarrier
  requestedAt: string
  trackingNumber: string
  offerAt: string
  offerAmount: number
}

function facts(i: number, opts: RecordOptions): Facts {
  const day = dayTable(opts.anchorDate ?? DEFAULT_ANCHOR_DATE)
  // Category and type walk a 5 x 5 grid: any 25 consecutive records hold every combination.
  const category = opts.category ?? CATEGORIES[i % 5]!
  const kind = opts.caseType ?? KINDS[Math.floor(i / 5) % 5]!
  const list = devices[category]
  const device = list[hash(i, 1) % list.length]!
  const delivered = 1 + (hash(i, 4) % 400) // days before the anchor
  const requested = Math.max(0, delivered - (hash(i, 10) % 20))
  const carrier = carriers[hash(i, 9) % 4]!
  let identity: string
  if (device.tac) {
    const body = `${device.tac}${pad(i % 1_000_000, 6)}`
    identity = `${body}${luhnDigit(body)}`
  } else {
    identity = `${device.serialPrefix}${i.toString(36).toUpperCase().padStart(9, '0')}`
  }
  return {
    i,
    category,
    kind,
    device,
    first: hash(i, 2) % firstNames.length,
    last: hash(i, 3) % lastNames.length,
    seller: hash(i, 6) % sellers.length,
    grade: grades[hash(i, 7) % 3]!,
    orderDate: day[delivered + 1 + (hash(i, 5) % 4)]!,
    deliveredAt: day[delivered]!,
    phone: `+33 6 39 98 ${pad(i % 100, 2)} ${pad(Math.floor(i / 100) % 100, 2)}`,
    identity,
    warrantyMonths: hash(i, 8) % 7 === 0 ? 24 : 12,
    carrier,
    requestedAt: `${day[requested]}T${pad(8 + (i % 10), 2)}:${pad(i % 60, 2)}:00Z`,
    trackingNumber: kind === 'walk_in' ? '' : trackingNumber(carrier, i),
    offerAt: `${day[requested + 2]}T10:00:00Z`,
    offerAmount: 40 + (hash(i, 11) % 600) + 0.5,
  }
}

/** Manifest record number i (i >= 0). */
export function makeRecord(i: number, opts: RecordOptions = {}): ManifestRecord {
  const f = facts(i, opts)
  const record: ManifestRecord = {
    orderNumber: `BM-${40_000_000 + i}`,
    marketplace: 'Back Market',
    orderDate: f.orderDate,
    deliveredAt: f.deliveredAt,
    seller: sellers[f.seller]!,
    customer: {
      firstName: firstNames[f.first]!,
      lastName: lastNames[f.last]!,
      email: `customer${i}@example.com`,
      phone: f.phone,
    },
    item: {
      category: f.category,
      brand: f.device.brand,
      model: f.device.model,
      grade: f.grade,
      ...(f.device.tac ? { imei: f.identity } : { serial: f.identity }),
    },
    warrantyMonths: f.warrantyMonths,
  }
  if (f.kind === 'walk_in') return record
  record.returnRequest = {
    id: `RMA-${7_000_000 + i}`,
    type: f.kind,
    requestedAt: f.requestedAt,
    carrier: f.carrier,
    trackingNumber: f.trackingNumber,
    labelCode: `RL-${7_000_000 + i}`,
  }
  if (f.kind === 'trade_in') {
    record.tradeIn = {
      offerAt: f.offerAt,
      offerAmount: f.offerAmount,
      currency: 'EUR',
      // Cables and chargers are mandatory for a computer trade-in (DOMAIN.md, "Accessories").
      accessoriesRequired: f.category === 'computer',
    }
  }
  return record
}

// The catalog strings, JSON-encoded once (names hold accents and apostrophes).
const json = (list: readonly string[]): string[] => list.map((s) => JSON.stringify(s))
const firstNamesJson = json(firstNames)
const lastNamesJson = json(lastNames)
const sellersJson = json(sellers)
const deviceJson = new Map<Device, string>(
  Object.values(devices)
    .flat()
    .map((d) => [d, `"brand":${JSON.stringify(d.brand)},"model":${JSON.stringify(d.model)}`]),
)

/** JSON.stringify(makeRecord(i, opts)), written directly. */
export function recordLine(i: number, opts: RecordOptions = {}): string {
  const f = facts(i, opts)
  let line =
    `{"orderNumber":"BM-${40_000_000 + i}","marketplace":"Back Market","orderDate":"${f.orderDate}",` +
    `"deliveredAt":"${f.deliveredAt}","seller":${sellersJson[f.seller]},` +
    `"customer":{"firstName":${firstNamesJson[f.first]},"lastName":${lastNamesJson[f.last]},` +
    `"email":"customer${i}@example.com","phone":"${f.phone}"},` +
    `"item":{"category":"${f.category}",${deviceJson.get(f.device)},"grade":"${f.grade}",` +
    `"${f.device.tac ? 'imei' : 'serial'}":"${f.identity}"},"warrantyMonths":${f.warrantyMonths}`
  if (f.kind === 'walk_in') return `${line}}`
  line +=
    `,"returnRequest":{"id":"RMA-${7_000_000 + i}","type":"${f.kind}","requestedAt":"${f.requestedAt}",` +
    `"carrier":"${f.carrier}","trackingNumber":"${f.trackingNumber}","labelCode":"RL-${7_000_000 + i}"}`
  if (f.kind === 'trade_in') {
    line +=
      `,"tradeIn":{"offerAt":"${f.offerAt}","offerAmount":${f.offerAmount},"currency":"EUR",` +
      `"accessoriesRequired":${f.category === 'computer'}}`
  }
  return `${line}}`
}

export function makeRecords(n: number, opts: RecordOptions = {}): ManifestRecord[] {
  return Array.from({ length: n }, (_, i) => makeRecord(i, opts))
}

/**
 * Write records 0..n-1 as JSONL, each line encoded straight into an 8 MB buffer that is
 * flushed when full: memory stays flat however large n is, and no line outlives its write
 * (holding batches of lines to join them tripled the time, in garbage collection).
 */
export async function writeManifestFile(path: string, n: number, opts: RecordOptions = {}): Promise<void> {
  const size = 8 << 20
  const buffer = Buffer.allocUnsafe(size)
  const file = await open(path, 'w')
  try {
    let used = 0
    for (let i = 0; i < n; i++) {
      const line = recordLine(i, opts) + '\n'
      // A line is under 1 KB; flush while there is still room for a worst case (4 bytes a char).
      if (used + line.length * 4 > size) {
        await writeAll(file, buffer, used)
        used = 0
      }
      used += buffer.write(line, used)
    }
    await writeAll(file, buffer, used)
  } finally {
    await file.close()
  }
}

/** FileHandle.write may write less than asked (a full disk, a signal): go on until done. */
async function writeAll(file: FileHandle, buffer: Buffer, length: number): Promise<void> {
  for (let done = 0; done < length; ) done += (await file.write(buffer, done, length - done)).bytesWritten
}
