#!/usr/bin/env node
// Writes the sample data of the examples and the demo: examples/data/seed.sql (schema + rows, for
// PostgreSQL) and examples/data/sample-data.json (the same rows, for running without a database).
// Deterministic: the same generator gives the same files. Run: node scripts/sample-data/generate.js [outDir]
const { writeFileSync } = require('fs');
const { join } = require('path');

const OUT = process.argv[2] ?? join(__dirname, '..', '..', 'examples', 'data');
/** Every example reads the data as of this moment (a Monday; the Lantern Festival is the next day). */
const AS_OF = '2026-03-02T09:00:00+08:00';
const AS_OF_MS = Date.parse(AS_OF);
const HISTORY_START_MS = Date.parse('2024-01-01T00:00:00+08:00');
const DAY = 86_400_000;
const CUSTOMERS = 3000;

/** mulberry32: small, fast, and the same on every machine. */
function random(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const rand = random(20260302);
const pick = (list) => list[Math.floor(rand() * list.length)];
/** Gamma(shape, scale) by Marsaglia and Tsang (shape < 1 boosted). */
function gamma(shape, scale) {
	if (shape < 1) return gamma(shape + 1, scale) * rand() ** (1 / shape);
	const d = shape - 1 / 3;
	const c = 1 / Math.sqrt(9 * d);
	for (;;) {
		let x;
		let v;
		do {
			const u1 = rand() || 1e-12;
			x = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * rand());
			v = 1 + c * x;
		} while (v <= 0);
		v = v * v * v;
		const u = rand();
		if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v * scale;
	}
}
const beta = (a, b) => {
	const x = gamma(a, 1);
	return x / (x + gamma(b, 1));
};

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '建华', '晓东', '子涵', '欣怡', '浩然', '梓萱'];
const FIRST = ['Emily', 'James', 'Olivia', 'Daniel', 'Sophia', 'Michael', 'Grace', 'David', 'Chloe', 'Ryan', 'Hannah', 'Lucas', 'Mia', 'Ethan', 'Zoe'];
const LAST = ['Smith', 'Brown', 'Taylor', 'Wilson', 'Clarke', 'Walker', 'Wright', 'Tan', 'Lim', 'Wong', 'Chan', 'Lee', 'Ng', 'Patel'];
const PINYIN = { 王: 'wang', 李: 'li', 张: 'zhang', 刘: 'liu', 陈: 'chen', 杨: 'yang', 黄: 'huang', 赵: 'zhao', 吴: 'wu', 周: 'zhou', 徐: 'xu', 孙: 'sun', 马: 'ma', 朱: 'zhu', 胡: 'hu', 郭: 'guo', 何: 'he', 林: 'lin', 罗: 'luo', 高: 'gao' };
const CN_CITIES = ['上海', '北京', '广州', '深圳', '杭州', '成都', '南京', '武汉'];
const ABROAD = [
	{ timeZone: 'Asia/Singapore', city: 'Singapore' },
	{ timeZone: 'Asia/Hong_Kong', city: 'Hong Kong' },
	{ timeZone: 'Europe/London', city: 'London' },
	{ timeZone: 'America/New_York', city: 'New York' },
];
const STORES = ['上海南京路店', '北京国贸店', '广州天河店', '深圳万象城店', '线上商城'];

const MANAGERS = [
	['AM01', '张伟', '+8613900000001', 6],
	['AM02', '李娜', '+8613900000002', 6],
	['AM03', '王磊', '+8613900000003', 5],
	['AM04', '陈静', '+8613900000004', 5],
	['AM05', 'Grace Tan', '+6591000005', 4],
	['AM06', '刘洋', '+8613900000006', 4],
	['AM07', '赵敏', '+8613900000007', 4],
	['AM08', 'David Wong', '+85291000008', 3],
].map(([manager_id, name, mobile, daily_capacity]) => ({ manager_id, name, mobile, daily_capacity }));

