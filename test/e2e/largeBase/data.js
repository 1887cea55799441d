// The large-base test data: `customers` rows of customer_totals generated inside PostgreSQL (generate_series,
// deterministic: every value is a hash of the customer id), and the empty customer_care_scores table the
// page workflow writes into. Both UNLOGGED: test data that is dropped afterwards needs no WAL.
// As of 2024-07-01, on week boundaries (so the learn step's GROUP BY rows stop growing with the base): first
// purchases 5 to 56 weeks before; 35 % one-time buyers; of the others half still buying (last purchase in the
// last 3 weeks) and half gone quiet in the first half of their time; orders from a purchase rate that varies
// between customers; 5.00 to 94.99 per order.
const { Client } = require('pg');

const AS_OF = '2024-07-01';

/** Knuth's multiplicative hash of the id with a per-use constant, as a non-negative bigint expression. */
const hash = (salt) => `((customer_id::bigint * 2654435761 + ${salt}) % 4294967291)`;

const CREATE = `
DROP TABLE IF EXISTS customer_totals, customer_care_scores;
CREATE UNLOGGED TABLE customer_totals (
  customer_id int PRIMARY KEY,
  first_purchase_at date NOT NULL,
  last_purchase_at date NOT NULL,
  order_count int NOT NULL,
  total_spend numeric(12, 2) NOT NULL
);
CREATE UNLOGGED TABLE customer_care_scores (
  customer_id int PRIMARY KEY,
  segment_key text NOT NULL,
  rfm_code text NOT NULL,
  probability_alive double precision,
  expected_purchases double precision,
  risk_level text NOT NULL,
  scored_at timestamptz NOT NULL
);`;

const insert = (from, to) => `
INSERT INTO customer_totals
SELECT customer_id, DATE '${AS_OF}' - t, DATE '${AS_OF}' - t + tx, orders, round(orders * (5 + spend_cents / 100.0), 2)
FROM (
  SELECT customer_id, t, tx, spend_cents, CASE WHEN tx = 0 THEN 1 ELSE 2 + floor(tx * rate)::int END AS orders
  FROM (
    SELECT customer_id, t, spend_cents, rate,
           CASE WHEN one_time THEN 0 WHEN active THEN 7 * (t / 7 - ${hash(3)} % 3) ELSE 7 * (1 + ${hash(3)} % (t / 14)) END::int AS tx
    FROM (
      SELECT customer_id, (35 + 7 * (${hash(1)} % 52))::int AS t, ${hash(2)} % 100 < 35 AS one_time, ${hash(5)} % 100 < 50 AS active,
             ((${hash(6)} % 1000) / 1000.0) ^ 2 * 0.06 AS rate, (${hash(4)} % 9000)::int AS spend_cents
      FROM generate_series(${from}, ${to}) AS customer_id
    ) drawn
  ) shaped
) counted`;

/** Creates the tables and generates `customers` rows (ids 1..customers) in chunks of 1,000,000. */
async function generateCustomers(db, customers, log = () => {}) {
	const client = new Client(db);
	await client.connect();
	try {
		await client.query(CREATE);
		for (let from = 1; from <= customers; from += 1_000_000) {
			await client.query(insert(from, Math.min(customers, from + 999_999)));
			log(`generated ${Math.min(customers, from + 999_999).toLocaleString('en-US')} customers`);
		}
		await client.query('ANALYZE customer_totals');
	} finally {
		await client.end();
	}
}

async function clearScores(db) {
	const client = new Client(db);
	await client.connect();
	try {
		await client.query('TRUNCATE customer_care_scores');
	} finally {
		await client.end();
	}
}

module.exports = { AS_OF, generateCustomers, clearScores };
