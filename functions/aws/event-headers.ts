import { bodyBytesOf, isRestEvent, type LambdaEvent } from './lambda-event'

// Fetch drops leading and trailing HTTP whitespace from header values.
const OUTER_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g

/**
 * A request's headers read straight from a Lambda event, with the read-only half of the
 * Fetch `Headers` interface: names match case-insensitively and iterate lowercased and
 * sorted. Repeated headers are joined with ", " and payload 2.0's `cookies` become one
 * `cookie` header, as Fetch would hold them. `content-length` is the body's real size in
 * bytes, and there is no `transfer-encoding`. Changing a request's headers fails, as it
 * does for a Fetch `Request`.
 */
export class EventHeaders implements Iterable<[string, string]> {
  readonly #values = new Map<string, string>()

  constructor(event: LambdaEvent) {
    const multiValueHeaders = isRestEvent(event) ? event.multiValueHeaders : undefined
    if (multiValueHeaders && Object.keys(multiValueHeaders).length > 0) {
      for (const [name, values] of Object.entries(multiValueHeaders)) {
        for (const value of values ?? []) this.#add(name, value, ', ')
      }
    } else {
      for (const [name, value] of Object.entries(event.headers ?? {})) {
        if (value !== undefined) this.#add(name, value, ', ')
      }
    }
    if (!isRestEvent(event)) {
      for (const cookie of event.cookies ?? []) this.#add('cookie', cookie, '; ')
    }
    // The event holds the whole body, decoded from any transfer coding, so its size
    // replaces whatever length or coding the caller declared: the app's size limit trusts
    // Content-Length, and a direct invoke may declare any.
    this.#values.delete('transfer-encoding')
    if (event.body || this.#values.has('content-length')) {
      this.#values.set('content-length', String(bodyBytesOf(event)))
    }
  }

  get(name: string): string | null {
    return this.#values.get(name.toLowerCase()) ?? null
  }

  has(name: string): boolean {
    return this.#values.has(name.toLowerCase())
  }

  getSetCookie(): string[] {
    const value = this.#values.get('set-cookie')
    return value === undefined ? [] : [value]
  }

  forEach(callback: (value: string, name: string, headers: this) => void, thisArg?: unknown) {
    for (const [name, value] of this) callback.call(thisArg, value, name, this)
  }

  *entries(): IterableIterator<[string, string]> {
    const names = [...this.#values.keys()].sort()
    for (const name of names) yield [name, this.#values.get(name) as string]
  }

  *keys(): IterableIterator<string> {
    for (const [name] of this.entries()) yield name
  }

  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries()
  }

  set(): never {
    return refuseChange()
  }

  append(): never {
    return refuseChange()
  }

  delete(): never {
    return refuseChange()
  }

  #add(name: string, value: string, separator: string) {
    const key = name.toLowerCase()
    const trimmed = value.replace(OUTER_WHITESPACE, '')
    const earlier = this.#values.get(key)
    this.#values.set(key, earlier === undefined ? trimmed : `${earlier}${separator}${trimmed}`)
  }
}

function refuseChange(): never {
  throw new TypeError("A request's headers cannot be changed; copy them into new Headers.")
}
