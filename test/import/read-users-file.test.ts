import { describe, expect, it } from 'vitest'
import { parseCsvUsers, parseJsonUsers } from '../../infra/import/read-users-file'

describe('reading a CSV users file', () => {
  it('reads quoted cells, a byte order mark and aliases split by | or ;', () => {
    const text = [
      '\uFEFFusername,aliases,passwordHash,status',
      '"jane@example.com","+49 151 1;jane | j.doe;",$2b$04$abc,active',
      '"Smith, Bob",,,blocked',
    ].join('\r\n')

    const { rows } = parseCsvUsers(text)

    expect(rows).toEqual([
      {
        username: 'jane@example.com',
        aliases: ['+49 151 1', 'jane', 'j.doe'],
        passwordHash: '$2b$04$abc',
        status: 'active',
      },
      { username: 'Smith, Bob', status: 'blocked' },
    ])
  })

  it('names rows by their line in the file, the header being line 1', () => {
    const text = 'username\n\na@example.com\n"multi\nline"\nb@example.com\n'

    const { rows, describeRow } = parseCsvUsers(text)

    expect(rows).toHaveLength(3)
    expect([0, 1, 2].map(describeRow)).toEqual(['line 3', 'line 5', 'line 6'])
  })

  it('refuses a malformed file naming the line, not quoting its content', () => {
    const text = 'username,passwordHash\nx@example.com,"$2b$04$secret"tail\n'

    expect(() => parseCsvUsers(text)).toThrow(/not valid CSV \(\w+ at line 2\)/)
    expect(() => parseCsvUsers(text)).not.toThrow(/secret/)
  })
})

describe('reading a CSV header', () => {
  it.each([
    [
      'an unknown column',
      'username,password_hash,state',
      'unknown column 2 ("password_hash"), column 3 ("state")',
    ],
    ['a column twice', 'username,username,passwordHash', '"username" appears more than once'],
    [
      'no username column',
      'Username,passwordHash',
      'unknown column 1 ("Username"); no username column',
    ],
  ])('refuses the whole file for %s, listing the columns it knows', (_, header, fault) => {
    const text = `${header}\njane@example.com,$2b$04$abc,blocked\n`

    const refusal = () => parseCsvUsers(text)

    expect(refusal).toThrow(fault)
    expect(refusal).toThrow('from username, aliases, passwordHash, status')
  })

  it('names a column that is no name by its place only, as a missing header gives', () => {
    const text = 'jane@example.com,,$2b$04$secrethash,active\n'

    const refusal = () => parseCsvUsers(text)

    expect(refusal).toThrow('unknown column 1, column 2, column 3, column 4 ("active")')
    expect(refusal).not.toThrow(/secrethash|jane/)
  })
})

describe('reading a JSON users file', () => {
  it('names rows by their index from 0', () => {
    const { describeRow } = parseJsonUsers('[{"username":"a"}]')

    expect(describeRow(0)).toBe('index 0')
  })

  it('reads a file that starts with a byte order mark', () => {
    const { rows } = parseJsonUsers('\uFEFF[{"username":"a@example.com"}]')

    expect(rows).toEqual([{ username: 'a@example.com' }])
  })

  it('names the line and column of a fault, not the text around it', () => {
    const text = '\uFEFF[\n  {"username": "a@example.com", "passwordHash": "$2b$04$secret" x}\n]'

    const refusal = () => parseJsonUsers(text)

    expect(refusal).toThrow('the users file is not valid JSON at line 2, column 65')
    expect(refusal).not.toThrow(/secret/)
  })

  it('refuses a file that is not an array', () => {
    expect(() => parseJsonUsers('{"username":"a"}')).toThrow('must hold an array')
  })
})
