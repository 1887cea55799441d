import { Pool, type PoolConfig } from 'pg';
import { parameterError } from '../../input';
import { fromStoredText, toStoredText } from './storedText';
import { ledgerError, type ClaimRequest, type ClaimResult, type Ledger, type LedgerEntry, type LedgerOutcome, type LedgerStatus } from './types';

export interface PostgresLedgerConfig {
	host: string;
	port: number;
	database: string;
	user: string;
	password?: string;
	ssl?: boolean;
	/** Table (optionally schema.table) holding the ledger; created when missing. */
	table: string;
	/** Connections in the pool: the send concurrency is a good value. */
	maxConnections?: number;
	/** Per-query and connect timeout. */
	timeoutMs?: number;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** "care.message_ledger" -> "care"."message_ledger"; anything but plain identifiers is refused. */
export function quoteTableName(table: string): string {
	const parts = table.split('.');
	if (parts.length > 2 || !parts.every((part) => IDENTIFIER.test(part))) {
		throw parameterError('Options › Ledger Table (Postgres)', table, 'is not a table name', 'a name like care_message_ledger or crm.care_ledger');
	}
	return parts.map((part) => `"${part}"`).join('.');
}

// Concurrent CREATE ... IF NOT EXISTS can still collide in the catalogue; the loser sees one of these.
const ALREADY_CREATED = new Set(['23505', '42P07', '42710']);

interface Row {
	key: string;
	customer_id: string;
	status: LedgerStatus;
	claimed_at: Date;
	provider_message_id: string | null;
}

function toEntry(row: Row): LedgerEntry {
	const entry: LedgerEntry = { key: fromStoredText(row.key), customerId: fromStoredText(row.customer_id), status: row.status, claimedAt: row.claimed_at };
	if (row.provider_message_id) entry.providerMessageId = row.provider_message_id;
	return entry;
}

export class PostgresLedger implements Ledger {
	readonly backend = 'postgres' as const;

	private constructor(
		private readonly pool: Pool,
		private readonly table: string,
		/** host:port, named in every error. */
		private readonly at: string,
	) {}

	/** Connects and runs SELECT 1, creating nothing: the credential test. */
	static async check(config: Omit<PostgresLedgerConfig, 'table'>): Promise<void> {
		const pool = PostgresLedger.pool({ ...config, maxConnections: 1 });
		try {
			await pool.query('SELECT 1');
		} catch (error) {
			throw ledgerError('connection to Postgres', error, `${config.host}:${config.port}`);
		} finally {
			await pool.end().catch(() => undefined);
		}
	}

	static async connect(config: PostgresLedgerConfig): Promise<PostgresLedger> {
		const table = quoteTableName(config.table);
		const pool = PostgresLedger.pool(config);
		const ledger = new PostgresLedger(pool, table, `${config.host}:${config.port}`);
		try {
			await ledger.ensureTable(config.table);
		} catch (error) {
			await pool.end().catch(() => undefined);
			throw ledgerError(`set-up of the Postgres table ${table}`, error, ledger.at);
		}
		return ledger;
	}

	private static pool(config: Omit<PostgresLedgerConfig, 'table'>): Pool {
		const timeout = config.timeoutMs ?? 5000;
		const poolConfig: PoolConfig = {
			host: config.host,
			port: config.port,
			database: config.database,
			user: config.user,
			password: config.password || undefined,
			ssl: config.ssl ? { rejectUnauthorized: false } : undefined,
			max: config.maxConnections ?? 10,
			connectionTimeoutMillis: timeout,
			query_timeout: timeout,
		};
		const pool = new Pool(poolConfig);
		pool.on('error', () => {
			// An idle client lost its connection; the next query reports it to the caller.
		});
		return pool;
	}

	private async ensureTable(rawName: string) {
		const index = `"${rawName.split('.').pop()}_customer_claimed_idx"`;
		const statements = [
			`CREATE TABLE IF NOT EXISTS ${this.table} (
				key text PRIMARY KEY,
				customer_id text NOT NULL,
				care_type text NOT NULL,
				channel text NOT NULL,
				status text NOT NULL,
				token text NOT NULL,
				claimed_at timestamptz NOT NULL,
				updated_at timestamptz,
				provider_message_id text,
				detail text
			)`,
			`CREATE INDEX IF NOT EXISTS ${index} ON ${this.table} (customer_id, claimed_at)`,
		];
		for (const sql of statements) {
			try {
				await this.pool.query(sql);
			} catch (error) {
				if (!ALREADY_CREATED.has((error as { code?: string }).code ?? '')) throw error;
			}
		}
	}

	async findClaimed(keys: string[]) {
		const found = new Map<string, LedgerEntry>();
		if (keys.length === 0) return found;
		try {
			const { rows } = await this.pool.query<Row>(
				`SELECT key, customer_id, status, claimed_at, provider_message_id FROM ${this.table}
				 WHERE key = ANY($1::text[]) AND status <> 'failed'`,
				[keys.map(toStoredText)],
			);
			for (const row of rows) {
				const entry = toEntry(row);
				found.set(entry.key, entry);
			}
		} catch (error) {
			throw ledgerError('lookup in Postgres', error, this.at);
		}
		return found;
	}

