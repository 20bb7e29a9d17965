import sharedVectors from '../../../shared/vectors/password-hashes.json'
import extraVectors from '../vectors/extra-hashes.json'
import emptyPasswordVectors from './empty-password-vectors.json'
import longPasswordVectors from './long-password-vectors.json'
import {
  describeEmptyPassword,
  describeOtherSpellings,
  describeTamperedDigests,
  describeVectors,
} from './vector-suite'

describeVectors('shared password vectors on Node', sharedVectors)
describeVectors('extra password vectors on Node', extraVectors)
describeVectors('long password vectors on Node', longPasswordVectors)
describeVectors('empty password vectors on Node', emptyPasswordVectors)
describeEmptyPassword('an empty password against every format on Node', sharedVectors)
describeEmptyPassword('an empty password against every extra format on Node', extraVectors)
describeTamperedDigests('a changed digest byte in every format on Node', sharedVectors)
describeTamperedDigests('a changed digest byte in every extra format on Node', extraVectors)
describeOtherSpellings('other spellings of the shared hashes on Node', sharedVectors)
describeOtherSpellings('other spellings of the extra hashes on Node', extraVectors)
