// Expectations for examples/subscription-churn.json: the sBG fit published by Fader & Hardie (2007) on the
// "regular" cohort, and each subscriber's risk worked out by hand from the documented rules:
// riskScore = 1 − (1 − churn at the next renewal) × Π(1 − signal weight), contract ending within 30 days
// weighs 0.3, satisfaction 40 (20 below 60) weighs 0.25 × 1.5 = 0.375.
const assert = require('node:assert/strict');

const near = (actual, expected, tolerance, what) =>
	assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} is not within ${tolerance} of ${expected}`);

const round = (n, digits) => Math.round(n * 10 ** digits) / 10 ** digits;

function byId({ output }) {
	return new Map([...output('Detect Churn Risk', 0), ...output('Detect Churn Risk', 1)].map((s) => [s.subscriberId, s.churn]));
}

module.exports = {
	checks: {
		'the Model output carries the published sBG fit': ({ output }) => {
			const [model] = output('Detect Churn Risk', 2);
			assert.equal(model.method, 'sbg');
			assert.equal(model.customersUsed, 1000);
			assert.equal(model.timeUnit, 'years');
			near(model.parameters.alpha, 0.704, 0.001, 'alpha');
			near(model.parameters.beta, 1.182, 0.001, 'beta');
			near(model.logLikelihood, -1680.27, 0.05, 'log-likelihood');
		},
		'759 churned plus 20 renewing soon are at risk, 221 are healthy': ({ output }) => {
			const atRisk = output('Detect Churn Risk', 0);
			const healthy = output('Detect Churn Risk', 1);
			assert.equal(atRisk.length, 779);
			assert.equal(healthy.length, 221);
			assert.ok(healthy.every((s) => s.churn.riskLevel === 'low' && s.active === 'yes' && s.contractEnd === '2025-03-01'));
		},
		'each kind of subscriber gets the hand-computed risk, level and reasons in Chinese': (context) => {
			const [model] = context.output('Detect Churn Risk', 2);
			const { alpha, beta } = model.parameters;
			const renew8 = (beta + 7) / (alpha + beta + 7); // retention at the 8th renewal
			const subscribers = byId(context);
			const model8 = `下次续约不续的概率为 ${Math.round((1 - renew8) * 100)}%（sBG 模型）`;
			assert.equal(model8, '下次续约不续的概率为 8%（sBG 模型）');

			const content = subscribers.get('S0800');
			assert.equal(content.nextRenewalProbability, round(renew8, 4));
			assert.equal(content.riskScore, round(100 * (1 - renew8), 1));
			assert.deepEqual([content.riskLevel, content.riskLabel, content.reasons], ['low', '低', [model8]]);

			const renewing = subscribers.get('S0770');
			assert.equal(renewing.riskScore, round(100 * (1 - renew8 * 0.7), 1));
			assert.deepEqual([renewing.riskLevel, renewing.riskLabel, renewing.reasons], ['medium', '中', ['合同将在 14 天内到期', model8]]);

			const unhappy = subscribers.get('S0760');
			assert.equal(unhappy.riskScore, round(100 * (1 - renew8 * 0.7 * 0.625), 1));
			assert.deepEqual([unhappy.riskLevel, unhappy.riskLabel], ['high', '高']);
			assert.deepEqual(unhappy.reasons, ['满意度 40，低于 60', '合同将在 14 天内到期', model8]);

			const churned = subscribers.get('S0001');
			assert.deepEqual([churned.probabilityAlive, churned.riskScore, churned.riskLevel, churned.reasons], [0, 100, 'critical', ['已流失：合同未续约']]);
			assert.equal(churned.asOf, '2024-07-01T00:00:00+08:00');
		},
		'expected renewals and value are the discounted sum of renewal probabilities': (context) => {
			const [model] = context.output('Detect Churn Risk', 2);
			const { alpha, beta } = model.parameters;
			// Σ_k 1.1^−k × P(renewing k + 1 more times), by brute force.
			let stay = 1;
			let renewals = 0;
			for (let k = 0; k < 20000; k++) {
				const t = 8 + k;
				stay *= (beta + t - 1) / (alpha + beta + t - 1);
				renewals += stay / 1.1 ** k;
			}
			const content = byId(context).get('S0800');
			near(content.expectedRenewals, renewals, 1e-4, 'expected discounted renewals');
			near(content.expectedValue, 120 * renewals, 0.01, 'expected value at 120 a year');
		},
	},
};
