import sharedVectors from '../../../shared/vectors/password-hashes.json'
import extraVectors from '../vectors/extra-hashes.json'
import longPasswordVectors from './long-password-vectors.json'
import { describeVectors } from './vector-suite'

describeVectors('shared password vectors on Node', sharedVectors)
describeVectors('extra password vectors on Node', extraVectors)
describeVectors('long password vectors on Node', longPasswordVectors)
