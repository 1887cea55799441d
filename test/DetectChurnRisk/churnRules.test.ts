import { assessRisk, DEFAULT_RISK_THRESHOLDS, DEFAULT_SIGNAL_THRESHOLDS, ruleSignals, typicalInterval } from '../../nodes/shared/churn';

const t = DEFAULT_SIGNAL_THRESHOLDS;

describe('churn rule signals (nodes/shared/churn)', () => {
	it('inactivity: silence against the customer’s own usual interval, weighted up to 1.5x when far beyond', () => {
		// 94 / 30 = 3.13 intervals >= 2; weight 0.4 x min(1.5, 3.13 / 2) = 0.4 x 1.5 = 0.6
		expect(ruleSignals({ daysSinceLast: 94, usualIntervalDays: 30 }, t, 'en')).toEqual([
			{ key: 'inactivity', weight: 0.6000000000000001, reason: "No purchase for 94 days, 3.1 times this customer's usual interval" },
		]);
		// 50 / 30 = 1.67 intervals: below the threshold of 2
		expect(ruleSignals({ daysSinceLast: 50, usualIntervalDays: 30 }, t, 'en')).toEqual([]);
		// 66 / 30 = 2.2 intervals: weight 0.4 x 1.1 = 0.44
		expect(ruleSignals({ daysSinceLast: 66, usualIntervalDays: 30 }, t, 'en')[0].weight).toBeCloseTo(0.44, 12);
		expect(ruleSignals({ daysSinceLast: 94, usualIntervalDays: 30 }, t, 'zh-CN')[0].reason).toBe('已 94 天未购买，是该客户平均购买间隔的 3.1 倍');
	});

	it('inactivity of a one-time buyer: against the typical interval of repeat customers', () => {
		expect(ruleSignals({ daysSinceLast: 200, typicalIntervalDays: 40 }, t, 'en')).toEqual([
			{ key: 'inactivity', weight: 0.6000000000000001, reason: 'Only one purchase, 200 days ago: 5 times the usual interval of repeat customers' },
		]);
		expect(ruleSignals({ daysSinceLast: 200, typicalIntervalDays: 40 }, t, 'zh-CN')[0].reason).toBe('仅购买过一次，已 200 天未再购买，是复购客户通常间隔的 5 倍');
		// The customer's own interval wins when there is one.
		expect(ruleSignals({ daysSinceLast: 200, usualIntervalDays: 150, typicalIntervalDays: 40 }, t, 'en')).toEqual([]);
	});

	it('spend trend: recent window against the previous one', () => {
		// drop 1 − 50/200 = 75% >= 30%; weight 0.25 x min(1.5, 0.75/0.3) = 0.375
		expect(ruleSignals({ recentSpend: 50, previousSpend: 200 }, t, 'en')).toEqual([
			{ key: 'spendDrop', weight: 0.375, reason: 'Spend fell 75% (200 → 50) against the previous window' },
		]);
		expect(ruleSignals({ recentSpend: 150, previousSpend: 200 }, t, 'en')).toEqual([]); // 25% < 30%
		expect(ruleSignals({ recentSpend: 50, previousSpend: 0 }, t, 'en')).toEqual([]); // nothing to fall from
	});

	it('satisfaction: low score, a drop of some points, or a declining flag', () => {
		expect(ruleSignals({ satisfaction: 55 }, t, 'en')).toEqual([
			// 5 points below 60: weight 0.25 x (5/10 + 1) = 0.375
			{ key: 'lowSatisfaction', weight: 0.375, reason: 'Satisfaction is 55, below 60' },
		]);
		const dropped = ruleSignals({ satisfaction: 65, previousSatisfaction: 80 }, t, 'en');
		// 15-point drop >= 10: weight 0.2 x 1.5 = 0.3
		expect(dropped).toEqual([{ key: 'satisfactionDrop', weight: 0.30000000000000004, reason: 'Satisfaction dropped 15 points (80 → 65)' }]);
		expect(ruleSignals({ satisfactionDeclining: true }, t, 'zh-CN')).toEqual([{ key: 'satisfactionDrop', weight: 0.2, reason: '满意度呈下降趋势' }]);
		expect(ruleSignals({ satisfaction: 75, previousSatisfaction: 80, satisfactionDeclining: false }, t, 'en')).toEqual([]);
	});

	it('complaints in the window and contract end, before and after the end date', () => {
		expect(ruleSignals({ complaints: 3 }, t, 'en')).toEqual([{ key: 'complaints', weight: 0.30000000000000004, reason: '3 complaints or tickets in the window' }]);
		expect(ruleSignals({ complaints: 1 }, t, 'en')).toEqual([]);
		expect(ruleSignals({ daysToContractEnd: 9.5 }, t, 'en')).toEqual([{ key: 'contractEnd', weight: 0.3, reason: 'Contract ends in 10 days' }]);
		expect(ruleSignals({ daysToContractEnd: -2.5 }, t, 'en')).toEqual([
			{ key: 'contractEnd', weight: 0.44999999999999996, reason: 'Contract ended 2 days ago' },
		]);
		expect(ruleSignals({ daysToContractEnd: -2.5 }, t, 'zh-CN')[0].reason).toBe('合同已于 2 天前到期');
		expect(ruleSignals({ daysToContractEnd: 45 }, t, 'en')).toEqual([]);
	});

	it('one day is "1 day", and a contract within a day of its end ends or ended today', () => {
		const reason = (input: Parameters<typeof ruleSignals>[0], language: 'en' | 'zh-CN' = 'en') => ruleSignals(input, t, language)[0].reason;
		expect(reason({ daysToContractEnd: 0.5 })).toBe('Contract ends in 1 day');
		expect(reason({ daysToContractEnd: -1.5 })).toBe('Contract ended 1 day ago');
		expect(reason({ daysToContractEnd: 0 })).toBe('Contract ends today');
		expect(reason({ daysToContractEnd: -0.5 })).toBe('Contract ended today');
		expect(reason({ daysToContractEnd: 0 }, 'zh-CN')).toBe('合同今天到期');
		expect(reason({ daysToContractEnd: -0.5 }, 'zh-CN')).toBe('合同已于今天到期');
		expect(reason({ daysSinceLast: 1, usualIntervalDays: 0.4 })).toBe("No purchase for 1 day, 2.5 times this customer's usual interval");
		expect(reason({ daysSinceLast: 1, typicalIntervalDays: 0.4 })).toBe('Only one purchase, 1 day ago: 2.5 times the usual interval of repeat customers');
	});

	it('thresholds are parameters', () => {
		const strict = { ...t, inactivityIntervals: 1.5, complaints: 1, contractEndDays: 60 };
		expect(ruleSignals({ daysSinceLast: 50, usualIntervalDays: 30, complaints: 1, daysToContractEnd: 45 }, strict, 'en').map((s) => s.key)).toEqual([
			'inactivity',
			'complaints',
			'contractEnd',
		]);
	});
});

