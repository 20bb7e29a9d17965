import type { BenchCase } from './hashes-cases'
import { median, quantile } from './median'

/** Median milliseconds per call of the verifier and of its bare primitive. */
export interface BenchResult {
  format: string
  primitive: string
  verifyMs: number
  bareMs: number
  /** Median over rounds of verifier time against primitive time in the same round. */
  overheadPercent: number
  /**
   * Half the interquartile range of those per-round overheads, in percent: how far apart
   * the rounds lie, so a reader can tell an overhead from this machine's noise.
   */
  spreadPercent: number
  /** Median over rounds of the time the verifier adds to one call, in milliseconds. */
  addedMs: number
}

/** How long each timed batch lasts and how many verifier/primitive pairs are kept. */
export interface MeasureOptions {
  batchMs: number
  rounds: number
}

/**
 * Node's clock resolves microseconds: 100 ms batches, 7 pairs. workerd's moves in whole
 * milliseconds and only between tasks, so a batch must last 400 ms for a 5 % difference
 * to stand out of its 1 ms steps; 4 pairs keep all cases of both runtimes near 3 minutes.
 */
export const NODE_OPTIONS: MeasureOptions = { batchMs: 100, rounds: 7 }
export const WORKERD_OPTIONS: MeasureOptions = { batchMs: 400, rounds: 4 }
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

/** Runs each case's verifier and primitive in alternating batches and keeps the medians. */
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

    // Other processes share the CPU: pairing each verifier batch with a primitive batch
    // run right beside it, in alternating order, cancels most of their drift.
    const verifyTimes: number[] = []
    const bareTimes: number[] = []
    const ratios: number[] = []
    const added: number[] = []
    for (let round = 0; round < rounds; round++) {
      const isVerifyFirst = round % 2 === 0
      const first = await timeBatch(isVerifyFirst ? benchCase.verify : benchCase.bare, calls)
      const second = await timeBatch(isVerifyFirst ? benchCase.bare : benchCase.verify, calls)
      const [verifyMs, bareMs] = isVerifyFirst ? [first, second] : [second, first]
      verifyTimes.push(verifyMs)
      bareTimes.push(bareMs)
      ratios.push(verifyMs / bareMs)
      added.push(verifyMs - bareMs)
    }
    results.push({
      format: benchCase.format,
      primitive: benchCase.primitive,
      verifyMs: median(verifyTimes),
      bareMs: median(bareTimes),
      overheadPercent: (median(ratios) - 1) * 100,
      spreadPercent: ((quantile(ratios, 0.75) - quantile(ratios, 0.25)) / 2) * 100,
      addedMs: median(added),
    })
  }
  return results
}
