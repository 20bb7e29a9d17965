import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ScanCommand } from '@aws-sdk/client-dynamodb'
import { afterAll, afterEach, beforeAll, vi } from 'vitest'
import { runImportCli } from '../../infra/import/cli'
import { createDynamoDbClient } from '../../shared/store/dynamodb-client'
import { DynamoDbStore } from '../../shared/store/dynamodb-store'
import { type LocalDynamoDb, startDynalite } from '../aws/dynalite'

/** A bcrypt hash of cost 10, as a users file holds one. */
export const HASH = '$2b$10$WjX.C73GxmE7I0QFO8GlsOOm1yvsniuCQtruV.4eD5iK9wZRED2xG'

/**
 * Registers, in the calling test file, a dynalite server and a folder for users files for
 * its tests, and returns how to run the import tool against them and read the result.
 */
export function useDynamoImport() {
  const local: { dynamo?: LocalDynamoDb; dir?: string } = {}
  beforeAll(async () => {
    local.dynamo = await startDynalite()
    local.dir = await mkdtemp(join(tmpdir(), 'import-'))
  })
  afterEach(() => {
    vi.unstubAllEnvs()
  })
  afterAll(async () => {
    await local.dynamo?.close()
    if (local.dir) await rm(local.dir, { recursive: true, force: true })
  })
  const dynamo = () => local.dynamo as LocalDynamoDb
  const dir = () => local.dir as string

  async function runImport(table: string, name: string, content: string) {
    const file = join(dir(), name)
    await writeFile(file, content)
    const lines: string[] = []
    const output = {
      log: (line: string) => lines.push(line),
      error: (line: string) => lines.push(line),
    }
    const args = ['--to', 'dynamodb', '--table', table, '--endpoint', dynamo().endpoint, file]
    const code = await runImportCli(args, output)
    return { code, output: lines.join('\n') }
  }

  async function itemCount(table: string): Promise<number> {
    const client = createDynamoDbClient({ endpoint: dynamo().endpoint })
    const { Count } = await client.send(new ScanCommand({ TableName: table, Select: 'COUNT' }))
    client.destroy()
    return Count ?? 0
  }

  function storeOf(table: string) {
    return new DynamoDbStore({
      client: createDynamoDbClient({ endpoint: dynamo().endpoint }),
      tableName: table,
    })
  }

  return { dynamo, dir, runImport, itemCount, storeOf }
}