describe('typicalInterval', () => {
	it('is the median of at least three intervals', () => {
		expect(typicalInterval([10, 40, 20])).toBe(20);
		expect(typicalInterval([10, 40, 20, 30])).toBe(25);
		expect(typicalInterval([10, 40])).toBeUndefined();
		expect(typicalInterval([10, 0, 40, Number.NaN])).toBeUndefined();
	});
});

describe('assessRisk: noisy-OR of the model and the signals, reasons largest first', () => {
	it('combines a model churn probability of 0.5 with a 0.6 inactivity signal into 80 (critical)', () => {
		const signals = ruleSignals({ daysSinceLast: 94, usualIntervalDays: 30 }, t, 'en');
		const risk = assessRisk({ churnProbability: 0.5, reason: 'Probability still active is 50% (BG/NBD)' }, signals, DEFAULT_RISK_THRESHOLDS, 'en');
		// 1 − (1 − 0.5)(1 − 0.6) = 0.8
		expect(risk).toEqual({
			riskScore: 80,
			riskLevel: 'critical',
			riskLabel: 'Critical',
			reasons: ["No purchase for 94 days, 3.1 times this customer's usual interval", 'Probability still active is 50% (BG/NBD)'],
		});
	});

	it('levels follow the thresholds; negligible evidence gives no reason', () => {
		const level = (p: number) => assessRisk({ churnProbability: p, reason: 'model' }, [], DEFAULT_RISK_THRESHOLDS, 'zh-CN');
		expect([0.03, 0.249, 0.25, 0.5, 0.74, 0.75].map((p) => level(p).riskLevel)).toEqual(['low', 'low', 'medium', 'high', 'high', 'critical']);
		expect(level(0.03).reasons).toEqual([]);
		expect(level(0.3).riskLabel).toBe('中');
		const custom = assessRisk({ churnProbability: 0.3, reason: 'model' }, [], { medium: 10, high: 20, critical: 30 }, 'en');
		expect(custom.riskLevel).toBe('critical');
	});

	it('without a model, only the signals count; with no evidence the score is 0', () => {
		expect(assessRisk(undefined, [], DEFAULT_RISK_THRESHOLDS, 'en')).toEqual({ riskScore: 0, riskLevel: 'low', riskLabel: 'Low', reasons: [] });
		const two = ruleSignals({ complaints: 2, satisfaction: 55 }, t, 'en'); // 0.375 and 0.2
		// 1 − (1 − 0.375)(1 − 0.2) = 0.5
		expect(assessRisk(undefined, two, DEFAULT_RISK_THRESHOLDS, 'en')).toMatchObject({
			riskScore: 50,
			riskLevel: 'high',
			reasons: ['Satisfaction is 55, below 60', '2 complaints or tickets in the window'],
		});
	});
});
