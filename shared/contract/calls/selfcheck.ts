// The customer's self-check at the kiosk (issue #3) and staff picking the case up. In customer
// mode (session.mode === 'customer') the session is bound to the one case selfcheck.start
// opened: the evidence calls the customer may make (photos.capture / skip / get, intake.backup,
// intake.accountDisconnected / accountStillLocked, intake.providePin / skipPin) are refused
// for any other case.
import { z } from 'zod'
import { call, code, id, none } from '../define'
import type { SelfCheckFinish, SelfCheckView, StepResult, TicketPrintView } from '../intake-views'

export const selfcheckCalls = {
  /** The customer's return QR code (or label code): opens (or resumes) their case. */
  'selfcheck.start': call<SelfCheckView>()(z.strictObject({ code })),
  /** The case this customer session is on (after a reload), or null. */
  'selfcheck.current': call<SelfCheckView | null>()(none),
  /**
   * The customer is done: records customer.checked_in, prints the ticket on the receipt printer
   * in the customer's language (`locale`, English by default) and returns it to show.
   */
  'selfcheck.finish': call<SelfCheckFinish>()(z.strictObject({ locale: z.enum(['en', 'fr']).optional() })),
  /** Where the ticket selfcheck.finish printed is (its job id from that answer). */
  'selfcheck.ticketPrint': call<TicketPrintView>()(z.strictObject({ jobId: id })),
  /** Clears the session's case (idle timeout, "start over"): nothing recorded is lost. */
  'selfcheck.end': call<null>()(none),
  /** Staff scan the customer's ticket (its QR payload or its number) and take the case over. */
  'cases.pickUp': call<StepResult>()(z.strictObject({ ticket: code })),
}
