import Redis, { type RedisOptions } from 'ioredis';
import { fromStoredText, toStoredText } from './storedText';
import { ledgerError, type ClaimRequest, type ClaimResult, type Ledger, type LedgerEntry, type LedgerOutcome, type LedgerStatus } from './types';

export interface RedisLedgerConfig {
	host: string;
	port: number;
	username?: string;
	password?: string;
	database?: number;
	tls?: boolean;
	/** Prefix for every key this ledger writes. */
	keyPrefix: string;
	/** How long a key is remembered; must outlast the key period (a yearly birthday key: > 366 days). */
	retentionDays: number;
	/** Per-command timeout; a command that times out fails the item, it is not retried blindly. */
	timeoutMs?: number;
}

/** Stored value: short names, as there is one per message. */
interface StoredValue {
	s: LedgerStatus;
	c: string;
	ct: string;
	ch: string;
	t: string;
	at: number;
	u?: number;
	m?: string;
	d?: string;
}

// The claim, atomic: a key held by another claim is returned as it is; otherwise, with a cap (ARGV[7]:
// window start in ms, '' for none; ARGV[8]: the most messages), the customer's contacts in the window
// under other keys are counted and a full window refuses the claim ({'capped', count}); otherwise the
// key is set and joins the customer's contact history, which the frequency cap counts, and history
// older than the retention is trimmed. A key already held by this very claim (a command resent after a
// lost reply) is ours; a pending or unknown claim older than ARGV[6] (ms, 0 = never) is taken over when
// the user allows resending unconfirmed messages.
const CLAIM = `
local current = redis.call('GET', KEYS[1])
if current then
  local ok, entry = pcall(cjson.decode, current)
  if not (ok and (entry.t == ARGV[5] or ((entry.s == 'pending' or entry.s == 'unknown') and tonumber(entry.at) < tonumber(ARGV[6])))) then
    return current
  end
end
if ARGV[7] ~= '' then
  local inWindow = redis.call('ZCOUNT', KEYS[2], ARGV[7], '+inf')
  local own = redis.call('ZSCORE', KEYS[2], ARGV[4])
  if own and tonumber(own) >= tonumber(ARGV[7]) then inWindow = inWindow - 1 end
  if inWindow >= tonumber(ARGV[8]) then return {'capped', inWindow} end
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', tonumber(ARGV[3]) - tonumber(ARGV[2]))
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return 1`;

// Only the claim's holder records its outcome; a failed or released claim frees the key for a later run.
const RECORD = `
local current = redis.call('GET', KEYS[1])
if not current then return 0 end
local ok, entry = pcall(cjson.decode, current)
if not ok or entry.t ~= ARGV[1] then return 0 end
if ARGV[2] == 'failed' or ARGV[2] == 'released' then
  redis.call('DEL', KEYS[1])
  redis.call('ZREM', KEYS[2], ARGV[6])
  return 1
end
entry.s = ARGV[2]
entry.u = tonumber(ARGV[5])
if ARGV[3] ~= '' then entry.m = ARGV[3] end
if ARGV[4] ~= '' then entry.d = ARGV[4] end
redis.call('SET', KEYS[1], cjson.encode(entry), 'KEEPTTL')
return 1`;

const CHUNK = 1000;

export class RedisLedger implements Ledger {
	readonly backend = 'redis' as const;
	private readonly ttlMs: number;

	private readonly at: string;

	private constructor(
		private readonly client: Redis,
		private readonly config: RedisLedgerConfig,
	) {
		this.ttlMs = Math.round(config.retentionDays * 86_400_000);
		this.at = `${config.host}:${config.port}`;
	}

	/** Connects and pings, writing nothing: the credential test. */
	static async check(config: Omit<RedisLedgerConfig, 'keyPrefix' | 'retentionDays'>): Promise<void> {
		const client = await RedisLedger.open({ ...config, keyPrefix: '', retentionDays: 1 });
		try {
			await client.ping();
		} catch (error) {
			throw ledgerError('ping to Redis', error, `${config.host}:${config.port}`);
		} finally {
			client.disconnect();
		}
	}

	static async connect(config: RedisLedgerConfig): Promise<RedisLedger> {
		return new RedisLedger(await RedisLedger.open(config), config);
	}

