// The kiosk's sync with the central system: push the outbox, upload photos, pull the manifest.
// Runs nightly (croner, in the counter's time zone), on "Sync now", and again after a failure
// with exponential backoff and jitter until the centre answers (which is how a reconnect is
// noticed). Without a central URL and token it idles: the kiosk works alone.
import { Cron } from 'croner'
import type { EventName, EventPayload } from '@shared/contract/events'
import { DomainError, reason } from '@shared/contract/result'
import type { QuarantineItem, SyncStatusView } from '@shared/contract/sync-views'
import type { Log } from '../log'
import type { Store } from '../store'
import { backoffDelay, defaultBackoff, type BackoffOptions } from './backoff'
import { CentralClient, CentralError } from './central-client'
import { pullManifest } from './manifest-pull'
import { noPhotos, type PhotoSource } from './photo-source'
import { uploadPhotos } from './photo-upload'
import { pushOutbox, retryEvent } from './push'
import type { SecretBox } from '../secrets/secret-box'
import { nightlyPattern, normalizeCentralUrl, openToken, readSyncConfig, storedToken } from './sync-config'
import { SyncLedger, type QuarantineKind } from './sync-ledger'
import type { OutboxEvent } from './outbox-event'

export interface SyncClientOptions {
  store: Store
  kioskId: string
  timeZone: string
  log: Log
  now?: () => Date
  emit?: <E extends EventName>(name: E, payload: EventPayload<E>) => void
  batchSize?: number
  /** Event batches in flight at once (default 3: one stored at the centre, one being checked, one on the wire). */
  pushDepth?: number
  chunkBytes?: number
  photoConcurrency?: number
  manifestPageSize?: number
  backoff?: BackoffOptions
  /** Attempts within one sync() before it gives up and leaves the rest to background retries. */
  maxAttempts?: number
  /** Background retries after a failed sync (false in tests that want to count attempts). */
  retryInBackground?: boolean
  onBatchSent?: (events: OutboxEvent[]) => void
  /** Seals the enrolment token at rest (sync-config.ts); the services always pass the kiosk's. */
  secrets?: SecretBox
}

export class SyncClient {
  private readonly ledger: SyncLedger
  private readonly now: () => Date
  private photoSource: PhotoSource = noPhotos
  private readonly caseHooks = new Set<(caseId: string) => void>()
  private running: Promise<SyncStatusView> | null = null
  private retryTimer: NodeJS.Timeout | null = null
  private nextRetryAt: Date | null = null
  private failures = 0
  private cron: Cron | null = null
  private lastError: { message: string; at: string } | null = null
  private readonly attemptedPhotos = new Set<string>()

  constructor(private readonly o: SyncClientOptions) {
    this.ledger = new SyncLedger(o.store.db)
    this.now = o.now ?? (() => new Date())
  }

  setPhotoSource(source: PhotoSource): void {
    this.photoSource = source
  }

  /** Read at each batch, so a source set while a sync runs (start-up) is used from then on. */
  private readonly currentPhotoSource: PhotoSource = { photosFor: (ids) => this.photoSource.photosFor(ids) }

  /** Called once a case's events and photos are all acknowledged (the intake purges its PIN). */
  onCaseSynced(hook: (caseId: string) => void): () => void {
    this.caseHooks.add(hook)
    this.deliverCaseNotices()
    return () => this.caseHooks.delete(hook)
  }

  /** Schedules the nightly run and catches up on work left by a previous run. */
  start(): void {
    this.reschedule()
    if (this.configured()) void this.sync('start').catch(() => {})
  }

  stop(): void {
    this.cron?.stop()
    this.cron = null
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = null
    this.nextRetryAt = null
  }

  configured(): boolean {
    const c = readSyncConfig(this.o.store.settings)
    return !!(c.centralUrl && c.token)
  }

  configure(input: { centralUrl?: string | null; nightlyAt?: string }): SyncStatusView {
    const s = this.o.store.settings
    if (input.nightlyAt !== undefined) {
      nightlyPattern(input.nightlyAt)
      s.set('sync.nightlyAt', input.nightlyAt)
    }
    if (input.centralUrl !== undefined) {
      const url = input.centralUrl === null || input.centralUrl.trim() === '' ? null : normalizeCentralUrl(input.centralUrl)
      if (url !== readSyncConfig(s).centralUrl) {
        // Another centre: the token, cursor and counter of the old one mean nothing there.
        s.set('sync.centralUrl', url)
        s.set('sync.token', null)
        s.set('sync.counterId', null)
        this.ledger.setState('manifest.cursor', '0')
      }
    }
    this.reschedule()
    return this.status()
  }

