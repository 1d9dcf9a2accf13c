/** True when `returnUrl`'s `signature` is the HMAC-SHA256 of its other parameters under `responseKey`. */
export function verifyReturnUrl(returnUrl: string, responseKey: string): boolean
