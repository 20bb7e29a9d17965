import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import tableSpec from '../../infra/dynamodb/users-table.json' with { type: 'json' }
import { USERS_TABLE_KEY } from '../../shared/store/dynamodb-item'
import { CONFORMANCE_CREDENTIALS } from '../conformance/fixtures'
import { FIREBASE_ENV } from '../passwords/format-users'

// A bcrypt hash of cost 4 as the decoy hash of a stage's params.
const PARAM_TIMING_HASH = '$2b$04$b5/CwNDuHMWtLRhRscesW.vTvtd6ce5pqA92jrybyLW8GwxWter1W'

// The optional settings as a stage's block in serverless.yml's params holds them, given
// here with --param, which sets the same values.
const STAGE_PARAMS = {
  timingHash: PARAM_TIMING_HASH,
  firebaseSignerKey: FIREBASE_ENV.FIREBASE_SIGNER_KEY,
  firebaseSaltSeparator: FIREBASE_ENV.FIREBASE_SALT_SEPARATOR,
  firebaseRounds: FIREBASE_ENV.FIREBASE_ROUNDS,
  firebaseMemCost: FIREBASE_ENV.FIREBASE_MEM_COST,
}

// The same settings left in the deploying shell from some earlier deploy: the function
// takes none of them, so a deploy from another shell cannot change or drop a setting.
const SETTINGS_IN_SHELL = {
  TIMING_HASH: '$2a$04$shellShellShellShellSu5gEkfRtP9NPfSAtdmGT01jrdQxVsU6q',
  FIREBASE_SIGNER_KEY: 'c2hlbGwtc2lnbmVyLWtleS1mcm9tLWFuLWVhcmxpZXItZGVwbG95',
  FIREBASE_SALT_SEPARATOR: 'c2hlbGw=',
  FIREBASE_ROUNDS: '7',
  FIREBASE_MEM_COST: '13',
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
// `sls package` of osls takes about 4 s here and needs no AWS account or network.
const PACKAGE_TIMEOUT_MS = 60_000

interface Statement {
  Effect: string
  Action: string | string[]
  Resource: unknown
}
// biome-ignore lint/suspicious/noExplicitAny: a CloudFormation template, checked by assertions.
type Template = { Resources: Record<string, any> }

// Secrets a developer may have in the shell that packages the stack; none may end up in
// what is packaged. The username is left out: the suite's own is the service's name.
const SECRETS_IN_SHELL = {
  WEBHOOK_USERNAME: 'shell-webhook-username-9d2f',
  WEBHOOK_PASSWORD: CONFORMANCE_CREDENTIALS.password,
  AWS_ACCESS_KEY_ID: 'AKIASHELLKEY7Q3V',
  AWS_SECRET_ACCESS_KEY: 'shell-secret-access-key-5b8e',
}

let dir: string
let template: Template
// Every file `sls package` wrote, as text.
let packaged: { file: string; text: string }[]

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sls-package-'))
  await promisify(execFile)(
    process.execPath,
    [
      'node_modules/osls/bin/serverless.js',
      'package',
      '--package',
      dir,
      ...Object.entries(STAGE_PARAMS).map(([name, value]) => `--param=${name}=${value}`),
    ],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: dir,
        AWS_REGION: 'eu-central-1',
        SLS_TELEMETRY_DISABLED: '1',
        SLS_NOTIFICATIONS_MODE: 'off',
        ...SECRETS_IN_SHELL,
        ...SETTINGS_IN_SHELL,
      },
    },
  )
  template = JSON.parse(
    await readFile(join(dir, 'cloudformation-template-update-stack.json'), 'utf8'),
  )
  const files = (await readdir(dir)).filter((file) => file.endsWith('.json'))
  packaged = await Promise.all(
    files.map(async (file) => ({ file, text: await readFile(join(dir, file), 'utf8') })),
  )
}, PACKAGE_TIMEOUT_MS)

afterAll(() => rm(dir, { recursive: true, force: true }))

const resourcesOfType = (type: string) =>
  Object.entries(template.Resources).filter(([, resource]) => resource.Type === type)
// biome-ignore lint/suspicious/noExplicitAny: as Template.
const onlyResourceOfType = (type: string): any => {
  const found = resourcesOfType(type)
  expect(found, type).toHaveLength(1)
  return found[0]?.[1]
}
const actionsOf = (statement: Statement) => [statement.Action].flat()

