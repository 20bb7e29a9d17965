import { benchCases } from './hashes-cases'
import { measure, WORKERD_OPTIONS } from './hashes-measure'

/**
 * Runs the hash benchmark inside workerd and answers its results as JSON; `?formats=a,b`
 * limits it to those formats.
 */
export default {
  async fetch(request: Request): Promise<Response> {
    const formats = new URL(request.url).searchParams.get('formats')?.split(',') ?? []
    return Response.json(await measure(benchCases(formats.filter(Boolean)), WORKERD_OPTIONS))
  },
}
