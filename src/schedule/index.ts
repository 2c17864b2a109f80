// The schedule module's public API: the `schedule:` block, the schedules it builds, the LR
// range-test ladder and the batch-size scaling rules.

export type { Schedule } from "./types.js";
export {
  SCHEDULE_KINDS,
  scheduleSchema,
  type KindConfig,
  type ScheduleConfig,
  type ScheduleKind,
} from "./schema.js";
export { parseSchedule } from "./parse-schedule.js";
export { scheduleWarnings, type ScheduleWarning } from "./warnings.js";
export { createSchedule, tabulateSchedule } from "./create-schedule.js";
export { oneCycleMinSteps } from "./one-cycle.js";
export { rangeLadder, rangeLadderLr, type LadderMode } from "./range-ladder.js";
export {
  linearScaledLr,
  scaleLrForBatch,
  sqrtScaledLr,
  type BatchScalingRule,
} from "./batch-scaling.js";
