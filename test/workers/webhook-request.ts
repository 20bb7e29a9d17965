import { env } from 'cloudflare:workers'

/** A webhook call as Corbado sends it, with the test project's credentials. */
export function webhookRequest(action: string, data: Record<string, string>): Request {
  return new Request('https://webhook.test/webhook', {
    method: 'POST',
    headers: {
      Authorization: `Basic ${btoa(`${env.WEBHOOK_USERNAME}:${env.WEBHOOK_PASSWORD}`)}`,
      'Content-Type': 'application/json',
      'X-Corbado-Action': action,
    },
    body: JSON.stringify({ id: 'who-1234567890', projectID: 'pro-1234567890', action, data }),
  })
}
