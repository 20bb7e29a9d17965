import type * as NodeCrypto from 'node:crypto'

interface ProcessWithBuiltins {
  getBuiltinModule?: (id: string) => unknown
}

let cached: typeof NodeCrypto | null | undefined

/**
 * Node's own crypto module when running on Node 20.16 or later, else `undefined`.
 *
 * It is looked up at run time through `process.getBuiltinModule`, so no bundle (Workers,
 * Lambda) carries an import of `node:crypto` and the Worker needs no `nodejs_compat`
 * flag. workerd is left out on purpose even when it offers the module: its node:crypto
 * PBKDF2 shares WebCrypto's iteration cap in deployed Workers, and the pure-JS fallbacks
 * behave the same locally and deployed.
 */
export function nodeCrypto(): typeof NodeCrypto | undefined {
  if (cached === undefined) {
    const { navigator } = globalThis as { navigator?: { userAgent?: string } }
    const isWorkerd = navigator?.userAgent === 'Cloudflare-Workers'
    const process = (globalThis as { process?: ProcessWithBuiltins }).process
    const found = isWorkerd ? undefined : process?.getBuiltinModule?.('node:crypto')
    cached = (found as typeof NodeCrypto | undefined) ?? null
  }
  return cached ?? undefined
}
