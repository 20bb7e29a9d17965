import { answerFromFetch } from './answer-from-fetch'
import { EventHeaders } from './event-headers'
import {
  bodyBufferOf,
  bodyTextOf,
  httpMethodOf,
  isRestEvent,
  type LambdaEvent,
  pathOf,
} from './lambda-event'

// Header values Fetch refuses to hold; a Fetch Request made from the event drops them.
const FORBIDDEN_IN_VALUES = /[\0\r\n]/g

/**
 * The request the app reads, made from a Lambda event without touching Node's Fetch.
 * Node loads its Fetch implementation on the first use of `Request`, `Headers` or
 * `Response`, and that load takes 10 to 15 ms of a cold start
 * (`npm run bench:cold-start`). The app reads a request's method, URL, headers and body
 * text; anything else (`body` as a stream, `signal`, `clone()`, …) builds a Fetch
 * `Request` from the event on first use and answers from it.
 */
export class EventRequest {
  readonly method: string
  readonly url: string
  readonly headers: EventHeaders
  readonly #event: LambdaEvent
  #isBodyUsed = false
  #fetchRequest: Request | undefined

  constructor(event: LambdaEvent) {
    this.#event = event
    this.method = httpMethodOf(event) ?? 'GET'
    this.headers = new EventHeaders(event)
    const host = this.headers.get('host') ?? event.requestContext?.domainName ?? 'localhost'
    this.url = `https://${host}${pathOf(event) ?? '/'}${queryOf(event)}`
  }

  get bodyUsed(): boolean {
    return this.#fetchRequest?.bodyUsed ?? this.#isBodyUsed
  }

  text(): Promise<string> {
    return this.#readBody('text', () => bodyTextOf(this.#event))
  }

  json(): Promise<unknown> {
    return this.#readBody('json', () => JSON.parse(bodyTextOf(this.#event)))
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return this.#readBody('arrayBuffer', () => new Uint8Array(bodyBufferOf(this.#event)).buffer)
  }

  /** The same request as a Fetch `Request`, made once. */
  toFetchRequest(): Request {
    this.#fetchRequest ??= toFetchRequest(this.#event, this.method, this.url, this.headers)
    return this.#fetchRequest
  }

  #readBody<T>(as: 'text' | 'json' | 'arrayBuffer', read: () => T): Promise<T> {
    // Once a Fetch Request stands for this one, its body is the one to read.
    if (this.#fetchRequest) return this.#fetchRequest[as]() as Promise<T>
    if (this.#isBodyUsed) return Promise.reject(new TypeError('Body has already been read.'))
    this.#isBodyUsed = true
    try {
      return Promise.resolve(read())
    } catch (error) {
      return Promise.reject(error)
    }
  }
}

// Whatever the app's code reads beyond the above, a Fetch Request answers.
const FROM_FETCH_REQUEST = [
  'body',
  'signal',
  'cache',
  'credentials',
  'destination',
  'integrity',
  'keepalive',
  'mode',
  'redirect',
  'referrer',
  'referrerPolicy',
  'duplex',
  'blob',
  'formData',
  'clone',
] as const
answerFromFetch(EventRequest.prototype, FROM_FETCH_REQUEST, (request) => request.toFetchRequest())

function queryOf(event: LambdaEvent): string {
  if (!isRestEvent(event)) return event.rawQueryString ? `?${event.rawQueryString}` : ''

  const params = new URLSearchParams()
  const multiValue = event.multiValueQueryStringParameters ?? {}
  const single = event.queryStringParameters ?? {}
  const names = Object.keys(multiValue).length > 0 ? multiValue : single
  for (const name of Object.keys(names)) {
    const values = multiValue[name] ?? [single[name]]
    for (const value of values) if (value !== undefined) params.append(name, value)
  }
  const query = params.toString()
  return query ? `?${query}` : ''
}

function toFetchRequest(
  event: LambdaEvent,
  method: string,
  url: string,
  eventHeaders: EventHeaders,
): Request {
  const headers = new Headers()
  for (const [name, value] of eventHeaders) {
    headers.append(name, value.replace(FORBIDDEN_IN_VALUES, ''))
  }
  const hasBody = method !== 'GET' && method !== 'HEAD' && Boolean(event.body)
  return new Request(url, {
    method,
    headers,
    body: hasBody ? new Uint8Array(bodyBufferOf(event)) : undefined,
  })
}
