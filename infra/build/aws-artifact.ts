import { type BundleSize, bundleLambda, zipBundle } from './bundle-lambda'

/** The directory of the bundle the tests run and the zip serverless.yml deploys. */
export const AWS_BUNDLE_DIR = 'dist/aws/bundle'
/** The bundle's entry, `handler.handler` in serverless.yml. */
export const AWS_BUNDLE = `${AWS_BUNDLE_DIR}/handler.mjs`
export const AWS_ZIP = 'dist/aws/handler.zip'

/** Builds the bundle into dist/aws/bundle and zips it into dist/aws/handler.zip. */
export async function buildAwsArtifact(): Promise<BundleSize & { zipBytes: number }> {
  const size = await bundleLambda('functions/aws/handler.ts', AWS_BUNDLE_DIR)
  const zipBytes = await zipBundle(AWS_BUNDLE_DIR, AWS_ZIP)
  return { ...size, zipBytes }
}
