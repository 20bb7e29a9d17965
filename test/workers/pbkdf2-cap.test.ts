import sharedVectors from '../../../shared/vectors/password-hashes.json'
import { describePbkdf2Cap } from '../passwords/pbkdf2-cap-suite'
import { pbkdf2CapVectors } from '../passwords/pbkdf2-cap-vectors'
import extraVectors from '../vectors/extra-hashes.json'

describePbkdf2Cap('workerd', pbkdf2CapVectors(sharedVectors, extraVectors), true)
