import dns from 'node:dns';

import { startSmtpServer, type ProviderServer } from '../../helpers/providers';
import { runCare } from '../../SendCareMessage/helpers/run';

/**
 * A host name the resolver cannot answer for now (EAI_AGAIN, "DNS temporarily failing" in the README) is
 * a retryable failure with nothing sent, as on the HTTP channels; an unknown host (ENOTFOUND) is final,
 * and nothing was sent either. The resolver's answers are simulated, so these do not depend on the machine's DNS.
 */
type Answer = { code: string } | { address: string };

function simulateResolver(host: string, answers: Answer[]): () => void {
	const fail = (callback: (error: Error) => void, code: string) =>
		process.nextTick(() => callback(Object.assign(new Error(`query ${code} ${host}`), { code, hostname: host })));
	// nodemailer asks the resolver for A and AAAA records first, then getaddrinfo.
	const spies = [
		jest.spyOn(dns.Resolver.prototype, 'resolve4').mockImplementation(((_name: string, callback: (error: Error) => void) => fail(callback, 'ENOTFOUND')) as never),
		jest.spyOn(dns.Resolver.prototype, 'resolve6').mockImplementation(((_name: string, callback: (error: Error) => void) => fail(callback, 'ENOTFOUND')) as never),
		jest.spyOn(dns, 'lookup').mockImplementation(((name: string, _options: unknown, callback: (error: Error | null, addresses?: unknown) => void) => {
			if (name !== host) throw new Error(`unexpected lookup of ${name}`);
			const answer = answers.length > 1 ? answers.shift()! : answers[0];
			if ('code' in answer) {
				process.nextTick(() => callback(Object.assign(new Error(`getaddrinfo ${answer.code} ${name}`), { code: answer.code, hostname: name, syscall: 'getaddrinfo' })));
			} else process.nextTick(() => callback(null, [{ address: answer.address, family: 4 }]));
		}) as never),
	];
	return () => spies.forEach((spy) => spy.mockRestore());
}

describe('SMTP through the engine: a host name that does not resolve', () => {
	let server: ProviderServer<unknown>;
	beforeAll(async () => {
		server = (await startSmtpServer()) as ProviderServer<unknown>;
	});
	afterAll(async () => server.close());

	const run = (host: string) =>
		runCare({ kind: 'smtp', credentials: { ...server.credentials, host } }, [{ customerId: 'C1', name: '韩梅梅', email: 'hanmeimei@example.com', orderId: 'A-1', timeZone: 'Asia/Shanghai' }], {
			recipientField: 'email',
			options: { retryDelay: 20, maxAttempts: 3 },
		});

	it('a resolver down for one attempt (EAI_AGAIN): retried, and sent on the next attempt', async () => {
		server.reset();
		const restore = simulateResolver('mail-again.care.example.test', [{ code: 'EAI_AGAIN' }, { address: '127.0.0.1' }]);
		try {
			const { result, care } = await run('mail-again.care.example.test');
			expect(result.error).toBeUndefined();
			expect(care('failed')).toEqual([]);
			expect(care('sent')).toEqual([expect.objectContaining({ status: 'sent', attempts: 2 })]);
			expect(server.deliveries.map((d) => d.to)).toEqual(['hanmeimei@example.com']);
		} finally {
			restore();
		}
	});

	it('a resolver down for every attempt: failed, retryable, nothing sent (outcome notSent)', async () => {
		server.reset();
		const restore = simulateResolver('mail-down.care.example.test', [{ code: 'EAI_AGAIN' }]);
		try {
			const { care } = await run('mail-down.care.example.test');
			expect(care('failed')).toEqual([
				expect.objectContaining({ outcome: 'notSent', code: 'EAI_AGAIN', retryable: true, attempts: 3, message: expect.stringContaining('nothing was sent') }),
			]);
			expect(server.deliveries).toEqual([]);
		} finally {
			restore();
		}
	});

	it('an unknown host (ENOTFOUND): failed at once, not retryable, nothing sent (outcome notSent)', async () => {
		server.reset();
		const restore = simulateResolver('mail-typo.care.example.test', [{ code: 'ENOTFOUND' }]);
		try {
			const { care } = await run('mail-typo.care.example.test');
			expect(care('failed')).toEqual([
				expect.objectContaining({ outcome: 'notSent', code: 'ENOTFOUND', retryable: false, attempts: 1, message: expect.stringContaining('nothing was sent') }),
			]);
			expect(server.deliveries).toEqual([]);
		} finally {
			restore();
		}
	});
});
