// The calls the customer's self-check screen makes (added to staff/access.ts customerModeCalls).
// Each one that names a case is limited to the session's own case (intake/customer-cases.ts).
import type { CallName } from '@shared/contract/calls'

export const selfCheckCalls: readonly CallName[] = [
  'selfcheck.start',
  'selfcheck.current',
  'selfcheck.finish',
  'selfcheck.ticketPrint',
  'selfcheck.end',
  'photos.capture',
  'photos.skip',
  'photos.get',
  'intake.backup',
  'intake.accountDisconnected',
  'intake.accountStillLocked',
  'intake.providePin',
  'intake.skipPin',
]
