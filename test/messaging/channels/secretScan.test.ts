import { createChannel } from '../../../nodes/shared/messaging/channels';
import { CHANNEL_KINDS, type ChannelKind } from '../../../nodes/shared/messaging/channels/registry';
import type { OutgoingMessage } from '../../../nodes/shared/messaging/channels/types';
import { startProviderServer, type AnyProviderServer, type Fault } from '../../helpers/providers';
import { leakedSecrets } from './helpers';

function messageFor(kind: ChannelKind, n: number): OutgoingMessage {
	const base = { text: `scan ${n}`, idempotencyKey: `scan-${n}` };
	switch (kind) {
		case 'smtp':
			return { ...base, to: 'ann@example.com', subject: 'scan', html: '<p>scan</p>' };
		case 'aliyunSms':
			return { ...base, to: '+8613800138000', templateCode: 'SMS_000001', templateParams: { name: 'A' } };
		case 'twilioSms':
			return { ...base, to: '+14155550123' };
		default:
			return { ...base, to: '' };
	}
}

/** Credentials with every secret replaced by a different, equally distinctive value. */
function wrongCredentials(server: AnyProviderServer): { credentials: Record<string, unknown>; secrets: string[] } {
	const secrets: string[] = [];
	const credentials: Record<string, unknown> = {};
	for (const [field, value] of Object.entries(server.credentials)) {
		let replaced = value;
		for (const secret of server.secrets) {
			if (typeof replaced === 'string' && replaced.includes(secret)) {
				const wrong = `WRONG${secret.split('').reverse().join('')}`;
				secrets.push(wrong);
				replaced = replaced.split(secret).join(wrong);
			}
		}
		credentials[field] = replaced;
	}
	return { credentials, secrets };
}

describe.each(CHANNEL_KINDS.map((kind) => [kind]))('no secret leaves the %s channel', (kind) => {
	it('in any outcome: success, auth failure, every fault, an echoing server, a refused connection, a config error', async () => {
		const server = await startProviderServer(kind, kind === 'smtp' ? { echoPasswordInErrors: true } : undefined);
		const observed: unknown[] = [];
		let n = 0;
		const channel = createChannel(kind, server.credentials);
		const run = async (target = channel, timeoutMs = 2_000) => observed.push(await target.send(messageFor(kind, ++n), { timeoutMs }));

		await run();
		const faults: Fault[] = [
			{ kind: 'rateLimit', retryAfterSeconds: 1 },
			{ kind: 'serverError' },
			{ kind: 'drop' },
			{ kind: 'drop', delivered: true, how: 'close' },
		];
		for (const fault of faults) {
			server.faults.inject(fault);
			await run();
		}
		server.faults.inject({ kind: 'slow', delayMs: 600 });
		await run(channel, 100);
		if (kind !== 'smtp') {
			// A server (or proxy) that echoes every credential value back in its error text.
			const echo = `rejected: ${server.secrets.join(' ')} ${server.secrets.map(encodeURIComponent).join(' ')}`;
			server.faults.inject({ kind: 'raw', status: 400, body: echo }, { kind: 'raw', status: 500, body: JSON.stringify({ errcode: 1, errmsg: echo, code: 1, msg: echo, Code: 'X', Message: echo, message: echo }) });
			await run();
			await run();
		}

		const wrong = wrongCredentials(server);
		const wrongChannel = createChannel(kind, wrong.credentials);
		await run(wrongChannel);
		await wrongChannel.close?.();

		try {
			createChannel(kind, { ...server.credentials, baseUrl: 'ftp://nowhere', endpoint: 'ftp://nowhere', url: 'ftp://nowhere', webhookUrl: 'nowhere', fromEmail: 'nobody', port: 0 });
		} catch (error) {
			observed.push(error);
		}

		await channel.close?.();
		await server.close();
		const refused = createChannel(kind, server.credentials);
		await run(refused);
		await refused.close?.();

		const statuses = observed.map((o) => (o instanceof Error ? 'error' : (o as { status: string }).status));
		expect(statuses[0]).toBe('sent');
		expect(statuses).toContain('failed');
		expect(statuses).toContain('unknown');
		expect(leakedSecrets(observed, [...server.secrets, ...wrong.secrets])).toEqual([]);
	});
});
