import { ConfigError } from '../../input/errors';
import { baseUrl, optionalString, requiredString } from './credentialFields';
import { HttpChannel } from './httpChannel';
import type { HttpExchange } from './httpTransport';
import {
	failedOutcome,
	httpStatusOutcome,
	parseJsonObject,
	providerErrorOutcome,
	shortBody,
	transportFailureOutcome,
} from './outcomes';
import { SLOW_DOWN } from './slowDown';
import type { OutgoingMessage, SendOptions, SendOutcome } from './types';

export const TWILIO_DEFAULT_BASE_URL = 'https://api.twilio.com';
const CREDENTIAL = 'Twilio SMS';
const LABEL = 'Twilio';

/** Twilio error 21610: the recipient replied STOP. Sending again is refused until they reply START. */
export const TWILIO_UNSUBSCRIBED = 21610;

export interface TwilioConfig {
	accountSid: string;
	authToken: string;
	from?: string;
	messagingServiceSid?: string;
	baseUrl: string;
}

export function twilioConfig(credentials: Record<string, unknown>): TwilioConfig {
	const config: TwilioConfig = {
		accountSid: requiredString(credentials, 'accountSid', CREDENTIAL),
		authToken: requiredString(credentials, 'authToken', CREDENTIAL),
		from: optionalString(credentials, 'from'),
		messagingServiceSid: optionalString(credentials, 'messagingServiceSid'),
		baseUrl: baseUrl(credentials, 'baseUrl', TWILIO_DEFAULT_BASE_URL, CREDENTIAL),
	};
	if (!config.from && !config.messagingServiceSid) {
		throw new ConfigError(`The ${CREDENTIAL} credential has neither a "from" number nor a "messagingServiceSid" (expected one of them: a number in E.164 such as +15551234567, or a Messaging Service SID starting with MG)`);
	}
	return config;
}

/** The form body of a Messages create call; a Messaging Service takes precedence over a From number. */
export function twilioForm(config: TwilioConfig, message: OutgoingMessage): string {
	const form = new URLSearchParams();
	form.set('To', message.to);
	if (config.messagingServiceSid) form.set('MessagingServiceSid', config.messagingServiceSid);
	else if (config.from) form.set('From', config.from);
	form.set('Body', message.text);
	return form.toString();
}

/**
 * Twilio Programmable Messaging: POST /2010-04-01/Accounts/{AccountSid}/Messages.json with basic auth
 * (Account SID : Auth Token). 201 with the message `sid`; errors are {code, message, more_info, status}.
 */
export class TwilioSmsChannel extends HttpChannel<TwilioConfig> {
	readonly kind = 'twilioSms' as const;

	async send(message: OutgoingMessage, options: SendOptions = {}): Promise<SendOutcome> {
		if (!message.to) return failedOutcome(false, 'NO_RECIPIENT', `${LABEL}: the message has no phone number to send to`);
		return this.exchange(
			{
				method: 'POST',
				url: `${this.config.baseUrl}/2010-04-01/Accounts/${encodeURIComponent(this.config.accountSid)}/Messages.json`,
				headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
				auth: { username: this.config.accountSid, password: this.config.authToken },
				body: twilioForm(this.config, message),
			},
			options,
			twilioOutcome,
		);
	}
}

export function twilioOutcome(exchange: HttpExchange): SendOutcome {
	if (exchange.kind !== 'response') return transportFailureOutcome(LABEL, exchange);
	const body = parseJsonObject(exchange.body);
	if (exchange.status >= 200 && exchange.status < 300) {
		const sid = body && typeof body.sid === 'string' ? body.sid : undefined;
		const status = body && typeof body.status === 'string' ? body.status : undefined;
		return { status: 'sent', ...(sid ? { providerMessageId: sid } : {}), ...(status ? { providerCode: status } : {}) };
	}
	const code = body && typeof body.code === 'number' ? body.code : undefined;
	if (code === undefined) return httpStatusOutcome(LABEL, exchange, undefined, undefined, SLOW_DOWN.twilioSms);
	const text = body && typeof body.message === 'string' ? shortBody(body.message) : '';
	const message = `${LABEL} error ${code} (HTTP ${exchange.status})${text ? `: ${text}` : ''}`;
	if (code === TWILIO_UNSUBSCRIBED) return failedOutcome(false, String(code), message, { optedOut: true });
	return providerErrorOutcome(exchange, String(code), message, {}, SLOW_DOWN.twilioSms);
}
