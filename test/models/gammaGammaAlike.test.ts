import { ConfigError } from '../../nodes/shared/input';
import { fitGammaGamma } from '../../nodes/shared/models';
import { cdnowSummary } from './cdnowData';

/**
 * Repeat buyers who all spend the same (one product at one price) have no spread for Gamma-Gamma to
 * fit: the refusal says so, not the optimizer's 'The objective is not finite at the starting point',
 * which reached the Model item's spendNote.
 */
describe('Gamma-Gamma on mean spends all alike', () => {
	it('is refused saying the spends may be too alike, with what would do', () => {
		const spenders = cdnowSummary()
			.slice(0, 400)
			.filter((c) => c.x > 0)
			.map((c) => ({ x: c.x, meanSpend: 20 }));
		const fit = () => fitGammaGamma(spenders);
		expect(fit).toThrow(ConfigError);
		// Where the profile runs off at once, or after some steps (as it does once ln Γ(p x + q) − ln Γ(p x) keeps its digits), the same reason.
		expect(fit).toThrow(new RegExp(`^The spend model could not be fitted on ${spenders.length} customers\\b.*; spends may be too alike across customers to fit \\(expected `));
	});
});
