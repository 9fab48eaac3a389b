/** The similarity thresholds' defaults, one object for every command that takes --near, --assign or --cluster. */
import { DEFAULT_NEAR_THRESHOLD } from '../../dedupe/index.js';
import { DEFAULT_CLUSTER_THRESHOLD } from '../../cluster/index.js';
import { DEFAULT_ASSIGN_MARGIN, DEFAULT_ASSIGN_THRESHOLD } from '../../text/assign.js';

/**
 * From the constants of the stages that use them (dedupe, assignment, clustering), so a stage's tuning is
 * changed in one place. When assignment and clustering export ASSIGN_DEFAULTS and CLUSTER_DEFAULTS, these
 * come from there.
 */
export const THRESHOLD_DEFAULTS = {
  near: DEFAULT_NEAR_THRESHOLD,
  assign: DEFAULT_ASSIGN_THRESHOLD,
  assignMargin: DEFAULT_ASSIGN_MARGIN,
  cluster: DEFAULT_CLUSTER_THRESHOLD,
} as const;
