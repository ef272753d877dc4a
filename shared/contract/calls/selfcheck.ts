// The customer's self-check at the kiosk (staff pick it up: cases.pickUp). In customer
// mode (session.mode === 'customer') the session is bound to the one case selfcheck.start
// opened: the evidence calls the customer may make (photos.capture / skip / get, intake.backup,
// intake.accountDisconnected / accountStillLocked, intake.providePin / skipPin) are refused
// for any other case.
import { z } from 'zod'
import { call, code, id, none } from '../define'
import type { SelfCheckFinish, SelfCheckView, TicketPrintView } from '../intake-views'

export const selfcheckCalls = {
  /** The customer's return QR code (or label code): opens (or resumes) their case. */
  'selfcheck.start': call<SelfCheckView>('customer')(z.strictObject({ code })),
  /** The case this customer session is on (after a reload), or null. */
  'selfcheck.current': call<SelfCheckView | null>('customer')(none),
  /**
   * The customer is done: records customer.checked_in, prints the ticket on the receipt printer
   * in the customer's language (`locale`, English by default) and returns it to show.
   */
  'selfcheck.finish': call<SelfCheckFinish>('customer')(z.strictObject({ locale: z.enum(['en', 'fr']).optional() })),
  /** Where the ticket selfcheck.finish printed is (its job id from that answer). */
  'selfcheck.ticketPrint': call<TicketPrintView>('customer')(z.strictObject({ jobId: id })),
  /** Clears the session's case (idle timeout, "start over"): nothing recorded is lost. */
  'selfcheck.end': call<null>('customer')(none),
}
