import { z } from 'zod'
import { call, none } from '../define'
import type { QuarantineItem, SyncStatusView } from '../sync-views'

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'is HH:MM on a 24-hour clock')

export const syncCalls = {
  /** Anyone signed in: the header shows it. */
  'sync.status': call<SyncStatusView>()(none),
  /** "Sync now": resolves when the run is over (progress arrives as `sync.progress`). */
  'sync.now': call<SyncStatusView>()(none),
  /** Supervisor: the central URL (null or '' to work alone) and the nightly time. */
  'sync.configure': call<SyncStatusView>()(
    z.strictObject({ centralUrl: z.string().max(2048).nullable().optional(), nightlyAt: hhmm.optional() }),
  ),
  /** Supervisor: trades a one-time enrolment code for this kiosk's token (kept in the services). */
  'sync.enrol': call<SyncStatusView>()(z.strictObject({ code: z.string().trim().min(4).max(64) })),
  'sync.quarantine': call<QuarantineItem[]>()(none),
  'sync.retry': call<SyncStatusView>()(z.strictObject({ kind: z.enum(['event', 'photo', 'order']), ref: z.string().min(1).max(128) })),
}
