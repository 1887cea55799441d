export { seededRandom } from '../helpers/random';

/** Revenue of one customer: with probability `p` a purchase worth Gamma(2, mean/2) (sum of two exponentials), else 0. */
export function revenueDraw(random: () => number, p: number, meanPurchase: number): number {
	if (random() >= p) return 0;
	const e = () => -Math.log(1 - random());
	return Math.round(((e() + e()) * meanPurchase) / 2 * 100) / 100;
}
