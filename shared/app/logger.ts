/** Log levels from most to least verbose; `silent` logs nothing. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]
export type LogEntry = Record<string, string | number | boolean | undefined>

/** The few methods the webhook logs with. Any structured logger fits behind it. */
export interface Logger {
  debug(entry: LogEntry): void
  info(entry: LogEntry): void
  warn(entry: LogEntry): void
  error(entry: LogEntry): void
}

export function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value)
}

export interface JsonLoggerOptions {
  /** The least severe level written. Default `info`. */
  level?: LogLevel
  /** Where each JSON line goes. Default `console.log`, which every platform collects. */
  write?: (line: string) => void
}

/** Writes each entry as one JSON line with its level and an ISO timestamp. */
export function createJsonLogger(options: JsonLoggerOptions = {}): Logger {
  const threshold = LOG_LEVELS.indexOf(options.level ?? 'info')
  const write = options.write ?? ((line: string) => console.log(line))

  const at = (level: Exclude<LogLevel, 'silent'>) =>
    LOG_LEVELS.indexOf(level) < threshold
      ? () => {}
      : (entry: LogEntry) =>
          write(JSON.stringify({ level, time: new Date().toISOString(), ...entry }))

  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
}

/** A logger that drops everything, for `logger: false`. */
export const silentLogger: Logger = createJsonLogger({ level: 'silent' })
