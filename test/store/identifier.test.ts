import { describe, expect, it } from 'vitest'
import { normalizeIdentifier } from '../../shared/store/identifier'

describe('normalizeIdentifier', () => {
  it.each([
    [
      'lower-cases an email address and trims it',
      '  Jane.Doe@Example.COM ',
      'jane.doe@example.com',
    ],
    ['keeps a phone number as + and its digits', '+49 (151) 1234-5678', '+4915112345678'],
    ['adds the + to a phone number written without it', '0151/1234.5678', '+015112345678'],
    ['keeps a short number as a name', '1234', '1234'],
    ['keeps the case of a plain name', ' LegacyName ', 'LegacyName'],
    ['composes Unicode to NFC', 'jose\u0301@example.com', 'jos\u00e9@example.com'],
  ])('%s', (_, raw, normalized) => {
    expect(normalizeIdentifier(raw)).toBe(normalized)
  })
})
