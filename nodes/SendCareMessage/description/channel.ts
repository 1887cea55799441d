import type { INodeProperties } from 'n8n-workflow';
import { CHANNEL_KINDS, CHANNELS, type ChannelEntry, type RecipientKind } from '../../shared/messaging/channels/registry';

/** The channels whose registry entry matches, as displayOptions. */
export const onChannels = (matches: (entry: ChannelEntry) => boolean) => ({
	show: { channel: CHANNEL_KINDS.filter((kind) => matches(CHANNELS[kind])) },
});

const recipientField = (recipient: RecipientKind, displayName: string, defaultField: string, description: string): INodeProperties => ({
	displayName,
	name: 'recipientField',
	type: 'string',
	default: defaultField,
	description,
	displayOptions: onChannels((entry) => entry.recipient === recipient),
});

export const channelProperties: INodeProperties[] = [
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		noDataExpression: true,
		options: CHANNEL_KINDS.map((kind) => ({ name: CHANNELS[kind].label, value: kind, description: CHANNELS[kind].summary })).sort((a, b) =>
			a.name.localeCompare(b.name, 'en'),
		),
		default: 'smtp',
		description: 'Where the messages go; each channel needs its own credential and reads the recipient from its own field',
	},
	recipientField('email', 'Email Field', 'email', 'Field with the recipient email address (dot paths like customer.email work)'),
	recipientField('phone', 'Phone Field', 'phone', 'Field with the mobile number; spaces and dashes are ignored'),
	recipientField('none', 'Recipient Field', '', 'Optional field passed to the endpoint as the recipient (the group robots post to their group)'),
	{
		displayName: 'Customer ID Field',
		name: 'customerIdField',
		type: 'string',
		default: 'customerId',
		description: 'Field identifying the customer: the idempotency key and the frequency cap are per customer',
	},
];
