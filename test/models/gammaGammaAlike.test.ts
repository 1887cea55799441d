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
		expect(fit).toThrow(
			`The spend model could not be fitted on ${spenders.length} customers: the fit ran off before it started; spends may be too alike across customers to fit (expected mean repeat spends that vary from customer to customer)`,
		);
	});
});
