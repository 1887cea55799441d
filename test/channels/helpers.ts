import type { OutgoingMessage, SendOutcome } from '../../nodes/shared/messaging/channels/types';

let counter = 0;

export function message(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
	counter += 1;
	return { to: '', text: `Care message ${counter}`, idempotencyKey: `cust-${counter}|birthday|test|2025`, ...overrides };
}

/** Every secret that appears anywhere in the serialised values (outcomes, errors, thrown messages). */
export function leakedSecrets(values: unknown[], secrets: string[]): string[] {
	const text = values.map((v) => (v instanceof Error ? `${v.name}: ${v.message}\n${v.stack ?? ''}` : JSON.stringify(v))).join('\n');
	return secrets.filter((secret) => text.includes(secret) || text.includes(encodeURIComponent(secret)));
}

export function expectFailed(outcome: SendOutcome): Extract<SendOutcome, { status: 'failed' }> {
	if (outcome.status !== 'failed') throw new Error(`expected a failed outcome, got ${JSON.stringify(outcome)}`);
	return outcome;
}
