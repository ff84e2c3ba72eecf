// Minimal types for autocannon (no @types package is installed); only what bench/letters.ts uses.
declare module "autocannon" {
  interface Histogram { average: number; p50: number; p90: number; p99: number; max: number; total: number }
  interface Result { requests: Histogram; latency: Histogram; non2xx: number; errors: number }
  interface Options { url: string; connections?: number; duration?: number; amount?: number; requests?: Array<{ method?: string; path: string }> }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
