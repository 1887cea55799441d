import { carePostgresLedgerApiTest, careRedisLedgerApiTest } from './ledgers';
import { careSlackWebhookApiTest } from './slackWebhook';
import { careSmtpApiTest } from './smtp';

export { careSlackWebhookApiTest };

/**
 * The credentials the node tests itself (`methods.credentialTest`), each named `<credential type>Test`:
 * those n8n cannot test with a declarative request. SMTP and the ledgers are not HTTP; Slack answers a
 * message-less post with 400 no_text, which a declarative test would always report as a failure.
 */
export const credentialTest = { careSmtpApiTest, careSlackWebhookApiTest, careRedisLedgerApiTest, carePostgresLedgerApiTest };

