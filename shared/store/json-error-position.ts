/** A place in a text, both counted from 1. */
export interface TextPosition {
  line: number
  column: number
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const ESCAPES = '"\\/bfnrt'
const HEX4 = /^[0-9a-fA-F]{4}$/

class JsonSyntaxFault {
  constructor(readonly offset: number) {}
}

/**
 * Where JSON text first breaks the grammar, or `undefined` if it is valid. `JSON.parse`
 * on Node 20 names no position and may quote the text around the fault, which in a
 * users file can be a password hash; a position names the place without the content.
 */
export function jsonErrorPosition(text: string): TextPosition | undefined {
  let offset = 0

  const fail = (at = offset): never => {
    throw new JsonSyntaxFault(at)
  }
  const skipWhitespace = () => {
    while (' \t\n\r'.includes(text[offset] ?? '.')) offset++
  }
  const expect = (char: string) => {
    skipWhitespace()
    if (text[offset] !== char) fail()
    offset++
  }
  const literal = (word: string) => {
    for (const char of word) {
      if (text[offset] !== char) fail()
      offset++
    }
  }
  const string = () => {
    offset++
    for (;;) {
      const char = text[offset]
      if (char === undefined || char < ' ') fail()
      if (char === '"') {
        offset++
        return
      }
      if (char !== '\\') {
        offset++
        continue
      }
      const escaped = text[offset + 1] ?? ''
      if (escaped === 'u' && HEX4.test(text.slice(offset + 2, offset + 6))) offset += 6
      else if (escaped !== '' && ESCAPES.includes(escaped)) offset += 2
      else fail()
    }
  }
  const list = (close: string, item: () => void) => {
    offset++
    skipWhitespace()
    if (text[offset] !== close) {
      item()
      skipWhitespace()
      while (text[offset] !== close) {
        expect(',')
        item()
        skipWhitespace()
      }
    }
    offset++
  }
  const member = () => {
    skipWhitespace()
    if (text[offset] !== '"') fail()
    string()
    expect(':')
    value()
  }
  const number = () => {
    NUMBER.lastIndex = offset
    if (!NUMBER.test(text)) fail()
    offset = NUMBER.lastIndex
  }
  const LITERALS: Record<string, string> = { t: 'true', f: 'false', n: 'null' }
  function value() {
    skipWhitespace()
    const char = text[offset] ?? ''
    if (char === '{') list('}', member)
    else if (char === '[') list(']', value)
    else if (char === '"') string()
    else if (char in LITERALS) literal(LITERALS[char] as string)
    else number()
  }

  try {
    value()
    skipWhitespace()
    if (offset < text.length) fail()
    return undefined
  } catch (error) {
    if (!(error instanceof JsonSyntaxFault)) throw error
    return positionOf(text, error.offset)
  }
}

function positionOf(text: string, offset: number): TextPosition {
  const before = text.slice(0, offset).split('\n')
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 }
}
