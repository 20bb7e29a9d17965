import { D1Target } from './d1-target'
import { KvTarget } from './kv-target'
import { stringOf, type TargetDefinition, type TargetFlag, type TargetOptions } from './targets'
import type { WranglerPlace } from './wrangler'
import { d1WranglerWriter, kvWranglerWriter } from './wrangler-writers'

// Both targets go through wrangler, so they share its login and wrangler.toml.
const WRANGLER_FLAGS: Record<string, TargetFlag> = {
  local: { description: "write to wrangler dev's local state, not your account", type: 'boolean' },
  'persist-to': { description: 'the local state directory (default .wrangler/state)' },
  config: { description: 'a wrangler configuration file other than wrangler.toml' },
}

function placeFrom(options: TargetOptions): WranglerPlace {
  return {
    isLocal: options.local === true,
    persistTo: stringOf(options['persist-to']),
    configPath: stringOf(options.config),
  }
}

/** `--to kv`: Workers KV through `wrangler kv bulk put`. */
export const kvTargetDefinition: TargetDefinition = {
  flags: {
    binding: { description: 'the KV binding in wrangler.toml (default USERS_KV)' },
    ...WRANGLER_FLAGS,
  },
  open: (options) =>
    new KvTarget(kvWranglerWriter(stringOf(options.binding) || 'USERS_KV', placeFrom(options))),
}

/** `--to d1`: Cloudflare D1 through `wrangler d1 execute --file`. Apply the migrations first. */
export const d1TargetDefinition: TargetDefinition = {
  flags: {
    database: { description: 'the D1 binding or database name (default USERS_DB)' },
    ...WRANGLER_FLAGS,
  },
  open: (options) =>
    new D1Target(d1WranglerWriter(stringOf(options.database) || 'USERS_DB', placeFrom(options))),
}
