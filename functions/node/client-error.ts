import type { Duplex } from 'node:stream'
import type { Logger } from '../../shared/app/logger'
import { writeRequestLine } from '../../shared/app/request-log'
import type { ErrorResponse } from '../../shared/protocol/entities'

// Node's own answers to requests its HTTP parser refuses, as the protocol's error bodies.
const REFUSALS = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    code: 'headers_too_large',
    message:
      'The request headers are larger than this server accepts; a webhook call needs a few hundred bytes of them.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    reason: 'Request Timeout',
    code: 'request_timeout',
    message: 'The request did not arrive in time; send it again.',
  },
} as const
const MALFORMED = {
  status: 400,
  reason: 'Bad Request',
  code: 'bad_request',
  message:
    'The request is not valid HTTP/1.1 (a malformed header or Content-Length, say); send the webhook call as Corbado does.',
}

/**
 * A `clientError` listener for Node's HTTP server. Node answers a request it cannot
 * parse itself, with an empty body, before the app sees it; this answers with the
 * protocol's error body instead, and writes the request's one log line.
 */
export function answerClientError(logger: Logger) {
  return function answerClientError(error: Error & { code?: string }, socket: Duplex) {
    // A reset connection, or one already answered: there is no one left to tell.
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy()
      return
    }

    const refusal = REFUSALS[error.code as keyof typeof REFUSALS] ?? MALFORMED
    const body: ErrorResponse = { error: { code: refusal.code, message: refusal.message } }
    const text = JSON.stringify(body)
    const requestId = crypto.randomUUID()
    socket.end(
      `HTTP/1.1 ${refusal.status} ${refusal.reason}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(text)}\r\n` +
        `X-Request-Id: ${requestId}\r\n` +
        `Connection: close\r\n\r\n${text}`,
    )
    // Node hands over no parsed request with the error, so the line has no method or path;
    // the refusal takes none of the server's time, so its duration is 0.
    writeRequestLine(logger, {
      requestId,
      outcome: refusal.code,
      status: refusal.status,
      startedAt: performance.now(),
    })
  }
}
