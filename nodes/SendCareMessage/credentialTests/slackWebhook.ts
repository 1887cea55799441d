import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import { Redactor } from '../../shared/messaging/channels';
import { post, shortReply, unreachable } from './reply';

/** Slack's plain-text error codes that mean the URL is no working incoming webhook. */
const REFUSALS: Record<string, string> = {
	invalid_token: 'Slack refused the token in this webhook URL (invalid_token)',
	no_service: 'Slack has no incoming webhook at this URL (no_service): it was removed or mistyped',
	no_active_hooks: 'This incoming webhook is turned off (no_active_hooks)',
	action_prohibited: 'A Slack admin has restricted this webhook (action_prohibited)',
	channel_not_found: 'The channel of this webhook no longer exists (channel_not_found)',
	channel_is_archived: 'The channel of this webhook is archived (channel_is_archived)',
	team_disabled: 'The Slack workspace of this webhook is disabled (team_disabled)',
};

/**
 * Posts an empty JSON object to the webhook URL. Slack checks the hook first and then refuses the missing
 * text with 400 "no_text", so a working hook is proven without posting anything to the channel.
 */
export async function careSlackWebhookApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const url = String(credential.data?.webhookUrl ?? '').trim();
	if (!/^https?:\/\//i.test(url)) {
		return { status: 'Error', message: 'Webhook URL must be the full URL (https://hooks.slack.com/services/…)' };
	}
	let reply;
	try {
		reply = await post(this, url, { 'Content-Type': 'application/json' }, '{}');
	} catch (error) {
		return unreachable(error);
	}
	const code = reply.body.trim();
	if (reply.statusCode === 400 && (code === 'no_text' || code === 'invalid_payload')) {
		return { status: 'OK', message: 'Connection successful' };
	}
	if (REFUSALS[code]) return { status: 'Error', message: REFUSALS[code] };
	if (reply.statusCode >= 200 && reply.statusCode < 300) {
		return { status: 'Error', message: 'This URL accepted an empty message, which a Slack incoming webhook never does' };
	}
	return { status: 'Error', message: `Unexpected reply from the webhook URL: HTTP ${reply.statusCode} ${shortReply(code, Redactor.forCredentials({ webhookUrl: url }))}` };
}
