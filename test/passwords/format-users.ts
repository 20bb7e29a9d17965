import sharedFile from '../../../shared/vectors/password-hashes.json'
import type { FIREBASE_VARIABLES } from '../../shared/passwords/verifiers-from-env'
import extraFile from '../vectors/extra-hashes.json'
import { differsInFirst72Bytes, type PasswordVector, type VectorFile } from './vector-suite'

/** A vector's format variant with the user that carries its hash. */
export interface FormatUser extends PasswordVector {
  username: string
}

const firebase = (extraFile as VectorFile).firebase
if (!firebase) throw new Error('test/vectors/extra-hashes.json lost its firebase settings')

/** The settings of the Firebase project the extra vectors come from, as a deployment sets them. */
export const FIREBASE_ENV = {
  FIREBASE_SIGNER_KEY: firebase.signerKey,
  FIREBASE_SALT_SEPARATOR: firebase.saltSeparator,
  FIREBASE_ROUNDS: String(firebase.rounds),
  FIREBASE_MEM_COST: String(firebase.memCost),
} satisfies Record<(typeof FIREBASE_VARIABLES)[keyof typeof FIREBASE_VARIABLES], string>

// One vector per format variant keeps the suites fast; every vector runs in
// test/passwords. The first one whose wrong password bcrypt can tell apart is taken, so
// the wrong password fails for a reason every format shares.
function onePerFormat(files: readonly VectorFile[]): FormatUser[] {
  const picked = new Map<string, FormatUser>()
  for (const vector of files.flatMap((file) => file.vectors)) {
    if (picked.has(vector.format) || !differsInFirst72Bytes(vector)) continue
    picked.set(vector.format, { ...vector, username: `${vector.format}@formats.test` })
  }
  return [...picked.values()]
}

/** A user per format variant of ../shared/vectors and test/vectors, Firebase's among them. */
export const FORMAT_USERS: readonly FormatUser[] = onePerFormat([sharedFile, extraFile])

/** The users file rows that seed a target with `FORMAT_USERS`. */
export const FORMAT_USER_ROWS = FORMAT_USERS.map(({ username, hash }) => ({
  username,
  passwordHash: hash,
}))

/** Every format variant named in the vector files, to prove none was left out. */
export const FORMAT_NAMES = [
  ...new Set([...sharedFile.vectors, ...extraFile.vectors].map((vector) => vector.format)),
]
