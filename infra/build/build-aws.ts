import { AWS_BUNDLE, AWS_ZIP, buildAwsArtifact } from './aws-artifact'

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`

const { bytes, gzipBytes, zipBytes } = await buildAwsArtifact()
console.log(`${AWS_BUNDLE}: ${kib(bytes)} raw, ${kib(gzipBytes)} gzip`)
console.log(`${AWS_ZIP}: ${kib(zipBytes)}`)