  async enrol(code: string): Promise<SyncStatusView> {
    const { centralUrl } = readSyncConfig(this.o.store.settings)
    if (!centralUrl) throw new DomainError('invalid_input', reason('sync.urlFirst', 'Set the central URL first, then enter the enrolment code.'))
    try {
      const r = await new CentralClient(centralUrl, null).enrol(code, this.o.kioskId)
      this.o.store.settings.set('sync.token', storedToken(r.token, this.o.secrets))
      this.o.store.settings.set('sync.counterId', r.counterId)
    } catch (e) {
      if (e instanceof CentralError) {
        if (e.retriable) throw new DomainError('unavailable', reason('sync.noAnswer', `The central system did not answer (${e.message}). Check the URL and the network, then try again.`, { detail: e.message }))
        throw new DomainError('forbidden', reason('sync.enrolRefused', e.message, { detail: e.message }))
      }
      throw e
    }
    this.o.log.info('kiosk enrolled with the central system', { kioskId: this.o.kioskId })
    this.lastError = null
    this.reschedule()
    this.emitStatus()
    return this.status()
  }

  status(): SyncStatusView {
    const c = readSyncConfig(this.o.store.settings)
    return {
      configured: !!(c.centralUrl && c.token),
      centralUrl: c.centralUrl,
      enrolled: !!c.token,
      counterId: c.counterId,
      nightlyAt: c.nightlyAt,
      running: this.running !== null,
      lastSuccessAt: this.ledger.state('last.success') ?? null,
      lastAttemptAt: this.ledger.state('last.attempt') ?? null,
      lastError: this.lastError,
      nextRetryAt: this.nextRetryAt?.toISOString() ?? null,
      ...this.ledger.counts(),
      pendingPhotos: this.ledger.photosToSend(),
    }
  }

  quarantine(): QuarantineItem[] {
    return this.ledger.quarantined().map(({ seq: _seq, ...q }) => q)
  }

  /** Syncs now (or joins the sync already running); resolves with the status afterwards. */
  sync(reason: string): Promise<SyncStatusView> {
    if (!this.configured()) return Promise.resolve(this.status())
    this.running ??= this.attempts(reason).finally(() => {
      this.running = null
      this.emitStatus()
    })
    return this.running
  }

