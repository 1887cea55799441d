import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import { WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER, webhookSignature } from '../../shared/messaging/channels/webhook';
import { post, shortReply, unreachable } from './reply';

/**
 * Posts a signed ping, {"type":"ping","timestamp":…} with X-Signature and X-Timestamp and no message.
 * The receiver contract (README, "Channels"): verify the signature and the timestamp, then answer a ping
 * with 2xx without delivering anything. 401/403 mean the signing secret differs.
 */
export async function careWebhookApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const url = String(credential.data?.url ?? '').trim();
	const secret = String(credential.data?.signingSecret ?? '');
	if (!/^https?:\/\//i.test(url)) return { status: 'Error', message: 'URL must start with http:// or https://' };
	if (!secret) return { status: 'Error', message: 'Signing Secret is empty' };
	const timestamp = String(Math.floor(Date.now() / 1000));
	const rawBody = JSON.stringify({ type: 'ping', timestamp: Number(timestamp) });
	let reply;
	try {
		reply = await post(
			this,
			url,
			{
				'Content-Type': 'application/json',
				[WEBHOOK_SIGNATURE_HEADER]: webhookSignature(secret, rawBody),
				[WEBHOOK_TIMESTAMP_HEADER]: timestamp,
			},
			rawBody,
		);
	} catch (error) {
		return unreachable(error);
	}
	const { statusCode } = reply;
	if (statusCode >= 200 && statusCode < 300) return { status: 'OK', message: 'Connection successful' };
	if (statusCode === 401 || statusCode === 403) {
		return { status: 'Error', message: `The receiver refused the signature (HTTP ${statusCode}): the signing secrets differ` };
	}
	if (statusCode === 404 || statusCode === 405 || statusCode === 410) {
		return { status: 'Error', message: `No receiver takes POST requests at this URL (HTTP ${statusCode})` };
	}
	return {
		status: 'Error',
		message: `The receiver did not acknowledge the signed ping (HTTP ${statusCode} ${shortReply(reply.body, [secret])}); it should answer 2xx to {"type":"ping"}`,
	};
}
