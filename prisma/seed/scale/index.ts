// The city-scale data generator (npm run seed:scale): plan.ts builds the rows, generate.ts writes them.
export { generateCityScale, removeCityScale } from './generate';
export type { GenerateOptions, GenerateResult } from './generate';
export {
  BENCH_ROLES,
  DEFAULT_SCALE_SEED,
  DEFAULT_SCALE_YEAR,
  MAX_SCALE_PEOPLE,
  MIN_SCALE_PEOPLE,
  SCALE_PASSWORD,
  buildScalePlan,
  scaleOrgCode,
} from './plan';
export type { BenchAccount, BenchRole, ScaleOptions, ScalePlan } from './plan';
