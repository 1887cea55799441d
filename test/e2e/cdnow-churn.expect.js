// Expectations for examples/cdnow-churn.json: the published BG/NBD and Gamma-Gamma results on CDNOW
// (Fader, Hardie & Lee 2005), reproduced by the node inside a real n8n.
const assert = require('node:assert/strict');

const near = (actual, expected, tolerance, what) =>
	assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} is not within ${tolerance} of ${expected}`);

module.exports = {
	checks: {
		'the Model output carries the published BG/NBD and spend parameters': ({ output }) => {
			const [model] = output('Detect Churn Risk', 2);
			assert.equal(model.method, 'bgNbd');
			assert.equal(model.customersUsed, 2357);
			assert.equal(model.converged, true);
			near(model.parameters.r, 0.243, 0.001, 'r');
			near(model.parameters.alpha, 4.414, 0.001, 'alpha');
			near(model.parameters.a, 0.793, 0.001, 'a');
			near(model.parameters.b, 2.426, 0.001, 'b');
			near(model.logLikelihood, -9582.43, 0.05, 'log-likelihood');
			near(model.spendParameters.p, 6.25, 0.01, 'p');
			near(model.spendParameters.q, 3.74, 0.01, 'q');
			near(model.spendParameters.gamma, 15.44, 0.01, 'gamma');
		},
		'every customer is scored exactly once with the published P(alive) and expectation': ({ output }) => {
			const atRisk = output('Detect Churn Risk', 0);
			const healthy = output('Detect Churn Risk', 1);
			assert.equal(atRisk.length + healthy.length, 2357);
			const all = new Map([...atRisk, ...healthy].map((c) => [c.customerId, c.churn]));
			assert.equal(all.size, 2357);
			near(all.get('1').probabilityAlive, 0.7266, 0.0005, 'P(alive) of customer 1');
			near(all.get('1').expectedPurchases, 1.226, 0.001, 'E[Y(39)] of customer 1');
			near(all.get('2').probabilityAlive, 0.2122, 0.0005, 'P(alive) of customer 2');
			assert.ok(atRisk.every((c) => c.churn.riskLevel === 'high' || c.churn.riskLevel === 'critical'));
			assert.ok(atRisk.every((c) => c.churn.reasons.length > 0), 'every at-risk customer has a reason');
			assert.ok([...all.values()].every((c) => Number.isFinite(c.riskScore) && (c.expectedValue === null || Number.isFinite(c.expectedValue))));
		},
	},
};
