// Expectations for examples/survey-follow-up.json, worked out by hand from its 10 sample answers
// (NPS 9-10 promoter, 7-8 passive, 0-6 detractor; CSAT top-two-box on 1-5; CES 2.0 easy at 5-7;
// index = mean of NPS x 10, CSAT (s-1)/4 x 100, CES (s-1)/6 x 100 and sentiment (s+1)/2 x 100).
const assert = require('node:assert/strict');

module.exports = {
	checks: {
		'every answer is scored with zh-CN labels, keeping its fields': ({ output }) => {
			const scored = output('Score Satisfaction', 0);
			assert.equal(scored.length, 10);
			const byId = Object.fromEntries(scored.map((r) => [r.responseId, r]));
			// R01: NPS 9 -> 90, CSAT 5 -> 100, CES 6 -> 83.33, sentiment 0.8 -> 90: 363.33 / 4 = 90.83
			assert.deepEqual(byId.R01.satisfaction, {
				nps: { score: 9, category: 'promoter', label: '推荐者', outOf100: 90 },
				csat: { score: 5, satisfied: true, outOf100: 100 },
				ces: { score: 6, easy: true, version: '2.0', outOf100: 83.33 },
				sentiment: 0.8,
				index: 90.83,
			});
			// R04: 50, 25, 16.67, 15: 106.67 / 4 = 26.67
			assert.equal(byId.R04.satisfaction.index, 26.67);
			assert.equal(byId.R04.satisfaction.nps.label, '贬损者');
			assert.equal(byId.R04.comment, '退货流程太麻烦');
		},
		'detractors are routed to the apology follow-up, everyone else to the thank-you list': ({ output }) => {
			const followUps = output('Apology Follow-up', 0);
			assert.deepEqual(
				followUps.map((r) => r.responseId),
				['R02', 'R04', 'R06'],
			);
			assert.equal(followUps[1].followUp, 'Call 王芳 within 24 hours (Shanghai, NPS 5): 退货流程太麻烦');
			// R04 index 26.67 and R06 (30, 0, 0, 5 -> 8.75) are high priority; R02 (60, 25, 33.33, 20 -> 34.58) normal
			assert.deepEqual(
				followUps.map((r) => [r.satisfaction.index, r.priority]),
				[
					[34.58, 'normal'],
					[26.67, 'high'],
					[8.75, 'high'],
				],
			);
			assert.deepEqual(
				output('Thank-You List', 0).map((r) => r.responseId),
				['R01', 'R03', 'R05', 'R07', 'R08', 'R09', 'R10'],
			);
		},
		'the report gives NPS, CSAT and CES overall and per store, and says when a margin is not meaningful': ({ output }) => {
			const report = output('Score Satisfaction', 1);
			assert.deepEqual(
				report.map((r) => [r.scope, r.group, r.responses, r.nps.nps]),
				[
					['overall', null, 10, 20], // 5 promoters, 2 passives, 3 detractors
					['group', 'Shanghai', 4, 50], // 3 promoters, 1 detractor
					['group', 'Beijing', 3, 0],
					['group', 'Shenzhen', 3, 0],
				],
			);
			const [overall] = report;
			assert.deepEqual(
				[overall.nps.promoters, overall.nps.passives, overall.nps.detractors, overall.nps.marginOfError],
				[5, 2, 3, null],
			);
			assert.equal(overall.nps.marginNote, '回复数过少，无法给出有意义的误差范围（10 < 30）');
			assert.deepEqual([overall.csat.satisfied, overall.csat.csatPercent, overall.csat.mean], [6, 60, 3.6]);
			assert.deepEqual([overall.ces.easy, overall.ces.easyPercent, overall.ces.mean, overall.ces.direction], [6, 60, 4.6, 'higherIsEasier']);
			assert.equal(overall.rejectedItems, 0);
		},
		'per customer: latest answers, trend, and only 王芳 flagged as declining': ({ output }) => {
			const customers = output('Per-Customer Trend', 0);
			assert.deepEqual(
				customers.map((c) => c.customerId),
				['C001', 'C002', 'C003', 'C004', 'C005', 'C006', 'C007'],
			);
			const wang = customers[0];
			assert.equal(wang.responseId, 'R04'); // the fields of her latest answer
			assert.deepEqual(wang.satisfaction.trend, { last: 26.67, previous: 90.83, change: -64.16, declining: true });
			assert.equal(wang.satisfaction.lastResponseAt, '2024-06-10T00:00:00+08:00');
			assert.equal(wang.satisfaction.firstResponseAt, '2024-03-02T00:00:00+08:00');
			// Emily went up (34.58 -> 80.83), 李伟 dipped by 2.5 points only (98.75 -> 96.25)
			assert.deepEqual(customers[1].satisfaction.trend, { last: 80.83, previous: 34.58, change: 46.25, declining: false });
			assert.deepEqual(customers[2].satisfaction.trend, { last: 96.25, previous: 98.75, change: -2.5, declining: false });
			assert.deepEqual(
				output('Churn Watch', 0).map((c) => c.customerId),
				['C001'],
			);
		},
	},
};