	private static async open(config: RedisLedgerConfig): Promise<Redis> {
		const timeout = config.timeoutMs ?? 5000;
		const options: RedisOptions = {
			host: config.host,
			port: config.port,
			username: config.username || undefined,
			password: config.password || undefined,
			db: config.database ?? 0,
			tls: config.tls ? {} : undefined,
			lazyConnect: true,
			connectTimeout: timeout,
			commandTimeout: timeout,
			maxRetriesPerRequest: 1,
			retryStrategy: (attempt) => (connected && attempt <= 3 ? attempt * 200 : null),
		};
		let connected = false;
		let lastError: unknown;
		const client = new Redis(options);
		client.on('error', (error) => {
			// Command failures reach the caller through the command; this keeps the cause for the connect error.
			lastError = error;
		});
		try {
			await client.connect();
			// ioredis reports a refused SELECT (a database number the server does not have) only as an
			// 'error' event and goes on in database 0: ask again, so the refusal fails the connection.
			if (config.database) await client.select(config.database);
			connected = true;
		} catch (error) {
			client.disconnect();
			throw ledgerError('connection to Redis', lastError ?? error, `${config.host}:${config.port}`);
		}
		return client;
	}

	private entryKey(key: string) {
		return `${this.config.keyPrefix}entry:${toStoredText(key)}`;
	}

	private contactsKey(customerId: string) {
		return `${this.config.keyPrefix}contacts:${toStoredText(customerId)}`;
	}

	private static toEntry(key: string, raw: string): LedgerEntry {
		const value = JSON.parse(raw) as StoredValue;
		const entry: LedgerEntry = { key, customerId: fromStoredText(value.c), status: value.s, claimedAt: new Date(value.at) };
		if (value.m) entry.providerMessageId = value.m;
		return entry;
	}

	async findClaimed(keys: string[]) {
		const found = new Map<string, LedgerEntry>();
		try {
			for (let i = 0; i < keys.length; i += CHUNK) {
				const chunk = keys.slice(i, i + CHUNK);
				const values = await this.client.mget(chunk.map((k) => this.entryKey(k)));
				values.forEach((raw, j) => {
					if (raw) {
						const entry = RedisLedger.toEntry(chunk[j], raw);
						if (entry.status !== 'failed') found.set(chunk[j], entry);
					}
				});
			}
		} catch (error) {
			throw ledgerError('lookup in Redis', error, this.at);
		}
		return found;
	}

	async countSince(customerIds: string[], since: Date) {
		const counts = new Map<string, number>();
		try {
			for (let i = 0; i < customerIds.length; i += CHUNK) {
				const chunk = customerIds.slice(i, i + CHUNK);
				const pipeline = this.client.pipeline();
				for (const id of chunk) pipeline.zcount(this.contactsKey(id), since.getTime(), '+inf');
				const results = (await pipeline.exec()) ?? [];
				results.forEach(([error, count], j) => {
					if (error) throw error;
					if (Number(count) > 0) counts.set(chunk[j], Number(count));
				});
			}
		} catch (error) {
			throw ledgerError('contact count in Redis', error, this.at);
		}
		return counts;
	}

	async claim(request: ClaimRequest): Promise<ClaimResult> {
		const { token } = request;
		const value: StoredValue = {
			s: 'pending',
			c: toStoredText(request.customerId),
			ct: request.careType,
			ch: request.channel,
			t: token,
			at: request.claimedAt.getTime(),
		};
		let reply: unknown;
		try {
			reply = await this.client.eval(
				CLAIM,
				2,
				this.entryKey(request.key),
				this.contactsKey(request.customerId),
				JSON.stringify(value),
				String(this.ttlMs),
				String(value.at),
				toStoredText(request.key),
				token,
				String(request.takeOverBefore?.getTime() ?? 0),
				request.cap ? String(request.cap.since.getTime()) : '',
				request.cap ? String(request.cap.maxMessages) : '',
			);
		} catch (error) {
			throw ledgerError('claim in Redis', error, this.at);
		}
		if (reply === 1) return { claimed: true, token };
		if (Array.isArray(reply) && reply[0] === 'capped') return { claimed: false, capped: { inWindow: Number(reply[1]) } };
		return { claimed: false, existing: RedisLedger.toEntry(request.key, String(reply)) };
	}

	async record(key: string, customerId: string, token: string, outcome: LedgerOutcome) {
		const messageId = outcome.status === 'sent' ? outcome.providerMessageId ?? '' : '';
		const detail = outcome.status === 'unknown' || outcome.status === 'failed' ? outcome.detail : '';
		try {
			await this.client.eval(
				RECORD,
				2,
				this.entryKey(key),
				this.contactsKey(customerId),
				token,
				outcome.status,
				messageId,
				detail,
				String(Date.now()),
				toStoredText(key),
			);
		} catch (error) {
			throw ledgerError('outcome update in Redis', error, this.at);
		}
	}

	async close() {
		try {
			await this.client.quit();
		} catch {
			this.client.disconnect();
		}
	}
}
