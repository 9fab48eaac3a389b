/**
 * A realistic hand-built Digest for report tests: a draft of 8 articles on electric bicycles in
 * 2 chapters, 6 contact points in 2 counties, 25 records (an exact duplicate group across 2 points,
 * a near group), 10 clusters on 5 articles plus general and unassigned, 2 rejects, and personal
 * data (contacts; a phone number and an e-mail inside opinion texts).
 */
import { type Digest } from '../../src/model.js';
/** Builds the sample digest, validated by DigestSchema. */
export declare function sampleDigest(overrides?: Partial<Pick<Digest, 'date'>>): Digest;
