/** The decisions `digest --decisions` carries from an earlier, filled decision sheet into the new one. */

/** A decision pre-filled on the new decision sheet, with the 状态 note for the drafters. */
export interface CarriedDecision {
  decision: string;
  reason: string;
  /** '' when unchanged; 需复核：成员有变化（原编号 X） when the cluster changed. */
  status: string;
  /** 更正条款 as written on the old sheet, so a correction sticks on the new one too. */
  correction?: string;
  /** 移入类编号 (单条意见): the target cluster's id in this run. */
  moveTo?: string;
}

/** What `digest --decisions` carries into the new sheet: by cluster id and by record id (单条意见). */
export interface CarriedDecisions {
  clusters: ReadonlyMap<string, CarriedDecision>;
  opinions: ReadonlyMap<string, CarriedDecision>;
}
