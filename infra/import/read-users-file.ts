import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { CsvError, parse } from 'csv-parse/sync'

/** The rows of a users file, and how to name a row in a refusal. */
export interface UsersFileRows {
  rows: unknown[]
  /** `line 4` for CSV (1-based, the header is line 1), `index 3` for JSON (0-based). */
  describeRow(index: number): string
}

// Aliases share one CSV column; `;` and `|` are both accepted since neither appears in an
// email address or a phone number.
const ALIAS_SEPARATOR = /[;|]/

/** Reads a `.json` (array of user objects) or `.csv` (header row naming the columns) file. */
export async function readUsersFile(path: string): Promise<UsersFileRows> {
  const text = await readFile(path, 'utf8')
  const extension = extname(path).toLowerCase()
  if (extension === '.json') return parseJsonUsers(text)
  if (extension === '.csv') return parseCsvUsers(text)
  throw new Error(`${path}: the users file must end in .json or .csv`)
}

// The parsers' own messages can quote the text around a fault, which may be a hash:
// refusals here name the place only.

export function parseJsonUsers(text: string): UsersFileRows {
  let rows: unknown
  try {
    rows = JSON.parse(text)
  } catch {
    throw new Error('the users file is not valid JSON')
  }
  if (!Array.isArray(rows)) throw new Error('a JSON users file must hold an array of users')
  return { rows, describeRow: (index) => `index ${index}` }
}

/**
 * Columns: `username,aliases,passwordHash,status`; only `username` is required. Empty
 * cells count as absent. csv-parse handles quoted cells (a hash or name holding a comma
 * or a quote) and counts the lines inside them, so a refusal names the file's real line
 * (the last line of a record whose quoted cell spans lines); hand-written splitting on
 * commas would get both wrong.
 */
export function parseCsvUsers(text: string): UsersFileRows {
  let records: { record: Record<string, string>; info: { lines: number } }[]
  try {
    records = parse(text, {
      columns: true,
      bom: true,
      trim: true,
      skip_empty_lines: true,
      info: true,
    })
  } catch (error) {
    if (!(error instanceof CsvError)) throw error
    const line = error.lines
    throw new Error(`the users file is not valid CSV (${error.code} at line ${line})`)
  }

  const rows = records.map(({ record }) => csvRecordToRow(record))
  const lines = records.map(({ info }) => info.lines)
  return { rows, describeRow: (index) => `line ${lines[index]}` }
}

function csvRecordToRow(record: Record<string, string>): Record<string, unknown> {
  const row: Record<string, unknown> = {}
  for (const [column, value] of Object.entries(record)) {
    if (value === '') continue
    row[column] =
      column === 'aliases' ? value.split(ALIAS_SEPARATOR).map((alias) => alias.trim()) : value
  }
  return row
}
