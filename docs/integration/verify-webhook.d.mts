export const TOLERANCE_SECONDS: number
/** 'ok', or why the delivery is refused. */
export function verifyWebhook(
  rawBody: string,
  signatureHeader: string | undefined,
  responseKey: string,
  nowSeconds?: number,
): 'ok' | 'missing' | 'malformed' | 'mismatch' | 'outside tolerance'
