import { benchCases } from './hashes-cases'
import { measure, WORKERD_OPTIONS } from './hashes-measure'

/** Runs the hash benchmark inside workerd and answers its results as JSON. */
export default {
  async fetch(): Promise<Response> {
    return Response.json(await measure(benchCases(), WORKERD_OPTIONS))
  },
}
