import * as crypto from 'crypto';

type OneShotHash = (algorithm: string, data: string, outputEncoding: 'buffer') => Buffer;
/** Node's one-shot crypto.hash (Node >= 20.12) is about twice as fast as createHash for short texts. */
const oneShot = (crypto as unknown as { hash?: OneShotHash }).hash;
const sha256 = (text: string): Buffer => (oneShot ? oneShot('sha256', text, 'buffer') : crypto.createHash('sha256').update(text, 'utf8').digest());

export type Group = 'treatment' | 'holdout';

const TWO_POW_21 = 2 ** 21;
const TWO_POW_53 = 2 ** 53;

/**
 * The customer's fixed position in [0, 1) for a campaign: SHA-256 of the UTF-8 bytes of
 * campaign + "\u0000" + customerId, the first 8 bytes read as a big-endian unsigned 64-bit integer,
 * of which the top 53 bits divided by 2^53. Any system can reproduce it, e.g. in PostgreSQL:
 *   (('x' || substr(encode(sha256(convert_to(campaign, 'UTF8') || '\x00'::bytea || convert_to(id, 'UTF8')), 'hex'), 1, 14))::bit(56)::bigint >> 3) / 2^53
 * (the first 56 bits shifted to 53). No state: the same customer gets the same position on every run
 * and on every queue-mode worker.
 */
export function assignmentPosition(campaign: string, customerId: string): number {
	const digest = sha256(`${campaign}\u0000${customerId}`);
	const high = digest.readUInt32BE(0);
	const low = digest.readUInt32BE(4);
	return (high * TWO_POW_21 + (low >>> 11)) / TWO_POW_53;
}

/**
 * Holdout when the position lies below the holdout share. Stratified assignment uses the same rule in
 * every stratum (a per-stratum threshold, here the same share for all): exact quotas would need the
 * whole stratum in one batch and would move a customer between groups as others join, so they cannot be
 * both stateless and stable. With the position independent of the stratum, each stratum's holdout share
 * is binomial around the target (standard deviation √(share·(1 − share)/n)), and the stratum recorded
 * with the group lets Measure Uplift report each stratum.
 */
export function assignGroup(position: number, holdoutShare: number): Group {
	return position < holdoutShare ? 'holdout' : 'treatment';
}
