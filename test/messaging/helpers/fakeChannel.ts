import type { Channel, OutgoingMessage, SendOutcome } from '../../../nodes/shared/messaging/channels/types';
import type { Clock } from '../../../nodes/shared/messaging/sending';

/**
 * An in-memory channel for engine unit tests: answers each send from a script (per recipient, in
 * order; the last answer repeats) after `latencyMs` of virtual time, and records every call.
 */
export class ScriptedChannel implements Channel {
	readonly kind = 'webhook' as const;
	readonly calls: Array<{ message: OutgoingMessage; at: number }> = [];
	inFlight = 0;
	maxInFlight = 0;

	constructor(
		private readonly clock: Clock,
		private readonly script: (message: OutgoingMessage, attempt: number) => SendOutcome | Error = () => ({ status: 'sent' }),
		private readonly latencyMs = 0,
	) {}

	attemptsFor(to: string) {
		return this.calls.filter((c) => c.message.to === to).length;
	}

	async send(message: OutgoingMessage): Promise<SendOutcome> {
		this.calls.push({ message, at: this.clock.now() });
		const attempt = this.attemptsFor(message.to);
		this.inFlight++;
		this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
		try {
			if (this.latencyMs > 0) await this.clock.sleep(this.latencyMs);
			const answer = this.script(message, attempt);
			if (answer instanceof Error) throw answer;
			return answer;
		} finally {
			this.inFlight--;
		}
	}
}

export function message(to: string, key = `key-${to}`): OutgoingMessage {
	return { to, text: `hello ${to}`, idempotencyKey: key };
}
