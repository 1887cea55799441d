import net, { type AddressInfo } from 'node:net';
import type { IDataObject } from 'n8n-workflow';
import { SMTPServer } from 'smtp-server';
import { startSmtpServer, type ProviderServer, type SmtpTransaction } from '../helpers/providers';
import { REDIS, describeWithService, uniqueName } from '../helpers/services';
import { runCare } from './helpers/run';
import { dropRedisKeys } from '../helpers/serviceCleanup';

/**
 * SMTP with SSL/TLS off against a port that speaks TLS from the start (465), or any server that never
 * greets: no SMTP command went out, so each message is Failed as not sent and its key is released, and a
 * later run with the setting fixed sends it. An unknown outcome here kept every key taken for good.
 */

const customers = [
	{ customerId: 'G1', name: 'Ann', email: 'ann@example.cn', timeZone: 'Asia/Shanghai' },
	{ customerId: 'G2', name: 'Bo', email: 'bo@example.cn', timeZone: 'Asia/Shanghai' },
];

interface Listening {
	port: number;
	close: () => Promise<void>;
}

/** smtp-server on implicit TLS (port 465 style): it waits for a TLS ClientHello and never greets a plain client. */
async function implicitTlsServer(): Promise<Listening> {
	const server = new SMTPServer({ secure: true, authOptional: true, logger: false });
	server.on('error', () => undefined);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	return { port: (server.server.address() as AddressInfo).port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Accepts TCP connections and says nothing. */
async function silentServer(): Promise<Listening> {
	const sockets = new Set<net.Socket>();
	const server = net.createServer((socket) => {
		sockets.add(socket);
		socket.on('error', () => undefined);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	return {
		port: (server.address() as AddressInfo).port,
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

describeWithService('redis')('Send Care Message: SMTP without SSL/TLS against a server that never greets', () => {
	let prefix: string;
	let smtp: ProviderServer<SmtpTransaction>;
	let mute: Listening | undefined;
	beforeEach(async () => {
		prefix = `${uniqueName('care_greeting')}:`;
		smtp = await startSmtpServer();
	});
	afterEach(async () => {
		await mute?.close();
		mute = undefined;
		await smtp.close();
		await dropRedisKeys(prefix);
	});

	const run = (credentials: Record<string, unknown>, options: IDataObject = {}) =>
		runCare(
			{ kind: 'smtp', credentials },
			customers,
			{ subject: 'Hi', text: 'Hi {{name}}', recipientField: 'email', ledger: 'redis', options: { redisKeyPrefix: prefix, ...options } },
			{
				credentials: { careRedisLedgerApi: { ...REDIS, password: '' } },
				nodeCredentials: { careRedisLedgerApi: { id: 'redis', name: 'Ledger Redis' } },
				onError: 'continueRegularOutput',
			},
		);

	it.each([
		['an implicit-TLS port (465 style)', implicitTlsServer],
		['a server that accepts the connection and says nothing', silentServer],
	])('%s: each item Failed as not sent (retryable, naming the likely cause), and a later run sends it', async (_name, start) => {
		mute = await start();
		// The loopback server's account (user, password) on the mute port: the password must not show anywhere.
		const wrongPort = { ...smtp.credentials, port: mute.port };
		const first = await run(wrongPort, { attemptTimeout: 0.6, maxAttempts: 2, retryDelay: 10 });
		expect(first.sent).toEqual([]);
		expect(first.care('failed')).toEqual(
			customers.map(() =>
				expect.objectContaining({
					outcome: 'notSent',
					code: 'GREETING_TIMEOUT',
					retryable: true,
					attempts: 2,
					message: expect.stringMatching(
						new RegExp(`^SMTP: no greeting from 127\\.0\\.0\\.1:${mute!.port} within 0\\.4 s: the port may expect TLS from the start \\(465\\): turn SSL/TLS on, or use port 587 with STARTTLS; nothing was sent`),
					),
				}),
			),
		);
		const everything = JSON.stringify(first.result.run.data);
		for (const secret of smtp.secrets) expect(everything).not.toContain(secret);

		// The port fixed: the keys were released, so both customers get their message, once.
		const second = await run(smtp.credentials);
		expect(second.care('sent').map((c) => c.key)).toEqual(['G1:custom:smtp:2026-03-08', 'G2:custom:smtp:2026-03-08']);
		expect(second.failed).toEqual([]);
		expect(smtp.deliveries).toHaveLength(2);
		const third = await run(smtp.credentials);
		expect(third.care('skipped')).toEqual(customers.map(() => expect.objectContaining({ reason: 'duplicate' })));
	});
});
