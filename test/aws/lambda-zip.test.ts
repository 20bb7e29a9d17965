import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fromBuffer } from 'yauzl'
import { AWS_ZIP } from '../../infra/build/aws-artifact'
import { CONFORMANCE_CREDENTIALS } from '../conformance/fixtures'
import { passwordVerifyCall } from '../conformance/requests'
import { readJson } from '../conformance/target'
import { FIREBASE_ENV, FORMAT_USER_ROWS, FORMAT_USERS } from '../passwords/format-users'
import { type LocalDynamoDb, startDynalite } from './dynalite'
import { type FetchTarget, type LambdaHandler, lambdaTarget } from './lambda-invoke'
import { seedUsers } from './seed-users'

/** Writes every file of the zip under `dir`, as Lambda unpacks a deployment package. */
async function unzip(zipPath: string, dir: string): Promise<string[]> {
  const buffer = await readFile(zipPath)
  const files: { name: string; data: Buffer }[] = await new Promise((resolve, reject) => {
    fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error)
      const read: { name: string; data: Buffer }[] = []
      zip.on('entry', (entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError)
          const chunks: Buffer[] = []
          stream.on('data', (chunk: Buffer) => chunks.push(chunk))
          stream.on('end', () => {
            read.push({ name: entry.fileName, data: Buffer.concat(chunks) })
            zip.readEntry()
          })
        })
      })
      zip.on('end', () => resolve(read))
      zip.on('error', reject)
      zip.readEntry()
    })
  })
  for (const { name, data } of files) {
    await mkdir(dirname(join(dir, name)), { recursive: true })
    await writeFile(join(dir, name), data)
  }
  return files.map(({ name }) => name)
}

let dir: string
let dynamo: LocalDynamoDb
let entries: string[]
let lambda: FetchTarget
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lambda-zip-'))
  entries = await unzip(AWS_ZIP, dir)
  dynamo = await startDynalite()
  const table = await dynamo.createTable()
  await seedUsers(dynamo.endpoint, table, FORMAT_USER_ROWS)
  Object.assign(process.env, {
    USERS_TABLE: table,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    WEBHOOK_USERNAME: CONFORMANCE_CREDENTIALS.username,
    WEBHOOK_PASSWORD: CONFORMANCE_CREDENTIALS.password,
    LOG_LEVEL: 'silent',
    ...FIREBASE_ENV,
  })
  const module = (await import(/* @vite-ignore */ join(dir, 'handler.mjs'))) as {
    handler: LambdaHandler
  }
  lambda = lambdaTarget(module.handler, 'httpApi')
})
afterAll(async () => {
  await dynamo.close()
  await rm(dir, { recursive: true, force: true })
})

describe('the deployment package', () => {
  it('holds the entry at its root and the chunks it loads on first use beside it', () => {
    expect(entries).toContain('handler.mjs')
    expect(entries.filter((name) => name.startsWith('chunks/')).length).toBeGreaterThan(0)
  })

  it.each(FORMAT_USERS.map((user) => [user.format, user]))(
    'verifies a %s password when unpacked alone, loading its chunks from the package',
    async (_format, user) => {
      const right = await lambda(passwordVerifyCall(user.username, user.password))
      const wrong = await lambda(passwordVerifyCall(user.username, user.wrong))

      expect((await readJson(right)).data).toEqual({ success: true })
      expect((await readJson(wrong)).data).toEqual({ success: false })
    },
  )
})
