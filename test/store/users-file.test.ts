import { describe, expect, it } from 'vitest'
import { defaultVerifiers } from '../../shared/passwords/verifiers'
import { parseUserRecord } from '../../shared/store/user-record'
import { parseUsers } from '../../shared/store/users-file'

const HASH = '$2b$04$b5/CwNDuHMWtLRhRscesW.vTvtd6ce5pqA92jrybyLW8GwxWter1W'

describe('parseUsers', () => {
  it('normalizes identifiers and defaults the status to active', () => {
    const { users, refused } = parseUsers([
      { username: 'Jane@Example.com', aliases: ['+49 151 1234 5678', 'JANE@example.com'] },
    ])

    expect(refused).toEqual([])
    expect(users).toEqual([
      { username: 'jane@example.com', aliases: ['+4915112345678'], status: 'active' },
    ])
  })

  it('refuses bad rows with their index and reason and keeps the rest', () => {
    const { users, refused } = parseUsers([
      { username: 'ok@example.com' },
      { username: '' },
      'not an object',
      { username: 'x@example.com', status: 'deleted' },
      { username: 'y@example.com', aliases: 'not-a-list' },
    ])

    expect(users.map((user) => user.username)).toEqual(['ok@example.com'])
    expect(refused).toEqual([
      { index: 1, reason: 'username must not be empty' },
      { index: 2, reason: 'row must be an object with a username' },
      { index: 3, reason: 'status must be "active" or "blocked"' },
      { index: 4, reason: 'aliases must be an array of strings' },
    ])
  })

  it('refuses a row whose identifier another row already claimed', () => {
    const { refused } = parseUsers([
      { username: 'a@example.com', aliases: ['+4915112345678'] },
      { username: 'b@example.com', aliases: ['+49 151 12345678'] },
    ])

    expect(refused).toEqual([{ index: 1, reason: 'an identifier is already used by row 0' }])
  })

  it('never quotes a password hash in a refusal', () => {
    const { refused } = parseUsers([{ username: 42, passwordHash: HASH }, { passwordHash: HASH }])

    expect(refused).toHaveLength(2)
    expect(JSON.stringify(refused)).not.toContain(HASH.slice(7))
  })

  it('refuses a row whose hash no verifier recognises, when given the verifiers', () => {
    const unknown = '$md6$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo'
    const rows = [
      { username: 'known@example.com', passwordHash: HASH },
      { username: 'odd@example.com', passwordHash: unknown },
      { username: 'none@example.com' },
    ]

    const checked = parseUsers(rows, { verifiers: defaultVerifiers })
    const unchecked = parseUsers(rows)

    expect(checked.users.map((user) => user.username)).toEqual([
      'known@example.com',
      'none@example.com',
    ])
    expect(checked.refused).toEqual([
      { index: 1, reason: 'passwordHash is in a format no verifier knows' },
    ])
    expect(JSON.stringify(checked.refused)).not.toContain('c2FsdHNhbHQ')
    expect(unchecked.refused).toEqual([])
  })

  it('refuses a hash of a known format that its verifier cannot use, kept unknown or not', () => {
    const cutShort = HASH.slice(0, -3)
    const rows = [
      { username: 'short@example.com', passwordHash: cutShort },
      { username: 'costly@example.com', passwordHash: HASH.replace(/^\$2b\$\d\d/, '$2b$31') },
      { username: 'odd@example.com', passwordHash: '$md6$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo' },
    ]

    const checked = parseUsers(rows, { verifiers: defaultVerifiers })
    const kept = parseUsers(rows, { verifiers: defaultVerifiers, isUnknownHashKept: true })

    expect(checked.refused.map(({ index }) => index)).toEqual([0, 1, 2])
    expect(checked.refused[0]?.reason).toMatch(
      /^passwordHash cannot be used: bcrypt hash is malformed/,
    )
    expect(checked.refused[1]?.reason).toMatch(/^passwordHash cannot be used: bcrypt cost 31/)
    expect(kept.refused.map(({ index }) => index)).toEqual([0, 1])
    expect(kept.users.map((user) => user.username)).toEqual(['odd@example.com'])
    expect(JSON.stringify(checked.refused)).not.toContain(cutShort.slice(7, 20))
  })

  it('refuses a row with a key that is no field, naming the key and the fields', () => {
    const rows = [
      { username: 'a@example.com', password: HASH },
      { username: 'b@example.com', password_hash: HASH, state: 'blocked' },
    ]

    const { users, refused } = parseUsers(rows)

    expect(users).toEqual([])
    expect(refused).toEqual([
      {
        index: 0,
        reason: '"password" is not a field; the fields are username, aliases, passwordHash, status',
      },
      {
        index: 1,
        reason:
          '"password_hash", "state" are not fields; the fields are username, aliases, passwordHash, status',
      },
    ])
  })

  it('refuses a row without a username in plain words', () => {
    const { refused } = parseUsers([{ aliases: ['jane'], passwordHash: HASH }])

    expect(refused).toEqual([{ index: 0, reason: 'username is missing' }])
  })

  it('does not quote a key that could be a hash or an address', () => {
    const mysqlHash = 'a7f3c2e1b0d94e58'
    const row = { username: 'a@example.com', [HASH]: 'x', 'b@x.com': 'y', [mysqlHash]: 'z' }

    const { refused } = parseUsers([row])

    expect(refused[0]?.reason).toMatch(
      /^a key that is no field name, a key that is no field name, a key that is no field name/,
    )
    expect(refused[0]?.reason).not.toContain(mysqlHash)
  })

  it('leaves records read from a store free to carry more attributes', () => {
    const stored = { username: 'a@example.com', status: 'active', importedAt: '2025-01-01' }

    const record = parseUserRecord(stored)

    expect(record).toEqual({ username: 'a@example.com', status: 'active' })
  })
})
