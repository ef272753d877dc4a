// central/openapi.yaml is generated from the routes the service registers, whose schemas are the
// shared protocol's (shared/sync-protocol): `npm run central:openapi` writes it, and a test fails
// when the file and the schemas disagree. Nothing in it is written by hand.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import swagger, { type SwaggerOptions } from '@fastify/swagger'
import { jsonSchemaTransform } from 'fastify-type-provider-zod'
import { buildCentral } from './app'
import type { Db } from './db'
import type { PhotoStorage } from './photo-storage'

export const OPENAPI_FILE = path.join(__dirname, 'openapi.yaml')

const HEADER = '# Generated from shared/sync-protocol by `npm run central:openapi`: do not edit by hand.\n'

export const openapiOptions: SwaggerOptions = {
  openapi: {
    openapi: '3.1.0',
    info: {
      title: 'DropDesk central sync protocol',
      version: '1',
      description:
        'What a DropDesk kiosk and its central system say to each other. The prose, with the guarantees and the retry rules, is PROTOCOL.md beside this file. The reference implementation is central/ (Fastify + PostgreSQL); the schemas are shared/sync-protocol.',
    },
    servers: [{ url: 'https://central.example.com' }],
    components: {
      securitySchemes: {
        kioskToken: { type: 'http', scheme: 'bearer', description: 'The per-kiosk token returned by POST /v1/enrol. Revocable.' },
        operatorToken: { type: 'http', scheme: 'bearer', description: "The operator's token (reference service: --operator-token)." },
      },
    },
  },
  transform: jsonSchemaTransform,
}

/** The service's description as YAML, from a service built without a database (never queried). */
export async function openapiYaml(): Promise<string> {
  const unused = new Proxy({}, { get: () => () => Promise.reject(new Error('not used to describe the service')) })
  const app = buildCentral({ db: unused as Db, photos: unused as PhotoStorage, logger: false, describe: (a) => a.register(swagger, openapiOptions) })
  await app.ready()
  const yaml = app.swagger({ yaml: true })
  await app.close()
  return HEADER + yaml
}

if (require.main === module) {
  void openapiYaml().then((yaml) => {
    writeFileSync(OPENAPI_FILE, yaml)
    console.log(`wrote ${path.relative(process.cwd(), OPENAPI_FILE)}`)
  })
}
