import Redis from 'ioredis';
import { startWebhookServer, type ProviderServer } from '../helpers/providers';
import { REDIS, describeWithService, uniqueName } from '../helpers/services';
import { deliveriesByKey, runCare } from './helpers/run';
import { dropRedisKeys } from '../helpers/serviceCleanup';

const customers = Array.from({ length: 20 }, (_, i) => ({ customerId: `P${i}`, name: `Paced ${i}`, orderId: `O-${i}`, timeZone: 'Asia/Shanghai' }));
const waitFor = async (check: () => boolean) => {
	while (!check()) await new Promise((resolve) => setTimeout(resolve, 10));
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeWithService('redis')('Send Care Message: Stop during paced sending', () => {
	let server: ProviderServer;
	const prefix = `${uniqueName('care_stop')}:`;
	beforeAll(async () => {
		server = await startWebhookServer();
	});
	afterAll(async () => {
		await server.close();
		await dropRedisKeys(prefix);
	});

	const run = (onStart?: (cancel: () => void) => void) =>
		runCare(
			server,
			customers,
			// 2 a second: the 20 messages would take ten seconds.
			{ ledger: 'redis', options: { redisKeyPrefix: prefix, pacing: 'custom', rateCount: 2, ratePeriod: 1_000 } },
			{
				credentials: { careRedisLedgerApi: { host: REDIS.host, port: REDIS.port } },
				nodeCredentials: { careRedisLedgerApi: { id: 'redis', name: 'Ledger Redis' } },
				onError: 'continueRegularOutput',
				onStart,
			},
		);

	it('sends nothing more once stopped, leaves no key claimed, and a rerun sends the rest once each', async () => {
		let cancel: () => void = () => undefined;
		const stopped = run((c) => {
			cancel = c;
		});
		await waitFor(() => server.requests.length >= 3);
		cancel();
		const atStop = server.requests.length;
		await pause(1_000);
		// Within a second of Stop no new message goes out (one already under way may still complete).
		expect(server.requests.length - atStop).toBeLessThanOrEqual(1);
		const afterSecond = server.requests.length;
		await stopped;
		await pause(600);
		expect(server.requests.length).toBe(afterSecond);
		const sentBeforeStop = server.deliveries.length;
		expect(sentBeforeStop).toBeLessThan(customers.length);

		// Nothing half-sent: every key is either recorded as sent or free again (no pending claim).
		const client = new Redis({ ...REDIS, lazyConnect: true });
		await client.connect();
		const entries = await client.keys(`${prefix}entry:*`);
		const statuses = await Promise.all(entries.map(async (key) => (JSON.parse((await client.get(key)) ?? '{}') as { s: string }).s));
		await client.quit();
		expect(statuses.filter((s) => s === 'sent')).toHaveLength(sentBeforeStop);
		expect(statuses.filter((s) => s !== 'sent')).toEqual([]);

		const rerun = await run();
		expect(rerun.failed).toEqual([]);
		expect(rerun.sent).toHaveLength(customers.length - sentBeforeStop);
		expect(rerun.skipped).toHaveLength(sentBeforeStop);
		expect([...deliveriesByKey(server.deliveries).values()]).toEqual(customers.map(() => 1));
	}, 30_000);
});
