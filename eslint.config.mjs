// The lint n8n's own community-node tooling runs (the configuration @n8n/node-cli 0.48 ships as
// `configWithoutCloudSupport`), built here from the same packages: depending on @n8n/node-cli itself
// would install LangChain and a second n8n-workflow only to read this list.
//
// Cloud: we deliberately do not target n8n Cloud verification. The Cloud-only rules (no imports of
// packages other than n8n-workflow, no Node globals such as setTimeout) are left out by using the plugin's
// `recommendedWithoutN8nCloudSupport`, and `no-runtime-dependencies` is switched off below, because the
// package keeps pg, ioredis and nodemailer as runtime dependencies: the ledgers and SMTP need raw sockets,
// which n8n's HTTP helper cannot give, and our users self-host n8n (README, "Installation").
import eslint from '@eslint/js';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { globalIgnores } from 'eslint/config';
import importPlugin from 'eslint-plugin-import-x';
import n8nNodesPlugin from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

const communityNodes = n8nCommunityNodesPlugin.configs.recommendedWithoutN8nCloudSupport;

const selfHostedOnly = {
	// See the header: runtime dependencies are a deliberate choice for self-hosted n8n.
	'@n8n/community-nodes/no-runtime-dependencies': 'off',
	// `overrides` pins unrs-resolver (a dev-only dependency of jest and the import resolver) so that the
	// lock file lists every platform binding and `npm ci` works on every OS. npm ignores `overrides` in an
	// installed package, so users' installs are not affected.
	'@n8n/community-nodes/no-overrides-field': 'off',
};

export default tseslint.config(
	globalIgnores(['dist', 'node_modules', 'test', 'coverage']),
	{
		files: ['**/*.ts'],
		extends: [
			eslint.configs.recommended,
			tseslint.configs.recommended,
			communityNodes,
			importPlugin.configs['flat/recommended'],
		],
		rules: {
			'prefer-spread': 'off',
			'no-console': 'error',
			...selfHostedOnly,
		},
	},
	{
		plugins: { 'n8n-nodes-base': n8nNodesPlugin },
		settings: {
			'import-x/resolver-next': [createTypeScriptImportResolver()],
		},
	},
	{
		files: ['package.json'],
		extends: [communityNodes],
		rules: {
			...n8nNodesPlugin.configs.community.rules,
			...selfHostedOnly,
		},
		languageOptions: {
			parser: tseslint.parser,
			parserOptions: { extraFileExtensions: ['.json'] },
		},
	},
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesPlugin.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			// Superseded by the community rule credential-password-field, which knows which fields hold secrets.
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...n8nNodesPlugin.configs.nodes.rules,
			// n8n-workflow 2.x declares connections with NodeConnectionTypes.Main; these rules predate it.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
	{
		// nodes/shared is n8n-free domain code (no n8n-workflow import, by design): it throws its own errors
		// (ConfigError, InputError, …), and the node glue turns them into NodeOperationError per item.
		files: ['nodes/shared/**/*.ts'],
		rules: { '@n8n/community-nodes/require-node-api-error': 'off' },
	},
);
