/** Anything that answers a Fetch request: an app, a Lambda adapter, a Worker, a URL. */
export type FetchTarget = (request: Request) => Promise<Response>

/** Builds a target seeded with `CONFORMANCE_USERS` and `CONFORMANCE_CREDENTIALS`. */
export type TargetFactory = () => Promise<FetchTarget> | FetchTarget

// biome-ignore lint/suspicious/noExplicitAny: tests check the shape with assertions.
export async function readJson(response: Response): Promise<any> {
  const text = await response.text()
  try {
    return JSON.parse(text)
  } catch {
    throw new Error(`expected a JSON body, got status ${response.status}: ${text.slice(0, 200)}`)
  }
}

/** Checks the shape every refusal shares and returns its code. */
export async function errorCode(response: Response): Promise<string> {
  const body = await readJson(response)
  if (typeof body?.error?.code !== 'string' || typeof body.error.message !== 'string') {
    throw new Error(`not a protocol error body: ${JSON.stringify(body)}`)
  }
  return body.error.code
}
