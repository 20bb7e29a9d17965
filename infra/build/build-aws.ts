import { AWS_BUNDLE, AWS_ZIP, buildAwsArtifact } from './aws-artifact'

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`

const { bytes, gzipBytes, totalBytes, zipBytes } = await buildAwsArtifact()
console.log(`${AWS_BUNDLE}: ${kib(bytes)} raw, ${kib(gzipBytes)} gzip (loaded at cold start)`)
console.log(`with the chunks loaded on first use: ${kib(totalBytes)} raw`)
console.log(`${AWS_ZIP}: ${kib(zipBytes)}`)
