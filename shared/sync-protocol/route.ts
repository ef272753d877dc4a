// How one endpoint of the sync protocol is declared: its method and path, who may call it, the
// schemas of what is sent (body, query, path, headers) and of each reply by status. The central
// service registers its routes from these (Fastify validates with them), the kiosk parses every
// reply with them, and central/openapi.yaml is generated from them.
import type { z } from 'zod'

export type SyncMethod = 'GET' | 'POST' | 'HEAD' | 'PATCH'

export interface SyncRoute {
  method: SyncMethod
  url: string
  summary: string
  description?: string
  /** Who may call: anyone, an enrolled kiosk (its bearer token), or the operator. */
  auth: 'none' | 'kiosk' | 'operator'
  body?: z.ZodType
  querystring?: z.ZodType
  params?: z.ZodType
  headers?: z.ZodType
  /** Every reply by status; a reply without a body is declared as `noBody`. */
  response: Record<number, z.ZodType>
  /** What a 400 says to do, before the details of what did not match. */
  badRequest?: string
}

/** Keeps each route's own schema types (a plain annotation would widen them to SyncRoute's). */
export const defineRoute = <R extends SyncRoute>(route: R): R => route

/** The body of a reply that carries only a status and headers. */
export type NoBody = z.ZodNull
