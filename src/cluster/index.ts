/** Per-article clustering of distinct opinions (意见归类). */
export {
  articleThreshold,
  CLUSTER_DEFAULTS,
  DEFAULT_CLUSTER_THRESHOLD,
  clusterArticle,
  clusterOpinions,
  type ClusterItem,
  type ClusterOptions,
  type ClusterSettings,
} from './cluster.js';
export { compareArticleKeys } from '../article-key.js';
export { clusterLabel, LABEL_MAX_CHARS } from './label.js';
