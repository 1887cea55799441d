import { CHANNEL_KINDS } from '../../../nodes/shared/messaging/channels/registry';
import { headerWait, SLOW_DOWN, slowDownCode } from '../../../nodes/shared/messaging/channels/slowDown';
import { startAliyunSmsServer, startFeishuServer } from '../../helpers/providers';
import { runCare } from '../../SendCareMessage/helpers/run';
import { channelFixture, expectFailed, message } from './helpers';

/**
 * Feishu's gateway answers a rate limit with HTTP 429 (older APIs: 400), code 99991400 and the wait in
 * x-ogw-ratelimit-reset, in seconds (open.feishu.cn/document/server-docs/api-call-guide/frequency-control).
 * The loopback Feishu server answers so for a rate-limit fault with a wait; the older APIs' 400 form and
 * odd header values through raw faults, headers and body as documented.
 */
function feishuGatewayLimit(status: number, reset: string | undefined) {
	return {
		kind: 'raw' as const,
		status,
		body: JSON.stringify({ code: 99991400, msg: 'request trigger frequency limit' }),
		headers: { 'Content-Type': 'application/json', 'x-ogw-ratelimit-limit': '100', ...(reset === undefined ? {} : { 'x-ogw-ratelimit-reset': reset }) },
	};
}

describe('Feishu: the gateway rate limit is read the way Feishu sends it', () => {
	const fixture = channelFixture('feishu', () => startFeishuServer());
	const { send } = fixture;

	it('HTTP 429 with x-ogw-ratelimit-reset: 52 waits 52 seconds (Retry-After alone read nothing)', async () => {
		fixture.server.faults.inject({ kind: 'rateLimit', retryAfterSeconds: 52 });
		expect(expectFailed(await send(message()))).toMatchObject({ retryable: true, providerCode: '99991400', retryAfterMs: 52_000 });
		expect(fixture.server.deliveries).toEqual([]);
	});

	it('the older APIs\' HTTP 400 with code 99991400 is the same rate limit, not a permanent failure', async () => {
		fixture.server.faults.inject(feishuGatewayLimit(400, '7'));
		expect(expectFailed(await send(message()))).toMatchObject({ retryable: true, providerCode: '99991400', retryAfterMs: 7_000 });
	});

	it('a fractional reset is rounded up to whole milliseconds; the header wins over Retry-After', async () => {
		const limit = feishuGatewayLimit(429, '1.5');
		fixture.server.faults.inject({ ...limit, headers: { ...limit.headers, 'Retry-After': '30' } });
		expect(expectFailed(await send(message()))).toMatchObject({ retryAfterMs: 1_500 });
	});

	it.each([['-3'], ['1e3'], ['soon'], ['']])('an unreadable reset %j names no wait: Retry-After if sent, else the retry backs off', async (reset) => {
		fixture.server.faults.inject(feishuGatewayLimit(429, reset));
		const outcome = expectFailed(await send(message()));
		expect(outcome).toMatchObject({ retryable: true, providerCode: '99991400' });
		expect(outcome.retryAfterMs).toBeUndefined();
		const limit = feishuGatewayLimit(429, reset);
		fixture.server.faults.inject({ ...limit, headers: { ...limit.headers, 'Retry-After': '4' } });
		expect(expectFailed(await send(message()))).toMatchObject({ retryAfterMs: 4_000 });
	});

	it('a reset past a day is bounded as Retry-After is (24 hours)', async () => {
		fixture.server.faults.inject(feishuGatewayLimit(429, '999999999'));
		expect(expectFailed(await send(message()))).toMatchObject({ retryAfterMs: 24 * 3600_000 });
	});

	it('a 429 without a body code still waits as the header says', async () => {
		fixture.server.faults.inject({ kind: 'raw', status: 429, body: 'Too Many Requests', headers: { 'x-ogw-ratelimit-reset': '3' } });
		expect(expectFailed(await send(message()))).toMatchObject({ retryable: true, providerCode: 'HTTP_429', retryAfterMs: 3_000 });
	});

	it('the custom bot\'s own 11232 keeps its one-second window', async () => {
		fixture.server.faults.inject({ kind: 'rateLimit' });
		expect(expectFailed(await send(message()))).toMatchObject({ retryable: true, providerCode: '11232', retryAfterMs: 1_000 });
	});
});

