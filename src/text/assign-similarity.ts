/**
 * Transitional: assignment moved to src/assign/. src/cluster still imports charGrams from here; this
 * re-export keeps that import working until the clustering branch points at src/assign/similarity.js.
 */
export { charGrams } from '../assign/similarity.js';
