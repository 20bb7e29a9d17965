import type { BenchCase } from './hashes-cases'
import { quantile } from './median'

/** The fastest batch's milliseconds per call, of the verifier and of its bare primitive. */
export interface BenchResult {
  format: string
  primitive: string
  verifyMs: number
  bareMs: number
  /** The verifier's fastest batch against the primitive's fastest, in percent. */
  overheadPercent: number
  /**
   * Half the interquartile range of the per-round overheads (each verifier batch against
   * the primitive batch beside it), in percent: how far single rounds stray, so a reader
   * can tell an overhead from this machine's noise.
   */
  spreadPercent: number
  /** The time the verifier adds to one call, fastest batch against fastest, in ms. */
  addedMs: number
}

/** How long each timed batch lasts and how many verifier/primitive pairs are kept. */
export interface MeasureOptions {
  batchMs: number
  rounds: number
}

/**
 * Node's clock resolves microseconds: 100 ms batches, 11 pairs. workerd's moves in whole
 * milliseconds and only between tasks, so a batch must last 400 ms for a 5 % difference
 * to stand out of its 1 ms steps; 6 pairs keep all cases of both runtimes near 5 minutes.
 * More pairs give the fastest batch more chances to run undisturbed.
 */
export const NODE_OPTIONS: MeasureOptions = { batchMs: 100, rounds: 11 }
export const WORKERD_OPTIONS: MeasureOptions = { batchMs: 400, rounds: 6 }
// A batch of microsecond digests at 400 ms holds about 100,000 calls.
const MAX_BATCH_CALLS = 1 << 20

// workerd freezes its clock while JavaScript runs; a zero timer lets it catch up.
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

async function timeBatch(run: () => Promise<unknown>, calls: number): Promise<number> {
  await settle()
  const start = performance.now()
  for (let i = 0; i < calls; i++) {
    await run()
  }
  await settle()
  return (performance.now() - start) / calls
}

/**
 * Runs each case's verifier and primitive in alternating batches and compares their
 * fastest batches. Both do the same deterministic CPU work every call; whatever else runs
 * on the machine (other processes, the garbage collector, the hypervisor) only adds time
 * to a batch, so the fastest batch is the least disturbed. Medians of the paired rounds
 * moved by ±15 % between runs on this 2-core machine, with negative overheads as common
 * as positive ones.
 */
export async function measure(
  cases: BenchCase[],
  { batchMs, rounds }: MeasureOptions,
): Promise<BenchResult[]> {
  const results: BenchResult[] = []
  for (const benchCase of cases) {
    // Warm up, check the verifier really verifies, and size the batch.
    const check = (await benchCase.verify()) as { isValid: boolean }
    if (!check.isValid) {
      throw new Error(`${benchCase.format} did not verify`)
    }
    // Double a probe batch until the clock sees it, then size the batch from its pace.
    let calls = 1
    let once = await timeBatch(benchCase.bare, calls)
    while (once * calls < batchMs / 8 && calls < MAX_BATCH_CALLS) {
      calls *= 2
      once = await timeBatch(benchCase.bare, calls)
    }
    calls = Math.min(MAX_BATCH_CALLS, Math.max(1, Math.round(batchMs / once)))

    // Alternating order, so that neither side always runs first.
    const verifyTimes: number[] = []
    const bareTimes: number[] = []
    const ratios: number[] = []
    for (let round = 0; round < rounds; round++) {
      const isVerifyFirst = round % 2 === 0
      const first = await timeBatch(isVerifyFirst ? benchCase.verify : benchCase.bare, calls)
      const second = await timeBatch(isVerifyFirst ? benchCase.bare : benchCase.verify, calls)
      const [verifyMs, bareMs] = isVerifyFirst ? [first, second] : [second, first]
      verifyTimes.push(verifyMs)
      bareTimes.push(bareMs)
      ratios.push(verifyMs / bareMs)
    }
    const verifyMs = Math.min(...verifyTimes)
    const bareMs = Math.min(...bareTimes)
    results.push({
      format: benchCase.format,
      primitive: benchCase.primitive,
      verifyMs,
      bareMs,
      overheadPercent: (verifyMs / bareMs - 1) * 100,
      spreadPercent: ((quantile(ratios, 0.75) - quantile(ratios, 0.25)) / 2) * 100,
      addedMs: verifyMs - bareMs,
    })
  }
  return results
}
