import type { VectorFile } from './vector-suite'

// Above 100,000 iterations: Django's 260,000 (SHA-256, one output block) and an
// ASP.NET Identity v3 hash at 120,000 (SHA-1, 32 bytes: two blocks, the last cut short).
const CAP_FORMATS = ['pbkdf2-sha256-django', 'aspnet-identity-v3-sha1-above-cap']

/** One vector of each format that exceeds the WebCrypto PBKDF2 cap. */
export function pbkdf2CapVectors(...files: VectorFile[]) {
  return CAP_FORMATS.map((format) => {
    const vector = files.flatMap((file) => file.vectors).find((entry) => entry.format === format)
    if (!vector) {
      throw new Error(`no ${format} vector found`)
    }
    return vector
  })
}
