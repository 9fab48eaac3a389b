/** The similarity thresholds' defaults, one object for every command that takes --near, --assign or --cluster. */
import { DEFAULT_NEAR_THRESHOLD } from '../../dedupe/index.js';
import { CLUSTER_DEFAULTS } from '../../cluster/index.js';
import { ASSIGN_DEFAULTS } from '../../assign/assign.js';

/** From the constants of the stages that use them (dedupe, assignment, clustering): a stage's tuning changes in one place. */
export const THRESHOLD_DEFAULTS = {
  near: DEFAULT_NEAR_THRESHOLD,
  assign: ASSIGN_DEFAULTS.threshold,
  assignMargin: ASSIGN_DEFAULTS.minMargin,
  assignLead: ASSIGN_DEFAULTS.minLead,
  assignLeadUnanchored: ASSIGN_DEFAULTS.minLeadUnanchored,
  cluster: CLUSTER_DEFAULTS.threshold,
} as const;
