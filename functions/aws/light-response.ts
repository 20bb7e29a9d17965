import { answerFromFetch } from './answer-from-fetch'

/**
 * What the Lambda adapter reads from a response made by `LightResponse`. A symbol shared
 * across copies of this module, so that a bundle and the sources loaded side by side (as
 * tests do) read each other's responses.
 */
const PARTS = Symbol.for('corbado-webhook.light-response.parts')

/** A text response as the Lambda result carries it: header names lowercased. */
export interface ResponseParts {
  status: number
  headers: Record<string, string>
  body: string
}

type PlainInit = { status?: number; headers?: Record<string, string> }

// RFC 9110 token characters, which Fetch requires of header names.
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/
const FORBIDDEN_IN_VALUES = /[\0\r\n]/
const OUTER_BLANKS = /^[\t ]+|[\t ]+$/g
// Statuses Fetch refuses a body for.
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304])
const MEMBERS_FROM_FETCH = [
  'body',
  'bodyUsed',
  'headers',
  'redirected',
  'type',
  'url',
  'arrayBuffer',
  'blob',
  'bytes',
  'clone',
  'formData',
  'json',
  'text',
] as const

let fetchResponseClass: (() => typeof Response) | undefined

/**
 * A `Response` that keeps a text body, a status and plain-object headers as given, for
 * the Lambda adapter to read without Node's Fetch: Node loads Fetch on the first use of
 * `Response`, which takes 10 to 15 ms of a cold start (`npm run bench:cold-start`).
 * Anything else makes a Fetch `Response` at once, and any read beyond `status`,
 * `statusText` and `ok` (headers, body, `text()`, …) makes one from what was kept, so
 * code that reads a response gets a real one.
 */
class LightResponse {
  readonly #body: string | null
  readonly #init: PlainInit | undefined
  #fetchResponse: Response | undefined

  constructor(body?: BodyInit | null, init?: ResponseInit) {
    if (isPlainBody(body) && isPlainInit(body ?? null, init)) {
      this.#body = body ?? null
      // A copy, as Fetch takes one: later changes to the caller's object do not show.
      const { status, headers } = (init ?? {}) as PlainInit
      this.#init = { status, headers: headers && { ...headers } }
      return
    }
    this.#body = null
    this.#init = undefined
    this.#fetchResponse = new (realResponse())(body, init)
  }

  get status(): number {
    return this.#fetchResponse?.status ?? this.#init?.status ?? 200
  }

  get statusText(): string {
    return this.#fetchResponse?.statusText ?? ''
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300
  }

  /** The response as kept, or `undefined` once a Fetch Response stands for it. */
  [PARTS](): ResponseParts | undefined {
    if (this.#fetchResponse) return undefined
    const headers: Record<string, string> = {}
    for (const [name, value] of Object.entries(this.#init?.headers ?? {})) {
      const key = name.toLowerCase()
      const trimmed = value.replace(OUTER_BLANKS, '')
      // Fetch joins names that differ only in case.
      headers[key] = key in headers ? `${headers[key]}, ${trimmed}` : trimmed
    }
    // Fetch gives a text body this type when none is set.
    if (this.#body !== null) headers['content-type'] ??= 'text/plain;charset=UTF-8'
    return { status: this.status, headers, body: this.#body ?? '' }
  }

  /** The Fetch Response that answers every read but the status. */
  toFetchResponse(): Response {
    this.#fetchResponse ??= new (realResponse())(this.#body, this.#init)
    return this.#fetchResponse
  }

  static json(data: unknown, init?: ResponseInit): Response {
    return realResponse().json(data, init)
  }

  static error(): Response {
    return realResponse().error()
  }

  static redirect(url: string | URL, status?: number): Response {
    return realResponse().redirect(url, status)
  }

  // Responses from `fetch()` or made before this class took the global's place count too.
  static [Symbol.hasInstance](value: unknown): boolean {
    if (typeof value === 'object' && value !== null && PARTS in value) return true
    return value instanceof realResponse()
  }
}

answerFromFetch(LightResponse.prototype, MEMBERS_FROM_FETCH, (response) =>
  response.toFetchResponse(),
)

/**
 * The response as kept by a `LightResponse` (of any copy of this module), or `undefined`
 * for any other response, which is then read through Fetch.
 */
export function responseParts(response: Response): ResponseParts | undefined {
  const read = (response as unknown as { [PARTS]?: () => ResponseParts | undefined })[PARTS]
  return typeof read === 'function' ? read.call(response) : undefined
}

/**
 * Puts `LightResponse` in the place of the global `Response` for the rest of the process,
 * once: Hono and the app make their responses with `new Response`. Other code in the
 * process that makes or reads a response still gets Fetch's behaviour, from a Fetch
 * `Response` made on demand.
 */
export function useLightResponse(): void {
  const current = Object.getOwnPropertyDescriptor(globalThis, 'Response')
  // Another copy of this module (a bundle loaded beside the sources) may be in place.
  if (!current || (current.value && PARTS in current.value.prototype)) return

  const installed = { value: LightResponse, writable: true, configurable: true }
  let real: typeof Response | undefined
  fetchResponseClass = () => {
    if (real) return real
    // Node's lazy global replaces itself with the loaded class when first read: put the
    // light one back.
    real = (current.get ? current.get.call(globalThis) : current.value) as typeof Response
    Object.defineProperty(globalThis, 'Response', installed)
    return real
  }
  Object.defineProperty(globalThis, 'Response', installed)
}

function realResponse(): typeof Response {
  if (!fetchResponseClass) throw new Error('LightResponse is used before useLightResponse().')
  return fetchResponseClass()
}

function isPlainBody(body: unknown): body is string | null | undefined {
  return body === null || body === undefined || typeof body === 'string'
}

function isPlainInit(body: string | null, init: ResponseInit | undefined): boolean {
  if (init === undefined) return true
  if (Object.getPrototypeOf(init) !== Object.prototype) return false
  const { status = 200, statusText, headers } = init
  if (statusText !== undefined || !Number.isInteger(status) || status < 200 || status > 599) {
    return false
  }
  if (body !== null && NULL_BODY_STATUSES.has(status)) return false
  if (headers === undefined) return true
  if (Object.getPrototypeOf(headers) !== Object.prototype) return false
  return Object.entries(headers).every(
    ([name, value]) =>
      HEADER_NAME.test(name) && typeof value === 'string' && !FORBIDDEN_IN_VALUES.test(value),
  )
}
