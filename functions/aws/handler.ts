import { createLambdaHandler } from './create-handler'

/** The Lambda entry named in serverless.yml (`handler.handler` in the bundle). */
export const handler = createLambdaHandler({ env: process.env })
