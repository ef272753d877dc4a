// central/openapi.yaml is generated from the routes the central service registers with the
// shared protocol's schemas: the file on disk must be what they generate now, and every route
// the protocol declares must be in it.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { OPENAPI_FILE, openapiYaml } from '../../central/openapi'
import { kioskRoutes, operatorRoutes } from '../../shared/sync-protocol'

describe('central/openapi.yaml', () => {
  it('is what the shared protocol generates (run `npm run central:openapi` after changing it)', async () => {
    const generated = await openapiYaml()
    expect(readFileSync(OPENAPI_FILE, 'utf8'), 'central/openapi.yaml and shared/sync-protocol disagree: run npm run central:openapi').toBe(generated)
    for (const route of [...Object.values(kioskRoutes), ...Object.values(operatorRoutes)]) {
      const pathKey = route.url.replace(/:(\w+)/g, '{$1}')
      const at = generated.indexOf(`\n  ${pathKey}:\n`)
      expect(at, `${route.url} is not described`).toBeGreaterThan(0)
      const next = generated.indexOf('\n  /', at + 1)
      expect(generated.slice(at, next === -1 ? undefined : next), `${route.method} ${route.url}`).toContain(`\n    ${route.method.toLowerCase()}:\n`)
    }
  })
})
