import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLambdaHandler } from '../../functions/aws/create-handler'
import { PasswordSettingError } from '../../shared/passwords/verifiers-from-env'
import { createDynamoDbClient } from '../../shared/store/dynamodb-client'
import { CONFORMANCE_CREDENTIALS } from '../conformance/fixtures'
import { passwordVerifyCall } from '../conformance/requests'
import { readJson } from '../conformance/target'
import { FIREBASE_ENV, FORMAT_USERS } from '../passwords/format-users'
import { type LocalDynamoDb, startDynalite } from './dynalite'
import { lambdaTarget } from './lambda-invoke'
import { seedUsers } from './seed-users'

const firebaseUser = FORMAT_USERS.find((user) => user.format === 'firebase-scrypt')
if (!firebaseUser) throw new Error('no Firebase vector')

let dynamo: LocalDynamoDb
let env: Record<string, string>
beforeAll(async () => {
  dynamo = await startDynalite()
  const table = await dynamo.createTable()
  await seedUsers(dynamo.endpoint, table, [
    { username: firebaseUser.username, passwordHash: firebaseUser.hash },
  ])
  env = {
    USERS_TABLE: table,
    WEBHOOK_USERNAME: CONFORMANCE_CREDENTIALS.username,
    WEBHOOK_PASSWORD: CONFORMANCE_CREDENTIALS.password,
    LOG_LEVEL: 'silent',
  }
})
afterAll(() => dynamo.close())

describe("the Lambda's Firebase settings", () => {
  it('verifies a Firebase-hashed user when the four FIREBASE_* variables are set', async () => {
    const handler = createLambdaHandler({
      env: { ...env, ...FIREBASE_ENV },
      dynamoDbClient: createDynamoDbClient({ endpoint: dynamo.endpoint }),
    })
    const lambda = lambdaTarget(handler, 'httpApi')

    const right = await lambda(passwordVerifyCall(firebaseUser.username, firebaseUser.password))
    const wrong = await lambda(passwordVerifyCall(firebaseUser.username, firebaseUser.wrong))

    expect((await readJson(right)).data).toEqual({ success: true })
    expect((await readJson(wrong)).data).toEqual({ success: false })
  })

  it.each([
    ['FIREBASE_SALT_SEPARATOR', { ...FIREBASE_ENV, FIREBASE_SALT_SEPARATOR: '  ' }],
    ['FIREBASE_MEM_COST', { ...FIREBASE_ENV, FIREBASE_MEM_COST: '15' }],
    ['FIREBASE_SIGNER_KEY', { ...FIREBASE_ENV, FIREBASE_SIGNER_KEY: 'ab$cd' }],
  ])('refuses to start on a bad setting, naming %s', (variable, settings) => {
    const start = () => createLambdaHandler({ env: { ...env, ...settings } })

    expect(start).toThrow(PasswordSettingError)
    expect(start).toThrow(variable)
  })
})