const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
const isoDay = (ms) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
const money = (n) => Math.round(n * 100) / 100;

const customers = [];
const orders = [];
const surveys = [];
let orderSeq = 0;
let surveySeq = 0;

function addOrders(customerId, dates, meanSpend) {
	for (const ms of dates) {
		orderSeq += 1;
		orders.push({
			order_id: `O${String(orderSeq).padStart(6, '0')}`,
			customer_id: customerId,
			ordered_at: iso(ms),
			amount: money(Math.max(9.9, gamma(4, meanSpend / 4))),
			currency: 'CNY',
			channel: rand() < 0.55 ? 'online' : 'store',
		});
	}
}

function addSurvey(customerId, daysAgo, answer) {
	surveySeq += 1;
	surveys.push({
		response_id: `S${String(surveySeq).padStart(5, '0')}`,
		customer_id: customerId,
		store: answer.store ?? pick(STORES),
		answered_at: iso(AS_OF_MS - daysAgo * DAY - Math.floor(rand() * 8) * 3600_000),
		nps: answer.nps,
		csat: answer.csat ?? null,
		ces: answer.ces ?? null,
		expectation: answer.expectation ?? null,
		comment: answer.comment ?? null,
	});
}

// --- Story customers: hand-written, their outcomes are asserted exactly by the e2e checks. ---------------
const at = (day, time = '10:00:00') => Date.parse(`${day}T${time}+08:00`);
const everyNDays = (firstDay, n, lastDay) => {
	const out = [];
	for (let ms = at(firstDay); ms <= at(lastDay); ms += n * DAY) out.push(ms);
	return out;
};
const story = [
	// C0001 王芳: a Champion (buys every ~9 days, last 2026-02-27), birthday today (2 March), consent granted, email.
	{ customer: { customer_id: 'C0001', name: '王芳', language: 'zh-CN', email: 'wang.fang@example.cn', phone: '+8613800000001', time_zone: 'Asia/Shanghai', birthday: '1985-03-02', lunar_birthday: null, marketing_consent: 'granted', account_manager: 'AM01', city: '上海', signup_at: '2024-01-05T10:00:00Z', last_contacted_at: '2026-01-20T02:00:00Z' }, orders: everyNDays('2024-01-06', 9, '2026-02-27'), spend: 680 },
	// C0002 Emily Clarke: London; her birthday is 3 March, the Lantern Festival day the care example runs on; at 10:00 Shanghai it is 02:00 in London (quiet hours).
	{ customer: { customer_id: 'C0002', name: 'Emily Clarke', language: 'en', email: 'emily.clarke@example.co.uk', phone: null, time_zone: 'Europe/London', birthday: '1991-03-03', lunar_birthday: null, marketing_consent: 'granted', account_manager: 'AM05', city: 'London', signup_at: '2024-06-01T09:00:00Z', last_contacted_at: null }, orders: everyNDays('2024-06-02', 40, '2026-01-20'), spend: 320 },
	// C0003 李伟: birthday on 29 February (observed 28 February in 2026, already past: no greeting on 3 March); lunar-calendar birthday not recorded.
	{ customer: { customer_id: 'C0003', name: '李伟', language: 'zh-CN', email: 'li.wei@example.cn', phone: '+8613800000003', time_zone: 'Asia/Shanghai', birthday: '1988-02-29', lunar_birthday: null, marketing_consent: 'granted', account_manager: null, city: '北京', signup_at: '2024-02-10T03:00:00Z', last_contacted_at: null }, orders: everyNDays('2024-02-11', 30, '2026-02-10'), spend: 260 },
	// C0004 张丽: lunar birthday 正月十五 (1979-01-15 lunar) = 3 March 2026, phone only (SMS), consent granted.
	{ customer: { customer_id: 'C0004', name: '张丽', language: 'zh-CN', email: null, phone: '+8613800000004', time_zone: 'Asia/Shanghai', birthday: null, lunar_birthday: '1979-01-15', marketing_consent: 'granted', account_manager: null, city: '杭州', signup_at: '2024-03-01T03:00:00Z', last_contacted_at: null }, orders: everyNDays('2024-03-02', 21, '2026-02-15'), spend: 210 },
	// C0005 刘洋: birthday 3 March but consent withdrawn (PIPL): no greeting.
	{ customer: { customer_id: 'C0005', name: '刘洋', language: 'zh-CN', email: 'liu.yang@example.cn', phone: '+8613800000005', time_zone: 'Asia/Shanghai', birthday: '1993-03-03', lunar_birthday: null, marketing_consent: 'withdrawn', account_manager: null, city: '广州', signup_at: '2024-04-01T03:00:00Z', last_contacted_at: null }, orders: everyNDays('2024-04-02', 25, '2026-02-01'), spend: 150 },
	// C0006 陈静: birthday 3 March, consent granted, but contacted on 1 March: the 1-per-7-days cap holds the greeting.
	{ customer: { customer_id: 'C0006', name: '陈静', language: 'zh-CN', email: 'chen.jing@example.cn', phone: '+8613800000006', time_zone: 'Asia/Shanghai', birthday: '1990-03-03', lunar_birthday: null, marketing_consent: 'granted', account_manager: 'AM04', city: '南京', signup_at: '2024-01-20T03:00:00Z', last_contacted_at: '2026-03-01T06:00:00Z' }, orders: everyNDays('2024-01-21', 14, '2026-02-20'), spend: 420 },
	// C0007 黄强: once a weekly buyer with high spend, silent since 2025-10-08: a customer we cannot lose, high churn risk.
	{ customer: { customer_id: 'C0007', name: '黄强', language: 'zh-CN', email: 'huang.qiang@example.cn', phone: '+8613800000007', time_zone: 'Asia/Shanghai', birthday: '1975-07-18', lunar_birthday: null, marketing_consent: 'granted', account_manager: 'AM02', city: '深圳', signup_at: '2024-01-02T03:00:00Z', last_contacted_at: '2025-12-01T02:00:00Z' }, orders: everyNDays('2024-01-03', 7, '2025-10-10'), spend: 1500 },
	// C0008 Daniel Lee: Singapore, bought once in 2024: a one-time buyer long silent.
	{ customer: { customer_id: 'C0008', name: 'Daniel Lee', language: 'en', email: 'daniel.lee@example.sg', phone: '+6581234567', time_zone: 'Asia/Singapore', birthday: '1982-11-30', lunar_birthday: null, marketing_consent: null, account_manager: null, city: 'Singapore', signup_at: '2024-05-01T03:00:00Z', last_contacted_at: null }, orders: [at('2024-05-03')], spend: 90 },
	// C0009 周敏: a detractor this week (NPS 2, below expectations, CSAT 1), phone only.
	{ customer: { customer_id: 'C0009', name: '周敏', language: 'zh-CN', email: null, phone: '+8613800000009', time_zone: 'Asia/Shanghai', birthday: '1996-09-09', lunar_birthday: null, marketing_consent: 'granted', account_manager: 'AM03', city: '成都', signup_at: '2024-08-01T03:00:00Z', last_contacted_at: null }, orders: everyNDays('2024-08-02', 20, '2026-02-25'), spend: 240 },
	// C0010 Sophia Wong: Hong Kong, a passive (NPS 8) but "below expectations": still gets an apology.
	{ customer: { customer_id: 'C0010', name: 'Sophia Wong', language: 'en', email: 'sophia.wong@example.hk', phone: '+85261234567', time_zone: 'Asia/Hong_Kong', birthday: '1987-12-12', lunar_birthday: null, marketing_consent: 'granted', account_manager: 'AM08', city: 'Hong Kong', signup_at: '2024-09-01T03:00:00Z', last_contacted_at: null }, orders: everyNDays('2024-09-02', 30, '2026-02-18'), spend: 560 },
	// C0011 孙秀英: lunar birthday in a leap month (born 闰六月初十 1987; 2025 had a 闰六月, 2026 has none), a promoter (NPS 10) this month.
	{ customer: { customer_id: 'C0011', name: '孙秀英', language: 'zh-CN', email: 'sun.xiuying@example.cn', phone: '+8613800000011', time_zone: 'Asia/Shanghai', birthday: null, lunar_birthday: '1987-L06-10', marketing_consent: 'granted', account_manager: null, city: '武汉', signup_at: '2024-02-01T03:00:00Z', last_contacted_at: null }, orders: everyNDays('2024-02-02', 12, '2026-02-26'), spend: 300 },
	// C0012 James Smith: New York, new customer (first purchase 2026-02-20), never asked for consent.
	{ customer: { customer_id: 'C0012', name: 'James Smith', language: 'en', email: 'james.smith@example.com', phone: '+12125550112', time_zone: 'America/New_York', birthday: '1979-03-03', lunar_birthday: null, marketing_consent: null, account_manager: null, city: 'New York', signup_at: '2026-02-20T01:00:00Z', last_contacted_at: null }, orders: [at('2026-02-20')], spend: 200 },
];
for (const s of story) {
	customers.push(s.customer);
	addOrders(s.customer.customer_id, s.orders, s.spend);
}
addSurvey('C0009', 2, { store: '成都', nps: 2, csat: 1, ces: 6, expectation: 'below', comment: '送货晚了三天，客服也没有回复' });
addSurvey('C0010', 4, { store: '线上商城', nps: 8, csat: 3, ces: 4, expectation: 'below', comment: 'The parcel arrived damaged.' });
addSurvey('C0011', 6, { store: '线上商城', nps: 10, csat: 5, ces: 2, expectation: 'exceeded', comment: '很满意' });
addSurvey('C0001', 9, { store: '上海南京路店', nps: 9, csat: 5, ces: 2, expectation: 'met' });

