import { AWS_BUNDLE, AWS_ZIP, buildAwsArtifact } from './aws-artifact'

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`

const { bytes, gzipBytes, importBytes, totalBytes, zipBytes } = await buildAwsArtifact()
console.log(`${AWS_BUNDLE}: ${kib(bytes)} raw, ${kib(gzipBytes)} gzip`)
console.log(`with the chunks it imports, loaded at cold start: ${kib(importBytes)} raw`)
console.log(`with the chunks loaded on first use too: ${kib(totalBytes)} raw`)
console.log(`${AWS_ZIP}: ${kib(zipBytes)}`)
