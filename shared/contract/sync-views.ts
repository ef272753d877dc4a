// What the renderer sees of the sync with the central system. The kiosk's token never
// leaves the services: `enrolled` says whether there is one.

export interface SyncStatusView {
  /** A central URL is set and the kiosk is enrolled: the client syncs. Otherwise it idles. */
  configured: boolean
  centralUrl: string | null
  enrolled: boolean
  counterId: string | null
  /** Local time "HH:MM" of the nightly sync. */
  nightlyAt: string
  running: boolean
  lastSuccessAt: string | null
  lastAttemptAt: string | null
  lastError: { message: string; at: string } | null
  nextRetryAt: string | null
  pendingEvents: number
  pendingPhotos: number
  quarantined: number
}

export interface SyncProgress {
  phase: 'events' | 'photos' | 'manifest' | 'done'
  done: number
  total: number
}

export interface QuarantineItem {
  kind: 'event' | 'photo' | 'order'
  ref: string
  caseId: string | null
  /** The HTTP status the central system answered (0: a problem on this kiosk). */
  status: number
  /** The central system's reason, as it gave it. */
  reason: string
  at: string
}
