// The fields of the order-details slip (DOMAIN.md, "Order details inside the package"), in
// print order, shared by the ESC/POS and PDF layouts. The PIN line exists only when a PIN was given.
import type { OrderSlipModel, ReceiptModel } from './models'
import { printTexts } from './texts'

export function orderSlipFields(m: OrderSlipModel): [string, string][] {
  const t = printTexts(m.locale)
  const name = [m.firstName, m.lastName].filter(Boolean).join(' ')
  const rows: [string, string][] = [
    [t.marketplace, m.marketplace ?? '—'],
    [t.customer, name || '—'],
    [t.orderNumber, m.orderNumber],
    [t.orderDate, m.orderDate],
    [t.reason, t.reasons[m.reason]],
    [t.device, m.device],
  ]
  if (m.imei) rows.push([t.imei, m.imei])
  if (m.serial) rows.push([t.serial, m.serial])
  if (m.unlockPin) rows.push([t.unlockPin, m.unlockPin])
  return rows
}

export function receiptFields(m: ReceiptModel): [string, string][] {
  const t = printTexts(m.locale)
  return [
    [t.dateTime, m.dateTime],
    [t.kiosk, [m.counter.name, m.counter.address].filter(Boolean).join(', ')],
    [t.orderNumber, m.orderNumber],
    [t.device, m.device],
    [t.caseNumber, m.caseNumber],
    [t.carrier, m.carrier ?? '—'],
    [t.trackingNumber, m.trackingNumber ?? '—'],
  ]
}
