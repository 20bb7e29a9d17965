import { DEFAULT_BUDGET_MS, DEFAULT_TIMEOUT_MS, ENV } from './options'

/** The text `--help` prints and a usage error is followed by. */
export const USAGE = `Usage: npm run check:webhook -- [options]
       corbado-webhook-check [options]

Runs Corbado's developer-panel webhook test, and protocol checks, against a deployed webhook.
Exits 0 when every check passes, 1 when one fails, 2 when the options are wrong.

Options; the variables on the right may stand in for a flag and keep secrets out of shell history:
  --url URL               webhook URL                                   ${ENV.url}
  --auth USER:PASS        Basic credential set in Corbado's panel       ${ENV.auth}
                          (or ${ENV.username} and ${ENV.password})
  --valid-user NAME       a username whose password you know            ${ENV.validUser}
  --valid-password PW     that user's password                          ${ENV.validPassword}
  --unknown-user NAME     a username that does not exist                ${ENV.unknownUser}
  --budget-ms MS          slowest answer that passes (default ${DEFAULT_BUDGET_MS})
  --timeout-ms MS         when a call is given up (default ${DEFAULT_TIMEOUT_MS})
  --json                  print the results as JSON
  --allow-insecure        allow plain http:// to a host that is not local
  -h, --help              print this text
`
