import { startWebhookServer } from '../helpers/providers';
import { runCare } from './helpers/run';

/** n8n-core from 2.13 on sends node requests through @n8n/backend-network, which enforces SSRF protection. */
function engineHasSsrfProtection(): boolean {
	try {
		require.resolve('@n8n/backend-network', { paths: [require.resolve('n8n-core')] });
		return true;
	} catch {
		return false;
	}
}

// On n8n-core 2.8 (no SSRF protection in n8n) this suite is skipped; .ci/run runs it with the current n8n.
(engineHasSsrfProtection() ? describe : describe.skip)('Send Care Message with n8n SSRF protection on', () => {
	const before = process.env.N8N_SSRF_PROTECTION_ENABLED;
	beforeAll(() => {
		process.env.N8N_SSRF_PROTECTION_ENABLED = 'true';
	});
	afterAll(() => {
		if (before === undefined) delete process.env.N8N_SSRF_PROTECTION_ENABLED;
		else process.env.N8N_SSRF_PROTECTION_ENABLED = before;
	});

	it('a channel URL that resolves to a blocked address (loopback) is refused with n8n\'s reason, nothing sent', async () => {
		const server = await startWebhookServer();
		try {
			const run = await runCare(server, [{ customerId: 'X1', name: 'X', orderId: 'O', timeZone: 'Asia/Shanghai' }], {}, { onError: 'continueRegularOutput' });
			expect(run.care('failed')).toEqual([
				expect.objectContaining({ code: 'SSRF_BLOCKED', outcome: 'notSent', retryable: false, attempts: 1, message: expect.stringContaining('resolves to a restricted IP address') }),
			]);
			expect(server.requests).toHaveLength(0);
		} finally {
			await server.close();
		}
	});
});
