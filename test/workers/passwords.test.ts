import sharedVectors from '../../../shared/vectors/password-hashes.json'
import emptyPasswordVectors from '../passwords/empty-password-vectors.json'
import { describeInvalidHashes } from '../passwords/invalid-hash-suite'
import {
  describeEmptyPassword,
  describeOtherSpellings,
  describeTamperedDigests,
  describeVectors,
} from '../passwords/vector-suite'
import extraVectors from '../vectors/extra-hashes.json'

describeVectors('shared password vectors in workerd', sharedVectors)
describeVectors('extra password vectors in workerd', extraVectors)
describeInvalidHashes('workerd', extraVectors.firebase)
describeVectors('empty password vectors in workerd', emptyPasswordVectors)
describeEmptyPassword('an empty password against every format in workerd', sharedVectors)
describeEmptyPassword('an empty password against every extra format in workerd', extraVectors)
describeTamperedDigests('a changed digest byte in every format in workerd', sharedVectors)
describeTamperedDigests('a changed digest byte in every extra format in workerd', extraVectors)
describeOtherSpellings('other spellings of the shared hashes in workerd', sharedVectors)
describeOtherSpellings('other spellings of the extra hashes in workerd', extraVectors)
