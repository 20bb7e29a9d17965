import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { CsvError, parse } from 'csv-parse/sync'
import { jsonErrorPosition } from '../../shared/store/json-error-position'
import { isUserField, quotedFieldName, USER_FIELDS } from '../../shared/store/users-file'

/** The rows of a users file, and how to name a row in a refusal. */
export interface UsersFileRows {
  rows: unknown[]
  /** `line 4` for CSV (1-based, the header is line 1), `index 3` for JSON (0-based). */
  describeRow(index: number): string
}

// Aliases share one CSV column; `;` and `|` are both accepted since neither appears in an
// email address or a phone number.
const ALIAS_SEPARATOR = /[;|]/

const BYTE_ORDER_MARK = '\uFEFF'

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

/** A JSON array of user objects; a leading byte order mark, as Windows tools write, is skipped. */
export function parseJsonUsers(text: string): UsersFileRows {
  const json = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text
  let rows: unknown
  try {
    rows = JSON.parse(json)
  } catch {
    const at = jsonErrorPosition(json)
    const place = at ? ` at line ${at.line}, column ${at.column}` : ''
    throw new Error(`the users file is not valid JSON${place}`)
  }
  if (!Array.isArray(rows)) throw new Error('a JSON users file must hold an array of users')
  return { rows, describeRow: (index) => `index ${index}` }
}

/**
 * Columns: `username,aliases,passwordHash,status`; only `username` is required, and a
 * header naming another column, or one column twice, refuses the whole file before any
 * row is read: its cells would be dropped, and a user written without its hash. Empty
 * cells count as absent. csv-parse handles quoted cells (a hash or name holding a comma
 * or a quote) and counts the lines inside them, so a refusal names the file's real line
 * (the last line of a record whose quoted cell spans lines); hand-written splitting on
 * commas would get both wrong.
 */
export function parseCsvUsers(text: string): UsersFileRows {
  let records: { record: Record<string, string>; info: { lines: number } }[]
  try {
    records = parse(text, {
      columns: checkHeader,
      bom: true,
      trim: true,
      skip_empty_lines: true,
      // A row may end early: its missing cells count as empty.
      relax_column_count: true,
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
      column === 'aliases'
        ? value
            .split(ALIAS_SEPARATOR)
            .map((alias) => alias.trim())
            .filter((alias) => alias !== '')
        : value
  }
  return row
}

// The header alone decides which cells are read, so a fault in it refuses the whole file.
function checkHeader(header: string[]): string[] {
  const faults: string[] = []

  const unknown = header.flatMap((name, index) => {
    if (isUserField(name)) return []
    const quoted = quotedFieldName(name)
    return [`column ${index + 1}${quoted ? ` (${quoted})` : ''}`]
  })
  if (unknown.length > 0) faults.push(`unknown ${unknown.join(', ')}`)
  const repeated = header.filter(
    (name, index) => isUserField(name) && header.indexOf(name) !== index,
  )
  for (const name of new Set(repeated)) faults.push(`"${name}" appears more than once`)
  if (!header.includes('username')) faults.push('no username column')
  if (faults.length === 0) return header

  throw new Error(
    `the CSV header (line 1) must name its columns from ${USER_FIELDS.join(', ')}, each once, username among them: ${faults.join('; ')}`,
  )
}
