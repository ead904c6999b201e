/** The SDK's version, sent as `X-PristineSend-Client: pristinesend-node/<VERSION>`. */
export const VERSION = '0.1.0';
