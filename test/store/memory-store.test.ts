import { describe, expect, it } from 'vitest'
import { createApp } from '../../shared/app/create-app'
import { MemoryStore } from '../../shared/store/memory-store'
import { CONFORMANCE_CREDENTIALS } from '../conformance/fixtures'
import { authMethodsCall } from '../conformance/requests'
import { readJson } from '../conformance/target'

describe('MemoryStore given records directly', () => {
  it('finds users whose identifiers were written the way people type them', async () => {
    const store = new MemoryStore([
      { username: ' Jane@Example.COM ', aliases: ['+49 (151) 1234-5678'], status: 'active' },
    ])
    const app = createApp({ credentials: CONFORMANCE_CREDENTIALS, store })

    const byEmail = await readJson(await app.fetch(authMethodsCall('jane@example.com')))
    const byPhone = await readJson(await app.fetch(authMethodsCall('+4915112345678')))

    expect(byEmail.data).toEqual({ status: 'exists' })
    expect(byPhone.data).toEqual({ status: 'exists' })
  })
})
