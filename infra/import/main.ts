import { runImportCli } from './cli'

process.exitCode = await runImportCli(process.argv.slice(2), console)
