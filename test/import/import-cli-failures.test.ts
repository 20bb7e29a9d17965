import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it, vi } from 'vitest'
import { EXIT_FAILED, runImportCli } from '../../infra/import/cli'
import { useDynamoImport } from './dynamodb-import'

const { dynamo, dir, runImport, itemCount } = useDynamoImport()

describe('users:import --to dynamodb, when it stops', () => {
  it('names the table and region when the table does not exist', async () => {
    const { code, output } = await runImport('no-such-table', 'users.json', '[{"username":"a"}]')

    expect(code).toBe(EXIT_FAILED)
    expect(output).toContain('table no-such-table not found in region us-east-1')
    expect(output).toContain('npx sls info --verbose --region')
  })

  it('asks for --region or AWS_REGION when no region is set', async () => {
    const table = await dynamo().createTable()
    vi.stubEnv('AWS_REGION', undefined)
    // Nor from a profile that `aws configure` wrote on this machine.
    vi.stubEnv('AWS_CONFIG_FILE', join(dir(), 'no-aws-config'))
    vi.stubEnv('AWS_PROFILE', undefined)

    const { code, output } = await runImport(table, 'users.json', '[{"username":"a"}]')

    expect(code).toBe(EXIT_FAILED)
    expect(output).toContain('no AWS region: pass --region')
    expect(output).toContain('or set AWS_REGION')
  })

  it('counts the users written before a failed write and lists the refused rows', async () => {
    const table = await dynamo().createTable()
    // DynamoDB refuses an item over 400 KB: a real failure, in the second batch of 25. The
    // hash is of a format no verifier knows, which --keep-unknown-hashes lets through.
    const rows = [
      { aliases: [] },
      ...Array.from({ length: 30 }, (_, i) => ({ username: `u${i}@example.com` })),
      { username: 'huge@example.com', passwordHash: `$md6$${'h'.repeat(410_000)}` },
    ]
    const file = join(dir(), 'huge.json')
    await writeFile(file, JSON.stringify(rows))
    const lines: string[] = []
    const args = ['--to', 'dynamodb', '--table', table, '--endpoint', dynamo().endpoint]

    const code = await runImportCli([...args, '--keep-unknown-hashes', file], {
      log: (line) => lines.push(line),
      error: (line) => lines.push(line),
    })

    expect(code).toBe(EXIT_FAILED)
    expect(lines[0]).toMatch(/^import failed: ValidationException: Item size has exceeded/)
    expect(lines[1]).toMatch(/^wrote 25 users to dynamodb before the failure .*, refused 1;/)
    expect(lines[2]).toBe('refused index 0: username is missing')
    expect(lines.join('\n')).not.toContain('hhhh')
    expect(await itemCount(table)).toBe(25)
  })

  it('refuses a flag of another target, such as --local, and writes nothing', async () => {
    const table = await dynamo().createTable()
    const file = join(dir(), 'local.json')
    await writeFile(file, '[{"username":"a@example.com"}]')
    const lines: string[] = []
    const args = ['--to', 'dynamodb', '--table', table, '--endpoint', dynamo().endpoint, '--local']

    const code = await runImportCli([...args, file], {
      log: (line) => lines.push(line),
      error: (line) => lines.push(line),
    })

    expect(code).toBe(EXIT_FAILED)
    expect(lines.join('\n')).toContain(
      '--local: not a flag of --to dynamodb, whose flags are --table, --endpoint, --region',
    )
    expect(lines.join('\n')).toMatch(/--to kv\n(.*\n)*\s+--local: /)
    expect(await itemCount(table)).toBe(0)
  })

  it.each([
    ['a CSV file with only its header', 'users.csv', 'username,passwordHash\n'],
    ['an empty CSV file', 'users.csv', ''],
    ['an empty JSON array', 'users.json', '[]'],
  ])('stops on %s, naming the file, and writes nothing', async (_, name, content) => {
    const table = await dynamo().createTable()

    const { code, output } = await runImport(table, name, content)

    expect(code).toBe(EXIT_FAILED)
    expect(output).toMatch(new RegExp(`^import failed: .*${name} holds no users;`))
    expect(await itemCount(table)).toBe(0)
  })

  it('exits 2 with the usage when --table is missing', async () => {
    const run = promisify(execFile)

    const failure = await run('npx', [
      'tsx',
      'infra/import/main.ts',
      '--to',
      'dynamodb',
      'x.json',
    ]).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    )

    expect(failure?.code).toBe(EXIT_FAILED)
    expect(failure?.stderr).toContain('--table is required')
  })
})