describe('the packaged CloudFormation template', () => {
  it("lets the function's role only write its logs, read the users table and get the two parameters", () => {
    const role = onlyResourceOfType('AWS::IAM::Role')
    const statements: Statement[] = role.Properties.Policies.flatMap(
      (policy: { PolicyDocument: { Statement: Statement[] } }) => policy.PolicyDocument.Statement,
    )
    const nonLogStatements = statements.filter(
      (statement) => !actionsOf(statement).every((action) => action.startsWith('logs:')),
    )

    expect(role.Properties.ManagedPolicyArns).toBeUndefined()
    expect(statements.every((statement) => statement.Effect === 'Allow')).toBe(true)
    expect(JSON.stringify(statements.map(actionsOf))).not.toContain('*')
    expect(nonLogStatements).toEqual([
      {
        Effect: 'Allow',
        Action: ['dynamodb:GetItem'],
        Resource: { 'Fn::GetAtt': ['UsersTable', 'Arn'] },
      },
      { Effect: 'Allow', Action: ['ssm:GetParameters'], Resource: expect.any(Array) },
    ])
    const parameterArns = JSON.stringify(nonLogStatements[1]?.Resource)
    expect(parameterArns).toContain(':parameter/corbado-webhook/prod/webhook-username"')
    expect(parameterArns).toContain(':parameter/corbado-webhook/prod/webhook-password"')
  })

  it('creates no other policy, no managed policy and no parameter', () => {
    const types = Object.values(template.Resources).map((resource) => resource.Type)

    expect(types).not.toContain('AWS::IAM::Policy')
    expect(types).not.toContain('AWS::IAM::ManagedPolicy')
    expect(types).not.toContain('AWS::SSM::Parameter')
    expect(resourcesOfType('AWS::IAM::Role')).toHaveLength(1)
  })

  it("lets the role write logs only to the function's own log group", () => {
    const role = onlyResourceOfType('AWS::IAM::Role')
    const logGroupName: string = onlyResourceOfType('AWS::Logs::LogGroup').Properties.LogGroupName
    const statements: Statement[] = role.Properties.Policies[0].PolicyDocument.Statement
    const logResources = statements
      .filter((statement) => actionsOf(statement).some((action) => action.startsWith('logs:')))
      .flatMap((statement) => [statement.Resource].flat())
    // The pattern serverless writes covers the log groups of this stage's functions; the
    // stack has exactly one function, whose group it names.
    const groupArn =
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Fn::Sub's syntax, not JavaScript's.
      'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/corbado-webhook-prod*'

    expect(resourcesOfType('AWS::Lambda::Function')).toHaveLength(1)
    expect(logGroupName).toBe('/aws/lambda/corbado-webhook-prod-webhook')
    expect(logResources).toEqual([{ 'Fn::Sub': `${groupArn}:*` }, { 'Fn::Sub': `${groupArn}:*:*` }])
  })

  it('holds no secret anywhere, in serverless.yml or in any packaged file', async () => {
    const sources = [
      ...packaged,
      { file: 'serverless.yml', text: await readFile(join(ROOT, 'serverless.yml'), 'utf8') },
    ]

    expect(packaged.map(({ file }) => file)).toContain('cloudformation-template-update-stack.json')
    for (const { file, text } of sources) {
      for (const [name, secret] of Object.entries(SECRETS_IN_SHELL)) {
        expect(text, `${name} in ${file}`).not.toContain(secret)
      }
      // The plain variables are for local runs; deployed, only the parameter names are set.
      expect(text, file).not.toMatch(/\bWEBHOOK_(USERNAME|PASSWORD)["\s]*:/)
      expect(text, file).not.toContain('YOUR-LONG-RANDOM-PASSWORD')
    }
  })

  it('keeps the users table when the stack is removed or the table replaced', () => {
    const table = template.Resources.UsersTable

    expect(table.DeletionPolicy).toBe('Retain')
    expect(table.UpdateReplacePolicy).toBe('Retain')
    expect(table.Properties.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled).toBe(true)
    expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST')
  })

  it('declares the table from infra/dynamodb/users-table.json, keyed as the store reads it', () => {
    const table = template.Resources.UsersTable

    expect(table.Properties).toEqual(tableSpec)
    expect(table.Properties.KeySchema).toEqual([
      { AttributeName: USERS_TABLE_KEY, KeyType: 'HASH' },
    ])
  })

  it('gives the function parameter names, never the credentials themselves', () => {
    const fn = onlyResourceOfType('AWS::Lambda::Function')

    expect(fn.Properties.Environment.Variables).toEqual({
      USERS_TABLE: { Ref: 'UsersTable' },
      WEBHOOK_USERNAME_PARAMETER: '/corbado-webhook/prod/webhook-username',
      WEBHOOK_PASSWORD_PARAMETER: '/corbado-webhook/prod/webhook-password',
      LOG_LEVEL: 'info',
      ...FIREBASE_ENV,
      TIMING_HASH: PARAM_TIMING_HASH,
    })
  })

  it("takes the optional settings from the stage's params, never from the deploying shell", () => {
    const fromShell = [SETTINGS_IN_SHELL.TIMING_HASH, SETTINGS_IN_SHELL.FIREBASE_SIGNER_KEY]

    for (const { file, text } of packaged) {
      for (const value of fromShell) expect(text, file).not.toContain(value)
    }
  })

  it('runs the prebuilt bundle on nodejs22.x for arm64', () => {
    const fn = onlyResourceOfType('AWS::Lambda::Function')

    expect(fn.Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'handler.handler',
      Code: { S3Key: expect.stringMatching(/\/handler\.zip$/) },
    })
  })

  it('routes every /webhook method and GET /health to the function, and keeps logs 30 days', () => {
    const routes = resourcesOfType('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties.RouteKey)
    const logGroup = onlyResourceOfType('AWS::Logs::LogGroup')

    expect(routes.sort()).toEqual(['ANY /webhook', 'GET /health'])
    expect(logGroup.Properties.RetentionInDays).toBe(30)
  })

  it('throttles the HTTP API stage before requests reach the function', () => {
    const stage = onlyResourceOfType('AWS::ApiGatewayV2::Stage')

    expect(stage.Properties.DefaultRouteSettings).toEqual({
      ThrottlingRateLimit: 50,
      ThrottlingBurstLimit: 100,
    })
  })
})
