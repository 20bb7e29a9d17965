/**
 * Gives `prototype` a getter for each name that answers from the Fetch object `toFetch`
 * makes (methods bound to it), for the members a light stand-in does not keep itself.
 */
export function answerFromFetch<T extends object>(
  prototype: T,
  names: readonly string[],
  toFetch: (self: T) => object,
): void {
  for (const name of names) {
    Object.defineProperty(prototype, name, {
      get(this: T) {
        const fetchObject = toFetch(this) as Record<string, unknown>
        const value = fetchObject[name]
        return typeof value === 'function' ? value.bind(fetchObject) : value
      },
    })
  }
}
