import sharedVectors from '../../../shared/vectors/password-hashes.json'
import extraVectors from '../vectors/extra-hashes.json'
import { describePbkdf2Cap } from './pbkdf2-cap-suite'
import { pbkdf2CapVectors } from './pbkdf2-cap-vectors'

describePbkdf2Cap('Node', pbkdf2CapVectors(sharedVectors, extraVectors), false)
