import sharedVectors from '../../../shared/vectors/password-hashes.json'
import extraVectors from '../vectors/extra-hashes.json'
import { describeVectors } from './vector-suite'

describeVectors('shared password vectors on Node', sharedVectors)
describeVectors('extra password vectors on Node', extraVectors)