	async countSince(customerIds: string[], since: Date) {
		const counts = new Map<string, number>();
		if (customerIds.length === 0) return counts;
		try {
			const { rows } = await this.pool.query<{ customer_id: string; n: string }>(
				`SELECT customer_id, count(*) AS n FROM ${this.table}
				 WHERE customer_id = ANY($1::text[]) AND claimed_at >= $2 AND status <> 'failed'
				 GROUP BY customer_id`,
				[customerIds.map(toStoredText), since],
			);
			for (const row of rows) counts.set(fromStoredText(row.customer_id), Number(row.n));
		} catch (error) {
			throw ledgerError('contact count in Postgres', error, this.at);
		}
		return counts;
	}

	async claim(request: ClaimRequest): Promise<ClaimResult> {
		try {
			return request.cap ? await this.claimUnderCap(request, request.cap) : await this.claimWith(this.pool, request);
		} catch (error) {
			throw ledgerError('claim in Postgres', error, this.at);
		}
	}

	/**
	 * The claim and the count of the customer's other messages in one transaction, holding a lock on the
	 * customer (an advisory lock, so no row or table is locked): a second execution claiming for the same
	 * customer waits, then counts the first one's claim.
	 */
	private async claimUnderCap(request: ClaimRequest, cap: NonNullable<ClaimRequest['cap']>): Promise<ClaimResult> {
		const client = await this.pool.connect();
		let done = false;
		try {
			await client.query('BEGIN');
			const customerId = toStoredText(request.customerId);
			await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${this.table} ${customerId}`]);
			const result = await this.claimWith(client, request);
			if (result.claimed) {
				const { rows } = await client.query<{ n: string }>(
					`SELECT count(*) AS n FROM ${this.table}
					 WHERE customer_id = $1 AND key <> $2 AND claimed_at >= $3 AND status <> 'failed'`,
					[customerId, toStoredText(request.key), cap.since],
				);
				const inWindow = Number(rows[0].n);
				if (inWindow >= cap.maxMessages) {
					await client.query('ROLLBACK');
					done = true;
					return { claimed: false, capped: { inWindow } };
				}
			}
			await client.query('COMMIT');
			done = true;
			return result;
		} finally {
			// A connection that cannot even roll back is broken: it leaves the pool instead of going back.
			const usable = done || (await client.query('ROLLBACK').then(() => true, () => false));
			client.release(!usable);
		}
	}

	private async claimWith(db: Pick<Pool, 'query'>, request: ClaimRequest): Promise<ClaimResult> {
		const { token } = request;
		const key = toStoredText(request.key);
		// The insert is the claim: the primary key lets one of any number of concurrent inserts win.
		// A key whose earlier send failed (nothing delivered) is taken over in the same statement, as is our
		// own claim (a retried statement) and, when the user allows it, an unconfirmed one older than $7.
		const claimed = await db.query(
			`INSERT INTO ${this.table} AS l (key, customer_id, care_type, channel, status, token, claimed_at)
			 VALUES ($1, $2, $3, $4, 'pending', $5, $6)
			 ON CONFLICT (key) DO UPDATE SET
			   customer_id = EXCLUDED.customer_id, care_type = EXCLUDED.care_type, channel = EXCLUDED.channel,
			   status = 'pending', token = EXCLUDED.token, claimed_at = EXCLUDED.claimed_at,
			   updated_at = NULL, provider_message_id = NULL, detail = NULL
			 WHERE l.status = 'failed' OR l.token = EXCLUDED.token
			   OR (l.status IN ('pending', 'unknown') AND l.claimed_at < $7::timestamptz)
			 RETURNING key`,
			[key, toStoredText(request.customerId), request.careType, request.channel, token, request.claimedAt, request.takeOverBefore ?? null],
		);
		if (claimed.rowCount === 1) return { claimed: true, token };
		const { rows } = await db.query<Row>(
			`SELECT key, customer_id, status, claimed_at, provider_message_id FROM ${this.table} WHERE key = $1`,
			[key],
		);
		if (rows.length === 0) throw new Error('the key was neither claimed nor found');
		return { claimed: false, existing: toEntry(rows[0]) };
	}

	async record(key: string, _customerId: string, token: string, outcome: LedgerOutcome) {
		try {
			if (outcome.status === 'released') {
				await this.pool.query(`DELETE FROM ${this.table} WHERE key = $1 AND token = $2`, [toStoredText(key), token]);
				return;
			}
			await this.pool.query(
				`UPDATE ${this.table} SET status = $3, updated_at = now(), provider_message_id = $4, detail = $5
				 WHERE key = $1 AND token = $2`,
				[
					toStoredText(key),
					token,
					outcome.status,
					outcome.status === 'sent' ? outcome.providerMessageId ?? null : null,
					outcome.status === 'sent' ? null : outcome.detail,
				],
			);
		} catch (error) {
			throw ledgerError('outcome update in Postgres', error, this.at);
		}
	}

	async close() {
		await this.pool.end().catch(() => undefined);
	}
}
