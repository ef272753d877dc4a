// What the refusal note says, in English and French, shared by its ESC/POS and PDF layouts:
// what was decided, why in words a customer understands (with the rule's dates, each number
// with its unit), what they can do next. Dates are written out ("23 Nov 2026"), not ISO.
import type { RefusalReason } from '@shared/domain/case-derived'
import type { ExclusionId } from '@shared/domain/exclusions'
import type { WindowKind } from '@shared/domain/windows'
import type { CaseType } from '@shared/manifest/record'
import type { PrintLocale, RefusalNoteModel } from './models'
import { printTexts } from './texts'

type Unit = 'days' | 'business_days' | 'months'
type Words = {
  title: string
  asked: string
  decided: (type: string) => string
  caseTypes: Record<CaseType, string>
  period: Record<WindowKind, (limit: number) => string>
  startEvent: Record<WindowKind, string>
  ended: (period: string, start: string, deadline: string) => string
  today: (today: string, n: string, startEvent: string) => string
  unit: Record<Unit, (n: number) => string>
  exclusions: Record<ExclusionId, string>
  observed: (list: string) => string
  why: Record<Exclude<RefusalReason, 'not_eligible'>, string>
  next: Record<RefusalReason, string>
  suggested: (type: string) => string
  keep: string
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`

const en: Words = {
  title: 'Device not accepted',
  asked: 'Asked for',
  decided: (type) => `Your device was not accepted as a ${type}, and it was handed back to you.`,
  caseTypes: { withdrawal: 'withdrawal (return for a refund)', warranty_repair: 'repair under warranty', damaged_on_arrival: 'damaged-on-arrival return', trade_in: 'trade-in' },
  period: {
    withdrawal: (l) => `The ${l}-day withdrawal period`,
    warranty: (l) => `The ${l}-month warranty`,
    damaged_on_arrival: (l) => `The ${l} business days to report damage`,
    trade_in: (l) => `The ${l} days to send a trade-in`,
    return_label: () => 'The return label',
  },
  startEvent: { withdrawal: 'delivery', warranty: 'delivery', damaged_on_arrival: 'delivery', trade_in: 'the price offer', return_label: 'the return request' },
  ended: (period, start, deadline) => `${period} ran from ${start} to ${deadline}, that day included: it has ended.`,
  today: (today, n, startEvent) => `On ${today}, ${n} had passed since ${startEvent}.`,
  unit: { days: (n) => plural(n, 'day', 'days'), business_days: (n) => plural(n, 'business day', 'business days'), months: (n) => plural(n, 'month', 'months') },
  exclusions: {
    physical_damage: 'physical damage (broken, cracked or dented)',
    liquid_damage: 'liquid damage or oxidation',
    third_party_opened: 'opened or repaired by someone else',
    abnormal_use: 'signs of abnormal use',
    negligence: 'signs of negligence',
    accident_after_delivery: 'an accident after delivery (a drop, a knock)',
    normal_wear: 'normal wear and tear',
  },
  observed: (list) => `Seen on the device at the counter, and not covered: ${list}.`,
  why: {
    device_locked: 'The device is still locked to an account (such as Apple ID / Find My or Google): nobody else can use it.',
    under_18: 'A trade-in needs the seller to be 18 or older.',
    accessories_missing: 'The charger and cable that must come with the device are missing.',
  },
  next: {
    not_eligible: 'Contact the seller through your marketplace account with this note if you think the decision is wrong.',
    device_locked: 'Sign out of every account on the device (Settings), then come back with the device and this note: the trade-in can then go on.',
    under_18: 'Come back with an adult (18 or older) who will sell the device, with this note.',
    accessories_missing: 'Come back with the charger and the cable, the device and this note.',
  },
  suggested: (type) => `It may still be sent as a ${type}: ask the seller through your marketplace account, or ask us.`,
  keep: 'Keep this note: it shows what was decided, when, and why.',
}

const fr: Words = {
  title: 'Appareil non accepté',
  asked: 'Demande',
  decided: (type) => `Votre appareil n’a pas été accepté pour une ${type} ; il vous a été rendu.`,
  caseTypes: { withdrawal: 'rétractation (retour pour remboursement)', warranty_repair: 'réparation sous garantie', damaged_on_arrival: 'réclamation pour dommage à la livraison', trade_in: 'reprise' },
  period: {
    withdrawal: (l) => `Le délai de rétractation de ${l} jours`,
    warranty: (l) => `La garantie de ${l} mois`,
    damaged_on_arrival: (l) => `Le délai de ${l} jours ouvrés pour signaler un dommage`,
    trade_in: (l) => `Le délai de ${l} jours pour envoyer une reprise`,
    return_label: () => 'L’étiquette de retour',
  },
  startEvent: { withdrawal: 'la livraison', warranty: 'la livraison', damaged_on_arrival: 'la livraison', trade_in: 'l’offre de prix', return_label: 'la demande de retour' },
  ended: (period, start, deadline) => `${period} courait du ${start} au ${deadline}, ce jour compris : il a pris fin.`,
  today: (today, n, startEvent) => `Le ${today}, ${n} s’étaient écoulés depuis ${startEvent}.`,
  unit: { days: (n) => plural(n, 'jour', 'jours'), business_days: (n) => plural(n, 'jour ouvré', 'jours ouvrés'), months: (n) => `${n} mois` },
  exclusions: {
    physical_damage: 'des dommages physiques (cassé, fissuré ou bosselé)',
    liquid_damage: 'une oxydation ou un contact avec un liquide',
    third_party_opened: 'une ouverture ou réparation par un tiers',
    abnormal_use: 'des signes d’usage anormal',
    negligence: 'des signes de négligence',
    accident_after_delivery: 'un accident après la livraison (chute, choc)',
    normal_wear: 'l’usure normale',
  },
  observed: (list) => `Constaté sur l’appareil au comptoir, et non couvert : ${list}.`,
  why: {
    device_locked: 'L’appareil est encore lié à un compte (identifiant Apple / Localiser, Google…) : personne d’autre ne peut l’utiliser.',
    under_18: 'Une reprise demande que le vendeur ait 18 ans ou plus.',
    accessories_missing: 'Le chargeur et le câble qui doivent accompagner l’appareil manquent.',
  },
  next: {
    not_eligible: 'Si vous pensez que la décision est erronée, contactez le vendeur depuis votre compte sur la place de marché, avec cette note.',
    device_locked: 'Déconnectez l’appareil de tous ses comptes (Réglages), puis revenez avec l’appareil et cette note : la reprise pourra continuer.',
    under_18: 'Revenez avec un adulte (18 ans ou plus) qui vendra l’appareil, avec cette note.',
    accessories_missing: 'Revenez avec le chargeur et le câble, l’appareil et cette note.',
  },
  suggested: (type) => `Il peut encore être envoyé en ${type} : demandez-le au vendeur depuis votre compte sur la place de marché, ou au comptoir.`,
  keep: 'Conservez cette note : elle indique ce qui a été décidé, quand et pourquoi.',
}

const words = (l: PrintLocale): Words => (l === 'fr' ? fr : en)

/** "23 Nov 2026" / "23 nov. 2026" from a calendar date (YYYY-MM-DD). */
export function writtenDate(locale: PrintLocale, d: string): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${d}T12:00:00Z`))
}

