import { startWebhookServer, type ProviderServer } from '../helpers/providers';
import { NODE_UNDER_TEST } from '../helpers/runWorkflow';
import { runCare } from './helpers/run';

const waitFor = async (check: () => boolean) => {
	while (!check()) await new Promise((resolve) => setTimeout(resolve, 10));
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Send Care Message: a wait longer than a timer can hold (2^31 - 1 ms, about 24.8 days)', () => {
	let server: ProviderServer;
	beforeAll(async () => {
		server = await startWebhookServer();
	});
	afterAll(() => server.close());

	it('a retry wait of 29 to 58 days is waited (until Stop), not cut to a millisecond', async () => {
		// Retry Delay 5e9 ms: the first retry waits 2.5e9..5e9 ms, within a Time Budget of 200 days.
		// Node's setTimeout fires such a wait after 1 ms; before, the retry went out at once.
		server.faults.inject({ kind: 'serverError' });
		let cancel: () => void = () => undefined;
		const running = runCare(
			server,
			[{ customerId: 'W1', name: 'Wu', orderId: 'O-1', timeZone: 'Asia/Shanghai' }],
			{ options: { retryDelay: 5e9, timeBudget: 200 * 86_400, maxAttempts: 2 } },
			{
				onError: 'continueRegularOutput',
				onStart: (c) => {
					cancel = c;
				},
			},
		);
		await waitFor(() => server.requests.length >= 1);
		await pause(1_000);
		expect(server.requests).toHaveLength(1);
		cancel();
		const run = await running;
		expect(server.deliveries).toHaveLength(0);
		// The stopped execution ends with n8n's cancellation; the node's own output is in its run data.
		const nodeRun = run.result.run.data.resultData.runData[NODE_UNDER_TEST][0];
		const failed = nodeRun.data?.main[2] ?? [];
		expect(failed.map((item) => item.json.care)).toEqual([
			expect.objectContaining({ status: 'failed', code: 'HTTP_503', retryable: true, attempts: 1, message: expect.stringMatching(/stopped before the next attempt/) }),
		]);
	});
});
