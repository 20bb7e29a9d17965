import { UsageError } from './usage-error'

/**
 * Reads the webhook URL and refuses plain http to a host that is not local, unless
 * `isInsecureAllowed`: the Basic credential and a real password would cross the network in
 * clear.
 */
export function parseTargetUrl(text: string, isInsecureAllowed: boolean): URL {
  let url: URL
  try {
    url = new URL(text)
  } catch (error) {
    // The text is not quoted back: a mistyped URL may still hold a credential.
    throw new UsageError('--url is not a URL; give it whole, as in https://host/webhook', {
      cause: error,
    })
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`--url must be http or https, not ${url.protocol}`)
  }
  if (url.username || url.password) {
    throw new UsageError('--url must not hold credentials: give them with --auth or WEBHOOK_AUTH')
  }
  if (url.protocol === 'http:' && !isLocalHost(url.hostname) && !isInsecureAllowed) {
    throw new UsageError(
      `${url.origin} is plain http to a host that is not local: the Basic credential and ` +
        'the password would cross the network unencrypted. Use https, or pass --allow-insecure',
    )
  }
  return url
}

function isLocalHost(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '[::1]' ||
    /^127(\.\d{1,3}){3}$/.test(hostname)
  )
}
