import { describe, expect, it } from 'vitest'
import { webhookRequest } from '../conformance/requests'
import { EVENT_KINDS, lambdaTarget } from './lambda-invoke'

type RecordedEvent = { headers: Record<string, string>; body: string | null }

/** A handler that keeps the event it got, to see what the other Lambda tests send. */
function recordingHandler() {
  const events: RecordedEvent[] = []
  const handler = async (event: never) => {
    events.push(event)
    return { statusCode: 200, body: '' }
  }
  return { handler, events }
}

const lowercased = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]))

describe('the Lambda events the tests send', () => {
  for (const kind of EVENT_KINDS) {
    for (const base64 of [false, true]) {
      it(`carry the headers API Gateway adds (${kind}, base64 ${base64})`, async () => {
        const { handler, events } = recordingHandler()
        const body = '{"id":"who-1","name":"Zoë"}'

        await lambdaTarget(handler, kind, { base64 })(webhookRequest({ rawBody: body }))

        const headers = lowercased(events[0]?.headers ?? {})
        expect(headers).toMatchObject({
          // The client's length of the body, in bytes, whatever the event's encoding.
          'content-length': String(Buffer.byteLength(body)),
          host: expect.stringMatching(/\./),
          'x-forwarded-for': expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/),
          'x-forwarded-port': '443',
          'x-forwarded-proto': 'https',
          'x-amzn-trace-id': expect.stringMatching(/^Root=1-/),
        })
      })
    }
  }

  it('spell REST header names as the client did, Title-Case here', async () => {
    const { handler, events } = recordingHandler()

    await lambdaTarget(handler, 'rest')(webhookRequest({ rawBody: '{}' }))

    expect(Object.keys(events[0]?.headers ?? {})).toEqual(
      expect.arrayContaining(['Content-Length', 'Host', 'X-Forwarded-For', 'X-Forwarded-Proto']),
    )
  })

  it('send no content-length for a GET without a body', async () => {
    const { handler, events } = recordingHandler()

    await lambdaTarget(handler, 'httpApi')(webhookRequest({ method: 'GET' }))

    expect(lowercased(events[0]?.headers ?? {})['content-length']).toBeUndefined()
  })
})