/** A mobile number where the customer lives (UK and US numbers from the ranges reserved for fiction). */
function abroadPhone(abroad, r1, r2) {
	const digits = (n) => String(Math.floor(r2 * 10 ** n)).padStart(n, '0');
	switch (abroad?.timeZone) {
		case 'Asia/Singapore':
			return `+65${8 + Math.floor(r1 * 2)}${digits(7)}`;
		case 'Asia/Hong_Kong':
			return `+852${pick3(r1, '569')}${digits(7)}`;
		case 'Europe/London':
			return `+4477009${digits(5)}`;
		case 'America/New_York':
			return `+1${pick3(r1, ['212', '646', '917'])}55501${digits(2)}`;
		default:
			return `+861${pick3(r1, '358')}${digits(9)}`;
	}
}
const pick3 = (r, options) => options[Math.floor(r * options.length)];

// --- Everyone else: a repeat-purchase population (gamma purchase rates, beta dropout chances). -------
const COMPLAINTS = ['等待时间太长', '价格偏高', '商品有瑕疵', '店员态度一般', 'Delivery was late', 'Hard to reach support'];
for (let i = story.length + 1; i <= CUSTOMERS; i++) {
	const id = `C${String(i).padStart(4, '0')}`;
	const chinese = rand() < 0.62;
	const abroad = chinese ? null : rand() < 0.55 ? pick(ABROAD) : null;
	const surname = pick(SURNAMES);
	const given = pick(GIVEN);
	const first = pick(FIRST);
	const last = pick(LAST);
	const name = chinese ? surname + given : `${first} ${last}`;
	const handle = chinese ? `${PINYIN[surname]}.${i}` : `${first}.${last}.${i}`.toLowerCase();
	const signupMs = HISTORY_START_MS + Math.floor((rand() * (AS_OF_MS - 20 * DAY - HISTORY_START_MS)) / 60_000) * 60_000;
	const birthYear = 1955 + Math.floor(rand() * 50);
	const birthMs = Date.UTC(birthYear, 0, 1) + Math.floor(rand() * 365) * DAY;
	const birthday = rand() < 0.85 ? new Date(birthMs).toISOString().slice(0, 10) : null;
	const lunar = chinese && rand() < 0.15 ? `${birthYear}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 29)).padStart(2, '0')}` : null;
	const hasEmail = rand() < 0.8;
	const phone = chinese ? `+861${pick(['3', '5', '8'])}${String(Math.floor(rand() * 1e9)).padStart(9, '0')}` : rand() < 0.6 ? abroadPhone(abroad, rand(), rand()) : null;
	const consentRoll = rand();
	const contactedMs = rand() < 0.3 ? AS_OF_MS - Math.floor(rand() * 60) * DAY - 3600_000 : null;
	customers.push({
		customer_id: id,
		name,
		language: chinese ? 'zh-CN' : 'en',
		email: hasEmail || !phone ? `${handle}@example.${chinese ? 'cn' : 'com'}` : null,
		phone,
		time_zone: abroad ? abroad.timeZone : 'Asia/Shanghai',
		birthday: lunar ? null : birthday,
		lunar_birthday: lunar,
		marketing_consent: consentRoll < 0.6 ? 'granted' : consentRoll < 0.75 ? 'withdrawn' : null,
		account_manager: rand() < 0.15 ? pick(MANAGERS).manager_id : null,
		city: abroad ? abroad.city : pick(CN_CITIES),
		signup_at: iso(signupMs),
		last_contacted_at: contactedMs === null ? null : iso(contactedMs),
	});

	// First purchase at sign-up; then purchases at the customer's own rate until a dropout after some purchase.
	const ratePerDay = gamma(0.8, 1 / 35);
	const dropout = beta(0.9, 4);
	const meanSpend = gamma(2, 150);
	const dates = [signupMs];
	let t = signupMs;
	for (;;) {
		if (rand() < dropout) break;
		t += (-Math.log(rand() || 1e-12) / Math.max(ratePerDay, 1e-4)) * DAY;
		if (t >= AS_OF_MS - DAY) break;
		dates.push(Math.floor(t / 60_000) * 60_000);
	}
	addOrders(id, dates, meanSpend);

	if (rand() < 0.13) {
		const nps = Math.min(10, Math.max(0, Math.round(7.6 + 2.4 * (rand() + rand() - 1) * 2)));
		const csat = Math.min(5, Math.max(1, Math.round(nps / 2 + rand() - 0.3)));
		addSurvey(id, Math.floor(rand() * 30), {
			nps,
			csat,
			ces: Math.min(7, Math.max(1, 8 - csat - Math.floor(rand() * 2))),
			expectation: nps <= 5 ? 'below' : nps >= 9 ? 'exceeded' : rand() < 0.15 ? 'below' : 'met',
			comment: nps <= 6 ? pick(COMPLAINTS) : null,
		});
	}
}

