import type { WebhookAction } from '../protocol/entities'

/** What one request carries from middleware to the log line. */
export interface AppVariables {
  requestId: string
  action?: WebhookAction
  /** The answer (`exists`, `verified`, …) or the error code. */
  outcome?: string
  /** Corbado's id of the call, to find it in Corbado's webhook log. */
  callId?: string
  /** The 5xx cause, for the log only. */
  failure?: string
}

export interface AppEnv {
  // Platform bindings (Lambda event, Worker env) differ per entry point; the core reads none.
  Bindings: object
  Variables: AppVariables
}
