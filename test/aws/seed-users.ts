import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type CliOutput, EXIT_OK, runImportCli } from '../../infra/import/cli'

/**
 * Fills a table through the import tool, as a deployment would, keeping hashes no
 * verifier knows: the conformance users hold one on purpose.
 */
export async function seedUsers(endpoint: string, table: string, rows: readonly unknown[]) {
  const dir = await mkdtemp(join(tmpdir(), 'users-'))
  const file = join(dir, 'users.json')
  const lines: string[] = []
  const output: CliOutput = { log: (line) => lines.push(line), error: (line) => lines.push(line) }
  try {
    await writeFile(file, JSON.stringify(rows))
    const code = await runImportCli(
      ['--to', 'dynamodb', '--table', table, '--endpoint', endpoint, '--keep-unknown-hashes', file],
      output,
    )
    if (code !== EXIT_OK) throw new Error(`seeding ${table} failed:\n${lines.join('\n')}`)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