export interface RefusalNoteContent {
  title: string
  fields: [string, string][]
  decided: string
  why: string[]
  next: string[]
  keep: string
}

export function refusalNoteContent(m: RefusalNoteModel): RefusalNoteContent {
  const w = words(m.locale)
  const t = printTexts(m.locale)
  const why: string[] = []
  if (m.refusal === 'not_eligible') {
    const win = m.window
    if (win && !win.within) {
      why.push(w.ended(w.period[win.window](win.limit), writtenDate(m.locale, win.start), writtenDate(m.locale, win.deadline)))
      why.push(w.today(writtenDate(m.locale, win.today), w.unit[win.unit === 'months' ? 'days' : win.unit](win.days), w.startEvent[win.window]))
    }
    if (m.exclusions?.length) why.push(w.observed(m.exclusions.map((e) => w.exclusions[e]).join(', ')))
  } else why.push(w.why[m.refusal])
  const next = [w.next[m.refusal]]
  if (m.suggestedCaseType) next.unshift(w.suggested(w.caseTypes[m.suggestedCaseType]))
  return {
    title: w.title,
    fields: [
      [t.dateTime, m.dateTime],
      [t.kiosk, [m.counter.name, m.counter.address].filter(Boolean).join(', ')],
      [t.orderNumber, m.orderNumber],
      [t.device, m.device],
      [w.asked, w.caseTypes[m.caseType]],
    ],
    decided: w.decided(w.caseTypes[m.caseType].replace(/ \(.*\)$/, '')),
    why,
    next,
    keep: w.keep,
  }
}

/** The note's section headings. */
export function refusalNoteHeadings(locale: PrintLocale): { why: string; next: string; caseNumber: string } {
  return locale === 'fr' ? { why: 'Pourquoi', next: 'Ce que vous pouvez faire', caseNumber: 'Dossier' } : { why: 'Why', next: 'What you can do next', caseNumber: 'Case' }
}
