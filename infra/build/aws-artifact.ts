import { type BundleSize, bundleLambda, zipBundle } from './bundle-lambda'

/** The bundle the tests run and the zip serverless.yml deploys: the same code. */
export const AWS_BUNDLE = 'dist/aws/handler.mjs'
export const AWS_ZIP = 'dist/aws/handler.zip'

/** Builds dist/aws/handler.mjs and zips it into dist/aws/handler.zip. */
export async function buildAwsArtifact(): Promise<BundleSize & { zipBytes: number }> {
  const size = await bundleLambda('functions/aws/handler.ts', AWS_BUNDLE)
  const zipBytes = await zipBundle(AWS_BUNDLE, AWS_ZIP)
  return { ...size, zipBytes }
}
