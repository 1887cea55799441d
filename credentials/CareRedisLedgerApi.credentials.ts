import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/** The Redis server where Send Care Message claims idempotency keys (tested by the node's credential test). */
export class CareRedisLedgerApi implements ICredentialType {
	name = 'careRedisLedgerApi';

	displayName = 'Care Redis Ledger API';

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-customer-care#ledger';

	icon = 'file:careRedisLedger.svg' as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Host',
			name: 'host',
			type: 'string',
			default: 'localhost',
		},
		{
			displayName: 'Port',
			name: 'port',
			type: 'number',
			default: 6379,
		},
		{
			displayName: 'User',
			name: 'user',
			type: 'string',
			default: '',
			description: 'ACL user name; leave empty for the default user',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
		{
			displayName: 'Database Number',
			name: 'database',
			type: 'number',
			default: 0,
		},
		{
			displayName: 'SSL',
			name: 'ssl',
			type: 'boolean',
			default: false,
			description: 'Whether to connect with TLS',
		},
	];
}
