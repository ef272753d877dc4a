// Wires the privacy module into the services: GDPR calls, and the retention purge run once at
// start and then daily at 03:30 in the counter's time zone (croner), off the counter's hours.
import { Cron } from 'croner'
import type { ServiceContext } from '../context'
import { privacyHandlers } from '../handlers/privacy'
import { PhotoStore } from '../photos/photo-store'
import { CaseEraser } from './case-eraser'
import { CustomerData } from './customer-data'
import { PrivacyLog } from './privacy-log'
import { PrivacyService } from './privacy-service'

export const RETENTION_CRON = '30 3 * * *'

export function createPrivacy(ctx: ServiceContext, dataDir: string) {
  const photos = new PhotoStore(dataDir)
  const customers = new CustomerData(ctx.store.db, ctx.store.orders, photos)
  const service = new PrivacyService({
    db: ctx.store.db,
    settings: ctx.store.settings,
    kioskId: ctx.kioskId,
    now: ctx.now,
    log: ctx.log,
    eraser: new CaseEraser(ctx.store.db, photos),
    customers,
    audit: new PrivacyLog(ctx.store.db, ctx.kioskId),
  })
  const purge = (): void => {
    if (!ctx.store.db.open) return
    try {
      service.runRetention()
    } catch (e) {
      // Logged without data: the error names a table or a constraint, never a value.
      ctx.log.error('retention purge failed; it runs again at the next start or night', { error: e instanceof Error ? e.message : String(e) })
    }
  }
  purge()
  const cron = new Cron(RETENTION_CRON, { timezone: ctx.timeZone, unref: true }, purge)
  return { handlers: privacyHandlers(service, customers), service, stop: () => cron.stop() }
}
