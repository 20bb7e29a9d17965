import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const TSX = `${ROOT}node_modules/.bin/tsx`
const STARTUP_TIMEOUT_MS = 15_000

export interface RunningServer {
  url: string
  /** Everything the process wrote so far, stdout and stderr. */
  output: () => string
  stop: () => Promise<void>
}

/** A command that runs the server: `npm start`'s by default. */
export type ServerCommand = readonly [string, ...string[]]
const NPM_START: ServerCommand = [TSX, 'functions/node/server.ts']

/** Runs a server built by `npm run build:node` with plain node. */
export function builtServer(file: string): ServerCommand {
  return [process.execPath, file]
}

function spawnServer(env: Record<string, string>, [command, ...args]: ServerCommand) {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: '0', ...env },
  })
  let output = ''
  const collect = (chunk: Buffer) => {
    output += chunk
  }
  child.stdout.on('data', collect)
  child.stderr.on('data', collect)
  return { child, output: () => output }
}

/** Starts the server as its own process on a free loopback port. */
export function startNodeServer(
  env: Record<string, string>,
  command = NPM_START,
): Promise<RunningServer> {
  const { child, output } = spawnServer(env, command)

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill()
      reject(new Error(`server did not start:\n${output()}`))
    }, STARTUP_TIMEOUT_MS)
    child.stderr.on('data', () => {
      const match = /listening on (http:\/\/(?:[\d.]+|\[[\da-f:]+\]|localhost):\d+)/.exec(output())
      if (!match) return
      clearTimeout(timer)
      resolve({ url: match[1] as string, output, stop: () => stop(child) })
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}:\n${output()}`))
    })
  })
}

/** Runs the server to its exit, for configurations it must refuse. */
export function runNodeServerToExit(env: Record<string, string>) {
  const { child, output } = spawnServer(env, NPM_START)
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const timer = setTimeout(() => child.kill(), STARTUP_TIMEOUT_MS)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, output: output() })
    })
  })
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    // `close` comes after the output streams end, so `output()` is complete by then.
    if (child.exitCode !== null && child.stdout?.readableEnded) return resolve()
    child.once('close', () => resolve())
    child.kill('SIGTERM')
  })
}

/** Sends a conformance request to a real server instead of its placeholder host. */
export function forwardTo(baseUrl: string) {
  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url)
    const body = ['GET', 'HEAD'].includes(request.method) ? undefined : await request.arrayBuffer()
    return fetch(`${baseUrl}${url.pathname}${url.search}`, {
      method: request.method,
      headers: request.headers,
      body,
    })
  }
}
