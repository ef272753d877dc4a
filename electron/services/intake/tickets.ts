// Self-check tickets: a short number the customer shows (or reads out) and a QR payload staff
// scan to pick the case up. Numbers are 6 digits, unique among the cases still open.
import { randomInt } from 'node:crypto'
import type { TicketView } from '@shared/contract/intake-views'

export const TICKET_QR_PREFIX = 'DROPDESK-TICKET:'

export function ticketView(number: string): TicketView {
  return { number, qr: `${TICKET_QR_PREFIX}${number}` }
}

/** The ticket number from a scan of the QR code or the number typed in. */
export function ticketFromCode(code: string): string {
  const c = code.trim()
  return c.toUpperCase().startsWith(TICKET_QR_PREFIX) ? c.slice(TICKET_QR_PREFIX.length).trim() : c.replace(/\s+/g, '')
}

export function newTicketNumber(taken: (n: string) => boolean): string {
  for (;;) {
    const n = String(randomInt(100000, 1000000))
    if (!taken(n)) return n
  }
}
