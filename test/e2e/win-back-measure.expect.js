// Expectations for examples/win-back-measure.json in a real n8n: the past campaign win-back-2026-01 of the
// sample data (examples/data/seed.sql: care_campaigns holds the simulated truth) measured 30 days later, and
// the KPI Report over the orders as of 2026-03-02 09:00 Shanghai, each figure recomputed here in SQL.
const assert = require('node:assert/strict');
const { query } = require('./sampleDb');

const AS_OF = '2026-03-02T09:00:00+08:00';
const ZONE = 'Asia/Shanghai';
const close = (actual, expected, label, tolerance = 1e-9) => assert.ok(Math.abs(actual - expected) <= tolerance, `${label}: ${actual} vs ${expected}`);

/** The report months (2025-09 .. 2026-02) with SQL's own figures. */
const monthlyKpis = (context) =>
	query(
		context,
		`WITH o AS (SELECT customer_id, amount, to_char(ordered_at AT TIME ZONE $2, 'YYYY-MM') AS month,
		                   date_trunc('month', ordered_at AT TIME ZONE $2) AS m FROM orders WHERE ordered_at <= $1::timestamptz),
		      firsts AS (SELECT customer_id, min(m) AS first_m FROM o GROUP BY customer_id),
		      active AS (SELECT DISTINCT customer_id, m FROM o),
		      months AS (SELECT generate_series(date_trunc('month', $1::timestamptz AT TIME ZONE $2) - interval '6 months',
		                                        date_trunc('month', $1::timestamptz AT TIME ZONE $2) - interval '1 month', interval '1 month') AS m)
		 SELECT to_char(months.m, 'YYYY-MM') AS period,
		        (SELECT count(*) FROM active a WHERE a.m = months.m)::int AS active,
		        (SELECT count(*) FROM firsts f WHERE f.first_m = months.m)::int AS new,
		        (SELECT count(*) FROM o WHERE o.m = months.m)::int AS orders,
		        (SELECT coalesce(sum(amount), 0) FROM o WHERE o.m = months.m)::float8 AS revenue,
		        (SELECT count(*) FROM active a WHERE a.m = months.m - interval '1 month')::int AS previous,
		        (SELECT count(*) FROM active a JOIN active b USING (customer_id) WHERE a.m = months.m AND b.m = months.m - interval '1 month')::int AS retained
		 FROM months ORDER BY months.m`,
		[AS_OF, ZONE],
	);