// --- A past campaign with a known simulated effect (drawn last, from its own generator, so every row ----
// above stays the same). Win-back email sent on 2026-01-20 to customers whose last order was 60 to 365
// days before; 20% held out by Measure Care Impact's Assign Holdout rule (SHA-256 of campaign + NUL +
// customer ID, first 53 bits / 2^53 below the share), stratified by how long they had been silent.
// Their purchases in the 30 days after are recorded per customer in care_campaign_outcomes: the truth is
// a 30-day repurchase chance of 10% without the email and 15% with it, and a purchase of Gamma(2, 90)
// (mean 180) either way, so the email adds 5 points of repurchase and 9.00 of revenue per customer.
const CAMPAIGN = {
	campaign: 'win-back-2026-01',
	sent_at: '2026-01-20T02:00:00Z',
	window_days: 30,
	holdout_share: 0.2,
	channel: 'smtp',
	cost_per_contact: 0.5,
	true_holdout_rate: 0.1,
	true_treatment_rate: 0.15,
	true_mean_purchase: 180,
};
const campaignRand = random(20260120);
function campaignGamma(shape, scale) {
	// Integer shape: a sum of exponentials.
	let sum = 0;
	for (let k = 0; k < shape; k++) sum -= Math.log(1 - campaignRand());
	return sum * scale;
}
const { createHash } = require('crypto');
function assignmentPosition(campaign, customerId) {
	const digest = createHash('sha256').update(`${campaign}\u0000${customerId}`, 'utf8').digest();
	return (digest.readUInt32BE(0) * 2 ** 21 + (digest.readUInt32BE(4) >>> 11)) / 2 ** 53;
}
const campaignAssignments = [];
const campaignOutcomes = [];
{
	const sentMs = Date.parse(CAMPAIGN.sent_at);
	const lastBefore = new Map();
	for (const o of orders) {
		const ms = Date.parse(o.ordered_at);
		if (ms < sentMs && ms > (lastBefore.get(o.customer_id) ?? -Infinity)) lastBefore.set(o.customer_id, ms);
	}
	for (const c of customers) {
		const last = lastBefore.get(c.customer_id);
		if (last === undefined) continue;
		const silentDays = (sentMs - last) / DAY;
		if (silentDays < 60 || silentDays > 365) continue;
		const stratum = silentDays <= 180 ? 'lapsing' : 'lapsed';
		const position = assignmentPosition(CAMPAIGN.campaign, c.customer_id);
		const group = position < CAMPAIGN.holdout_share ? 'holdout' : 'treatment';
		campaignAssignments.push({ campaign: CAMPAIGN.campaign, customer_id: c.customer_id, group_name: group, stratum, assigned_at: CAMPAIGN.sent_at });
		const converted = campaignRand() < (group === 'holdout' ? CAMPAIGN.true_holdout_rate : CAMPAIGN.true_treatment_rate);
		const revenue = converted ? money(Math.max(9.9, campaignGamma(2, CAMPAIGN.true_mean_purchase / 2))) : 0;
		campaignOutcomes.push({ campaign: CAMPAIGN.campaign, customer_id: c.customer_id, repurchased: converted, revenue, window_days: CAMPAIGN.window_days });
	}
}

