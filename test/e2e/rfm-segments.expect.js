// Expectations for examples/rfm-segments.json, worked out by hand from its 15 sample customers with
// the documented scoring rule (mid-rank percentile, 5 bins, as of 2024-07-01 in Asia/Shanghai).
const assert = require('node:assert/strict');

const EXPECTED_SEGMENTS = {
	C001: 'champions', // R5 F5
	C002: 'champions', // R5 F4
	C003: 'loyalCustomers', // R4 F5
	C004: 'aboutToSleep', // R3 F2
	C005: 'newCustomers', // R5 F1
	C006: 'needAttention', // R3 F3
	C007: 'cantLoseThem', // R2 F5
	C008: 'hibernating', // R2 F2
	C009: 'hibernating', // R1 F1
	C010: 'atRisk', // R1 F3
	C011: 'potentialLoyalists', // R4 F3
	C012: 'aboutToSleep', // R3 F2
	C013: 'hibernating', // R1 F2
	C014: 'loyalCustomers', // R4 F4
	C015: 'atRisk', // R2 F4
};

module.exports = {
	checks: {
		'every customer gets the hand-computed RFM segment': ({ output }) => {
			const customers = output('Segment Customer', 0);
			assert.equal(customers.length, 15);
			const got = Object.fromEntries(customers.map((c) => [c.customerId, c.segment.key]));
			assert.deepEqual(got, EXPECTED_SEGMENTS);
		},
		'labels are zh-CN and input fields are kept': ({ output }) => {
			const [first] = output('Segment Customer', 0);
			assert.equal(first.name, '王芳');
			assert.equal(first.segment.label, '冠军客户');
			assert.deepEqual(first.segment.scores, { recency: 5, frequency: 5, monetary: 5 });
			assert.equal(first.segment.asOf, '2024-07-01T00:00:00+08:00');
		},
		'summary counts customers and revenue per segment': ({ output }) => {
			const summary = Object.fromEntries(output('Segment Customer', 1).map((row) => [row.key, row]));
			assert.equal(summary.hibernating.customers, 3);
			assert.equal(summary.hibernating.revenue, 1058);
			assert.equal(summary.champions.customers, 2);
			assert.equal(summary.champions.revenue, 27850.5);
			assert.equal(summary.hibernating.label, '沉睡客户');
			const total = Object.values(summary).reduce((n, row) => n + row.customers, 0);
			assert.equal(total, 15);
		},
	},
};
