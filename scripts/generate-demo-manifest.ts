// Writes the demo manifest (resources/demo/manifest.jsonl), its README and anchor.json: the
// app's embedded default, so a newcomer can try an intake at once.
//   npx tsx scripts/generate-demo-manifest.ts [output folder, default resources/demo]
// The output is deterministic; tests/unit/demo-manifest.test.ts runs this script and fails
// when the committed files differ from what it writes, so edit the rows here, never the files.
//
// Every date is written as "so many days before the anchor date": the app shifts the dates by
// (today - anchor) when it loads the demo (shared/manifest/shift-dates.ts), so each scenario
// below (an expired label, a late withdrawal, ...) means the same on any day.
import { mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { addDays } from '../shared/domain/dates'
import { luhnCheckDigit } from '../shared/domain/luhn'
import {
  makeDhlTrackingNumber,
  makeFedExExpressTrackingNumber,
  makeFedExGroundTrackingNumber,
  makeS10TrackingNumber,
  makeUpsTrackingNumber,
  makeUspsTrackingNumber,
} from '../shared/domain/tracking-number'
import type { CaseType, Category, ManifestRecord } from '../shared/manifest/record'

const DEMO_ANCHOR_DATE = '2026-11-20'

interface Device {
  category: Category
  brand: string
  model: string
  /** Smartphones: the type allocation code that starts the IMEI; others: the serial prefix. */
  tac?: string
  serial?: string
}

const D = {
  iphone13: { category: 'smartphone', brand: 'Apple', model: 'iPhone 13 128 GB', tac: '35693803' },
  iphone14pro: { category: 'smartphone', brand: 'Apple', model: 'iPhone 14 Pro 256 GB', tac: '35118547' },
  iphone12: { category: 'smartphone', brand: 'Apple', model: 'iPhone 12 64 GB', tac: '35302011' },
  iphoneSE: { category: 'smartphone', brand: 'Apple', model: 'iPhone SE (2022) 64 GB', tac: '35390974' },
  galaxyS22: { category: 'smartphone', brand: 'Samsung', model: 'Galaxy S22 128 GB', tac: '35088318' },
  galaxyA54: { category: 'smartphone', brand: 'Samsung', model: 'Galaxy A54 5G 128 GB', tac: '35216833' },
  pixel7: { category: 'smartphone', brand: 'Google', model: 'Pixel 7 128 GB', tac: '35544561' },
  pixel8pro: { category: 'smartphone', brand: 'Google', model: 'Pixel 8 Pro 256 GB', tac: '35917729' },
  ipadAir: { category: 'tablet', brand: 'Apple', model: 'iPad Air (2022) Wi-Fi 64 GB', serial: 'DMPH' },
  ipad10: { category: 'tablet', brand: 'Apple', model: 'iPad (10th generation) Wi-Fi 64 GB', serial: 'F9FQ' },
  ipadPro: { category: 'tablet', brand: 'Apple', model: 'iPad Pro 11" (2021) 128 GB', serial: 'DLXW' },
  tabS8: { category: 'tablet', brand: 'Samsung', model: 'Galaxy Tab S8 128 GB', serial: 'R52T' },
  macbookAirM1: { category: 'computer', brand: 'Apple', model: 'MacBook Air M1 (2020) 8 GB / 256 GB', serial: 'C02F' },
  macbookAirM2: { category: 'computer', brand: 'Apple', model: 'MacBook Air M2 (2022) 8 GB / 512 GB', serial: 'FVFH' },
  macbookPro14: { category: 'computer', brand: 'Apple', model: 'MacBook Pro 14" M1 Pro 16 GB / 512 GB', serial: 'C02G' },
  thinkpadT14: { category: 'computer', brand: 'Lenovo', model: 'ThinkPad T14 Gen 2 i5 16 GB / 256 GB', serial: 'PF3A' },
  thinkpadX1: { category: 'computer', brand: 'Lenovo', model: 'ThinkPad X1 Carbon Gen 9', serial: 'PF2Z' },
  xps13: { category: 'computer', brand: 'Dell', model: 'XPS 13 9310', serial: 'DX7' },
  watchS8: { category: 'smartwatch', brand: 'Apple', model: 'Apple Watch Series 8 GPS 41 mm', serial: 'H4KX' },
  watchSE: { category: 'smartwatch', brand: 'Apple', model: 'Apple Watch SE (2022) GPS 40 mm', serial: 'GY6W' },
  galaxyWatch5: { category: 'smartwatch', brand: 'Samsung', model: 'Galaxy Watch5 44 mm', serial: 'R9WT' },
  pixelWatch: { category: 'smartwatch', brand: 'Google', model: 'Pixel Watch Wi-Fi', serial: '2A14' },
  ps5: { category: 'other', brand: 'Sony', model: 'PlayStation 5 Digital Edition', serial: 'E7' },
  switchOled: { category: 'other', brand: 'Nintendo', model: 'Switch OLED', serial: 'XTW7' },
  airpodsPro: { category: 'other', brand: 'Apple', model: 'AirPods Pro (2nd generation)', serial: 'GX7P' },
  xboxS: { category: 'other', brand: 'Microsoft', model: 'Xbox Series S 512 GB', serial: '0344' },
  sonyXM4: { category: 'other', brand: 'Sony', model: 'WH-1000XM4 headphones', serial: 'S01K' },
} satisfies Record<string, Device>

type Kind = CaseType | 'walk_in'

interface Row {
  who: string
  device: Device
  type: Kind
  /** Days before the anchor: delivery (withdrawal, warranty, damage) or price offer (trade-in). */
  days: number
  /** Days before the anchor of the return request (the label's start); default: days - 1. */
  requested?: number
  carrier?: string
  warrantyMonths?: number
  amount?: number
  grade?: string
  /** Why this record is in the demo, for the README; rows without one are everyday cases. */
  scenario?: string
}

// Everyday cases fill a category x case type grid; the scenarios come first.
const rows: Row[] = [
  { who: 'Inès Moreau', device: D.iphone13, type: 'withdrawal', days: 22, requested: 20, carrier: 'UPS',
    scenario: 'Expired return label: requested 20 days ago (valid 14 days). Record the case (flagged), it needs a new label before hand-over.' },
  { who: 'Lucas Martin', device: D.macbookAirM2, type: 'withdrawal', days: 41, requested: 2, carrier: 'DHL',
    scenario: 'Withdrawal past 30 days: delivered 41 days ago. Not eligible for withdrawal.' },
  { who: 'Hélène Girard', device: D.galaxyS22, type: 'warranty_repair', days: 95, requested: 3, carrier: 'FedEx',
    scenario: 'IMEI mismatch: scan or type the IMEI given below; the case goes on hold for a supervisor.' },
  { who: 'Oliver Smith', device: D.iphone12, type: 'trade_in', days: 4, requested: 3, carrier: 'UPS', amount: 182.5,
    scenario: 'Trade-in of a phone: offer 4 days ago, within the 21 days.' },
  { who: 'Théo Garnier', device: D.macbookAirM1, type: 'trade_in', days: 6, requested: 5, carrier: 'DHL', amount: 415,
    scenario: 'Trade-in of a computer: cables and charger are required (accessoriesRequired).' },
  { who: 'Zoé Bonnet', device: D.pixel7, type: 'trade_in', days: 27, requested: 10, carrier: 'USPS', amount: 138,
    scenario: 'Trade-in offer expired: offer 27 days ago, more than 21 days.' },
  { who: 'François Mercier', device: D.tabS8, type: 'damaged_on_arrival', days: 15, requested: 7, carrier: 'UPS',
    scenario: 'Damage reported late: 6 business days after delivery (limit 3).' },
  { who: 'Maëlle Lambert', device: D.iphone14pro, type: 'damaged_on_arrival', days: 3, requested: 2, carrier: 'DHL',
    scenario: 'Damage reported in time: the day after delivery. Photos of packaging, label and damage.' },
  { who: 'Emily Taylor', device: D.macbookPro14, type: 'warranty_repair', days: 540, requested: 2, carrier: 'FedEx', warrantyMonths: 24,
    scenario: 'Extended warranty: delivered about 18 months ago, covered by its 24-month warranty.' },
  { who: 'Jérôme Faure', device: D.thinkpadT14, type: 'warranty_repair', days: 430, requested: 3, carrier: 'UPS',
    scenario: 'Warranty expired: delivered 14 months ago with a 12-month warranty.' },
  { who: 'Camille Dubois', device: D.ipadAir, type: 'walk_in', days: 120,
    scenario: 'Warranty walk-in: no return request, no label; scan the order number.' },
  { who: 'Siobhán O\'Brien', device: D.watchS8, type: 'warranty_repair', days: 200, requested: 14, carrier: 'DHL',
    scenario: 'Label on its last valid day: requested 14 days ago.' },
  { who: 'Noé Fournier', device: D.switchOled, type: 'withdrawal', days: 9, requested: 5, carrier: 'Colissimo',
    scenario: 'Another carrier (Colissimo): its tracking number is checked for format only.' },
  { who: 'Anaïs Blanc', device: D.iphoneSE, type: 'walk_in', days: 480,
    scenario: 'Walk-in out of warranty: delivered 16 months ago.' },
  { who: 'George Walker', device: D.galaxyWatch5, type: 'trade_in', days: 8, requested: 7, carrier: 'FedEx', amount: 64 },
  { who: 'Gaëlle Fontaine', device: D.ipad10, type: 'trade_in', days: 3, requested: 2, carrier: 'UPS', amount: 176 },
  { who: 'Clément Morel', device: D.xps13, type: 'trade_in', days: 12, requested: 11, carrier: 'DHL', amount: 290 },
  { who: 'Isla Wright', device: D.ps5, type: 'trade_in', days: 5, requested: 4, carrier: 'USPS', amount: 230 },
  { who: 'Léa Bernard', device: D.pixel8pro, type: 'withdrawal', days: 6, requested: 1, carrier: 'UPS' },
  { who: 'Hugo Petit', device: D.galaxyA54, type: 'withdrawal', days: 12, requested: 4, carrier: 'FedEx' },
  { who: 'Chloé Lefèvre', device: D.ipadPro, type: 'withdrawal', days: 8, requested: 3, carrier: 'DHL' },
  { who: 'Manon Rousseau', device: D.ipadAir, type: 'withdrawal', days: 18, requested: 9, carrier: 'USPS' },
  { who: 'Raphaël Muller', device: D.thinkpadX1, type: 'withdrawal', days: 5, requested: 2, carrier: 'UPS' },
  { who: 'James Wilson', device: D.macbookAirM1, type: 'withdrawal', days: 25, requested: 6, carrier: 'FedEx' },
  { who: 'Éloïse Chevalier', device: D.watchSE, type: 'withdrawal', days: 7, requested: 0, carrier: 'DHL' },
  { who: 'Benoît Roussel', device: D.pixelWatch, type: 'withdrawal', days: 14, requested: 8, carrier: 'UPS' },
  { who: 'Océane Guérin', device: D.airpodsPro, type: 'withdrawal', days: 4, requested: 1, carrier: 'USPS' },
  { who: 'Charlotte Davies', device: D.sonyXM4, type: 'withdrawal', days: 16, requested: 10, carrier: 'FedEx' },
  { who: 'Joël Perrin', device: D.iphone13, type: 'warranty_repair', days: 150, requested: 2, carrier: 'DHL' },
  { who: 'Aurélie Henry', device: D.pixel7, type: 'warranty_repair', days: 62, requested: 5, carrier: 'UPS' },
  { who: 'Harry Evans', device: D.ipad10, type: 'warranty_repair', days: 240, requested: 1, carrier: 'USPS' },
  { who: 'Loïc Gauthier', device: D.tabS8, type: 'warranty_repair', days: 310, requested: 4, carrier: 'FedEx', warrantyMonths: 24 },
  { who: 'Célia Robin', device: D.thinkpadT14, type: 'warranty_repair', days: 75, requested: 6, carrier: 'DHL' },
  { who: 'Mathéo Rivière', device: D.macbookAirM2, type: 'warranty_repair', days: 33, requested: 0, carrier: 'UPS' },
  { who: 'Solène Lemaire', device: D.galaxyWatch5, type: 'warranty_repair', days: 180, requested: 3, carrier: 'FedEx' },
  { who: 'Amelia Hughes', device: D.watchSE, type: 'warranty_repair', days: 90, requested: 8, carrier: 'USPS' },
  { who: 'Cécile Duval', device: D.ps5, type: 'warranty_repair', days: 130, requested: 2, carrier: 'DHL' },
  { who: 'Grégoire Marchand', device: D.xboxS, type: 'warranty_repair', days: 260, requested: 5, carrier: 'UPS' },
  { who: 'Amélie Caron', device: D.pixel8pro, type: 'damaged_on_arrival', days: 2, requested: 1, carrier: 'FedEx' },
  { who: 'Valentin Brunet', device: D.ipadPro, type: 'damaged_on_arrival', days: 3, requested: 1, carrier: 'UPS' },
  { who: 'Noémie Barbier', device: D.xps13, type: 'damaged_on_arrival', days: 2, requested: 0, carrier: 'DHL' },
  { who: 'Jack Robinson', device: D.macbookAirM1, type: 'damaged_on_arrival', days: 4, requested: 3, carrier: 'USPS' },
  { who: 'Sébastien Roux', device: D.watchS8, type: 'damaged_on_arrival', days: 1, requested: 0, carrier: 'UPS' },
  { who: 'Élodie Arnaud', device: D.switchOled, type: 'damaged_on_arrival', days: 2, requested: 1, carrier: 'FedEx' },
  { who: 'Thaïs Nicolas', device: D.iphone12, type: 'trade_in', days: 9, requested: 8, carrier: 'DHL', amount: 155 },
  { who: 'Maximilien Leclerc', device: D.ipadAir, type: 'trade_in', days: 2, requested: 1, carrier: 'FedEx', amount: 248 },
  { who: 'Bérénice Vidal', device: D.thinkpadX1, type: 'trade_in', days: 15, requested: 13, carrier: 'UPS', amount: 320 },
  { who: 'Timothée Aubert', device: D.watchSE, type: 'trade_in', days: 1, requested: 0, carrier: 'USPS', amount: 72.5 },
  { who: 'Sophie Clarke', device: D.airpodsPro, type: 'trade_in', days: 10, requested: 9, carrier: 'DHL', amount: 58 },
  { who: 'Niamh Kelly', device: D.galaxyS22, type: 'walk_in', days: 45 },
  { who: 'Freddie Hall', device: D.macbookPro14, type: 'walk_in', days: 210 },
  { who: 'Mélanie Faivre', device: D.galaxyWatch5, type: 'walk_in', days: 300, warrantyMonths: 24 },
  { who: 'Adèle Mallet', device: D.xboxS, type: 'walk_in', days: 70 },
  { who: 'Rémi Schmitt', device: D.iphone14pro, type: 'withdrawal', days: 11, requested: 6, carrier: 'USPS' },
  { who: 'Lina Benali', device: D.galaxyA54, type: 'warranty_repair', days: 200, requested: 1, carrier: 'UPS' },
  { who: 'Yanis Boucher', device: D.iphoneSE, type: 'trade_in', days: 7, requested: 6, carrier: 'FedEx', amount: 96 },
  { who: 'Maïwenn Le Goff', device: D.ipad10, type: 'withdrawal', days: 20, requested: 12, carrier: 'DHL' },
  { who: 'Ambre Colin', device: D.macbookAirM2, type: 'trade_in', days: 11, requested: 10, carrier: 'USPS', amount: 540 },
  { who: 'Florian Da Silva', device: D.thinkpadT14, type: 'withdrawal', days: 10, requested: 3, carrier: 'FedEx' },
  { who: 'Capucine Renard', device: D.pixelWatch, type: 'warranty_repair', days: 110, requested: 4, carrier: 'DHL' },
  { who: 'Baptiste Lacroix', device: D.sonyXM4, type: 'warranty_repair', days: 340, requested: 2, carrier: 'USPS' },
  { who: 'Jeanne Picard', device: D.ps5, type: 'withdrawal', days: 13, requested: 7, carrier: 'UPS' },
  { who: 'Victor Hoarau', device: D.tabS8, type: 'trade_in', days: 6, requested: 5, carrier: 'DHL', amount: 205 },
]

const sellers = ['Refurb Lyon SAS', 'Reboot Électronique', 'PhoneFix Bordeaux', 'Restart Computers Ltd',
  'Second Vie Tech', 'Atelier Reconditionné Nantes', 'GreenLoop Devices GmbH']
const grades = ['Good', 'Excellent', 'Fair', 'Good', 'Premium']
const englishFirstNames = new Set(['Oliver', 'Emily', 'James', 'Siobhán', 'Charlotte', 'Harry', 'Amelia', 'George',
  'Isla', 'Jack', 'Sophie', 'Niamh', 'Freddie'])

const day = (daysBefore: number): string => addDays(DEMO_ANCHOR_DATE, -daysBefore)
const pad = (n: number, width: number): string => String(n).padStart(width, '0')
const ascii = (s: string): string => s.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase()

function imeiFor(tac: string, serial: number): string {
  const body = `${tac}${pad(serial, 6)}`
  return `${body}${luhnCheckDigit(body)}`
}

/** The device's serial: its prefix, then characters derived from its row. */
function serialFor(prefix: string, n: number): string {
  const tail = ((n + 1) * 2_654_435_761 % 2 ** 32).toString(36).toUpperCase().padStart(7, '0')
  return `${prefix}${tail}`.slice(0, 12)
}

const formatTurn = new Map<string, number>()
/** A valid number for the carrier, cycling through its formats so the demo shows each. */
function trackingFor(carrier: string, n: number): string {
  const turn = formatTurn.get(carrier) ?? 0
  formatTurn.set(carrier, turn + 1)
  switch (carrier) {
    case 'UPS':
      return makeUpsTrackingNumber('0V58A7', '90', `4${pad(n * 7919, 6)}`)
    case 'DHL':
      return makeDhlTrackingNumber(`33188${pad(n * 37, 4)}`)
    case 'USPS':
      return turn % 4 === 3 ? makeS10TrackingNumber('EC', `74${pad(n * 113, 6)}`) : makeUspsTrackingNumber(`94055112062${pad(n * 4231, 10)}`)
    case 'FedEx':
      return turn % 4 === 3 ? makeFedExGroundTrackingNumber(`5682836100${pad(n, 4)}`) : makeFedExExpressTrackingNumber(`79053531${pad(n, 3)}`)
    default:
      return `6A${10_229_184_730 + n}` // Colissimo: 2 characters and 11 digits
  }
}

function recordFor(row: Row, n: number): ManifestRecord {
  const [firstName = '', ...rest] = row.who.split(' ')
  const lastName = rest.join(' ')
  const english = englishFirstNames.has(firstName)
  const { device } = row
  const tradeIn = row.type === 'trade_in'
  const record: ManifestRecord = {
    orderNumber: `BM-${48_213_301 + n * 977}`,
    marketplace: 'Back Market',
    // A trade-in's order is the accepted offer; nothing was delivered to the customer.
    orderDate: tradeIn ? day(row.days) : day(row.days + 2 + (n % 3)),
    ...(tradeIn ? {} : { deliveredAt: day(row.days) }),
    seller: sellers[n % sellers.length],
    customer: {
      firstName,
      lastName,
      email: `${ascii(firstName)}.${ascii(lastName)}@example.com`,
      // Numbers reserved for fiction: +33 6 39 98 (ARCEP), +44 7700 900 (Ofcom).
      phone: english ? `+44 7700 900${pad(100 + n * 7, 3)}` : `+33 6 39 98 ${pad(n * 3 % 100, 2)} ${pad(n * 11 % 100, 2)}`,
    },
    item: {
      category: device.category,
      brand: device.brand,
      model: device.model,
      grade: row.grade ?? grades[n % grades.length],
      ...(device.tac ? { imei: imeiFor(device.tac, 104_000 + n * 7_919) } : { serial: serialFor(device.serial ?? 'X', n) }),
    },
    warrantyMonths: row.warrantyMonths ?? 12,
  }
  if (row.type === 'walk_in') return record
  const id = `RMA-${7_731_902 + n * 613}`
  const carrier = row.carrier ?? 'UPS'
  record.returnRequest = {
    id,
    type: row.type,
    requestedAt: `${day(row.requested ?? row.days - 1)}T${pad(8 + (n % 9), 2)}:${pad((n * 17) % 60, 2)}:00Z`,
    carrier,
    trackingNumber: trackingFor(carrier, n),
    labelCode: `BMR-${id.slice(4)}-${(n * 7_919 % 1_296).toString(36).toUpperCase().padStart(2, '0')}`,
  }
  if (tradeIn) {
    record.tradeIn = {
      offerAt: `${day(row.days)}T10:${pad(n % 60, 2)}:00Z`,
      offerAmount: row.amount ?? 100,
      currency: 'EUR',
      // Cables and chargers are mandatory for a computer trade-in (DOMAIN.md, "Accessories").
      accessoriesRequired: device.category === 'computer',
    }
  }
  return record
}

/** What the README documents: the IMEI to scan for the mismatch scenario. */
function mismatchFor(records: ManifestRecord[]): { orderNumber: string; orderImei: string; scanImei: string } {
  const index = rows.findIndex((r) => r.scenario?.startsWith('IMEI mismatch'))
  const record = records[index]!
  const tac = record.item.imei!.slice(0, 8)
  return { orderNumber: record.orderNumber, orderImei: record.item.imei!, scanImei: imeiFor(tac, 990_421) }
}

function readme(records: ManifestRecord[]): string {
  const mismatch = mismatchFor(records)
  const scenarios = rows
    .map((row, n) => ({ row, r: records[n]! }))
    .filter(({ row }) => row.scenario)
    .map(({ row, r }) => {
      const rr = r.returnRequest
      const scan = rr ? `\`${rr.labelCode}\` / \`${rr.trackingNumber}\`` : `\`${r.orderNumber}\``
      return `| \`${r.orderNumber}\` | ${row.who} | ${r.item.model} | ${scan} | ${row.scenario} |`
    })
  const counts = new Map<string, number>()
  for (const r of records) {
    const key = `${r.item.category} / ${r.returnRequest?.type ?? 'walk-in'}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return `# Demo manifest

\`manifest.jsonl\` holds ${records.length} expected returns of fictional customers (emails at
example.com, phone numbers from the ranges reserved for fiction). The app loads it as its
default manifest, so a newcomer can try an intake at once: scan or type an order number, a
return request id, a label code or a tracking number from the table below.

Generated by \`npx tsx scripts/generate-demo-manifest.ts\`: change the rows there, never these
files (a unit test compares them with the script's output).

## Dates

Every date is written relative to the anchor date in \`anchor.json\` (${DEMO_ANCHOR_DATE}). When
the app loads the demo it moves every date by (today - anchor date) whole days
(\`shared/manifest/shift-dates.ts\`), so "20 days ago" below is 20 days before the day you run
the app: an expired label stays expired and a fresh request stays fresh.

## Scenarios

| order | customer | device | scan (label code / tracking) | what it shows |
| --- | --- | --- | --- | --- |
${scenarios.join('\n')}

**IMEI mismatch**: for order \`${mismatch.orderNumber}\` (IMEI on the order \`${mismatch.orderImei}\`),
type or scan the IMEI **\`${mismatch.scanImei}\`** at the counter. It is a valid IMEI (Luhn
check digit correct) but not the order's, so the case stops until a supervisor resolves it.
Typing the order's IMEI instead lets the case go on.

## Coverage

Every category and case type, plus warranty walk-ins (no return request). Carriers: UPS,
DHL, FedEx (12- and 15-digit), USPS (IMpb and international S10) and Colissimo; all check
digits valid.

| category / case type | records |
| --- | --- |
${[...counts].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `| ${k} | ${v} |`).join('\n')}
`
}

/** The demo files' contents, deterministic. */
function buildDemoFiles(): Record<string, string> {
  formatTurn.clear()
  const records = rows.map(recordFor)
  return {
    'manifest.jsonl': records.map((r) => JSON.stringify(r)).join('\n') + '\n',
    'README.md': readme(records),
    'anchor.json': JSON.stringify({ anchorDate: DEMO_ANCHOR_DATE }) + '\n',
  }
}

// The output folder may be given (the demo test writes to a temporary one to compare).
const outDir = resolve(process.argv[2] ?? resolve(__dirname, '../resources/demo'))
mkdirSync(outDir, { recursive: true })
for (const [name, text] of Object.entries(buildDemoFiles())) writeFileSync(resolve(outDir, name), text)
console.log(`wrote ${outDir}/{manifest.jsonl,README.md,anchor.json}`)
