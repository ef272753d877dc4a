// The reference central service in this process, on a fresh database of a test file's
// cluster and a fresh photos dir, listening on a free loopback port.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildCentral, type CentralOptions } from '../../central/app'
import { createEnrolmentCode } from '../../central/auth'
import { CaseProjector } from '../../central/case-projector'
import { migrate, openDb, type Db } from '../../central/db'
import { DiskPhotoStorage } from '../../central/photo-storage'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { startPostgres, type PgCluster } from './postgres'

export interface TestCentral {
  url: string
  db: Db
  app: FastifyInstance
  photosDir: string
  operatorToken: string
  createCode(counterId?: string): Promise<string>
  /** Brings the cases projection up to date, as an operator read does first (pushes do not project). */
  projected(): Promise<void>
  close(): Promise<void>
}

/** `configure` runs before the app listens (e.g. to add a fault-injecting hook); `options` tune the service. */
export async function startCentral(
  cluster: PgCluster,
  configure?: (app: FastifyInstance) => void,
  options: Pick<CentralOptions, 'tokenCacheMs' | 'pushOrderWaitMs' | 'projectionQuietMs'> = {},
): Promise<TestCentral> {
  const db = openDb(await cluster.createDatabase(), 20)
  await migrate(db)
  const photosDir = mkdtempSync(path.join(os.tmpdir(), 'dropdesk-central-photos-'))
  const operatorToken = 'operator-test-token'
  const app = buildCentral({ db, photos: new DiskPhotoStorage(photosDir), logger: false, operatorToken, ...options })
  configure?.(app)
  const url = await app.listen({ port: 0, host: '127.0.0.1' })
  return {
    url,
    db,
    app,
    photosDir,
    operatorToken,
    createCode: async (counterId = 'C1') => (await createEnrolmentCode(db, counterId)).code,
    projected: async () => void (await new CaseProjector(db).catchUpAll()),
    async close() {
      await app.close()
      await db.end()
      rmSync(photosDir, { recursive: true, force: true })
    },
  }
}

/**
 * For a test file: a throw-away PostgreSQL cluster for the whole file, and `start()` for a
 * central service on it that is closed after the test that started it. Call at module level.
 */
export function centralPerTest(): { start(configure?: (app: FastifyInstance) => void, options?: Parameters<typeof startCentral>[2]): Promise<TestCentral> } {
  let cluster: PgCluster | undefined
  const started: TestCentral[] = []
  beforeAll(async () => {
    cluster = await startPostgres()
  })
  afterAll(() => cluster?.stop())
  afterEach(async () => {
    for (const c of started.splice(0)) await c.close()
  })
  return {
    async start(configure, options) {
      const c = await startCentral(cluster!, configure, options)
      started.push(c)
      return c
    },
  }
}
