// The sync configuration, kept in the kiosk's settings. The token is read here and by the
// HTTP client only: no view or log ever carries it.
import { DomainError } from '@shared/contract/result'
import type { Settings } from '../store/settings'

export const DEFAULT_NIGHTLY_AT = '02:30'

export interface SyncConfig {
  centralUrl: string | null
  token: string | null
  counterId: string | null
  nightlyAt: string
}

export function readSyncConfig(settings: Settings): SyncConfig {
  return {
    centralUrl: settings.get<string>('sync.centralUrl') ?? null,
    token: settings.get<string>('sync.token') ?? null,
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
    throw new DomainError('invalid_input', 'The central URL is not a valid address: enter it as https://central.example.com.')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new DomainError('invalid_input', 'The central URL must start with https:// (or http:// on a local network).')
  if (url.username || url.password || url.search || url.hash) throw new DomainError('invalid_input', 'Enter the central URL without a user name, query or fragment.')
  return url.toString().replace(/\/+$/, '')
}

/** "HH:MM" (24 h) → a croner pattern "M H * * *". */
export function nightlyPattern(nightlyAt: string): string {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(nightlyAt)
  if (!m) throw new DomainError('invalid_input', 'The nightly time is HH:MM, 24-hour clock, e.g. 02:30.')
  return `${Number(m[2])} ${Number(m[1])} * * *`
}
