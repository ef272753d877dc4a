// The sync configuration, kept in the kiosk's settings. The token is read here and by the
// HTTP client only: no view or log ever carries it. It is stored sealed with the kiosk's
// SecretBox (the key outside the database), so a copy of the database alone cannot push or
// pull as this kiosk. A plain string is still read (a client built without secrets: tests and
// the benchmark; tokens stored before sealing).
import { DomainError, reason } from '@shared/contract/result'
import type { SecretBox } from '../secrets/secret-box'
import type { Settings } from '../store/settings'

const TOKEN_CONTEXT = 'sync-token'

/** The token as stored in the settings. */
export type StoredToken = string | { sealed: string }

/** What to store for a token: sealed when the kiosk has its secrets (the services always do). */
export function storedToken(token: string, secrets: SecretBox | undefined): StoredToken {
  return secrets ? { sealed: secrets.seal(token, TOKEN_CONTEXT) } : token
}

/** The bearer token of a stored one. */
export function openToken(stored: StoredToken, secrets: SecretBox | undefined): string {
  if (typeof stored === 'string') return stored
  if (!secrets) throw new DomainError('unavailable', reason('sync.tokenSealed', 'The sync token is sealed and this kiosk cannot open it: enrol the kiosk again.'))
  return secrets.open(stored.sealed, TOKEN_CONTEXT)
}

export const DEFAULT_NIGHTLY_AT = '02:30'

export interface SyncConfig {
  centralUrl: string | null
  /** Present once enrolled; openToken gives the bearer token. */
  token: StoredToken | null
  counterId: string | null
  nightlyAt: string
}

export function readSyncConfig(settings: Settings): SyncConfig {
  return {
    centralUrl: settings.get<string>('sync.centralUrl') ?? null,
    token: settings.get<StoredToken>('sync.token') ?? null,
    counterId: settings.get<string>('sync.counterId') ?? null,
    nightlyAt: settings.get<string>('sync.nightlyAt') ?? DEFAULT_NIGHTLY_AT,
  }
}

/** An http(s) URL without credentials, query or fragment, normalised to end without a slash. */
export function normalizeCentralUrl(raw: string): string {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    throw new DomainError('invalid_input', reason('sync.urlInvalid', 'The central URL is not a valid address: enter it as https://central.example.com.'))
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new DomainError('invalid_input', reason('sync.urlScheme', 'The central URL must start with https:// (or http:// on a local network).'))
  if (url.username || url.password || url.search || url.hash) throw new DomainError('invalid_input', reason('sync.urlExtras', 'Enter the central URL without a user name, query or fragment.'))
  return url.toString().replace(/\/+$/, '')
}

/** "HH:MM" (24 h) → a croner pattern "M H * * *". */
export function nightlyPattern(nightlyAt: string): string {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(nightlyAt)
  if (!m) throw new DomainError('invalid_input', reason('sync.nightlyTime', 'The nightly time is HH:MM, 24-hour clock, e.g. 02:30.'))
  return `${Number(m[2])} ${Number(m[1])} * * *`
}
