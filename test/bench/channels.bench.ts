import { createChannel } from '../../nodes/shared/messaging/channels';
import type { ChannelKind } from '../../nodes/shared/messaging/channels/registry';
import type { OutgoingMessage } from '../../nodes/shared/messaging/channels/types';
import { startProviderServer } from '../helpers/providers';
import type { Report } from './run';

const CONCURRENCY = 16;
const MESSAGES: Record<ChannelKind, number> = {
	smtp: 1_000,
	aliyunSms: 2_000,
	twilioSms: 2_000,
	wecom: 2_000,
	dingtalk: 2_000,
	feishu: 2_000,
	slack: 2_000,
	webhook: 2_000,
};

function messageFor(kind: ChannelKind, i: number): OutgoingMessage {
	const base = { text: `Bench message ${i}`, idempotencyKey: `bench-${kind}-${i}` };
	if (kind === 'smtp') return { ...base, to: `c${i}@example.com`, subject: 'Bench', html: `<p>Bench ${i}</p>` };
	if (kind === 'aliyunSms') return { ...base, to: `138${String(i).padStart(8, '0')}`, templateCode: 'SMS_000001', templateParams: { name: `C${i}` } };
	if (kind === 'twilioSms') return { ...base, to: `+1415555${String(i).padStart(4, '0')}` };
	return { ...base, to: '' };
}

/**
 * Each channel's own cost per message (signing, the HTTP exchange on a fresh loopback connection,
 * classifying the answer) against its loopback provider, at 16 sends in flight. No budget: this is the
 * floor under the node's per-message figure.
 */
export async function run(report: Report): Promise<void> {
	for (const kind of Object.keys(MESSAGES) as ChannelKind[]) {
		const count = MESSAGES[kind];
		const server = await startProviderServer(kind);
		const channel = createChannel(kind, server.credentials);
		let next = 0;
		let failures = 0;
		const started = process.hrtime.bigint();
		await Promise.all(
			Array.from({ length: CONCURRENCY }, async () => {
				while (next < count) {
					const outcome = await channel.send(messageFor(kind, next++));
					if (outcome.status !== 'sent') failures++;
				}
			}),
		);
		const seconds = Number(process.hrtime.bigint() - started) / 1e9;
		await channel.close?.();
		await server.close();
		report(`${kind} x${count}`, seconds, { msPerMessage: (seconds * 1000) / count, perSecond: count / seconds, failures });
	}
}
