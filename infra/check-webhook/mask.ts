/** What the checker prints in place of a secret. */
export const MASK = '***'

/** JSON inside JSON: a server may quote the request body in an error that --json quotes again. */
const ESCAPE_LEVELS = 3

/**
 * Returns a function that replaces every secret in a text with `***`: the raw form and the
 * forms JSON escapes it to, longest first so a secret inside another is masked whole.
 * Applied to everything the server sent, so a server that echoes a password does not leak
 * it through the report.
 */
export function createMasker(secrets: string[]): (text: string) => string {
  const forms = new Set<string>()
  for (const secret of secrets) {
    if (secret === '') continue
    let form = secret
    forms.add(form)
    for (let level = 0; level < ESCAPE_LEVELS; level++) {
      form = JSON.stringify(form).slice(1, -1)
      forms.add(form)
    }
  }
  const longestFirst = [...forms].sort((a, b) => b.length - a.length)

  return (text) => longestFirst.reduce((masked, form) => masked.replaceAll(form, MASK), text)
}

/** The URL as it may be printed: without a query, which can hold a token. */
export function printableUrl(url: URL): string {
  return `${url.origin}${url.pathname}${url.search ? '?…' : ''}`
}