describe('Aliyun SMS: every Throttling.* code is flow control', () => {
	const fixture = channelFixture('aliyunSms', () => startAliyunSmsServer());

	// Only Throttling, Throttling.User and Throttling.Api were listed: any other flow-control code failed the customer for good.
	it.each(['Throttling', 'Throttling.User', 'Throttling.Api', 'Throttling.Concurrent'])('%s is retried after a second', async (code) => {
		fixture.server.faults.inject({ kind: 'providerError', code });
		expect(expectFailed(await fixture.send(message({ to: '+8613800138000', templateCode: 'SMS_1' })))).toMatchObject({
			retryable: true,
			providerCode: code,
			retryAfterMs: 1_000,
		});
	});

	it('a code that only starts like one is not (ThrottlingX, isv.Throttling)', async () => {
		fixture.server.faults.inject({ kind: 'providerError', code: 'ThrottlingX' }, { kind: 'providerError', code: 'isv.Throttling' });
		expect(expectFailed(await fixture.send(message({ to: '+8613800138000', templateCode: 'SMS_1' })))).toMatchObject({ retryable: false });
		expect(expectFailed(await fixture.send(message({ to: '+8613800138000', templateCode: 'SMS_1' })))).toMatchObject({ retryable: false });
	});
});

describe('the table of how each provider says "slow down"', () => {
	it('has an entry for every HTTP channel (SMTP answers 4xx, read by its own transport)', () => {
		expect(CHANNEL_KINDS.filter((kind) => kind !== 'smtp' && !(kind in SLOW_DOWN))).toEqual([]);
	});

	it.each([
		['dingtalk', '130101', 600_000],
		['dingtalk', '410100', 600_000],
		['wecom', '45009', 60_000],
		['wecom', '45033', 1_000],
		['twilioSms', '20429', undefined],
		['slack', 'rate_limited', undefined],
		['aliyunSms', 'isv.BUSINESS_LIMIT_CONTROL', 60_000],
	] as const)('%s %s waits %p unless a header names the wait', (kind, code, wait) => {
		expect(slowDownCode(SLOW_DOWN[kind], code)).toEqual({ wait });
	});

	it('reads each provider\'s header its way, and only that provider\'s', () => {
		expect(headerWait(SLOW_DOWN.feishu, { 'x-ogw-ratelimit-reset': '2' })).toBe(2_000);
		expect(headerWait(SLOW_DOWN.slack, { 'x-ogw-ratelimit-reset': '2' })).toBeUndefined();
		expect(headerWait(SLOW_DOWN.slack, { 'retry-after': '2' })).toBe(2_000);
		expect(headerWait(SLOW_DOWN.twilioSms, { 'retry-after': 'Sun, 06 Nov 1994 08:49:39 GMT' }, Date.parse('1994-11-06T08:49:37Z'))).toBe(2_000);
	});
});

describe('Feishu through the engine: the gateway\'s wait is honoured before the retry', () => {
	let server: Awaited<ReturnType<typeof startFeishuServer>>;
	beforeAll(async () => {
		server = await startFeishuServer();
	});
	afterAll(() => server.close());

	// Before, the retry went out after Retry Delay (50 ms here), into the same limit.
	it('a 429 naming x-ogw-ratelimit-reset: 2 is retried no sooner than 2 seconds later, then sent', async () => {
		server.faults.inject({ kind: 'rateLimit', retryAfterSeconds: 2 });
		const run = await runCare(
			server,
			[{ customerId: 'G1', name: '韩梅梅', orderId: 'O-1', timeZone: 'Asia/Shanghai' }],
			{ frequencyCap: 'off', options: { pacing: 'off', retryDelay: 50, maxAttempts: 2 } },
			{ onError: 'continueRegularOutput' },
		);
		expect(run.sent.map((s) => s.customerId)).toEqual(['G1']);
		expect(server.requests.map((r) => r.status)).toEqual([429, 200]);
		expect(server.requests[1].at - server.requests[0].at).toBeGreaterThanOrEqual(2_000);
	});
});
