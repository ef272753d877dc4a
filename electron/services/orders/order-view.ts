// Turns a stored manifest record into what the screens show (no e-mail or phone).
import type { OrderView } from '@shared/contract/views'
import { labelValidity } from '@shared/domain/label-validity'
import { windowForCase } from '@shared/domain/windows'
import type { ManifestRecord } from '@shared/manifest/record'

export const DEFAULT_WARRANTY_MONTHS = 12

export function toOrderView(r: ManifestRecord, now: Date, timeZone: string, holidays: readonly string[] = []): OrderView {
  const rr = r.returnRequest
  const view: OrderView = {
    orderNumber: r.orderNumber,
    marketplace: r.marketplace,
    orderDate: r.orderDate,
    deliveredAt: r.deliveredAt,
    seller: r.seller,
    customer: { firstName: r.customer?.firstName, lastName: r.customer?.lastName },
    item: {
      category: r.item.category,
      brand: r.item.brand,
      model: r.item.model,
      grade: r.item.grade,
      imei: r.item.imei,
      serial: r.item.serial,
    },
    warrantyMonths: r.warrantyMonths ?? DEFAULT_WARRANTY_MONTHS,
    caseType: rr?.type ?? 'warranty_repair',
  }
  if (rr) {
    const validity = labelValidity(rr.requestedAt, now, timeZone)
    view.returnRequest = {
      id: rr.id,
      requestedAt: rr.requestedAt,
      carrier: rr.carrier,
      trackingNumber: rr.trackingNumber,
      labelCode: rr.labelCode,
      labelValidUntil: validity.validUntil,
      labelExpired: validity.expired,
    }
  }
  // The case type's window, so the card can say "N days left" or "ended N days ago".
  const window = windowForCase(view.caseType, r, { now, timeZone, holidays })
  if (window) view.window = { ...window.verdict, startAssumed: window.startAssumed }
  if (r.tradeIn) {
    const { offerAt, offerAmount, currency, accessoriesRequired } = r.tradeIn
    view.tradeIn = { offerAt, offerAmount, currency, accessoriesRequired }
  }
  return view
}

export function customerName(r: ManifestRecord): string | undefined {
  const name = [r.customer?.firstName, r.customer?.lastName].filter(Boolean).join(' ')
  return name || undefined
}

export function deviceName(r: ManifestRecord): string | undefined {
  const name = [r.item.brand, r.item.model].filter(Boolean).join(' ')
  return name || undefined
}
