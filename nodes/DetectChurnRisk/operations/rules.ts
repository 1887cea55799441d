import type { ChurnMethod } from './types';

/** Rules Only: the rule signals decide alone; nothing is fitted and there is no Model item. */
export const rulesMethod: ChurnMethod = {
	fit: () => ({ hints: [], modelJson: () => undefined }),
};
