import type { ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';
import type { Redactor } from '../../shared/messaging/channels';

export interface HttpReply {
	statusCode: number;
	body: string;
}

/**
 * POSTs through n8n's request helper, the only HTTP helper n8n gives a credential test, so n8n's proxy
 * settings apply as they do to the node's own sends. Any status comes back as a reply, not an error.
 */
export async function post(
	context: ICredentialTestFunctions,
	url: string,
	headers: Record<string, string>,
	rawBody: string,
): Promise<HttpReply> {
	// ICredentialTestFunctions (n8n-workflow 2.x) has no httpRequest, only request.
	const response = (await context.helpers.request({
		method: 'POST',
		uri: url,
		headers,
		body: rawBody,
		json: false,
		simple: false,
		resolveWithFullResponse: true,
		timeout: 15_000,
	})) as { statusCode: number; body: unknown };
	const body = typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? '');
	return { statusCode: response.statusCode, body };
}

/** A connection failure as a test result; the message names the cause, never the URL (it may hold the secret). */
export function unreachable(error: unknown): INodeCredentialTestResult {
	const cause = error as { code?: string; cause?: { code?: string } };
	const code = cause.code ?? cause.cause?.code;
	return { status: 'Error', message: `Could not reach the URL${code ? ` (${code})` : ''}` };
}

/** At most 80 characters of a reply body, on one line, for an error message; redacted (in any form) before it is cut. */
export function shortReply(body: string, redactor: Redactor): string {
	const line = redactor.redact(body).replace(/\s+/g, ' ').trim();
	return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
