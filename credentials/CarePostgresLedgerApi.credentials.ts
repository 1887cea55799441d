import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/** The Postgres database where Send Care Message keeps its ledger table (tested by the node's credential test). */
export class CarePostgresLedgerApi implements ICredentialType {
	name = 'carePostgresLedgerApi';

	displayName = 'Care Postgres Ledger API';

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-customer-care#ledger';

	icon = 'file:carePostgresLedger.svg' as const;

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
			default: 5432,
		},
		{
			displayName: 'Database',
			name: 'database',
			type: 'string',
			default: 'postgres',
		},
		{
			displayName: 'User',
			name: 'user',
			type: 'string',
			default: 'postgres',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
		{
			displayName: 'SSL',
			name: 'ssl',
			type: 'boolean',
			default: false,
			description: 'Whether to connect with TLS (the server certificate is not verified)',
		},
	];
}
