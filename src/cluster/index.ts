/** Per-article clustering of distinct opinions (意见归类). */
export {
  DEFAULT_CLUSTER_THRESHOLD,
  clusterOpinions,
  type ClusterItem,
  type ClusterOptions,
} from './cluster.js';
export { compareArticleKeys } from './article-order.js';
