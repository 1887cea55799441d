// The Slack webhook's credential test: Slack answers a message-less post with 400 no_text, which a
// declarative credential test would always report as a failure, so the node tests it.
export { careSlackWebhookApiTest } from './slackWebhook';
