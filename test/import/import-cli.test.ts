import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { EXIT_FAILED, EXIT_OK, EXIT_ROWS_REFUSED, runImportCli } from '../../infra/import/cli'
import { FIREBASE_ENV, FORMAT_USERS } from '../passwords/format-users'
import { HASH, useDynamoImport } from './dynamodb-import'

const { dynamo, dir, runImport, itemCount, storeOf } = useDynamoImport()

const CSV = [
  'username,aliases,passwordHash,status',
  `Jane@Example.com,+49 151 1234567|jane,${HASH},active`,
  `bob@example.com,,${HASH},blocked`,
  '"carol@example.com"',
  `,,${HASH},`,
  `erin@example.com,,${HASH},suspended`,
].join('\n')

describe('users:import --to dynamodb', () => {
  it('writes every user of a JSON file and reports the count', async () => {
    const table = await dynamo().createTable()
    const users = [
      { username: 'Jane@Example.com', aliases: ['+49 151 1234567'], passwordHash: HASH },
      { username: 'bob@example.com', status: 'blocked' },
    ]

    const { code, output } = await runImport(table, 'users.json', JSON.stringify(users))

    expect(code).toBe(EXIT_OK)
    expect(output).toBe('wrote 2 users to dynamodb, refused 0')
    expect((await storeOf(table).findUser('+491511234567'))?.username).toBe('jane@example.com')
    expect(await itemCount(table)).toBe(3)
  })

  it('refuses bad CSV rows by their line, writes the rest and exits 1', async () => {
    const table = await dynamo().createTable()

    const { code, output } = await runImport(table, 'users.csv', CSV)

    expect(code).toBe(EXIT_ROWS_REFUSED)
    expect(output).toContain('wrote 3 users to dynamodb, refused 2')
    expect(output).toContain('refused line 5: username')
    expect(output).toContain('refused line 6: status')
    expect((await storeOf(table).findUser('jane'))?.username).toBe('jane@example.com')
    expect((await storeOf(table).findUser('bob@example.com'))?.status).toBe('blocked')
  })

  it('names the other row of a duplicate identifier in a CSV file by its line', async () => {
    const table = await dynamo().createTable()
    const csv = 'username,aliases\n\na@example.com,jane\nb@example.com,jane\n'

    const { code, output } = await runImport(table, 'users.csv', csv)

    expect(code).toBe(EXIT_ROWS_REFUSED)
    expect(output).toContain('refused line 4: an identifier is already used by line 3')
  })

  it('refuses bad JSON rows by their index', async () => {
    const table = await dynamo().createTable()
    const rows = [{ username: 'a@example.com' }, { username: 'a@example.com' }, { aliases: [] }]

    const { code, output } = await runImport(table, 'users.json', JSON.stringify(rows))

    expect(code).toBe(EXIT_ROWS_REFUSED)
    expect(output).toContain('refused index 1: an identifier is already used by index 0')
    expect(output).toContain('refused index 2: username')
  })

  it('refuses a row whose hash no verifier knows, naming the row and not the hash', async () => {
    const table = await dynamo().createTable()
    const unknownHash = '$md6$rounds=9$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo'
    const rows = [
      { username: 'ok@example.com', passwordHash: HASH },
      { username: 'odd@example.com', passwordHash: unknownHash },
    ]

    const { code, output } = await runImport(table, 'users.json', JSON.stringify(rows))

    expect(code).toBe(EXIT_ROWS_REFUSED)
    expect(output).toContain('wrote 1 user to dynamodb,')
    expect(output).toContain('refused index 1: passwordHash is in a format no verifier knows')
    expect(output).not.toContain('c2FsdHNhbHQ')
    expect(await itemCount(table)).toBe(1)
  })

  it('imports a Firebase scrypt hash when the shell has the FIREBASE_* settings', async () => {
    const table = await dynamo().createTable()
    const firebase = FORMAT_USERS.find((user) => user.format === 'firebase-scrypt')
    const rows = JSON.stringify([{ username: 'fb@example.com', passwordHash: firebase?.hash }])
    const without = await runImport(table, 'firebase.json', rows)
    for (const [name, value] of Object.entries(FIREBASE_ENV)) vi.stubEnv(name, value)

    const withSettings = await runImport(table, 'firebase.json', rows)

    expect(without.code).toBe(EXIT_ROWS_REFUSED)
    expect(withSettings.code).toBe(EXIT_OK)
    expect((await storeOf(table).findUser('fb@example.com'))?.passwordHash).toBe(firebase?.hash)
  })

  it('refuses a damaged hash of a known format, with --keep-unknown-hashes too', async () => {
    const table = await dynamo().createTable()
    const file = join(dir(), 'damaged.json')
    const damaged = HASH.slice(0, -5)
    const rows = [
      { username: 'ok@example.com', passwordHash: HASH },
      { username: 'cut@example.com', passwordHash: damaged },
    ]
    await writeFile(file, JSON.stringify(rows))
    const args = ['--to', 'dynamodb', '--table', table, '--endpoint', dynamo().endpoint]
    const lines: string[] = []
    const out = {
      log: (line: string) => lines.push(line),
      error: (line: string) => lines.push(line),
    }

    const code = await runImportCli([...args, '--keep-unknown-hashes', file], out)

    expect(code).toBe(EXIT_ROWS_REFUSED)
    expect(lines.join('\n')).toContain('refused index 1: passwordHash cannot be used: bcrypt hash')
    expect(lines.join('\n')).not.toContain(damaged.slice(7))
    expect(await itemCount(table)).toBe(1)
  })

  it('imports a hash no verifier knows with --keep-unknown-hashes', async () => {
    const table = await dynamo().createTable()
    const file = join(dir(), 'forked.json')
    const hash = '$md6$rounds=9$c2FsdA$aGFzaA'
    await writeFile(file, JSON.stringify([{ username: 'fb@example.com', passwordHash: hash }]))
    const args = ['--to', 'dynamodb', '--table', table, '--endpoint', dynamo().endpoint]

    const code = await runImportCli([...args, '--keep-unknown-hashes', file], {
      log: () => {},
      error: () => {},
    })

    expect(code).toBe(EXIT_OK)
    expect((await storeOf(table).findUser('fb@example.com'))?.passwordHash).toBe(hash)
  })

  it('refuses a CSV file with a misnamed column whole, leaving the imported users as they were', async () => {
    const table = await dynamo().createTable()
    await runImport(table, 'users.csv', CSV)
    const renamed = CSV.replace('passwordHash,status', 'password_hash,state')

    const { code, output } = await runImport(table, 'renamed.csv', renamed)

    expect(code).toBe(EXIT_FAILED)
    expect(output).toContain('unknown column 3 ("password_hash"), column 4 ("state")')
    expect(output).not.toContain('wrote')
    const bob = await storeOf(table).findUser('bob@example.com')
    expect(bob).toEqual({ username: 'bob@example.com', passwordHash: HASH, status: 'blocked' })
  })

  it('refuses a JSON row with a key that is no field, naming the key', async () => {
    const table = await dynamo().createTable()
    const rows = [{ username: 'a@example.com', password: HASH }, { username: 'b@example.com' }]

    const { code, output } = await runImport(table, 'users.json', JSON.stringify(rows))

    expect(code).toBe(EXIT_ROWS_REFUSED)
    expect(output).toContain('refused index 0: "password" is not a field; the fields are')
    expect(output).not.toContain(HASH)
    expect(await itemCount(table)).toBe(1)
  })

  it('leaves the table unchanged when the same file is imported twice', async () => {
    const table = await dynamo().createTable()
    await runImport(table, 'users.csv', CSV)
    const countAfterFirst = await itemCount(table)

    const { output } = await runImport(table, 'users.csv', CSV)

    expect(output).toContain('wrote 3 users')
    expect(await itemCount(table)).toBe(countAfterFirst)
    expect(countAfterFirst).toBe(5)
  })

  it('prints no password hash, even for a file that does not parse', async () => {
    const table = await dynamo().createTable()
    const broken = `[{"username": "x@example.com", "passwordHash": "${HASH}" oops}]`

    const refused = await runImport(table, 'users.csv', CSV)
    const unparsable = await runImport(table, 'broken.json', broken)

    expect(unparsable.code).toBe(EXIT_FAILED)
    expect(unparsable.output).toContain('not valid JSON')
    expect(`${refused.output}\n${unparsable.output}`).not.toContain('$2b$')
  })
})
