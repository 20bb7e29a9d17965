import { buildAwsArtifact } from '../../infra/build/aws-artifact'

/**
 * Builds the Lambda bundle and its zip once before the node tests, so the Lambda
 * tests run the very bundle `sls package` ships (about 2 s).
 */
export default async function setup(): Promise<void> {
  await buildAwsArtifact()
}
