import { MemoryStore } from '../../shared/store/memory-store'
import { parseUsers } from '../../shared/store/users-file'
import { CONTRACT_USERS, storeContract } from './store-contract'

storeContract('MemoryStore', async () => new MemoryStore(parseUsers(CONTRACT_USERS).users))