// --- Output ----------------------------------------------------------------------------------------
const SCHEMA = `-- Sample data of n8n-nodes-customer-care (generated by scripts/sample-data/generate.js; do not edit).
-- As of ${AS_OF}. Loads into any PostgreSQL database: psql -d care_demo -f examples/data/seed.sql
BEGIN;
DROP TABLE IF EXISTS customer_care_status, survey_responses, orders, customers, account_managers CASCADE;
CREATE TABLE account_managers (
  manager_id text PRIMARY KEY,
  name text NOT NULL,
  mobile text NOT NULL,
  daily_capacity integer NOT NULL
);
CREATE TABLE customers (
  customer_id text PRIMARY KEY,
  name text NOT NULL,
  language text NOT NULL,
  email text,
  phone text,
  time_zone text NOT NULL,
  birthday date,
  lunar_birthday text,
  marketing_consent text,
  account_manager text REFERENCES account_managers (manager_id),
  city text,
  signup_at timestamptz NOT NULL,
  last_contacted_at timestamptz
);
CREATE TABLE orders (
  order_id text PRIMARY KEY,
  customer_id text NOT NULL REFERENCES customers (customer_id),
  ordered_at timestamptz NOT NULL,
  amount numeric(12, 2) NOT NULL,
  currency text NOT NULL,
  channel text NOT NULL
);
CREATE INDEX orders_customer ON orders (customer_id, ordered_at);
CREATE TABLE survey_responses (
  response_id text PRIMARY KEY,
  customer_id text NOT NULL REFERENCES customers (customer_id),
  store text NOT NULL,
  answered_at timestamptz NOT NULL,
  nps integer NOT NULL,
  csat integer,
  ces integer,
  expectation text,
  comment text
);
-- Written by the daily churn watch example (one row per customer, updated every run).
CREATE TABLE customer_care_status (
  customer_id text PRIMARY KEY REFERENCES customers (customer_id),
  segment_key text,
  segment_label text,
  churn_level text,
  churn_probability double precision,
  churn_reasons text,
  revisit_due_at timestamptz,
  revisit_owner text,
  updated_at timestamptz NOT NULL
);
`;
const literal = (v) => (v === null || v === undefined ? 'NULL' : typeof v === 'number' || typeof v === 'boolean' ? String(v) : `'${String(v).replace(/'/g, "''")}'`);
function inserts(table, rows) {
	const columns = Object.keys(rows[0]);
	const out = [];
	for (let i = 0; i < rows.length; i += 500) {
		const chunk = rows.slice(i, i + 500).map((r) => `(${columns.map((c) => literal(r[c])).join(', ')})`);
		out.push(`INSERT INTO ${table} (${columns.join(', ')}) VALUES\n${chunk.join(',\n')};`);
	}
	return out.join('\n');
}
// The campaign's tables come after everything else, so the file only grows at its end.
const CAMPAIGN_SCHEMA = `-- One past campaign with a known simulated effect (the true_* columns), measured by examples/win-back-measure.json.
DROP TABLE IF EXISTS care_campaign_outcomes, care_campaign_assignments, care_campaigns CASCADE;
CREATE TABLE care_campaigns (
  campaign text PRIMARY KEY,
  sent_at timestamptz NOT NULL,
  window_days integer NOT NULL,
  holdout_share double precision NOT NULL,
  channel text NOT NULL,
  cost_per_contact numeric(12, 2) NOT NULL,
  true_holdout_rate double precision NOT NULL,
  true_treatment_rate double precision NOT NULL,
  true_mean_purchase numeric(12, 2) NOT NULL
);
CREATE TABLE care_campaign_assignments (
  campaign text NOT NULL REFERENCES care_campaigns (campaign),
  customer_id text NOT NULL REFERENCES customers (customer_id),
  group_name text NOT NULL CHECK (group_name IN ('treatment', 'holdout')),
  stratum text NOT NULL,
  assigned_at timestamptz NOT NULL,
  PRIMARY KEY (campaign, customer_id)
);
-- Purchases in the window after the campaign, per assigned customer (kept apart from orders).
CREATE TABLE care_campaign_outcomes (
  campaign text NOT NULL,
  customer_id text NOT NULL,
  repurchased boolean NOT NULL,
  revenue numeric(12, 2) NOT NULL,
  window_days integer NOT NULL,
  PRIMARY KEY (campaign, customer_id),
  FOREIGN KEY (campaign, customer_id) REFERENCES care_campaign_assignments (campaign, customer_id)
);`;
const sql = [
	SCHEMA,
	inserts('account_managers', MANAGERS),
	inserts('customers', customers),
	inserts('orders', orders),
	inserts('survey_responses', surveys),
	CAMPAIGN_SCHEMA,
	inserts('care_campaigns', [CAMPAIGN]),
	inserts('care_campaign_assignments', campaignAssignments),
	inserts('care_campaign_outcomes', campaignOutcomes),
	'COMMIT;',
	'',
].join('\n');
writeFileSync(join(OUT, 'seed.sql'), sql);
writeFileSync(
	join(OUT, 'sample-data.json'),
	`${JSON.stringify({ asOf: AS_OF, accountManagers: MANAGERS, customers, orders, surveyResponses: surveys, careCampaigns: [CAMPAIGN], careCampaignAssignments: campaignAssignments, careCampaignOutcomes: campaignOutcomes })}\n`,
);
console.log(
	`${customers.length} customers, ${orders.length} orders, ${surveys.length} survey responses, ${MANAGERS.length} account managers, ${campaignAssignments.length} customers in campaign ${CAMPAIGN.campaign} -> ${OUT}`,
);
