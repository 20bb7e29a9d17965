import sharedVectors from '../../../shared/vectors/password-hashes.json'
import { describeInvalidHashes } from '../passwords/invalid-hash-suite'
import { describeVectors } from '../passwords/vector-suite'
import extraVectors from '../vectors/extra-hashes.json'

describeVectors('shared password vectors in workerd', sharedVectors)
describeVectors('extra password vectors in workerd', extraVectors)
describeInvalidHashes('workerd', extraVectors.firebase)
