import { runChecker } from './run-checker'

// The entry point of `npm run check:webhook` and the `corbado-webhook-check` bin.
process.exitCode = await runChecker(process.argv.slice(2), process.env, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
})
