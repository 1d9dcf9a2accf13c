/** A fresh key for one try at a write; retries of the same try reuse it. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID()
}
