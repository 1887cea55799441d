// Credential tests for the channels whose providers answer a message-less call with a non-2xx reply,
// which a declarative credential test would always report as a failure.
export { careSlackWebhookApiTest } from './slackWebhook';
export { careWebhookApiTest } from './webhook';