  private async attempts(reason: string): Promise<SyncStatusView> {
    const max = this.o.maxAttempts ?? 5
    for (let attempt = 0; ; attempt++) {
      if (!this.o.store.db.open) return this.status()
      try {
        await this.runOnce()
        this.failures = 0
        this.lastError = null
        this.ledger.setState('last.success', this.now().toISOString())
        if (this.retryTimer) clearTimeout(this.retryTimer)
        this.retryTimer = null
        this.nextRetryAt = null
        const c = this.ledger.counts()
        // (Field names avoid words the log sink redacts as personal data.)
        this.o.log.info('sync done', { reason, pendingEvents: c.pendingEvents, pendingUploads: c.pendingPhotos, quarantined: c.quarantined })
        return this.status()
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e)
        this.lastError = { message, at: this.now().toISOString() }
        this.o.log.warn('sync failed', { reason, attempt, error: message })
        this.emitStatus()
        const retriable = e instanceof CentralError && e.retriable
        if (!retriable || attempt + 1 >= max) {
          if (retriable) this.scheduleRetry()
          return this.status()
        }
        await new Promise((r) => setTimeout(r, backoffDelay(attempt, this.o.backoff ?? defaultBackoff)))
      }
    }
  }

  private scheduleRetry(): void {
    if (this.o.retryInBackground === false || !this.o.store.db.open) return
    const delay = backoffDelay(++this.failures, this.o.backoff ?? defaultBackoff)
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.nextRetryAt = new Date(Date.now() + delay)
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      this.nextRetryAt = null
      if (this.o.store.db.open) void this.sync('retry').catch(() => {})
    }, delay)
    this.retryTimer.unref()
  }

  private client(): CentralClient {
    const c = readSyncConfig(this.o.store.settings)
    return new CentralClient(c.centralUrl!, c.token === null ? null : openToken(c.token, this.o.secrets))
  }

  private async runOnce(): Promise<void> {
    this.ledger.setState('last.attempt', this.now().toISOString())
    const client = this.client()
    const progress = (phase: 'events' | 'photos' | 'manifest', done: number, total: number) => this.o.emit?.('sync.progress', { phase, done, total })
    const onCasesSynced = () => this.deliverCaseNotices()
    await pushOutbox(client, this.ledger, {
      // Per batch the kiosk commits once and the centre runs one statement. 2,000 measured best
      // (sync benchmark: 1,000 pays the per-batch costs twice as often; 5,000 makes PostgreSQL's
      // insert itself slower, in the raw baseline too) and keeps a batch's reply small.
      batchSize: this.o.batchSize ?? 2000,
      depth: this.o.pushDepth ?? 3,
      photoSource: this.currentPhotoSource,
      now: this.now,
      onProgress: (d, t) => progress('events', d, t),
      onCasesSynced,
      onBatchSent: this.o.onBatchSent,
    })
    await uploadPhotos(client, this.ledger, {
      chunkBytes: this.o.chunkBytes ?? 1024 * 1024,
      attempted: this.attemptedPhotos,
      concurrency: this.o.photoConcurrency ?? 4,
      now: this.now,
      onProgress: (d, t) => progress('photos', d, t),
      onCasesSynced,
    })
    await pullManifest(client, this.o.store, this.ledger, { pageSize: this.o.manifestPageSize ?? 5000, now: this.now, onProgress: (p) => progress('manifest', p, p) })
    this.o.emit?.('sync.progress', { phase: 'done', done: 1, total: 1 })
  }

  /** A supervisor's retry of one quarantined record. */
  async retry(kind: QuarantineKind, ref: string): Promise<SyncStatusView> {
    if (!this.configured()) throw new DomainError('unavailable', reason('sync.notConfigured', 'No central system is configured: set its URL and enrol this kiosk first.'))
    const item = this.ledger.quarantinedOne(kind, ref)
    if (!item) throw new DomainError('not_found', reason('sync.notQuarantined', 'This record is no longer in quarantine.'))
    try {
      if (kind === 'event') await retryEvent(this.client(), this.ledger, { photoSource: this.currentPhotoSource, now: this.now, onCasesSynced: () => this.deliverCaseNotices() }, ref)
      else {
        // Photos and orders are fetched again by the next sync once out of quarantine.
        this.ledger.unquarantine(kind, ref)
        if (kind === 'order') this.ledger.setState('manifest.cursor', '0')
        await this.sync('retry')
      }
    } catch (e) {
      if (e instanceof CentralError) throw new DomainError('unavailable', reason('sync.refused', `The central system did not take it: ${e.message}`, { detail: e.message }))
      throw e
    }
    this.emitStatus()
    return this.status()
  }

  /** Hands newly synced cases to the hooks; a case is marked only once every hook returned. */
  private deliverCaseNotices(): void {
    if (!this.caseHooks.size || !this.o.store.db.open) return
    for (const caseId of this.ledger.unnotifiedCases()) {
      try {
        for (const hook of this.caseHooks) hook(caseId)
        this.ledger.markNotified(caseId)
      } catch (e) {
        this.o.log.error('case synced hook failed', { caseId, error: e instanceof Error ? e.message : String(e) })
      }
    }
  }

  private reschedule(): void {
    this.cron?.stop()
    this.cron = null
    if (!this.configured()) return
    const { nightlyAt } = readSyncConfig(this.o.store.settings)
    this.cron = new Cron(nightlyPattern(nightlyAt), { timezone: this.o.timeZone, unref: true }, () => {
      if (this.o.store.db.open) void this.sync('nightly').catch(() => {})
      else this.stop()
    })
  }

  nextNightlyRun(): Date | null {
    return this.cron?.nextRun() ?? null
  }

  private emitStatus(): void {
    if (this.o.store.db.open) this.o.emit?.('sync.status', this.status())
  }
}