module.exports = {
	checks: {
		'Measure Uplift counts every campaign customer once, per group and stratum as SQL does': async ({ output, context }) => {
			const rows = await query(
				context,
				`SELECT a.group_name AS g, a.stratum, count(*)::int AS n, sum(o.repurchased::int)::int AS converted, sum(o.revenue)::float8 AS revenue
				 FROM care_campaign_assignments a JOIN care_campaign_outcomes o USING (campaign, customer_id)
				 WHERE a.campaign = 'win-back-2026-01' GROUP BY ROLLUP (a.group_name, a.stratum)`,
			);
			const results = output('Measure Uplift');
			assert.deepEqual(results.map((r) => [r.outcome, r.stratum]), [
				['conversion', null], ['conversion', 'lapsed'], ['conversion', 'lapsing'],
				['revenue', null], ['revenue', 'lapsed'], ['revenue', 'lapsing'],
			]);
			for (const r of results) {
				for (const group of ['treatment', 'holdout']) {
					const sql = rows.filter((x) => x.g === group && (r.stratum === null ? x.stratum === null : x.stratum === r.stratum));
					assert.equal(sql.length, 1);
					assert.equal(r[group].customers, sql[0].n, `${r.outcome} ${r.stratum} ${group}`);
					if (r.outcome === 'conversion') {
						assert.equal(r[group].conversions, sql[0].converted);
						close(r[group].rate, sql[0].converted / sql[0].n, 'rate', 1e-15);
					} else close(r[group].mean, sql[0].revenue / sql[0].n, 'mean revenue', 1e-9);
				}
			}
		},
		'the 95% intervals cover the simulated truth, and the sentences say what was measured': async ({ output, context }) => {
			const [truth] = await query(context, `SELECT true_holdout_rate, true_treatment_rate, true_mean_purchase::float8 AS purchase, cost_per_contact::float8 AS cost FROM care_campaigns WHERE campaign = 'win-back-2026-01'`);
			const [conversion, , , revenue] = output('Measure Uplift');
			const trueUplift = truth.true_treatment_rate - truth.true_holdout_rate;
			assert.equal(conversion.uplift.method, 'newcombeHybridScore');
			assert.ok(conversion.uplift.lower <= trueUplift && trueUplift <= conversion.uplift.upper, JSON.stringify(conversion.uplift));
			// Revenue per customer: the purchase is max(9.9, Gamma(2, 90)), whose mean differs from 180 by less than 0.001.
			const trueRevenueUplift = trueUplift * truth.purchase;
			assert.equal(revenue.uplift.method, 'welch');
			assert.ok(revenue.uplift.lower <= trueRevenueUplift && trueRevenueUplift <= revenue.uplift.upper, JSON.stringify(revenue.uplift));
			assert.match(conversion.sentence, /^The win-back-2026-01 campaign (raised|showed no clear effect on) 30-day repurchase/);
			assert.equal(revenue.roi.cost, truth.cost * revenue.treatment.customers);
			assert.doesNotMatch(JSON.stringify(output('Measure Uplift')), /NaN|Infinity/);
		},
		'KPI Report months equal SQL on the sample database (buyers, new, orders, revenue, AOV, repeat, retention, churn)': async ({ output, context }) => {
			const sql = await monthlyKpis(context);
			const periods = output('KPI Report').filter((r) => r.kind === 'period');
			assert.deepEqual(periods.map((p) => p.period), ['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02']);
			for (const [i, p] of periods.entries()) {
				const s = sql[i];
				assert.equal(p.period, s.period);
				assert.equal(p.activeCustomers, s.active, p.period);
				assert.equal(p.newCustomers, s.new, p.period);
				assert.equal(p.returningCustomers, s.active - s.new, p.period);
				assert.equal(p.orders, s.orders, p.period);
				close(p.revenue, s.revenue, `${p.period} revenue`, 0.005);
				close(p.averageOrderValue, Math.round((s.revenue / s.orders) * 100) / 100, `${p.period} AOV`, 0.0051);
				close(p.repeatPurchaseRate, (s.active - s.new) / s.active, `${p.period} repeat`);
				close(p.retentionRate, s.retained / s.previous, `${p.period} retention`);
				close(p.churnRate, 1 - s.retained / s.previous, `${p.period} churn`);
				if (i > 0) close(p.change.activeCustomers, s.active - sql[i - 1].active, `${p.period} change`);
				assert.match(p.summary, new RegExp(`^${p.period}：购买客户 ${s.active} 人`));
			}
		},
		'cohort table and totals equal SQL': async ({ output, context }) => {
			const cohorts = await query(
				context,
				`WITH o AS (SELECT customer_id, date_trunc('month', ordered_at AT TIME ZONE $2) AS m FROM orders WHERE ordered_at <= $1::timestamptz),
				      f AS (SELECT customer_id, min(m) AS first_m FROM o GROUP BY customer_id)
				 SELECT to_char(f.first_m, 'YYYY-MM') AS cohort, count(DISTINCT f.customer_id)::int AS customers,
				        count(DISTINCT o.customer_id) FILTER (WHERE o.m = f.first_m + interval '1 month')::int AS month1
				 FROM f JOIN o USING (customer_id)
				 WHERE f.first_m >= date_trunc('month', $1::timestamptz AT TIME ZONE $2) - interval '6 months'
				   AND f.first_m < date_trunc('month', $1::timestamptz AT TIME ZONE $2)
				 GROUP BY f.first_m ORDER BY f.first_m`,
				[AS_OF, ZONE],
			);
			const rows = output('KPI Report').filter((r) => r.kind === 'cohort');
			assert.deepEqual(rows.map((r) => [r.cohort, r.customers]), cohorts.map((c) => [c.cohort, c.customers]));
			for (const [i, r] of rows.entries()) {
				assert.equal(r.retention[0], 1, r.cohort);
				if (r.retention.length > 1) close(r.retention[1], cohorts[i].month1 / cohorts[i].customers, `${r.cohort} month 1`);
			}
			const [totals] = await query(
				context,
				`SELECT count(DISTINCT customer_id)::int AS customers, count(*)::int AS orders, sum(amount)::float8 AS revenue,
				        (SELECT count(*) FROM (SELECT customer_id FROM orders WHERE ordered_at <= $1::timestamptz GROUP BY customer_id HAVING count(*) > 1) r)::int AS repeaters
				 FROM orders WHERE ordered_at <= $1::timestamptz`,
				[AS_OF],
			);
			const total = output('KPI Report').find((r) => r.kind === 'total');
			assert.equal(total.customers, totals.customers);
			assert.equal(total.orders, totals.orders);
			close(total.revenue, totals.revenue, 'total revenue', 0.005);
			close(total.repeatCustomerRate, totals.repeaters / totals.customers, 'repeat customer rate');
		},
	},
};
